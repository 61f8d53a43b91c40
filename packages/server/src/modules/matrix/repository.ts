import { ACCESS_LEVELS, type Category, type MatrixCell, type PartnerAccess } from '@wijkregie/shared';
import { z } from 'zod';
import type { Db } from '../../db/db.js';
import { col, execute, hasRow, idRow, oneRow, rows } from '../../db/rows.js';
import type { TenantScope } from '../../db/scope.js';

const categoryRow = z.object({ key: col.text, label: col.text });
const access = z.enum(ACCESS_LEVELS);
const cellRow = z.object({ partnerId: col.uuid, category: col.text, access });
const storedCellRow = z.object({ partner_id: col.uuid, category: col.text, access });
const partnerAccessRow = z.object({ version: col.int, access: z.record(z.string(), access) });

export async function listCategories(s: TenantScope): Promise<Category[]> {
  return rows(
    s.q,
    categoryRow,
    'SELECT key, label FROM categories WHERE tenant_id = $1 ORDER BY position, key',
    [s.tenantId],
  );
}

export async function categoryExists(s: TenantScope, key: string): Promise<boolean> {
  return hasRow(s.q, 'SELECT 1 FROM categories WHERE tenant_id = $1 AND key = $2', [s.tenantId, key]);
}

export async function insertCategory(s: TenantScope, c: Category): Promise<Category> {
  return oneRow(
    s.q,
    categoryRow,
    `INSERT INTO categories (tenant_id, key, label, position)
     VALUES ($1, $2, $3, (SELECT coalesce(max(position), 0) + 1 FROM categories WHERE tenant_id = $1))
     RETURNING key, label`,
    [s.tenantId, c.key, c.label],
  );
}

/**
 * Partners' matrix rows as last read, with the tenant's matrix version they were read at (same
 * statement, so the same snapshot). Every change of access_matrix raises the version in its own
 * transaction (trigger, migration 004) and announces it at commit on `MATRIX_CHANNEL` (migration 034).
 * While this process hears those announcements (`listenForMatrixChanges`), a row read after the last
 * announcement for its tenant holds without any query; when it does not (not started, or the listening
 * connection lost), a row holds only while the version the caller read along is unchanged.
 */
const accessByVersion = new Map<string, { version: number; access: PartnerAccess; heard: boolean }>();
const ACCESS_CACHE_MAX = 10_000;
export const MATRIX_CHANNEL = 'wijkregie_matrix';
/** Listening connections that are up; rows are trusted on announcements only while one is. */
let listening = 0;
/** Raised by every announcement and every change of `listening`: a read that overlapped one is not trusted. */
let changes = 0;

function forgetTenant(tenantId: string): void {
  changes++;
  for (const key of accessByVersion.keys()) if (key.startsWith(`${tenantId}/`)) accessByVersion.delete(key);
}

/** Hears the matrix changes of every app instance on this database; resolves with the stop function. */
export async function listenForMatrixChanges(db: Db): Promise<() => Promise<void>> {
  let up = false;
  const state = (now: boolean) => {
    if (now === up) return;
    up = now;
    listening += now ? 1 : -1;
    changes++;
    // What was said while nobody listened is lost: start over from the versions.
    accessByVersion.clear();
  };
  const stop = await db.listen(MATRIX_CHANNEL, forgetTenant, state);
  return async () => {
    await stop();
    state(false);
  };
}

/**
 * One partner's row: category → read | write (categories without a cell are absent = none). Heard (see
 * above), a cached row costs no query. Otherwise, given the tenant's matrix version as read in this
 * snapshot (`CaseRead.matrixVersion`: the case read reads it along), a row read before at that same version
 * is reused; else the row and the version are read together.
 */
