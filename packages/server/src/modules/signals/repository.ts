import {
  type Collection,
  CREDITOR_TYPES,
  type CreditorType,
  REPORT_URGENCIES,
  type ReportUrgency,
  SIGNAL_SOURCES,
  SIGNAL_STATUSES,
  type Signal,
  type SignalSortField,
  type SignalSource,
  type SignalStatus,
  type Sorting,
} from '@wijkregie/shared';
import { z } from 'zod';
import { caseIdVisibleSql } from '../../access/cases.js';
import { signalIdVisibleSql, signalVisibleSql } from '../../access/signals.js';
import { subjectIdVisibleSql } from '../../access/subjects.js';
import type { Viewer } from '../../access/viewer.js';
import { enqueueWebhookEvent } from '../../background/webhook-repository.js';
import type { Queryable } from '../../db/db.js';
import { orderOf } from '../../db/order.js';
import { type PageRequest, Params, selectPage } from '../../db/params.js';
import { col, execute, insertedId, row, rows } from '../../db/rows.js';
import type { TenantScope } from '../../db/scope.js';
import { addLinks, Changes, updateById } from '../../db/update.js';

/** The SQL of the signal inbox: signals, their persons, history and matches, and the overdue claim. */

/** The references of a signal that point at other objects (cases, persons, signals). */
type SignalRefs = Pick<Signal, 'caseId' | 'personIds' | 'mergedIntoId' | 'bundleId'>;

/**
 * A signal as stored: its references are all there (decisions and the audit need them); `shown`
 * holds those the viewer it was read for may open, which is what `present` hands out.
 */
export interface SignalRecord extends Signal {
  reporterUserId: string | null;
  trackingCode: string | null;
  addressKey: string | null;
  shown: SignalRefs;
}

/** Where a signal is: its address and point, each optional (the columns of `signals` and its joins). */
export const placeColumns = {
  street: col.text.nullable(),
  house_number: col.text.nullable(),
  postal_code: col.text.nullable(),
  city: col.text.nullable(),
  lat: col.num.nullable(),
  lng: col.num.nullable(),
};

const signalRow = z.object({
  id: col.uuid,
  category: col.text,
  description: col.text,
  source: z.enum(SIGNAL_SOURCES),
  status: z.enum(SIGNAL_STATUSES),
  occurred_at: col.timestamp.nullable(),
  ...placeColumns,
  area_id: col.uuid.nullable(),
  address_key: col.text.nullable(),
  reporter_user_id: col.uuid.nullable(),
  reporter_partner_id: col.uuid.nullable(),
  routed_partner_id: col.uuid.nullable(),
  routing_reason: col.text.nullable(),
  first_contact_due: col.date.nullable(),
  case_id: col.uuid.nullable(),
  processing_activity_id: col.uuid,
  bundle_id: col.uuid.nullable(),
  merged_into_id: col.uuid.nullable(),
  outcome: col.text.nullable(),
  creditor_type: z.enum(CREDITOR_TYPES).nullable(),
  creditor_name: col.text.nullable(),
  creditor_reference: col.text.nullable(),
  arrears_amount: col.num.nullable(),
  arrears_since: col.date.nullable(),
  end_of_supply: col.bool,
  tracking_code: col.text.nullable(),
  resident_group_id: col.uuid.nullable(),
  resident_group_name: col.text.nullable(),
  urgency: z.enum(REPORT_URGENCIES).nullable(),
  person_ids: col.textArray,
  created_at: col.timestamp,
  updated_at: col.timestamp,
  shown_case_id: col.uuid.nullable(),
  /** Null for a regisseur, who may open every person: then `person_ids`. */
  shown_person_ids: col.textArray.nullable(),
  shown_merged_into_id: col.uuid.nullable(),
  shown_bundle_id: col.uuid.nullable(),
});
type SignalRow = z.infer<typeof signalRow>;

