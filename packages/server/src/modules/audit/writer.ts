import type { Db } from '../../db/db.js';
import {
  type AuditEntry,
  appendAudit,
  appendAuditAfter,
  byTenant,
  type ChainHead,
  readChainHead,
} from './repository.js';

/** Whether two entries say the same thing (same who, why, what and about what). */
const sameness = (e: AuditEntry) =>
  JSON.stringify([
    e.tenantId,
    e.userId,
    e.partnerId,
    e.purpose,
    e.action,
    e.objectType,
    e.objectId ?? null,
    e.objectIds ?? null,
    e.personIds ?? [],
    e.processingActivityId ?? null,
    e.traceId ?? null,
    e.details ?? null,
  ]);

/**
 * The entries of one request without repeats: a request that reads the same object twice (a case
 * met again through one of its parts) read it once, and the log says so once.
 */
export function distinctEntries(entries: readonly AuditEntry[]): AuditEntry[] {
  if (entries.length < 2) return [...entries];
  const seen = new Set<string>();
  return entries.filter((e) => {
    const key = sameness(e);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

interface Pending {
  entries: readonly AuditEntry[];
  resolve: () => void;
  reject: (err: unknown) => void;
}

/**
 * Group commit for the audit records of reads. A read waits for `record()` before it answers,
 * so no answer goes out whose record could still be lost; meanwhile all records that arrive while
 * one batch commits go together into the next transaction. Under load one commit carries many
 * reads; alone, a read pays one commit.
 *
 * A batch costs one round trip per tenant: the writer remembers each chain's head and appends with a
 * compare-and-set on it (`appendAuditAfter`, one self-committing statement). When another writer
 * (a write's transaction, another instance) moved the head meanwhile, it reads the head again and
 * retries; after a few misses it takes the head row lock in a transaction like any writer.
 */
export class AuditWriter {
  private queue: Pending[] = [];
  private flushing = false;
  private closed = false;
  /** The last head this writer linked to, per tenant (a hint: the append checks it). */
  private readonly heads = new Map<string, ChainHead>();

  constructor(
    private readonly db: Db,
    private readonly maxBatch = 1000,
  ) {}

  /** Records the reads of one request (identical entries become one record). */
  record(all: readonly AuditEntry[]): Promise<void> {
    const entries = distinctEntries(all);
    if (entries.length === 0) return Promise.resolve();
    if (this.closed) return Promise.reject(new Error('audit writer closed'));
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ entries, resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.queue.length > 0) {
        const batch: Pending[] = [];
        let size = 0;
        for (
          let p = this.queue.shift();
          p !== undefined;
          p = size < this.maxBatch ? this.queue.shift() : undefined
        ) {
          batch.push(p);
          size += p.entries.length;
        }
        try {
          await this.append(batch.flatMap((p) => p.entries));
          for (const p of batch) p.resolve();
        } catch (err) {
          for (const p of batch) p.reject(err);
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  private async append(entries: readonly AuditEntry[]): Promise<void> {
    for (const [tenantId, list] of byTenant(entries)) {
      let done = false;
      for (let attempt = 0; attempt < 3 && !done; attempt++) {
        try {
          const head = this.heads.get(tenantId) ?? (await readChainHead(this.db, tenantId));
          const next = await appendAuditAfter(this.db, tenantId, list, head);
          if (next) this.heads.set(tenantId, next);
          else this.heads.delete(tenantId);
          done = next !== undefined;
        } catch (err) {
          this.heads.delete(tenantId);
          throw err;
        }
      }
      if (!done) await this.db.transaction((tx) => appendAudit(tx, list));
    }
  }

  /** Waits for what is queued, then refuses new records. */
  async close(): Promise<void> {
    this.closed = true;
    while (this.flushing || this.queue.length > 0) await new Promise((r) => setTimeout(r, 5));
  }
}
