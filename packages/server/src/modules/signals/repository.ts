import type { CreditorType, Signal, SignalSource, SignalStatus, VisitOutcome } from '@wijkregie/shared';
import { Params, selectPage } from '../../db/params.js';
import type { TenantScope } from '../../db/scope.js';
import { caseIdVisibleSql, caseVisibleSql, subjectIdVisibleSql, type Viewer } from '../cases/visibility.js';
import { signalIdVisibleSql, signalVisibleSql } from './visibility.js';

export { signalVisibleSql } from './visibility.js';

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

interface SignalRow {
  id: string;
  category: string;
  description: string;
  source: SignalSource;
  status: SignalStatus;
  occurred_at: Date | null;
  street: string | null;
  house_number: string | null;
  postal_code: string | null;
  city: string | null;
  lat: number | null;
  lng: number | null;
  area_id: string | null;
  address_key: string | null;
  reporter_user_id: string | null;
  reporter_partner_id: string | null;
  routed_partner_id: string | null;
  routing_reason: string | null;
  first_contact_due: string | null;
  case_id: string | null;
  bundle_id: string | null;
  merged_into_id: string | null;
  outcome: string | null;
  creditor_type: CreditorType | null;
  creditor_name: string | null;
  creditor_reference: string | null;
  arrears_amount: string | null;
  arrears_since: string | null;
  end_of_supply: boolean;
  tracking_code: string | null;
  person_ids: string[];
  created_at: Date;
  updated_at: Date;
  shown_case_id: string | null;
  /** Null for a regisseur, who may open every person: then `person_ids`. */
  shown_person_ids: string[] | null;
  shown_merged_into_id: string | null;
  shown_bundle_id: string | null;
}