const SIGNAL_COLUMNS = `sg.id, sg.category, sg.description, sg.source, sg.status, sg.occurred_at, sg.street,
  sg.house_number, sg.postal_code, sg.city, sg.lat, sg.lng, sg.area_id, sg.address_key, sg.reporter_user_id,
  sg.reporter_partner_id, sg.routed_partner_id, sg.routing_reason, sg.first_contact_due, sg.case_id, sg.processing_activity_id, sg.bundle_id,
  sg.merged_into_id, sg.outcome, sg.creditor_type, sg.creditor_name, sg.creditor_reference, sg.arrears_amount,
  sg.arrears_since, sg.end_of_supply, sg.tracking_code, sg.created_at, sg.updated_at, sg.resident_group_id,
  (SELECT rg.name FROM resident_groups rg WHERE rg.tenant_id = sg.tenant_id AND rg.id = sg.resident_group_id)
    AS resident_group_name, sg.urgency,
  ARRAY(SELECT sp.person_id FROM signal_persons sp WHERE sp.signal_id = sg.id ORDER BY sp.person_id) AS person_ids`;

/** The columns of signal `sg`, with its references as far as `v` may open them (`shown_*`). */
function signalColumns(v: Viewer, p: Params): string {
  const persons = v.regisseur
    ? 'NULL::uuid[]'
    : `ARRAY(SELECT sp.person_id FROM signal_persons sp WHERE sp.signal_id = sg.id
          AND ${subjectIdVisibleSql('person', 'sp.person_id', 'sg.tenant_id', v, p)} ORDER BY sp.person_id)`;
  return `${SIGNAL_COLUMNS},
  CASE WHEN ${caseIdVisibleSql('sg.case_id', v, p)} THEN sg.case_id END AS shown_case_id,
  ${persons} AS shown_person_ids,
  CASE WHEN ${signalIdVisibleSql('sg.merged_into_id', 'sg.tenant_id', v, p)} THEN sg.merged_into_id END AS shown_merged_into_id,
  CASE WHEN sg.bundle_id = sg.id OR ${signalIdVisibleSql('sg.bundle_id', 'sg.tenant_id', v, p)}
    THEN sg.bundle_id END AS shown_bundle_id`;
}

const OPEN: SignalStatus[] = ['new', 'triage', 'visit_planned'];

function toSignal(r: SignalRow, today: string): SignalRecord {
  const location: Signal['location'] = {};
  if (r.street) location.street = r.street;
  if (r.house_number) location.houseNumber = r.house_number;
  if (r.postal_code) location.postalCode = r.postal_code;
  if (r.city) location.city = r.city;
  if (r.lat !== null) location.lat = r.lat;
  if (r.lng !== null) location.lng = r.lng;
  return {
    id: r.id,
    category: r.category,
    description: r.description,
    source: r.source,
    status: r.status,
    location,
    personIds: r.person_ids,
    caseId: r.case_id,
    processingActivityId: r.processing_activity_id,
    occurredAt: r.occurred_at ? r.occurred_at.toISOString() : null,
    areaId: r.area_id,
    reporterPartnerId: r.reporter_partner_id,
    routedPartnerId: r.routed_partner_id,
    routingReason: r.routing_reason,
    firstContactDue: r.first_contact_due,
    overdue: r.first_contact_due !== null && OPEN.includes(r.status) && r.first_contact_due < today,
    bundleId: r.bundle_id,
    mergedIntoId: r.merged_into_id,
    outcome: r.outcome,
    creditor:
      r.creditor_type && r.creditor_name && r.creditor_reference
        ? {
            type: r.creditor_type,
            name: r.creditor_name,
            reference: r.creditor_reference,
            arrearsAmount: r.arrears_amount,
            arrearsSince: r.arrears_since,
            endOfSupply: r.end_of_supply,
          }
        : null,
    residentGroupId: r.resident_group_id,
    residentGroupName: r.resident_group_name,
    urgency: r.urgency,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    reporterUserId: r.reporter_user_id,
    trackingCode: r.tracking_code,
    addressKey: r.address_key,
    shown: {
      caseId: r.shown_case_id,
      personIds: r.shown_person_ids ?? r.person_ids,
      mergedIntoId: r.shown_merged_into_id,
      bundleId: r.shown_bundle_id,
    },
  };
}

/** The key that groups signals and households at one address: postal code and house number. */
export const addressKey = (postalCode?: string | null, houseNumber?: string | null) =>
  postalCode && houseNumber ? `${postalCode} ${houseNumber.replace(/\s+/g, '').toUpperCase()}` : null;

