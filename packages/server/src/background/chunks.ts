import type { Db, Tx } from '../db/db.js';
import { TenantScope } from '../db/scope.js';
import { amsterdamDate } from '../lib/time.js';

/** Rows claimed per transaction: short transactions, however many fell due at once. */
export const CLAIM_CHUNK = 500;

/**
 * A job's loop over rows that fell due: claim up to CLAIM_CHUNK (the claim marks them, with SKIP LOCKED,
 * so several instances share the work) and handle each in the same transaction, until a chunk comes back
 * short. The claim runs over all tenants; each row is handled in the scope of its own tenant. Answers how
 * many were handled.
 */
export async function handleInChunks<R extends { tenant_id: string }>(
  db: Db,
  claim: (tx: Tx, limit: number) => Promise<readonly R[]>,
  handle: (s: TenantScope, row: R) => Promise<void>,
): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      const due = await claim(tx, CLAIM_CHUNK);
      for (const row of due) await handle(new TenantScope(tx, row.tenant_id), row);
      return due.length;
    });
    total += n;
    if (n < CLAIM_CHUNK) return total;
  }
}

/**
 * A job over what fell due by a date: `claim` takes the rows past `today` (the Amsterdam date unless
 * given), `handle` raises what each one asks for, with the public URL its links start with. Through
 * handleInChunks, so safe on several instances; the job answers how many rows it handled.
 */
export function dueDateJob<R extends { tenant_id: string }>(
  claim: (tx: Tx, today: string, limit: number) => Promise<readonly R[]>,
  handle: (s: TenantScope, publicUrl: string, row: R) => Promise<void>,
): (db: Db, publicUrl: string, today?: string) => Promise<number> {
  return (db, publicUrl, today = amsterdamDate()) =>
    handleInChunks(
      db,
      (tx, limit) => claim(tx, today, limit),
      (s, row) => handle(s, publicUrl, row),
    );
}