const SIGNAL_COLUMNS = `sg.id, sg.category, sg.description, sg.source, sg.status, sg.occurred_at, sg.street,
  sg.house_number, sg.postal_code, sg.city, sg.lat, sg.lng, sg.area_id, sg.address_key, sg.reporter_user_id,
  sg.reporter_partner_id, sg.routed_partner_id, sg.routing_reason, sg.first_contact_due, sg.case_id, sg.bundle_id,
  sg.merged_into_id, sg.outcome, sg.creditor_type, sg.creditor_name, sg.creditor_reference, sg.arrears_amount,
  sg.arrears_since, sg.end_of_supply, sg.tracking_code, sg.created_at, sg.updated_at,
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

export function toSignal(r: SignalRow, today: string): SignalRecord {
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
            arrearsAmount: r.arrears_amount === null ? null : Number(r.arrears_amount),
            arrearsSince: r.arrears_since,
            endOfSupply: r.end_of_supply,
          }
        : null,
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

export const addressKey = (postalCode?: string | null, houseNumber?: string | null) =>
  postalCode && houseNumber ? `${postalCode} ${houseNumber.replace(/\s+/g, '').toUpperCase()}` : null;

export async function signalCategory(s: TenantScope, key: string) {
  const [row] = await s.q.query<{
    key: string;
    label: string;
    public_report: boolean;
    deadline_days: number;
    deadline_working: boolean;
  }>(
    'SELECT key, label, public_report, deadline_days, deadline_working FROM signal_categories WHERE tenant_id = $1 AND key = $2',
    [s.tenantId, key],
  );
  return row;
}

export async function signalCategories(s: TenantScope, publicOnly = false) {
  return s.q.query<{
    key: string;
    label: string;
    publicReport: boolean;
    deadlineDays: number;
    deadlineWorking: boolean;
  }>(
    `SELECT key, label, public_report AS "publicReport", deadline_days AS "deadlineDays",
            deadline_working AS "deadlineWorking"
       FROM signal_categories WHERE tenant_id = $1 ${publicOnly ? 'AND public_report' : ''} ORDER BY position, key`,
    [s.tenantId],
  );
}

export async function insertSignalCategory(
  s: TenantScope,
  c: { key: string; label: string; publicReport: boolean; deadlineDays: number; deadlineWorking: boolean },
): Promise<boolean> {
  const rows = await s.q.query(
    `INSERT INTO signal_categories (tenant_id, key, label, public_report, deadline_days, deadline_working, position)
     VALUES ($1, $2, $3, $4, $5, $6,
             (SELECT coalesce(max(position), 0) + 1 FROM signal_categories WHERE tenant_id = $1))
     ON CONFLICT DO NOTHING RETURNING key`,
    [s.tenantId, c.key, c.label, c.publicReport, c.deadlineDays, c.deadlineWorking],
  );
  return rows.length > 0;
}

export async function updateSignalCategory(
  s: TenantScope,
  key: string,
  u: {
    label?: string | undefined;
    publicReport?: boolean | undefined;
    deadlineDays?: number | undefined;
    deadlineWorking?: boolean | undefined;
  },
): Promise<boolean> {
  const rows = await s.q.query(
    `UPDATE signal_categories SET label = coalesce($3, label), public_report = coalesce($4, public_report),
            deadline_days = coalesce($5, deadline_days), deadline_working = coalesce($6, deadline_working)
      WHERE tenant_id = $1 AND key = $2 RETURNING key`,
    [
      s.tenantId,
      key,
      u.label ?? null,
      u.publicReport ?? null,
      u.deadlineDays ?? null,
      u.deadlineWorking ?? null,
    ],
  );
  return rows.length > 0;
}

/** The most specific routing rule: category in the buurt, in its wijk, then anywhere. */
export async function findRoute(s: TenantScope, category: string, areaId: string | null) {
  const [row] = await s.q.query<{
    partner_id: string;
    partner_name: string;
    area_name: string | null;
    rank: number;
  }>(
    `SELECT r.partner_id, p.name AS partner_name, a.name AS area_name,
            CASE WHEN r.area_id = $3 THEN 0 WHEN r.area_id IS NOT NULL THEN 1 ELSE 2 END AS rank
       FROM signal_routes r
       JOIN partners p ON p.tenant_id = r.tenant_id AND p.id = r.partner_id
       LEFT JOIN areas a ON a.tenant_id = r.tenant_id AND a.id = r.area_id
      WHERE r.tenant_id = $1 AND r.category = $2
        AND (r.area_id IS NULL OR r.area_id = $3
             OR r.area_id = (SELECT parent_id FROM areas WHERE tenant_id = $1 AND id = $3))
      ORDER BY rank LIMIT 1`,
    [s.tenantId, category, areaId],
  );
  return row;
}

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
}

export async function insertSignal(s: TenantScope, n: NewSignal): Promise<string> {
  const [row] = await s.q.query<{ id: string }>(
    `INSERT INTO signals (tenant_id, category, description, source, occurred_at, street, house_number, postal_code,
       city, lat, lng, area_id, address_key, reporter_user_id, reporter_partner_id, routed_partner_id, routing_reason,
       first_contact_due, tracking_code, contact)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20::jsonb)
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
    ],
  );
  return row!.id;
}

export async function addSignalPersons(s: TenantScope, signalId: string, personIds: readonly string[]) {
  if (!personIds.length) return;
  await s.q.query(
    `INSERT INTO signal_persons (tenant_id, signal_id, person_id)
     SELECT $1, $2, p FROM unnest($3::uuid[]) AS p ON CONFLICT DO NOTHING`,
    [s.tenantId, signalId, [...new Set(personIds)]],
  );
}

export async function addSignalHistory(
  s: TenantScope,
  signalId: string,
  userId: string | null,
  change: Record<string, unknown>,
  publicText: string | null = null,
) {
  await s.q.query(
    'INSERT INTO signal_history (tenant_id, signal_id, user_id, change, public_text) VALUES ($1, $2, $3, $4::jsonb, $5)',
    [s.tenantId, signalId, userId, JSON.stringify(change), publicText],
  );
}

/** The signal by id, whoever asks (the use case checks), with what `v` may open of its references. */
export async function findSignal(s: TenantScope, id: string, today: string, v: Viewer, lock = false) {
  if (lock)
    await s.q.query('SELECT 1 FROM signals WHERE tenant_id = $1 AND id = $2 FOR UPDATE', [s.tenantId, id]);
  const p = new Params();
  const [row] = await s.q.query<SignalRow>(
    `SELECT ${signalColumns(v, p)} FROM signals sg WHERE sg.tenant_id = ${p.add(s.tenantId)} AND sg.id = ${p.add(id)}`,
    p.values,
  );
  return row ? toSignal(row, today) : undefined;
}

