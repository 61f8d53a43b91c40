import { VISIT_OUTCOMES, type Visit, type VisitOutcome } from '@wijkregie/shared';
import { z } from 'zod';
import { signalVisibleSql } from '../../access/signals.js';
import type { Viewer } from '../../access/viewer.js';
import { Params } from '../../db/params.js';
import { col, execute, insertedId, row, rows } from '../../db/rows.js';
import type { TenantScope } from '../../db/scope.js';
import { placeColumns } from './repository.js';

/** The SQL of home visits (outreach) about signals, and the day's worklist. */

export async function insertVisit(
  s: TenantScope,
  v: {
    signalId: string;
    plannedDate: string;
    visitorUserId: string | null;
    partnerId: string;
    createdBy: string;
  },
): Promise<string> {
  return insertedId(
    s.q,
    `INSERT INTO visits (tenant_id, signal_id, planned_date, visitor_user_id, partner_id, created_by_user_id)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [s.tenantId, v.signalId, v.plannedDate, v.visitorUserId, v.partnerId, v.createdBy],
  );
}

const visitRow = z.object({
  id: col.uuid,
  signalId: col.uuid,
  plannedDate: col.date,
  visitorUserId: col.uuid.nullable(),
  visitorName: col.text.nullable(),
  partnerId: col.uuid,
  outcome: z.enum(VISIT_OUTCOMES).nullable(),
  referredPartnerId: col.uuid.nullable(),
  nextStep: col.text.nullable(),
  nextDate: col.date.nullable(),
  notes: col.text.nullable(),
  recordedAt: col.timestamp.nullable(),
  createdAt: col.timestamp,
});

const VISIT_SELECT = `vi.id, vi.signal_id AS "signalId", vi.planned_date AS "plannedDate", vi.visitor_user_id AS "visitorUserId",
  (SELECT u.name FROM users u WHERE u.tenant_id = vi.tenant_id AND u.id = vi.visitor_user_id) AS "visitorName",
  vi.partner_id AS "partnerId", vi.outcome, vi.referred_partner_id AS "referredPartnerId", vi.next_step AS "nextStep",
  vi.next_date AS "nextDate", vi.notes, vi.recorded_at AS "recordedAt", vi.created_at AS "createdAt"`;

const toVisit = (r: z.infer<typeof visitRow>): Visit => ({
  ...r,
  recordedAt: r.recordedAt ? r.recordedAt.toISOString() : null,
  createdAt: r.createdAt.toISOString(),
});

export async function findVisit(s: TenantScope, id: string, lock = false): Promise<Visit | undefined> {
  if (lock)
    await execute(s.q, 'SELECT 1 FROM visits WHERE tenant_id = $1 AND id = $2 FOR UPDATE', [s.tenantId, id]);
  const found = await row(
    s.q,
    visitRow,
    `SELECT ${VISIT_SELECT} FROM visits vi WHERE vi.tenant_id = $1 AND vi.id = $2`,
    [s.tenantId, id],
  );
  return found && toVisit(found);
}

/** A visit that was just written: it exists. */
export async function visitById(s: TenantScope, id: string): Promise<Visit> {
  const found = await findVisit(s, id);
  if (!found) throw new Error(`visit ${id} vanished inside its own transaction`);
  return found;
}

export async function visitsOf(s: TenantScope, signalId: string): Promise<Visit[]> {
  const found = await rows(
    s.q,
    visitRow,
    `SELECT ${VISIT_SELECT} FROM visits vi WHERE vi.tenant_id = $1 AND vi.signal_id = $2 ORDER BY vi.created_at`,
    [s.tenantId, signalId],
  );
  return found.map(toVisit);
}

export async function storeVisitOutcome(
  s: TenantScope,
  id: string,
  o: {
    outcome: VisitOutcome;
    referredPartnerId: string | null;
    nextStep: string | null;
    nextDate: string | null;
    notes: string | null;
  },
) {
  await execute(
    s.q,
    `UPDATE visits SET outcome = $3, referred_partner_id = $4, next_step = $5, next_date = $6, notes = $7,
            recorded_at = clock_timestamp()
      WHERE tenant_id = $1 AND id = $2 AND outcome IS NULL`,
    [s.tenantId, id, o.outcome, o.referredPartnerId, o.nextStep, o.nextDate, o.notes],
  );
}

/** The partner of an active user of the tenant (a visitor), or undefined when there is no such user. */
export async function activeUserPartner(s: TenantScope, userId: string): Promise<string | undefined> {
  const found = await row(
    s.q,
    z.object({ partner_id: col.uuid }),
    'SELECT partner_id FROM users WHERE tenant_id = $1 AND id = $2 AND active',
    [s.tenantId, userId],
  );
  return found?.partner_id;
}

const worklistRow = z.object({
  id: col.uuid,
  signal_id: col.uuid.nullable(),
  visitor_user_id: col.uuid.nullable(),
  category: col.text,
  category_label: col.text,
  description: col.text,
  ...placeColumns,
  end_of_supply: col.bool,
  attempts: col.int,
});
export type WorklistRow = z.infer<typeof worklistRow>;

/**
 * The day's open visits of the caller: theirs, or their partner's without a named visitor. The
 * signal's id only when the caller may open the signal.
 */
export async function worklist(s: TenantScope, v: Viewer, date: string): Promise<WorklistRow[]> {
  const p = new Params();
  return rows(
    s.q,
    worklistRow,
    `SELECT vi.id, CASE WHEN ${signalVisibleSql('sg', v, p)} THEN vi.signal_id END AS signal_id, vi.visitor_user_id, sg.category, c.label AS category_label, sg.description,
            sg.street, sg.house_number, sg.postal_code, sg.city, sg.lat, sg.lng, sg.end_of_supply,
            (SELECT count(*)::int FROM visits o WHERE o.signal_id = sg.id AND o.outcome IS NOT NULL) AS attempts
       FROM visits vi
       JOIN signals sg ON sg.tenant_id = vi.tenant_id AND sg.id = vi.signal_id
       JOIN signal_categories c ON c.tenant_id = sg.tenant_id AND c.key = sg.category
      WHERE vi.tenant_id = ${p.add(s.tenantId)} AND vi.planned_date = ${p.add(date)} AND vi.outcome IS NULL
        AND (vi.visitor_user_id = ${p.add(v.userId)} OR (vi.visitor_user_id IS NULL AND vi.partner_id = ${p.add(v.partnerId)}))
      ORDER BY vi.created_at`,
    p.values,
  );
}
