import type { Db, Tx } from '../db/db.js';

/** Rows claimed per transaction: short transactions, however many fell due at once. */
export const CLAIM_CHUNK = 500;

/**
 * A job's loop over rows that fell due: claim up to CLAIM_CHUNK (the claim marks them, with SKIP LOCKED,
 * so several instances share the work) and handle each in the same transaction, until a chunk comes back
 * short. Answers how many were handled.
 */
export async function handleInChunks<R>(
  db: Db,
  claim: (tx: Tx, limit: number) => Promise<readonly R[]>,
  handle: (tx: Tx, row: R) => Promise<void>,
): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      const due = await claim(tx, CLAIM_CHUNK);
      for (const row of due) await handle(tx, row);
      return due.length;
    });
    total += n;
    if (n < CLAIM_CHUNK) return total;
  }
}