export interface SignalFilter {
  status?: SignalStatus | undefined;
  category?: string | undefined;
  source?: SignalSource | undefined;
  areaId?: string | undefined;
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

export async function listSignals(
  s: TenantScope,
  v: Viewer,
  f: SignalFilter,
  today: string,
  page: { limit: number; offset: number },
): Promise<{ items: SignalRecord[]; total: number }> {
  const p = new Params();
  const fromWhere = filterSql(s, v, f, today, p);
  const { rows, total } = await selectPage<SignalRow>(
    s.q,
    p,
    { select: (sp) => signalColumns(v, sp), fromWhere, order: 'sg.created_at DESC, sg.id' },
    page,
  );
  return { items: rows.map((r) => toSignal(r, today)), total };
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
  const p = new Params();
  const sets = ['updated_at = clock_timestamp()'];
  if (u.status !== undefined) sets.push(`status = ${p.add(u.status)}`);
  if (u.caseId !== undefined) sets.push(`case_id = ${p.add(u.caseId)}`);
  if (u.outcome !== undefined) sets.push(`outcome = ${p.add(u.outcome)}`);
  if (u.mergedIntoId !== undefined) sets.push(`merged_into_id = ${p.add(u.mergedIntoId)}`);
  await s.q.query(
    `UPDATE signals SET ${sets.join(', ')} WHERE tenant_id = ${p.add(s.tenantId)} AND id = ${p.add(id)}`,
    p.values,
  );
}

export async function signalHistory(s: TenantScope, id: string) {
  const rows = await s.q.query<{
    at: Date;
    user_name: string | null;
    change: Record<string, unknown>;
    public_text: string | null;
  }>(
    `SELECT h.at, u.name AS user_name, h.change, h.public_text FROM signal_history h
       LEFT JOIN users u ON u.tenant_id = h.tenant_id AND u.id = h.user_id
      WHERE h.tenant_id = $1 AND h.signal_id = $2 ORDER BY h.at, h.id`,
    [s.tenantId, id],
  );
  return rows.map((r) => ({
    at: r.at.toISOString(),
    userName: r.user_name,
    change: r.change,
    publicText: r.public_text,
  }));
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
  const rows = await s.q.query<SignalRow>(
    `SELECT ${signalColumns(v, p)} FROM signals sg WHERE ${where.join(' AND ')} ORDER BY sg.created_at DESC LIMIT 20`,
    p.values,
  );
  return rows.map((r) => toSignal(r, today));
}

/** Partners that reported about the same persons (through matching), other than `partnerId`. */
export async function involvedPartners(s: TenantScope, signalId: string, partnerId: string | null) {
  return s.q.query<{ id: string; name: string }>(
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

/** Of these case and signal ids, the ones the viewer may open (one query). */
export async function openableIds(
  s: TenantScope,
  v: Viewer,
  ids: { cases: readonly string[]; signals: readonly string[] },
): Promise<Set<string>> {
  if (v.regisseur) return new Set([...ids.cases, ...ids.signals]);
  if (ids.cases.length + ids.signals.length === 0) return new Set();
  const p = new Params();
  const tenant = p.add(s.tenantId);
  const rows = await s.q.query<{ id: string }>(
    `SELECT c.id FROM cases c WHERE c.tenant_id = ${tenant} AND c.id = ANY(${p.add([...ids.cases])}::uuid[])
        AND ${caseVisibleSql('c', v, p)}
     UNION ALL
     SELECT sg.id FROM signals sg WHERE sg.tenant_id = ${tenant} AND sg.id = ANY(${p.add([...ids.signals])}::uuid[])
        AND ${signalVisibleSql('sg', v, p)}`,
    p.values,
  );
  return new Set(rows.map((r) => r.id));
}

export async function signalMatches(s: TenantScope, signalId: string) {
  return s.q.query<{ kind: 'person' | 'household' | 'case'; targetId: string; method: string }>(
    `SELECT kind, target_id AS "targetId", method FROM signal_matches WHERE tenant_id = $1 AND signal_id = $2
      ORDER BY kind, target_id`,
    [s.tenantId, signalId],
  );
}

// Visits -------------------------------------------------------------------------------------------

export async function insertVisit(
  s: TenantScope,
  v: {
    signalId: string;
    plannedDate: string;
    visitorUserId: string | null;
    partnerId: string;
    createdBy: string;
  },
) {
  const [row] = await s.q.query<{ id: string }>(
    `INSERT INTO visits (tenant_id, signal_id, planned_date, visitor_user_id, partner_id, created_by_user_id)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [s.tenantId, v.signalId, v.plannedDate, v.visitorUserId, v.partnerId, v.createdBy],
  );
  return row!.id;
}

export interface VisitRecord {
  id: string;
  signalId: string;
  plannedDate: string;
  visitorUserId: string | null;
  visitorName: string | null;
  partnerId: string;
  outcome: VisitOutcome | null;
  referredPartnerId: string | null;
  nextStep: string | null;
  nextDate: string | null;
  notes: string | null;
  recordedAt: string | null;
  createdAt: string;
}

const VISIT_SELECT = `vi.id, vi.signal_id AS "signalId", vi.planned_date AS "plannedDate", vi.visitor_user_id AS "visitorUserId",
  (SELECT u.name FROM users u WHERE u.tenant_id = vi.tenant_id AND u.id = vi.visitor_user_id) AS "visitorName",
  vi.partner_id AS "partnerId", vi.outcome, vi.referred_partner_id AS "referredPartnerId", vi.next_step AS "nextStep",
  vi.next_date AS "nextDate", vi.notes, vi.recorded_at AS "recordedAt", vi.created_at AS "createdAt"`;

type VisitRow = Omit<VisitRecord, 'recordedAt' | 'createdAt'> & { recordedAt: Date | null; createdAt: Date };
const visitOut = (r: VisitRow): VisitRecord => ({
  ...r,
  recordedAt: r.recordedAt ? r.recordedAt.toISOString() : null,
  createdAt: r.createdAt.toISOString(),
});

export async function findVisit(s: TenantScope, id: string, lock = false) {
  if (lock)
    await s.q.query('SELECT 1 FROM visits WHERE tenant_id = $1 AND id = $2 FOR UPDATE', [s.tenantId, id]);
  const [row] = await s.q.query<VisitRow>(
    `SELECT ${VISIT_SELECT} FROM visits vi WHERE vi.tenant_id = $1 AND vi.id = $2`,
    [s.tenantId, id],
  );
  return row ? visitOut(row) : undefined;
}

export async function visitsOf(s: TenantScope, signalId: string) {
  const rows = await s.q.query<VisitRow>(
    `SELECT ${VISIT_SELECT} FROM visits vi WHERE vi.tenant_id = $1 AND vi.signal_id = $2 ORDER BY vi.created_at`,
    [s.tenantId, signalId],
  );
  return rows.map(visitOut);
}

export async function recordVisitOutcome(
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
  await s.q.query(
    `UPDATE visits SET outcome = $3, referred_partner_id = $4, next_step = $5, next_date = $6, notes = $7,
            recorded_at = clock_timestamp()
      WHERE tenant_id = $1 AND id = $2 AND outcome IS NULL`,
    [s.tenantId, id, o.outcome, o.referredPartnerId, o.nextStep, o.nextDate, o.notes],
  );
}

/**
 * The day's open visits of the caller: theirs, or their partner's without a named visitor. The
 * signal's id only when the caller may open the signal.
 */
export async function worklist(s: TenantScope, v: Viewer, date: string) {
  const p = new Params();
  return s.q.query<{
    id: string;
    signal_id: string | null;
    visitor_user_id: string | null;
    category: string;
    category_label: string;
    description: string;
    street: string | null;
    house_number: string | null;
    postal_code: string | null;
    city: string | null;
    lat: number | null;
    lng: number | null;
    end_of_supply: boolean;
    attempts: number;
  }>(
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

// Routing rules ------------------------------------------------------------------------------------

export async function listRoutes(s: TenantScope) {
  return s.q.query<{ id: string; category: string; areaId: string | null; partnerId: string }>(
    `SELECT id, category, area_id AS "areaId", partner_id AS "partnerId" FROM signal_routes
      WHERE tenant_id = $1 ORDER BY category, area_id NULLS FIRST`,
    [s.tenantId],
  );
}

export async function insertRoute(
  s: TenantScope,
  r: { category: string; areaId: string | null; partnerId: string },
) {
  const rows = await s.q.query<{ id: string }>(
    `INSERT INTO signal_routes (tenant_id, category, area_id, partner_id) VALUES ($1, $2, $3, $4)
     ON CONFLICT DO NOTHING RETURNING id`,
    [s.tenantId, r.category, r.areaId, r.partnerId],
  );
  return rows[0]?.id;
}

export async function deleteRoute(s: TenantScope, id: string): Promise<boolean> {
  const rows = await s.q.query('DELETE FROM signal_routes WHERE tenant_id = $1 AND id = $2 RETURNING id', [
    s.tenantId,
    id,
  ]);
  return rows.length > 0;
}

// Monitor ------------------------------------------------------------------------------------------

/** The Wgs funnel per creditor type and month, over the creditor signals the viewer sees. */
export async function monitor(s: TenantScope, v: Viewer, from: string, to: string) {
  const p = new Params();
  const where = [
    `sg.tenant_id = ${p.add(s.tenantId)}`,
    signalVisibleSql('sg', v, p),
    'sg.creditor_type IS NOT NULL',
    `coalesce(sg.signal_date, sg.created_at::date) >= ${p.add(from)}::date`,
    `coalesce(sg.signal_date, sg.created_at::date) <= ${p.add(to)}::date`,
  ];
  return s.q.query<{
    creditorType: CreditorType;
    month: string;
    signals: number;
    households: number;
    contacted: number;
    helpAccepted: number;
    referred: number;
  }>(
    `SELECT sg.creditor_type AS "creditorType",
            to_char(coalesce(sg.signal_date, sg.created_at::date), 'YYYY-MM') AS month,
            count(*)::int AS signals,
            count(DISTINCT coalesce(sg.address_key, sg.id::text))::int AS households,
            count(*) FILTER (WHERE sg.status IN ('contacted', 'referred')
              OR EXISTS (SELECT 1 FROM visits x WHERE x.signal_id = sg.id
                          AND x.outcome IN ('contact', 'help_accepted', 'referred', 'declined')))::int AS contacted,
            count(*) FILTER (WHERE EXISTS (SELECT 1 FROM visits x WHERE x.signal_id = sg.id
                          AND x.outcome IN ('help_accepted', 'referred')))::int AS "helpAccepted",
            count(*) FILTER (WHERE sg.status = 'referred'
              OR EXISTS (SELECT 1 FROM visits x WHERE x.signal_id = sg.id AND x.outcome = 'referred'))::int AS referred
       FROM signals sg WHERE ${where.join(' AND ')}
      GROUP BY 1, 2 ORDER BY 2, 1`,
    p.values,
  );
}

// Public -------------------------------------------------------------------------------------------

/**
 * The municipality of the public pages: the one asked for (`?gemeente=` with its id), or else the
 * first municipality of this installation (one installation usually serves one municipality).
 */
export async function publicTenant(q: TenantScope['q'], requested?: string): Promise<string | undefined> {
  const [row] = requested
    ? await q.query<{ id: string }>('SELECT id FROM tenants WHERE id = $1', [requested])
    : await q.query<{ id: string }>('SELECT id FROM tenants ORDER BY created_at, id LIMIT 1');
  return row?.id;
}

export async function findByTrackingCode(q: TenantScope['q'], code: string) {
  const [row] = await q.query<{ id: string; tenant_id: string; status: SignalStatus; created_at: Date }>(
    'SELECT id, tenant_id, status, created_at FROM signals WHERE tracking_code = $1',
    [code],
  );
  if (!row) return undefined;
  const updates = await q.query<{ at: Date; text: string }>(
    `SELECT at, public_text AS text FROM signal_history
      WHERE tenant_id = $1 AND signal_id = $2 AND public_text IS NOT NULL ORDER BY at, id`,
    [row.tenant_id, row.id],
  );
  return { ...row, updates };
}