export interface NewSignal {
  category: string;
  description: string;
  source: SignalSource;
  occurredAt: string | null;
  street: string | null;
  houseNumber: string | null;
  postalCode: string | null;
  city: string | null;
  lat: number | null;
  lng: number | null;
  areaId: string | null;
  reporterUserId: string | null;
  reporterPartnerId: string | null;
  routedPartnerId: string | null;
  routingReason: string;
  firstContactDue: string | null;
  trackingCode: string | null;
  contact: unknown;
  residentGroupId: string | null;
  urgency: ReportUrgency | null;
}

export async function insertSignal(s: TenantScope, n: NewSignal): Promise<string> {
  return insertedId(
    s.q,
    `INSERT INTO signals (tenant_id, category, description, source, occurred_at, street, house_number, postal_code,
       city, lat, lng, area_id, address_key, reporter_user_id, reporter_partner_id, routed_partner_id, routing_reason,
       first_contact_due, tracking_code, contact, resident_group_id, urgency)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20::jsonb, $21, $22)
     RETURNING id`,
    [
      s.tenantId,
      n.category,
      n.description,
      n.source,
      n.occurredAt,
      n.street,
      n.houseNumber,
      n.postalCode,
      n.city,
      n.lat,
      n.lng,
      n.areaId,
      addressKey(n.postalCode, n.houseNumber),
      n.reporterUserId,
      n.reporterPartnerId,
      n.routedPartnerId,
      n.routingReason,
      n.firstContactDue,
      n.trackingCode,
      n.contact === undefined || n.contact === null ? null : JSON.stringify(n.contact),
      n.residentGroupId,
      n.urgency,
    ],
  );
}

export function addSignalPersons(s: TenantScope, signalId: string, personIds: readonly string[]) {
  return addLinks(s, 'signal_persons', 'signal_id', signalId, 'person_id', personIds);
}

export async function addSignalHistory(
  s: TenantScope,
  signalId: string,
  userId: string | null,
  change: Record<string, unknown>,
  publicText: string | null = null,
) {
  await execute(
    s.q,
    'INSERT INTO signal_history (tenant_id, signal_id, user_id, change, public_text) VALUES ($1, $2, $3, $4::jsonb, $5)',
    [s.tenantId, signalId, userId, JSON.stringify(change), publicText],
  );
}

/** The signal by id, whoever asks (the use case checks), with what `v` may open of its references. */
export async function findSignal(s: TenantScope, id: string, today: string, v: Viewer, lock = false) {
  if (lock)
    await execute(s.q, 'SELECT 1 FROM signals WHERE tenant_id = $1 AND id = $2 FOR UPDATE', [s.tenantId, id]);
  const p = new Params();
  const found = await row(
    s.q,
    signalRow,
    `SELECT ${signalColumns(v, p)} FROM signals sg WHERE sg.tenant_id = ${p.add(s.tenantId)} AND sg.id = ${p.add(id)}`,
    p.values,
  );
  return found ? toSignal(found, today) : undefined;
}

/** The filter of `GET /signals` and the export, with the flags as booleans. */
export interface SignalFilter {
  status?: SignalStatus | undefined;
  category?: string | undefined;
  source?: SignalSource | undefined;
  areaId?: string | undefined;
  residentGroupId?: string | undefined;
  routedToMe?: boolean;
  overdue?: boolean;
  open?: boolean;
  creditorType?: CreditorType | undefined;
  from?: string | undefined;
  to?: string | undefined;
  q?: string | undefined;
}

function filterSql(s: TenantScope, v: Viewer, f: SignalFilter, today: string, p: Params): string {
  const where = [`sg.tenant_id = ${p.add(s.tenantId)}`, signalVisibleSql('sg', v, p)];
  if (f.status) where.push(`sg.status = ${p.add(f.status)}`);
  if (f.category) where.push(`sg.category = ${p.add(f.category)}`);
  if (f.source) where.push(`sg.source = ${p.add(f.source)}`);
  if (f.creditorType) where.push(`sg.creditor_type = ${p.add(f.creditorType)}`);
  if (f.areaId) {
    const a = p.add(f.areaId);
    where.push(
      `(sg.area_id = ${a} OR sg.area_id IN (SELECT id FROM areas WHERE tenant_id = sg.tenant_id AND parent_id = ${a}))`,
    );
  }
  if (f.residentGroupId) where.push(`sg.resident_group_id = ${p.add(f.residentGroupId)}`);
  if (f.routedToMe) where.push(`sg.routed_partner_id = ${p.add(v.partnerId)}`);
  if (f.open) where.push(`sg.status IN ('new', 'triage', 'visit_planned')`);
  if (f.overdue) {
    where.push(
      `sg.status IN ('new', 'triage', 'visit_planned') AND sg.first_contact_due < ${p.add(today)}::date`,
    );
  }
  if (f.from) where.push(`sg.created_at >= ${p.add(f.from)}::date`);
  if (f.to) where.push(`sg.created_at < (${p.add(f.to)}::date + 1)`);
  if (f.q) {
    const q = p.add(`%${f.q.toLowerCase()}%`);
    where.push(
      `(lower(sg.description) LIKE ${q} OR lower(coalesce(sg.street, '')) LIKE ${q} OR sg.postal_code LIKE upper(${q}))`,
    );
  }
  return `FROM signals sg WHERE ${where.join(' AND ')}`;
}

