import {
  AREA_KINDS,
  type Area,
  type AreaGeometry,
  type AreaKind,
  areaGeometrySchema,
} from '@wijkregie/shared';
import { z } from 'zod';
import type { Queryable } from '../../db/db.js';
import { col, execute, oneRow, row, rows } from '../../db/rows.js';
import type { TenantScope } from '../../db/scope.js';

const areaRow = z.object({
  id: col.uuid,
  kind: z.enum(AREA_KINDS),
  code: col.text,
  name: col.text,
  parentId: col.uuid.nullable(),
  geometry: col.json,
});

const AREA_COLUMNS = 'id, kind, code, name, parent_id AS "parentId", geometry';

/** The municipality's wijken and buurten with their GeoJSON (public boundaries, CBS codes). */
export function listAreas(s: TenantScope): Promise<Area[]> {
  return rows(
    s.q,
    areaRow,
    `SELECT ${AREA_COLUMNS} FROM areas WHERE tenant_id = $1 ORDER BY kind DESC, code`,
    [s.tenantId],
  );
}

export function findArea(s: TenantScope, id: string): Promise<Area | undefined> {
  return row(s.q, areaRow, `SELECT ${AREA_COLUMNS} FROM areas WHERE tenant_id = $1 AND id = $2`, [
    s.tenantId,
    id,
  ]);
}

const codeRow = z.object({ id: col.uuid, kind: z.enum(AREA_KINDS), code: col.text });

/** The areas with these codes: id and kind by code. */
export async function areasByCode(
  s: TenantScope,
  codes: readonly string[],
): Promise<Map<string, { id: string; kind: AreaKind }>> {
  const found = await rows(
    s.q,
    codeRow,
    'SELECT id, kind, code FROM areas WHERE tenant_id = $1 AND code = ANY ($2::text[])',
    [s.tenantId, [...codes]],
  );
  return new Map(found.map((r) => [r.code, { id: r.id, kind: r.kind }]));
}

export interface AreaValues {
  kind: AreaKind;
  code: string;
  name: string;
  parentId: string | null;
  geometry: AreaGeometry;
}

/** Stores an area by its code: a new one, or the one with that code changed. Says which it was. */
export async function upsertArea(s: TenantScope, a: AreaValues): Promise<{ id: string; created: boolean }> {
  return oneRow(
    s.q,
    z.object({ id: col.uuid, created: z.boolean() }),
    `INSERT INTO areas (tenant_id, kind, code, name, parent_id, geometry)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb)
     ON CONFLICT (tenant_id, code) DO UPDATE
        SET kind = EXCLUDED.kind, name = EXCLUDED.name, parent_id = EXCLUDED.parent_id,
            geometry = EXCLUDED.geometry, updated_at = clock_timestamp()
     RETURNING id, (xmax = 0) AS created`,
    [s.tenantId, a.kind, a.code, a.name, a.parentId, JSON.stringify(a.geometry)],
  );
}

/** Whether a code is taken (a drawn area without a code gets the next free `WR…`). */
export async function nextOwnCode(s: TenantScope, kind: AreaKind): Promise<string> {
  const prefix = kind === 'wijk' ? 'WRW' : 'WRB';
  const { n } = await oneRow(
    s.q,
    z.object({ n: col.int }),
    `SELECT count(*)::int + 1 AS n FROM areas WHERE tenant_id = $1 AND code LIKE $2`,
    [s.tenantId, `${prefix}%`],
  );
  return `${prefix}${String(n).padStart(4, '0')}`;
}

const outlineRow = z.object({ id: col.uuid, kind: z.enum(AREA_KINDS), geometry: areaGeometrySchema });

/** Every outline of the municipality, buurten first: the smallest area that holds a point wins. */
export function outlines(q: Queryable, tenantId: string) {
  return rows(
    q,
    outlineRow,
    `SELECT id, kind, geometry FROM areas WHERE tenant_id = $1 ORDER BY (kind = 'buurt') DESC, code`,
    [tenantId],
  );
}

/** What changes when an area changes: the number of areas and the last change. */
export async function areasVersion(q: Queryable, tenantId: string): Promise<string> {
  const r = await oneRow(
    q,
    z.object({ n: col.int, at: col.timestamp.nullable() }),
    'SELECT count(*)::int AS n, max(updated_at) AS at FROM areas WHERE tenant_id = $1',
    [tenantId],
  );
  return `${r.n}:${r.at?.toISOString() ?? ''}`;
}

const pointRow = z.object({ id: col.uuid, lat: z.number(), lng: z.number(), area_id: col.uuid.nullable() });

/** The tables whose rows have a point and the area it lies in. */
export const POINT_TABLES = ['signals', 'locations', 'incidents', 'observations'] as const;

/**
 * Tables whose rows always have an area (a field note is written about one): a point that falls outside
 * every buurt of the new map keeps the area it had.
 */
export const AREA_REQUIRED: ReadonlySet<(typeof POINT_TABLES)[number]> = new Set(['observations']);

/** The points of a table, a page at a time (by id). */
export function pointsAfter(
  s: TenantScope,
  table: (typeof POINT_TABLES)[number],
  afterId: string | null,
  limit: number,
) {
  return rows(
    s.q,
    pointRow,
    `SELECT id, lat, lng, area_id FROM ${table}
      WHERE tenant_id = $1 AND lat IS NOT NULL AND lng IS NOT NULL AND ($2::uuid IS NULL OR id > $2)
      ORDER BY id LIMIT $3`,
    [s.tenantId, afterId, limit],
  );
}

/** Sets the area of some rows of a table. */
export async function setAreas(
  s: TenantScope,
  table: (typeof POINT_TABLES)[number],
  changes: readonly { id: string; areaId: string | null }[],
): Promise<void> {
  if (changes.length === 0) return;
  await execute(
    s.q,
    `UPDATE ${table} t SET area_id = x."areaId"
       FROM jsonb_to_recordset($2::jsonb) AS x (id uuid, "areaId" uuid)
      WHERE t.tenant_id = $1 AND t.id = x.id`,
    [s.tenantId, JSON.stringify(changes)],
  );
}
