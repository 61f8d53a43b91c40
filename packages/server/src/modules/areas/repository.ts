import { AREA_KINDS, type Area } from '@wijkregie/shared';
import { z } from 'zod';
import { col, rows } from '../../db/rows.js';
import type { TenantScope } from '../../db/scope.js';

const areaRow = z.object({
  id: col.uuid,
  kind: z.enum(AREA_KINDS),
  code: col.text,
  name: col.text,
  parentId: col.uuid.nullable(),
  geometry: col.json,
});

/** The municipality's wijken and buurten with their GeoJSON (public boundaries, CBS codes). */
export function listAreas(s: TenantScope): Promise<Area[]> {
  return rows(
    s.q,
    areaRow,
    `SELECT id, kind, code, name, parent_id AS "parentId", geometry FROM areas WHERE tenant_id = $1
      ORDER BY kind DESC, code`,
    [s.tenantId],
  );
}
