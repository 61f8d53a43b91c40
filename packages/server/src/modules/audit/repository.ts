import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../db/db.js';
import type { TenantScope } from '../../db/scope.js';
import { type AuditRecord, chainHash, GENESIS_HASH } from './chain.js';

/** What a use case says about an access; the writer adds id, sequence, time and hash. */
export interface AuditEntry {
  tenantId: string;
  userId: string | null;
  partnerId: string | null;
  action: string;
  objectType: string;
  objectId?: string | null;
  objectIds?: string[] | null;
  personIds?: string[];
  purpose: string;
  details?: Record<string, unknown> | null;
}

/** A chain's last link. */
export interface ChainHead {
  seq: number;
  hash: string;
}

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

/** Links one tenant's entries after `head`: the rows as JSON for the INSERT, and the new head. */
function link(tenantId: string, list: readonly AuditEntry[], head: ChainHead, at: string) {
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
    };
    const hash = chainHash(prev, record);
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
      prev_hash: prev,
      hash,
    });
    prev = hash;
  }
  return { json: JSON.stringify(rows), head: { seq, hash: prev } };
}

const INSERT_ROWS = `INSERT INTO audit_log (id, tenant_id, seq, at, user_id, partner_id, action, object_type, object_id,
                          object_ids, person_ids, purpose, details, prev_hash, hash)
   SELECT id, tenant_id, seq, at, user_id, partner_id, action, object_type, object_id,
          object_ids, person_ids, purpose, details, prev_hash, hash
     FROM jsonb_populate_recordset(null::audit_log, $4::jsonb)`;

/**
 * Appends entries to their tenants' chains inside the caller's transaction. Locks each chain's head
 * row, so concurrent writers (in this or another instance) link up one after the other.
 */
export async function appendAudit(tx: Queryable, entries: readonly AuditEntry[]): Promise<void> {
  const at = new Date().toISOString();
  for (const [tenantId, list] of byTenant(entries)) {
    const lockHead = () =>
      tx.query<ChainHead>('SELECT seq, hash FROM audit_heads WHERE tenant_id = $1 FOR UPDATE', [tenantId]);
    let [head] = await lockHead();
    if (!head) {
      await tx.query(
        'INSERT INTO audit_heads (tenant_id, seq, hash) VALUES ($1, 0, $2) ON CONFLICT (tenant_id) DO NOTHING',
        [tenantId, GENESIS_HASH],
      );
      [head] = await lockHead();
    }
    const linked = link(tenantId, list, { seq: Number(head!.seq), hash: head!.hash }, at);
    // The rows and the new head in one statement (both in the caller's transaction).
    await tx.query(
      `WITH moved AS (UPDATE audit_heads SET seq = $2, hash = $3 WHERE tenant_id = $1 RETURNING 1)
       ${INSERT_ROWS}`,
      [tenantId, linked.head.seq, linked.head.hash, linked.json],
    );
  }
}

/** The head of a tenant's chain as committed now (the genesis link for a chain without records). */
export async function readChainHead(q: Queryable, tenantId: string): Promise<ChainHead> {
  const [head] = await q.query<ChainHead>('SELECT seq, hash FROM audit_heads WHERE tenant_id = $1', [
    tenantId,
  ]);
  return head ? { seq: Number(head.seq), hash: head.hash } : { seq: 0, hash: GENESIS_HASH };
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
  const linked = link(tenantId, list, head, new Date().toISOString());
  const moveHead =
    head.seq === 0
      ? // A chain without records may have no head row yet.
        `INSERT INTO audit_heads AS h (tenant_id, seq, hash) VALUES ($1, $2, $3)
         ON CONFLICT (tenant_id) DO UPDATE SET seq = EXCLUDED.seq, hash = EXCLUDED.hash
          WHERE h.seq = $5 AND h.hash = $6`
      : 'UPDATE audit_heads SET seq = $2, hash = $3 WHERE tenant_id = $1 AND seq = $5 AND hash = $6';
  const [row] = await q.query<{ moved: number }>(
    `WITH moved AS (${moveHead} RETURNING 1),
          ins AS (${INSERT_ROWS} WHERE EXISTS (SELECT 1 FROM moved) RETURNING 1)
     SELECT (SELECT count(*) FROM moved)::int AS moved`,
    [tenantId, linked.head.seq, linked.head.hash, linked.json, head.seq, head.hash],
  );
  return row?.moved === 1 ? linked.head : undefined;
}

