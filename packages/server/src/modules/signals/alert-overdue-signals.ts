import type { Db } from '../../db/db.js';
import { TenantScope } from '../../db/scope.js';
import { amsterdamDate } from '../../lib/time.js';
import { raiseSignalOverdue } from '../alerts/raise-alert.js';
import { claimOverdueSignals } from './repository.js';

/** Signals claimed per transaction: short transactions, however many fell overdue at once. */
const CHUNK = 500;

/**
 * The scheduler's job for first-contact deadlines: a signal whose deadline passed while still open
 * raises `signal_overdue` for the partner it is routed to (or the regisseurs), once per deadline
 * (moving the deadline arms it again). Over all tenants; safe on several instances: rows are claimed
 * with SKIP LOCKED and the alerts are written in the transaction that marks them. Answers how many.
 */
export async function alertOverdueSignals(
  db: Db,
  publicUrl: string,
  today = amsterdamDate(),
): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      const due = await claimOverdueSignals(tx, today, CHUNK);
      for (const r of due) {
        await raiseSignalOverdue(new TenantScope(tx, r.tenant_id), publicUrl, {
          id: r.id,
          routedPartnerId: r.routed_partner_id,
        });
      }
      return due.length;
    });
    total += n;
    if (n < CHUNK) return total;
  }
}
