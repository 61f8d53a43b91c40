import type { CreateSignalCategory, SignalCategoryView, UpdateSignalCategory } from '@wijkregie/shared';
import { z } from 'zod';
import { col, hasRow, idRow, row, rows } from '../../db/rows.js';
import type { TenantScope } from '../../db/scope.js';

/** The SQL of the municipality's signal configuration: categories (with deadlines) and routing rules. */

const categoryRow = z.object({
  key: col.text,
  label: col.text,
  public_report: col.bool,
  deadline_days: col.int,
  deadline_working: col.bool,
});
const CATEGORY_COLUMNS = 'key, label, public_report, deadline_days, deadline_working';
const toCategory = (r: z.infer<typeof categoryRow>): SignalCategoryView => ({
  key: r.key,
  label: r.label,
  publicReport: r.public_report,
  deadlineDays: r.deadline_days,
  deadlineWorking: r.deadline_working,
});

export async function signalCategory(s: TenantScope, key: string): Promise<SignalCategoryView | undefined> {
  const found = await row(
    s.q,
    categoryRow,
    `SELECT ${CATEGORY_COLUMNS} FROM signal_categories WHERE tenant_id = $1 AND key = $2`,
    [s.tenantId, key],
  );
  return found && toCategory(found);
}

/** The tenant's categories in their order; `publicOnly`: those residents may choose. */
export async function signalCategories(s: TenantScope, publicOnly = false): Promise<SignalCategoryView[]> {
  const found = await rows(
    s.q,
    categoryRow,
    `SELECT ${CATEGORY_COLUMNS} FROM signal_categories
      WHERE tenant_id = $1 ${publicOnly ? 'AND public_report' : ''} ORDER BY position, key`,
    [s.tenantId],
  );
  return found.map(toCategory);
}

/** Adds a category at the end; false when the key exists. */
export async function insertSignalCategory(s: TenantScope, c: CreateSignalCategory): Promise<boolean> {
  return hasRow(
    s.q,
    `INSERT INTO signal_categories (tenant_id, key, label, public_report, deadline_days, deadline_working, position)
     VALUES ($1, $2, $3, $4, $5, $6,
             (SELECT coalesce(max(position), 0) + 1 FROM signal_categories WHERE tenant_id = $1))
     ON CONFLICT DO NOTHING RETURNING key`,
    [s.tenantId, c.key, c.label, c.publicReport, c.deadlineDays, c.deadlineWorking],
  );
}

/** Changes the given fields; the category as it is now, or undefined when there is none. */
export async function updateSignalCategory(
  s: TenantScope,
  key: string,
  u: UpdateSignalCategory,
): Promise<SignalCategoryView | undefined> {
  const updated = await row(
    s.q,
    categoryRow,
    `UPDATE signal_categories SET label = coalesce($3, label), public_report = coalesce($4, public_report),
            deadline_days = coalesce($5, deadline_days), deadline_working = coalesce($6, deadline_working)
      WHERE tenant_id = $1 AND key = $2 RETURNING ${CATEGORY_COLUMNS}`,
    [
      s.tenantId,
      key,
      u.label ?? null,
      u.publicReport ?? null,
      u.deadlineDays ?? null,
      u.deadlineWorking ?? null,
    ],
  );
  return updated && toCategory(updated);
}

/**
 * The most specific routing rule: category in the buurt, in its wijk, then anywhere. A rule to a
 * deactivated partner is passed over (nobody there would read the signal): the next one counts, or
 * none, and the regisseur judges the signal.
 */
export async function findRoute(s: TenantScope, category: string, areaId: string | null) {
  return row(
    s.q,
    z.object({
      partner_id: col.uuid,
      partner_name: col.text,
      area_name: col.text.nullable(),
      rank: col.int,
    }),
    `SELECT r.partner_id, p.name AS partner_name, a.name AS area_name,
            CASE WHEN r.area_id = $3 THEN 0 WHEN r.area_id IS NOT NULL THEN 1 ELSE 2 END AS rank
       FROM signal_routes r
       JOIN partners p ON p.tenant_id = r.tenant_id AND p.id = r.partner_id AND p.active
       LEFT JOIN areas a ON a.tenant_id = r.tenant_id AND a.id = r.area_id
      WHERE r.tenant_id = $1 AND r.category = $2
        AND (r.area_id IS NULL OR r.area_id = $3
             OR r.area_id = (SELECT parent_id FROM areas WHERE tenant_id = $1 AND id = $3))
      ORDER BY rank LIMIT 1`,
    [s.tenantId, category, areaId],
  );
}

const routeRow = z.object({
  id: col.uuid,
  category: col.text,
  areaId: col.uuid.nullable(),
  partnerId: col.uuid,
});

export async function listRoutes(s: TenantScope) {
  return rows(
    s.q,
    routeRow,
    `SELECT id, category, area_id AS "areaId", partner_id AS "partnerId" FROM signal_routes
      WHERE tenant_id = $1 ORDER BY category, area_id NULLS FIRST`,
    [s.tenantId],
  );
}

/** Adds a rule; undefined when there is one for this category and area already. */
export async function insertRoute(
  s: TenantScope,
  r: { category: string; areaId: string | null; partnerId: string },
): Promise<string | undefined> {
  const inserted = await row(
    s.q,
    idRow,
    `INSERT INTO signal_routes (tenant_id, category, area_id, partner_id) VALUES ($1, $2, $3, $4)
     ON CONFLICT DO NOTHING RETURNING id`,
    [s.tenantId, r.category, r.areaId, r.partnerId],
  );
  return inserted?.id;
}

export async function deleteRoute(s: TenantScope, id: string): Promise<boolean> {
  return hasRow(s.q, 'DELETE FROM signal_routes WHERE tenant_id = $1 AND id = $2 RETURNING id', [
    s.tenantId,
    id,
  ]);
}