interface AuditRow {
  id: string;
  tenant_id: string;
  seq: number;
  at: Date;
  user_id: string | null;
  partner_id: string | null;
  action: string;
  object_type: string;
  object_id: string | null;
  object_ids: string[] | null;
  person_ids: string[];
  purpose: string;
  details: unknown;
  prev_hash: string;
  hash: string;
}

export interface VerifyResult {
  valid: boolean;
  count: number;
  firstBroken?: { id: string; seq: number; reason: string };
}

/** Walks one tenant's chain from the start, recomputing every link. */
export async function verifyChain(q: Queryable, tenantId: string): Promise<VerifyResult> {
  let prev = '0'.repeat(64);
  let expectedSeq = 1;
  let count = 0;
  const PAGE = 5000;
  for (;;) {
    const rows = await q.query<AuditRow>(
      `SELECT id, tenant_id, seq, at, user_id, partner_id, action, object_type, object_id, object_ids,
              person_ids, purpose, details, prev_hash, hash
         FROM audit_log WHERE tenant_id = $1 AND seq >= $2 ORDER BY seq LIMIT $3`,
      [tenantId, expectedSeq, PAGE],
    );
    for (const r of rows) {
      const seq = Number(r.seq);
      const record: AuditRecord = {
        id: r.id,
        tenantId: r.tenant_id,
        seq,
        at: r.at.toISOString(),
        userId: r.user_id,
        partnerId: r.partner_id,
        action: r.action,
        objectType: r.object_type,
        objectId: r.object_id,
        objectIds: r.object_ids,
        personIds: r.person_ids,
        purpose: r.purpose,
        details: r.details,
      };
      const broken = (reason: string) => ({ valid: false, count, firstBroken: { id: r.id, seq, reason } });
      if (seq !== expectedSeq) return broken(`volgnummer ${expectedSeq} ontbreekt`);
      if (r.prev_hash !== prev) return broken('verwijzing naar het vorige record klopt niet');
      if (chainHash(prev, record) !== r.hash) return broken('inhoud past niet bij de hash');
      prev = r.hash;
      expectedSeq++;
      count++;
    }
    if (rows.length < PAGE) break;
  }
  const [head] = await q.query<{ seq: number; hash: string }>(
    'SELECT seq, hash FROM audit_heads WHERE tenant_id = $1',
    [tenantId],
  );
  if (head && (Number(head.seq) !== count || head.hash !== prev)) {
    return {
      valid: false,
      count,
      firstBroken: { id: '', seq: count + 1, reason: 'records aan het eind ontbreken' },
    };
  }
  return { valid: true, count };
}

export interface AuditItem {
  id: string;
  at: string;
  userId: string | null;
  partnerId: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  objectIds: string[] | null;
  personIds: string[];
  purpose: string;
}

export async function searchAudit(
  s: TenantScope,
  f: { objectId?: string | undefined; userId?: string | undefined; limit: number; offset: number },
): Promise<{ items: AuditItem[]; total: number }> {
  const where = ['tenant_id = $1'];
  const params: unknown[] = [s.tenantId];
  if (f.objectId) {
    params.push(f.objectId);
    const p = `$${params.length}`;
    where.push(
      `(object_id = ${p} OR object_ids @> ARRAY[${p}]::uuid[] OR person_ids @> ARRAY[${p}]::uuid[])`,
    );
  }
  if (f.userId) {
    params.push(f.userId);
    where.push(`user_id = $${params.length}`);
  }
  const cond = where.join(' AND ');
  const [{ n } = { n: 0 }] = await s.q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM audit_log WHERE ${cond}`,
    params,
  );
  const rows = await s.q.query<AuditRow>(
    `SELECT id, at, user_id, partner_id, action, object_type, object_id, object_ids, person_ids, purpose
       FROM audit_log WHERE ${cond} ORDER BY seq DESC LIMIT ${f.limit} OFFSET ${f.offset}`,
    params,
  );
  return {
    total: n,
    items: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      userId: r.user_id,
      partnerId: r.partner_id,
      action: r.action,
      objectType: r.object_type,
      objectId: r.object_id,
      objectIds: r.object_ids,
      personIds: r.person_ids,
      purpose: r.purpose,
    })),
  };
}
