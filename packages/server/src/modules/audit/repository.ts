import { type KeyObject, randomUUID } from 'node:crypto';
import {
  AUDIT_ACTIONS,
  AUDIT_OBJECT_TYPES,
  type AuditItem,
  type AuditListQuery,
  type AuditObjectType,
  type AuditVerify,
  type Collection,
} from '@wijkregie/shared';
import { z } from 'zod';
import type { Db, Queryable } from '../../db/db.js';
import { type PageRequest, Params, selectPage } from '../../db/params.js';
import { col, execute, row, rows } from '../../db/rows.js';
import type { TenantScope } from '../../db/scope.js';
import type { AuditEvent } from '../../http/context.js';
import { type AuditRecord, chainHash, GENESIS_HASH, legacyChainHash } from './chain.js';

/** What a use case says about an access, with who, for which tenant and why; the writer adds id, sequence, time and hash. */
export interface AuditEntry extends AuditEvent {
  tenantId: string;
  userId: string | null;
  partnerId: string | null;
  purpose: string;
  /** The trace of the request (none for the system's own records). */
  traceId?: string | null;
}

/** A chain's last link. */
export interface ChainHead {
  seq: number;
  hash: string;
}
const chainHeadRow = z.object({ seq: col.int, hash: col.text });

/** The entries grouped by tenant, tenants in one order for all writers (no deadlocks). */
export function byTenant(entries: readonly AuditEntry[]): [string, AuditEntry[]][] {
  const map = new Map<string, AuditEntry[]>();
  for (const e of entries) {
    const list = map.get(e.tenantId) ?? [];
    list.push(e);
    map.set(e.tenantId, list);
  }
  return [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Links one tenant's entries after `head` with the key: the rows as JSON for the INSERT, and the new head. */
function link(key: KeyObject, tenantId: string, list: readonly AuditEntry[], head: ChainHead, at: string) {
  let seq = head.seq;
  let prev = head.hash;
  const rows: Record<string, unknown>[] = [];
  for (const e of list) {
    const record: AuditRecord = {
      id: randomUUID(),
      tenantId,
      seq: ++seq,
      at,
      userId: e.userId,
      partnerId: e.partnerId,
      action: e.action,
      objectType: e.objectType,
      objectId: e.objectId ?? null,
      objectIds: e.objectIds ?? null,
      personIds: e.personIds ?? [],
      purpose: e.purpose,
      details: e.details ?? null,
      ...(e.processingActivityId ? { processingActivityId: e.processingActivityId } : {}),
      ...(e.traceId ? { traceId: e.traceId } : {}),
    };
    const hash = chainHash(key, prev, record);
    rows.push({
      id: record.id,
      tenant_id: tenantId,
      seq: record.seq,
      at,
      user_id: record.userId,
      partner_id: record.partnerId,
      action: record.action,
      object_type: record.objectType,
      object_id: record.objectId,
      object_ids: record.objectIds,
      person_ids: record.personIds,
      purpose: record.purpose,
      details: record.details,
      processing_activity_id: record.processingActivityId ?? null,
      trace_id: record.traceId ?? null,
      prev_hash: prev,
      hash,
      keyed: true,
    });
    prev = hash;
  }
  return { json: JSON.stringify(rows), head: { seq, hash: prev } };
}

const INSERT_ROWS = `INSERT INTO audit_log (id, tenant_id, seq, at, user_id, partner_id, action, object_type, object_id,
                          object_ids, person_ids, purpose, details, processing_activity_id, trace_id,
                          prev_hash, hash, keyed)
   SELECT id, tenant_id, seq, at, user_id, partner_id, action, object_type, object_id,
          object_ids, person_ids, purpose, details, processing_activity_id, trace_id, prev_hash, hash, keyed
     FROM jsonb_populate_recordset(null::audit_log, $4::jsonb)`;

/**
 * Appends entries to their tenants' chains inside the caller's transaction. Locks each chain's head
 * row, so concurrent writers (in this or another instance) link up one after the other.
 */
export async function appendAudit(tx: Queryable, entries: readonly AuditEntry[]): Promise<void> {
  const at = new Date().toISOString();
  for (const [tenantId, list] of byTenant(entries)) {
    const lockHead = () =>
      row(tx, chainHeadRow, 'SELECT seq, hash FROM audit_heads WHERE tenant_id = $1 FOR UPDATE', [tenantId]);
    let head = await lockHead();
    if (!head) {
      await execute(
        tx,
        'INSERT INTO audit_heads (tenant_id, seq, hash) VALUES ($1, 0, $2) ON CONFLICT (tenant_id) DO NOTHING',
        [tenantId, GENESIS_HASH],
      );
      head = await lockHead();
    }
    if (!head) throw new Error(`audit chain head of tenant ${tenantId} missing`);
    const linked = link(tx.auditKey, tenantId, list, head, at);
    // The rows and the new head in one statement (both in the caller's transaction).
    await execute(
      tx,
      `WITH moved AS (UPDATE audit_heads SET seq = $2, hash = $3 WHERE tenant_id = $1 RETURNING 1)
       ${INSERT_ROWS}`,
      [tenantId, linked.head.seq, linked.head.hash, linked.json],
    );
  }
}

/** The head of a tenant's chain as committed now (the genesis link for a chain without records). */
export async function readChainHead(q: Queryable, tenantId: string): Promise<ChainHead> {
  const head = await row(q, chainHeadRow, 'SELECT seq, hash FROM audit_heads WHERE tenant_id = $1', [
    tenantId,
  ]);
  return head ?? { seq: 0, hash: GENESIS_HASH };
}

/**
 * Appends one tenant's entries after `head` in ONE statement outside any transaction (it commits on
 * its own): a compare-and-set on the head row, and the rows only if the head moved. Answers the new
 * head, or undefined when the chain's head is no longer `head` (another writer appended; nothing was
 * written: read the head again and retry). A concurrent writer holding the head row lock makes it
 * wait and then fail the comparison, so the chain stays one line.
 */
export async function appendAuditAfter(
  q: Queryable,
  tenantId: string,
  list: readonly AuditEntry[],
  head: ChainHead,
): Promise<ChainHead | undefined> {
  const linked = link(q.auditKey, tenantId, list, head, new Date().toISOString());
  const moveHead =
    head.seq === 0
      ? // A chain without records may have no head row yet.
        `INSERT INTO audit_heads AS h (tenant_id, seq, hash) VALUES ($1, $2, $3)
         ON CONFLICT (tenant_id) DO UPDATE SET seq = EXCLUDED.seq, hash = EXCLUDED.hash
          WHERE h.seq = $5 AND h.hash = $6`
      : 'UPDATE audit_heads SET seq = $2, hash = $3 WHERE tenant_id = $1 AND seq = $5 AND hash = $6';
  const result = await row(
    q,
    z.object({ moved: col.int }),
    `WITH moved AS (${moveHead} RETURNING 1),
          ins AS (${INSERT_ROWS} WHERE EXISTS (SELECT 1 FROM moved) RETURNING 1)
     SELECT (SELECT count(*) FROM moved)::int AS moved`,
    [tenantId, linked.head.seq, linked.head.hash, linked.json, head.seq, head.hash],
  );
  return result?.moved === 1 ? linked.head : undefined;
}

/**
 * An `audit_log` row as stored. Action and object type are read as text: the verifier must judge
 * whatever is in the table (a forged record too), not refuse to read it.
 */
export const auditRow = z.object({
  id: col.uuid,
  tenant_id: col.uuid,
  seq: col.int,
  at: col.timestamp,
  user_id: col.uuid.nullable(),
  partner_id: col.uuid.nullable(),
  action: col.text,
  object_type: col.text,
  object_id: col.uuid.nullable(),
  object_ids: col.textArray.nullable(),
  person_ids: col.textArray,
  purpose: col.text,
  details: col.json,
  processing_activity_id: col.uuid.nullable(),
  trace_id: col.text.nullable(),
  prev_hash: col.text,
  hash: col.text,
  keyed: col.bool,
});
export type AuditRow = z.infer<typeof auditRow>;

const ROW_COLUMNS = `id, tenant_id, seq, at, user_id, partner_id, action, object_type, object_id, object_ids,
              person_ids, purpose, details, processing_activity_id, trace_id, prev_hash, hash, keyed`;

/** The record a stored row's hash covers. */
export function recordOf(r: AuditRow): AuditRecord {
  return {
    id: r.id,
    tenantId: r.tenant_id,
    seq: Number(r.seq),
    ...whoDidWhat(r),
    action: r.action,
    objectType: r.object_type,
    details: r.details,
    ...(r.processing_activity_id !== null && { processingActivityId: r.processing_activity_id }),
    ...(r.trace_id !== null && { traceId: r.trace_id }),
  };
}

/** The columns a hashed record and a listed item share: when, who, on which objects, why. */
function whoDidWhat(r: AuditItemRow | AuditRow) {
  return {
    at: r.at.toISOString(),
    userId: r.user_id,
    partnerId: r.partner_id,
    objectId: r.object_id,
    objectIds: r.object_ids,
    personIds: r.person_ids,
    purpose: r.purpose,
  };
}

/** Whether a stored record's hash is the link of its content after `prevHash` (with the key when keyed). */
function linkHolds(key: KeyObject, prevHash: string, r: AuditRow): boolean {
  const record = recordOf(r);
  return (r.keyed ? chainHash(key, prevHash, record) : legacyChainHash(prevHash, record)) === r.hash;
}

/** Whether a chain holds, how many records it has, and its first broken record. */
export type VerifyResult = AuditVerify;

/**
 * Walks one tenant's chain from the start, recomputing every link with the handle's audit key.
 * Unkeyed records (plain SHA-256, written before migration 007) are accepted only at the start of
 * the chain and only when a keyed record follows them: anyone can recompute those, so a chain that
 * ends in them proves nothing. Records appended while it walks are walked too; the chain's head row
 * must point at the last record.
 */
export async function verifyChain(q: Queryable, tenantId: string): Promise<VerifyResult> {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  let keyedSeen = false;
  let last: AuditRow | undefined;
  const PAGE = 5000;
  const walk = async (): Promise<VerifyResult | undefined> => {
    for (;;) {
      const page = await rows(
        q,
        auditRow,
        `SELECT ${ROW_COLUMNS} FROM audit_log WHERE tenant_id = $1 AND seq >= $2 ORDER BY seq LIMIT $3`,
        [tenantId, expectedSeq, PAGE],
      );
      for (const r of page) {
        const seq = r.seq;
        const broken = (reason: string) => ({ valid: false, count, firstBroken: { id: r.id, seq, reason } });
        if (seq !== expectedSeq) return broken(`volgnummer ${expectedSeq} ontbreekt`);
        if (r.prev_hash !== prev) return broken('verwijzing naar het vorige record klopt niet');
        if (!r.keyed && keyedSeen) return broken('record zonder sleutel na records met sleutel');
        if (!linkHolds(q.auditKey, prev, r)) return broken('inhoud past niet bij de hash');
        keyedSeen ||= r.keyed;
        prev = r.hash;
        last = r;
        expectedSeq++;
        count++;
      }
      if (page.length < PAGE) return undefined;
    }
  };
  const brokenAtEnd = (reason: string, id = ''): VerifyResult => ({
    valid: false,
    count,
    firstBroken: { id, seq: count + 1, reason },
  });
  let head: ChainHead;
  for (;;) {
    const broken = await walk();
    if (broken) return broken;
    // A head row moves in the same transaction as its records: past what was read means records
    // were appended meanwhile (walk on) or are missing.
    head = await readChainHead(q, tenantId);
    if (head.seq <= count) break;
    const next = await row(
      q,
      z.object({}),
      'SELECT 1 AS found FROM audit_log WHERE tenant_id = $1 AND seq = $2',
      [tenantId, expectedSeq],
    );
    if (!next) return brokenAtEnd('records aan het eind ontbreken');
  }
  if (last && !last.keyed) {
    return {
      valid: false,
      count,
      firstBroken: {
        id: last.id,
        seq: count,
        reason: 'de keten eindigt in records zonder sleutel (niet verzegeld: start de server eenmaal)',
      },
    };
  }
  if (head.seq !== count || head.hash !== prev) {
    return brokenAtEnd('de kop van de keten (audit_heads) wijst niet naar het laatste record');
  }
  return { valid: true, count };
}

/** The record at `seq` of each chain head (to compare with checkpoints or the key). */
async function headRecords(q: Queryable, where = 'true'): Promise<AuditRow[]> {
  return rows(
    q,
    auditRow,
    `SELECT l.* FROM audit_heads h JOIN audit_log l ON l.tenant_id = h.tenant_id AND l.seq = h.seq
      WHERE ${where} ORDER BY l.tenant_id`,
  );
}

/** The audit key does not fit the chains in the database: the start refuses rather than fork them. */
export class AuditKeyMismatchError extends Error {}

/**
 * At start, before anything is appended: checks the key against every chain's last keyed record
 * and seals chains that still end in unkeyed records (from before migration 007) with a keyed
 * record linking to their head. Throws AuditKeyMismatchError when no keyed head fits the key (a
 * wrong or lost key would otherwise fork every chain); answers the tenants whose head does not fit
 * (a tampered record: the app runs, `audit:verify` names it) and how many chains it sealed.
 */
export async function prepareAuditChains(db: Db): Promise<{ sealed: number; mismatched: string[] }> {
  const keyedHeads = await headRecords(db, 'l.keyed');
  const mismatched = keyedHeads
    .filter((r) => !linkHolds(db.auditKey, r.prev_hash, r))
    .map((r) => r.tenant_id);
  if (keyedHeads.length > 0 && mismatched.length === keyedHeads.length) {
    throw new AuditKeyMismatchError(
      'De auditsleutel past niet bij het auditlog in de database: met deze sleutel zouden alle ketens breken. ' +
        'Zet de juiste WIJKREGIE_AUDIT_KEY (of het sleutelbestand audit.key in de datamap) terug.',
    );
  }
  let sealed = 0;
  for (const r of await headRecords(db, 'NOT l.keyed')) {
    sealed += await db.transaction(async (tx) => {
      // Another instance may have sealed it meanwhile: decide under the head's lock.
      const head = await row(
        tx,
        z.object({ keyed: col.bool }),
        `SELECT l.keyed FROM audit_heads h JOIN audit_log l ON l.tenant_id = h.tenant_id AND l.seq = h.seq
          WHERE h.tenant_id = $1 FOR UPDATE OF h`,
        [r.tenant_id],
      );
      if (!head || head.keyed) return 0;
      await appendAudit(tx, [
        {
          tenantId: r.tenant_id,
          userId: null,
          partnerId: null,
          action: 'seal',
          objectType: 'audit',
          purpose: 'Beveiliging auditlog',
          details: { unkeyedUpTo: r.seq },
        },
      ]);
      return 1;
    });
  }
  return { sealed, mismatched };
}

/** The stored hashes at the given sequence numbers of one chain (for the checkpoint comparison). */
export async function hashesAt(
  q: Queryable,
  tenantId: string,
  seqs: readonly number[],
): Promise<Map<number, string>> {
  const found = new Map<number, string>();
  for (let i = 0; i < seqs.length; i += 1000) {
    const stored = await rows(
      q,
      chainHeadRow,
      'SELECT seq, hash FROM audit_log WHERE tenant_id = $1 AND seq = ANY($2::bigint[])',
      [tenantId, seqs.slice(i, i + 1000)],
    );
    for (const r of stored) found.set(r.seq, r.hash);
  }
  return found;
}

/** Every chain's head as committed now. */
export async function readChainHeads(q: Queryable): Promise<({ tenantId: string } & ChainHead)[]> {
  const heads = await rows(
    q,
    chainHeadRow.extend({ tenant_id: col.uuid }),
    'SELECT tenant_id, seq, hash FROM audit_heads ORDER BY tenant_id',
  );
  return heads.map((r) => ({ tenantId: r.tenant_id, seq: r.seq, hash: r.hash }));
}

/** Every tenant, in the order they were made (for the verifying command). */
export function listTenants(q: Queryable): Promise<{ id: string; name: string }[]> {
  return rows(
    q,
    z.object({ id: col.uuid, name: col.text }),
    'SELECT id, name FROM tenants ORDER BY created_at, id',
  );
}

/** A record as `GET /audit` shows it: without its chain fields and details, with the names of who. */
const auditItemRow = z.object({
  id: col.uuid,
  seq: col.int,
  at: col.timestamp,
  user_id: col.uuid.nullable(),
  partner_id: col.uuid.nullable(),
  action: z.enum(AUDIT_ACTIONS),
  object_type: z.enum(AUDIT_OBJECT_TYPES),
  object_id: col.uuid.nullable(),
  object_ids: col.textArray.nullable(),
  person_ids: col.textArray,
  purpose: col.text,
  processing_activity_id: col.uuid.nullable(),
  trace_id: col.text.nullable(),
  user_name: col.text.nullable(),
  partner_name: col.text.nullable(),
});
type AuditItemRow = z.infer<typeof auditItemRow>;

const ITEM_SELECT = `l.id, l.seq, l.at, l.user_id, l.partner_id, l.action, l.object_type, l.object_id, l.object_ids,
       l.person_ids, l.purpose, l.processing_activity_id, l.trace_id, u.name AS user_name, pa.name AS partner_name`;

/**
 * The FROM and WHERE of a selection of the log: by object (also a person involved), by user, and by
 * days in Europe/Amsterdam (`to` included). The names are today's names of the user and partner.
 */
function auditSelection(s: TenantScope, f: AuditFilter, p: Params): string {
  const tenant = p.add(s.tenantId);
  const where = [`l.tenant_id = ${tenant}`];
  if (f.objectId) {
    const id = p.add(f.objectId);
    where.push(
      `(l.object_id = ${id} OR l.object_ids @> ARRAY[${id}]::uuid[] OR l.person_ids @> ARRAY[${id}]::uuid[])`,
    );
  }
  if (f.userId) where.push(`l.user_id = ${p.add(f.userId)}`);
  if (f.from) where.push(`l.at >= (${p.add(f.from)}::date)::timestamp AT TIME ZONE 'Europe/Amsterdam'`);
  if (f.to) where.push(`l.at < (${p.add(f.to)}::date + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam'`);
  return `FROM audit_log l
     LEFT JOIN users u ON u.tenant_id = l.tenant_id AND u.id = l.user_id
     LEFT JOIN partners pa ON pa.tenant_id = l.tenant_id AND pa.id = l.partner_id
    WHERE ${where.join(' AND ')}`;
}

/** Which records of the log: by object, by user, by period. */
export type AuditFilter = Pick<AuditListQuery, 'objectId' | 'userId' | 'from' | 'to'>;

/**
 * What each object of the records is, in words, for whoever reads the audit log (the privacy officer
 * must be able to say who saw whose data, AVG art. 15): a case's reference (not its title, which may
 * describe a situation), a person's name, a household's, group's or location's name, a note's
 * category and case, a meeting's title and day, a signal's category and day, a visit's day, the
 * name of a user or partner. One query for the whole page; objects that are gone have no label.
 */
async function objectLabels(s: TenantScope, items: readonly AuditItemRow[]): Promise<Map<string, string>> {
  const ids = new Map<string, string[]>();
  for (const r of items) {
    if (!r.object_id) continue;
    const list = ids.get(r.object_type) ?? [];
    list.push(r.object_id);
    ids.set(r.object_type, list);
  }
  const p = new Params();
  const tenant = p.add(s.tenantId);
  const day = (column: string) => `to_char(${column} AT TIME ZONE 'Europe/Amsterdam', 'DD-MM-YYYY')`;
  const parts: string[] = [];
  const part = (type: AuditObjectType, sql: (idsParam: string) => string) => {
    const list = ids.get(type);
    if (list?.length) parts.push(sql(`${p.add([...new Set(list)])}::uuid[]`));
  };
  part(
    'case',
    (x) => `SELECT id, reference AS label FROM cases WHERE tenant_id = ${tenant} AND id = ANY(${x})`,
  );
  part(
    'person',
    (x) =>
      `SELECT id, first_name || ' ' || last_name AS label FROM persons WHERE tenant_id = ${tenant} AND id = ANY(${x})`,
  );
  for (const type of ['household', 'group', 'location'] as const) {
    part(
      type,
      (x) => `SELECT id, name AS label FROM ${type}s WHERE tenant_id = ${tenant} AND id = ANY(${x})`,
    );
  }
  part(
    'entry',
    (x) => `SELECT e.id, 'Notitie (' || coalesce(cat.label, e.category) || ') in ' || c.reference AS label
              FROM entries e
              JOIN cases c ON c.tenant_id = e.tenant_id AND c.id = e.case_id
              LEFT JOIN categories cat ON cat.tenant_id = e.tenant_id AND cat.key = e.category
             WHERE e.tenant_id = ${tenant} AND e.id = ANY(${x})`,
  );
  part(
    'action',
    (x) => `SELECT a.id, 'Actie in ' || c.reference AS label FROM actions a
              JOIN cases c ON c.tenant_id = a.tenant_id AND c.id = a.case_id
             WHERE a.tenant_id = ${tenant} AND a.id = ANY(${x})`,
  );
  part(
    'meeting',
    (x) =>
      `SELECT id, title || ', ' || ${day('starts_at')} AS label FROM meetings WHERE tenant_id = ${tenant} AND id = ANY(${x})`,
  );
  part(
    'signal',
    (x) => `SELECT sg.id, coalesce(sc.label, sg.category) || ', ' || ${day('sg.created_at')} AS label
              FROM signals sg
              LEFT JOIN signal_categories sc ON sc.tenant_id = sg.tenant_id AND sc.key = sg.category
             WHERE sg.tenant_id = ${tenant} AND sg.id = ANY(${x})`,
  );
  part(
    'visit',
    (x) => `SELECT id, 'Huisbezoek ' || to_char(planned_date, 'DD-MM-YYYY') AS label FROM visits
             WHERE tenant_id = ${tenant} AND id = ANY(${x})`,
  );
  part('user', (x) => `SELECT id, name AS label FROM users WHERE tenant_id = ${tenant} AND id = ANY(${x})`);
  part(
    'partner',
    (x) => `SELECT id, name AS label FROM partners WHERE tenant_id = ${tenant} AND id = ANY(${x})`,
  );
  part(
    'signal_route',
    (x) => `SELECT r.id, coalesce(sc.label, r.category) || ' → ' || pa.name AS label FROM signal_routes r
              JOIN partners pa ON pa.tenant_id = r.tenant_id AND pa.id = r.partner_id
              LEFT JOIN signal_categories sc ON sc.tenant_id = r.tenant_id AND sc.key = r.category
             WHERE r.tenant_id = ${tenant} AND r.id = ANY(${x})`,
  );
  if (parts.length === 0) return new Map();
  const found = await rows(
    s.q,
    z.object({ id: col.uuid, label: col.text }),
    parts.join('\n UNION ALL\n'),
    p.values,
  );
  return new Map(found.map((r) => [r.id, r.label]));
}

function presentItem(r: AuditItemRow, labels: ReadonlyMap<string, string>): AuditItem {
  return {
    id: r.id,
    ...whoDidWhat(r),
    action: r.action,
    objectType: r.object_type,
    processingActivityId: r.processing_activity_id,
    traceId: r.trace_id,
    userName: r.user_name,
    partnerName: r.partner_name,
    objectLabel: (r.object_id && labels.get(r.object_id)) ?? null,
  };
}

/** The tenant's records about an object (also a person involved), by a user or in a period, newest first. */
export async function searchAudit(
  s: TenantScope,
  f: AuditFilter,
  page: PageRequest,
): Promise<Collection<AuditItem>> {
  const p = new Params();
  const result = await selectPage(
    s.q,
    auditItemRow,
    p,
    { select: ITEM_SELECT, fromWhere: auditSelection(s, f, p), order: 'l.seq DESC' },
    page,
  );
  const labels = await objectLabels(s, result.rows);
  return { total: result.total, items: result.rows.map((r) => presentItem(r, labels)) };
}

/** How many records a selection holds (before an export, which is refused when it is too large). */
export async function countAudit(s: TenantScope, f: AuditFilter): Promise<number> {
  const p = new Params();
  const found = await row(
    s.q,
    z.object({ n: col.int }),
    `SELECT count(*) AS n ${auditSelection(s, f, p)}`,
    p.values,
  );
  return found?.n ?? 0;
}

/**
 * Every record of a selection, newest first, in slices (for the CSV export). Each slice continues
 * below the last sequence number, so records appended meanwhile neither shift nor repeat rows.
 */
export async function* allAudit(s: TenantScope, f: AuditFilter, slice = 2000): AsyncGenerator<AuditItem> {
  let below: number | null = null;
  for (;;) {
    const p = new Params();
    const fromWhere = auditSelection(s, f, p);
    const after: string = below === null ? '' : ` AND l.seq < ${p.add(below)}`;
    const found: AuditItemRow[] = await rows(
      s.q,
      auditItemRow,
      `SELECT ${ITEM_SELECT} ${fromWhere}${after} ORDER BY l.seq DESC LIMIT ${p.add(slice)}`,
      p.values,
    );
    const labels = await objectLabels(s, found);
    for (const r of found) yield presentItem(r, labels);
    const last: AuditItemRow | undefined = found.at(-1);
    if (!last || found.length < slice) return;
    below = last.seq;
  }
}
