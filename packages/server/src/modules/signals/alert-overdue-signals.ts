import { dueDateJob } from '../../background/chunks.js';
import { raiseSignalOverdue } from '../alerts/raise-alert.js';
import { claimOverdueSignals } from './repository.js';

/**
 * The scheduler's job for first-contact deadlines: a signal whose deadline passed while still open
 * raises `signal_overdue` for the partner it is routed to (or the regisseurs), once per deadline
 * (moving the deadline arms it again). Over all tenants; safe on several instances: rows are claimed
 * with SKIP LOCKED and the alerts are written in the transaction that marks them. Answers how many.
 */
export const alertOverdueSignals = dueDateJob(claimOverdueSignals, async (s, publicUrl, r) => {
  await raiseSignalOverdue(s, publicUrl, { id: r.id, routedPartnerId: r.routed_partner_id });
});