/** The columns a signal list may be sorted on. */
const SIGNAL_SORT: Record<SignalSortField, string> = {
  category: 'sg.category',
  source: 'sg.source',
  status: 'sg.status',
  firstContactDue: 'sg.first_contact_due',
  createdAt: 'sg.created_at',
};

export async function listSignals(
  s: TenantScope,
  v: Viewer,
  f: SignalFilter,
  today: string,
  page: PageRequest,
  by?: Sorting<SignalSortField>,
): Promise<Collection<SignalRecord>> {
  const p = new Params();
  const fromWhere = filterSql(s, v, f, today, p);
  const found = await selectPage(
    s.q,
    signalRow,
    p,
    {
      select: (sp) => signalColumns(v, sp),
      fromWhere,
      order: orderOf(by, SIGNAL_SORT, 'sg.created_at DESC, sg.id'),
      pageFirst: 'sg',
    },
    page,
  );
  return { items: found.rows.map((r) => toSignal(r, today)), total: found.total };
}

/** Every signal of the filter, in pages of 1,000, for the CSV export. */
export async function* allSignals(s: TenantScope, v: Viewer, f: SignalFilter, today: string) {
  for (let offset = 0; ; offset += 1000) {
    const { items } = await listSignals(s, v, f, today, { limit: 1000, offset });
    yield* items;
    if (items.length < 1000) return;
  }
}

export async function updateSignalRow(
  s: TenantScope,
  id: string,
  u: { status?: SignalStatus; caseId?: string | null; outcome?: string | null; mergedIntoId?: string },
) {
  const before =
    u.status === undefined
      ? undefined
      : await row(s.q, statusRow, 'SELECT status, area_id FROM signals WHERE tenant_id = $1 AND id = $2', [
          s.tenantId,
          id,
        ]);
  await updateById(
    s,
    'signals',
    id,
    new Changes('updated_at = clock_timestamp()')
      .set('status', u.status)
      .set('case_id', u.caseId)
      .set('outcome', u.outcome)
      .set('merged_into_id', u.mergedIntoId),
  );
  // Every status change of a signal passes here: other systems learn it in the same transaction.
  if (before && u.status !== undefined && before.status !== u.status) {
    await enqueueWebhookEvent(s, 'nl.wijkregie.signal.status_changed', {
      signalId: id,
      status: u.status,
      previousStatus: before.status,
      areaId: before.area_id,
      changedAt: new Date().toISOString(),
    });
  }
}

const statusRow = z.object({ status: col.text, area_id: col.uuid.nullable() });

const historyRow = z.object({
  at: col.timestamp,
  user_name: col.text.nullable(),
  change: z.record(z.string(), z.unknown()),
  public_text: col.text.nullable(),
});

export async function signalHistory(s: TenantScope, id: string) {
  const found = await rows(
    s.q,
    historyRow,
    `SELECT h.at, u.name AS user_name, h.change, h.public_text FROM signal_history h
       LEFT JOIN users u ON u.tenant_id = h.tenant_id AND u.id = h.user_id
      WHERE h.tenant_id = $1 AND h.signal_id = $2 ORDER BY h.at, h.id`,
    [s.tenantId, id],
  );
  return found.map((r) => ({
    at: r.at.toISOString(),
    userName: r.user_name,
    change: r.change,
    publicText: r.public_text,
  }));
}

/** The name of the user who reported a signal (a professional, or who read in the creditor file). */
export async function reporterName(s: TenantScope, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  const found = await row(
    s.q,
    z.object({ name: col.text }),
    'SELECT name FROM users WHERE tenant_id = $1 AND id = $2',
    [s.tenantId, userId],
  );
  return found?.name ?? null;
}