export async function partnerAccess(
  s: TenantScope,
  partnerId: string,
  matrixVersion?: number,
): Promise<PartnerAccess> {
  const key = `${s.tenantId}/${partnerId}`;
  const known = accessByVersion.get(key);
  // A version read along that is newer than the row's wins even over a heard row: its announcement may
  // still be on its way.
  const heard = known && listening > 0 && known.heard && (matrixVersion ?? known.version) <= known.version;
  if (known && (heard || known.version === matrixVersion)) return { ...known.access };
  const before = changes;
  const found = await oneRow(
    s.q,
    partnerAccessRow,
    `SELECT coalesce((SELECT version FROM access_matrix_versions WHERE tenant_id = $1), 0) AS version,
            coalesce((SELECT jsonb_object_agg(category, access) FROM access_matrix
                       WHERE tenant_id = $1 AND partner_id = $2), '{}'::jsonb) AS access`,
    [s.tenantId, partnerId],
  );
  if (accessByVersion.size >= ACCESS_CACHE_MAX) accessByVersion.clear();
  accessByVersion.set(key, {
    version: found.version,
    access: found.access,
    heard: listening > 0 && changes === before,
  });
  return { ...found.access };
}

/** The whole grid, every partner × every category, `none` where no cell was set. */
export async function fullMatrix(s: TenantScope): Promise<MatrixCell[]> {
  return rows(
    s.q,
    cellRow,
    `SELECT p.id AS "partnerId", c.key AS category, coalesce(m.access, 'none') AS access
       FROM partners p
       CROSS JOIN categories c
       LEFT JOIN access_matrix m ON m.tenant_id = p.tenant_id AND m.partner_id = p.id AND m.category = c.key
      WHERE p.tenant_id = $1 AND c.tenant_id = $1
      ORDER BY lower(p.name), p.id, c.position, c.key`,
    [s.tenantId],
  );
}

/** The stored access of the given cells, by `partnerId/category` (cells without a row are absent). */
export async function cellsOf(s: TenantScope, cells: { partnerId: string; category: string }[]) {
  const found = await rows(
    s.q,
    storedCellRow,
    `SELECT m.partner_id, m.category, m.access FROM access_matrix m
       JOIN jsonb_to_recordset($2::jsonb) AS x ("partnerId" uuid, category text)
         ON m.partner_id = x."partnerId" AND m.category = x.category
      WHERE m.tenant_id = $1`,
    [s.tenantId, JSON.stringify(cells)],
  );
  return new Map(found.map((r) => [`${r.partner_id}/${r.category}`, r.access]));
}

export async function setCell(s: TenantScope, cell: MatrixCell, userId: string): Promise<void> {
  if (cell.access === 'none') {
    await execute(
      s.q,
      'DELETE FROM access_matrix WHERE tenant_id = $1 AND partner_id = $2 AND category = $3',
      [s.tenantId, cell.partnerId, cell.category],
    );
    return;
  }
  await execute(
    s.q,
    `INSERT INTO access_matrix (tenant_id, partner_id, category, access, updated_by)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (tenant_id, partner_id, category)
     DO UPDATE SET access = EXCLUDED.access, updated_at = now(), updated_by = EXCLUDED.updated_by`,
    [s.tenantId, cell.partnerId, cell.category, cell.access, userId],
  );
}

export async function existingPartnerIds(s: TenantScope, ids: readonly string[]): Promise<Set<string>> {
  const found = await rows(
    s.q,
    idRow,
    'SELECT id FROM partners WHERE tenant_id = $1 AND id = ANY($2::uuid[])',
    [s.tenantId, [...new Set(ids)]],
  );
  return new Set(found.map((r) => r.id));
}

/**
 * The partners of the tenant among `ids`, each with whether it still takes part (`true`) or was
 * deactivated (`false`); an id that is no partner of the tenant is absent. Only an active partner may
 * be chosen for new work; one chosen before its deactivation may stay where it is.
 */
export async function partnerStatuses(s: TenantScope, ids: readonly string[]): Promise<Map<string, boolean>> {
  if (!ids.length) return new Map();
  const found = await rows(
    s.q,
    z.object({ id: col.uuid, active: col.bool }),
    'SELECT id, active FROM partners WHERE tenant_id = $1 AND id = ANY($2::uuid[])',
    [s.tenantId, [...new Set(ids)]],
  );
  return new Map(found.map((r) => [r.id, r.active]));
}

export async function existingCategoryKeys(s: TenantScope): Promise<Set<string>> {
  const found = await rows(
    s.q,
    categoryRow.pick({ key: true }),
    'SELECT key FROM categories WHERE tenant_id = $1',
    [s.tenantId],
  );
  return new Set(found.map((r) => r.key));
}
