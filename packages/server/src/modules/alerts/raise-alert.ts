import type { AlertKind } from '@wijkregie/shared';
import type { TenantScope } from '../../db/scope.js';
import { alertEmail, type EmailContent, signalAlertEmail } from './email-content.js';
import {
  type AlertRecipient,
  announceAlerts,
  caseAlertRecipients,
  enqueueAlertEmails,
  insertCaseAlerts,
  insertSignalAlerts,
  signalOverdueRecipients,
} from './repository.js';

export interface AlertEvent {
  kind: AlertKind;
  caseId: string;
  /** Who made the change; never alerted about it. Null for the scheduler. */
  actorUserId: string | null;
  actionId?: string | null;
  /** For action events: the action's assignee is a recipient too. */
  assigneeUserId?: string | null;
}

/**
 * The SITRAP outbox step, inside the transaction of the change: works out the recipients (the
 * case director, chairs of meetings not yet held with the case on the agenda, followers, the
 * assignee of an action — never the changer, never someone who cannot see the case), writes an
 * alert per recipient and, for those who want immediate email, an email in the outbox. The
 * NOTIFY that wakes live streams and mail workers is delivered by PostgreSQL only at commit.
 */
export async function raiseAlert(s: TenantScope, publicUrl: string, ev: AlertEvent): Promise<number> {
  const recipients = await caseAlertRecipients(s, ev);
  const first = recipients[0];
  if (!first) return 0;
  const inserted = await insertCaseAlerts(s, ev, recipients);
  const content = alertEmail(publicUrl, { kind: ev.kind, caseId: ev.caseId, caseReference: first.reference });
  await deliverNew(s, recipients, inserted, content, ev.caseId);
  return inserted.length;
}

/**
 * First contact with a signal is overdue: alert the users of the partner it is routed to (or, when
 * nobody is, the regisseurs), once per deadline, inside the scheduler's transaction.
 */
export async function raiseSignalOverdue(
  s: TenantScope,
  publicUrl: string,
  signal: { id: string; routedPartnerId: string | null },
): Promise<number> {
  const recipients = await signalOverdueRecipients(s, signal.routedPartnerId);
  if (!recipients.length) return 0;
  const inserted = await insertSignalAlerts(s, signal.id, recipients);
  await deliverNew(s, recipients, inserted, signalAlertEmail(publicUrl, signal.id), null);
  return inserted.length;
}

/**
 * After the alert rows: an email in the outbox for each recipient who wants them at once, and the
 * NOTIFYs (delivered at commit) that wake the mail workers and the live streams of every instance.
 */
async function deliverNew(
  s: TenantScope,
  recipients: readonly AlertRecipient[],
  inserted: readonly { id: string; user_id: string }[],
  content: EmailContent,
  caseId: string | null,
): Promise<void> {
  const byUser = new Map(recipients.map((r) => [r.id, r]));
  const mails = inserted.flatMap((a) => {
    const r = byUser.get(a.user_id);
    return r?.email_preference === 'immediate'
      ? [{ userId: a.user_id, idempotencyKey: `alert:${a.id}`, toAddress: r.email }]
      : [];
  });
  await enqueueAlertEmails(s, caseId, content, mails);
  await announceAlerts(s, inserted);
}
