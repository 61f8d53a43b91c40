import type { TenantScope } from '../../db/scope.js';

export interface AreaRow {
  id: string;
  kind: 'wijk' | 'buurt';
  code: string;
  name: string;
  parentId: string | null;
  geometry: unknown;
}

/** The municipality's wijken and buurten with their GeoJSON (public boundaries, CBS codes). */
export function listAreas(s: TenantScope): Promise<AreaRow[]> {
  return s.q.query<AreaRow>(
    `SELECT id, kind, code, name, parent_id AS "parentId", geometry FROM areas WHERE tenant_id = $1
      ORDER BY kind DESC, code`,
    [s.tenantId],
  );
}