/** Likely duplicates: same category, not merged, within 14 days, at the same address or within 150 m. */
export async function duplicateCandidates(s: TenantScope, v: Viewer, sig: SignalRecord, today: string) {
  const p = new Params();
  const where = [
    `sg.tenant_id = ${p.add(s.tenantId)}`,
    signalVisibleSql('sg', v, p),
    `sg.id <> ${p.add(sig.id)}`,
    `sg.category = ${p.add(sig.category)}`,
    'sg.merged_into_id IS NULL',
    `sg.created_at BETWEEN ${p.add(sig.createdAt)}::timestamptz - interval '14 days' AND ${p.add(sig.createdAt)}::timestamptz + interval '14 days'`,
  ];
  const near: string[] = [];
  if (sig.addressKey) near.push(`sg.address_key = ${p.add(sig.addressKey)}`);
  if (sig.location.lat !== undefined && sig.location.lng !== undefined) {
    // Equirectangular distance in metres: exact enough at neighbourhood scale.
    const lat = p.add(sig.location.lat);
    const lng = p.add(sig.location.lng);
    near.push(`(sg.lat IS NOT NULL AND sqrt(power((sg.lat - ${lat}) * 111320, 2)
      + power((sg.lng - ${lng}) * 111320 * cos(radians(${lat})), 2)) < 150)`);
  }
  if (!near.length) return [];
  where.push(`(${near.join(' OR ')})`);
  const found = await rows(
    s.q,
    signalRow,
    `SELECT ${signalColumns(v, p)} FROM signals sg WHERE ${where.join(' AND ')} ORDER BY sg.created_at DESC LIMIT 20`,
    p.values,
  );
  return found.map((r) => toSignal(r, today));
}

/** Partners that reported about the same persons (through matching), other than `partnerId`. */
export async function involvedPartners(s: TenantScope, signalId: string, partnerId: string | null) {
  return rows(
    s.q,
    z.object({ id: col.uuid, name: col.text }),
    `SELECT DISTINCT p.id, p.name
       FROM signal_matches m
       JOIN signal_matches m2 ON m2.tenant_id = m.tenant_id AND m2.kind = 'person' AND m2.target_id = m.target_id
                             AND m2.signal_id <> m.signal_id
       JOIN signals o ON o.tenant_id = m2.tenant_id AND o.id = m2.signal_id
       JOIN partners p ON p.tenant_id = o.tenant_id AND p.id = o.reporter_partner_id
      WHERE m.tenant_id = $1 AND m.signal_id = $2 AND m.kind = 'person'
        AND o.created_at > now() - interval '12 months' AND o.reporter_partner_id IS DISTINCT FROM $3::uuid
      ORDER BY p.name`,
    [s.tenantId, signalId, partnerId],
  );
}

const matchRow = z.object({
  kind: z.enum(['person', 'household', 'case']),
  targetId: col.uuid,
  method: col.text,
});

export async function signalMatches(s: TenantScope, signalId: string) {
  return rows(
    s.q,
    matchRow,
    `SELECT kind, target_id AS "targetId", method FROM signal_matches WHERE tenant_id = $1 AND signal_id = $2
      ORDER BY kind, target_id`,
    [s.tenantId, signalId],
  );
}

/**
 * Claims up to `limit` signals of any tenant whose first-contact deadline passed while still open and
 * that were not alerted for this deadline yet, and marks them alerted. Rows another instance holds are
 * skipped (SKIP LOCKED); the caller raises the alerts in the same transaction.
 */
export async function claimOverdueSignals(tx: Queryable, today: string, limit: number) {
  return rows(
    tx,
    z.object({ id: col.uuid, tenant_id: col.uuid, routed_partner_id: col.uuid.nullable() }),
    `WITH due AS (
       SELECT id FROM signals
        WHERE status IN ('new', 'triage', 'visit_planned') AND first_contact_due < $1::date
          AND overdue_alerted_for IS DISTINCT FROM first_contact_due
        ORDER BY first_contact_due LIMIT $2 FOR UPDATE SKIP LOCKED)
     UPDATE signals sg SET overdue_alerted_for = sg.first_contact_due FROM due WHERE sg.id = due.id
     RETURNING sg.id, sg.tenant_id, sg.routed_partner_id`,
    [today, limit],
  );
}
