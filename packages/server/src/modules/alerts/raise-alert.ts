import type { AlertKind, ApproachAlertKind } from '@wijkregie/shared';
import type { TenantScope } from '../../db/scope.js';
import { alertEmail, approachAlertEmail, type EmailContent, signalAlertEmail } from './email-content.js';
import {
  type AlertRecipient,
  alertEmailKey,
  announceAlerts,
  approachAlertRecipients,
  bumpAlerts,
  bundleWindowSeconds,
  caseAlertRecipients,
  enqueueAlertEmails,
  insertApproachAlerts,
  insertCaseAlerts,
  insertSignalAlerts,
  openBundles,
  rewriteAlertEmails,
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
  /**
   * For a change bound to life domains (a goal, an assessment): the matrix categories of those
   * domains. Only recipients whose partner may read at least one of them hear of it.
   */
  categories?: readonly string[];
}

/**
 * The SITRAP outbox step, inside the transaction of the change: works out the recipients (the
 * case director, chairs of meetings not yet held nor cancelled with the case on the agenda,
 * followers, the assignee of an action — never the changer, never someone who cannot see the case,
 * never a user of a deactivated partner; for a change bound to life domains, only users whose
 * partner may read one of the domains' categories), writes an
 * alert per recipient and, for those who want immediate email, an email in the outbox. The
 * NOTIFY that wakes live streams and mail workers is delivered by PostgreSQL only at commit.
 *
 * Entries come in runs (a professional writes three notes after a home visit): a recipient who
 * still has an unread alert about entries in this case, younger than the municipality's window,
 * gets that alert counted up ("3 nieuwe notities") and its waiting email reworded, instead of a new
 * alert and a new email. The email of such an alert waits until its window has closed.
 */
export async function raiseAlert(s: TenantScope, publicUrl: string, ev: AlertEvent): Promise<number> {
  const recipients = await caseAlertRecipients(s, ev);
  const first = recipients[0];
  if (!first) return 0;
  const caseReference = first.reference;
  const windowSeconds = ev.kind === 'entry_added' ? await bundleWindowSeconds(s) : 0;
  const bumped =
    windowSeconds > 0 ? await joinBundles(s, publicUrl, ev, caseReference, recipients, windowSeconds) : [];
  const joined = new Set(bumped.map((b) => b.user_id));
  const fresh = recipients.filter((r) => !joined.has(r.id));
  const inserted = fresh.length ? await insertCaseAlerts(s, ev, fresh) : [];
  const content = alertEmail(publicUrl, { kind: ev.kind, caseId: ev.caseId, caseReference });
  await enqueueAlertEmails(s, ev.caseId, content, immediateEmails(fresh, inserted), windowSeconds);
  // The streams get the new alerts and the counted-up ones alike: each arrives as the alert it is now.
  await announceAlerts(s, [...inserted, ...bumped]);
  return inserted.length + bumped.length;
}

/**
 * Counts this entry on the recipients' open bundles where that keeps alert and email one: an alert
 * whose email is still unsent gets the email reworded with it; an alert without an email counts up
 * only for a recipient who wants no immediate email (otherwise they get a new alert with its email).
 * Answers the alerts counted up.
 */
async function joinBundles(
  s: TenantScope,
  publicUrl: string,
  ev: AlertEvent,
  caseReference: string,
  recipients: readonly AlertRecipient[],
  windowSeconds: number,
) {
  const open = await openBundles(
    s,
    ev.caseId,
    recipients.map((r) => r.id),
    windowSeconds,
  );
  // The newest open alert per recipient (they come newest first).
  const newest = new Map<string, (typeof open)[number]>();
  for (const a of open) if (!newest.has(a.user_id)) newest.set(a.user_id, a);
  const withEmail = [...newest.values()].filter((a) => a.email_status !== null);
  const reworded = await rewriteAlertEmails(
    s,
    withEmail.map((a) => ({
      alertId: a.id,
      content: alertEmail(publicUrl, { kind: ev.kind, caseId: ev.caseId, caseReference, count: a.count + 1 }),
    })),
  );
  const wantsImmediate = new Set(
    recipients.filter((r) => r.email_preference === 'immediate').map((r) => r.id),
  );
  const joinable = [...newest.values()].filter((a) =>
    a.email_status !== null ? reworded.has(a.id) : !wantsImmediate.has(a.user_id),
  );
  return bumpAlerts(
    s,
    joinable.map((a) => a.id),
  );
}

/** Of the new alerts, the emails for recipients who want them at once (keyed by alert, so never twice). */
function immediateEmails(
  recipients: readonly AlertRecipient[],
  inserted: readonly { id: string; user_id: string }[],
) {
  const byUser = new Map(recipients.map((r) => [r.id, r]));
  return inserted.flatMap((a) => {
    const r = byUser.get(a.user_id);
    return r?.email_preference === 'immediate'
      ? [{ userId: a.user_id, idempotencyKey: alertEmailKey(a.id), toAddress: r.email }]
      : [];
  });
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

export interface ApproachAlertEvent {
  kind: ApproachAlertKind;
  approachId: string;
  /** Who made the change; never alerted about it. */
  actorUserId: string | null;
}

/**
 * A change to an area approach (an indicator, a measurement, a link), inside the transaction of the
 * change: its coordinator — unless they made it, or they or their partner are deactivated — gets an
 * alert, an email in the outbox when they want them at once, and the live announcement at commit.
 */
export async function raiseApproachAlert(
  s: TenantScope,
  publicUrl: string,
  ev: ApproachAlertEvent,
): Promise<number> {
  const recipients = await approachAlertRecipients(s, ev.approachId, ev.actorUserId);
  if (!recipients.length) return 0;
  const inserted = await insertApproachAlerts(s, ev, recipients);
  const content = approachAlertEmail(publicUrl, { kind: ev.kind, approachId: ev.approachId });
  await deliverNew(s, recipients, inserted, content, null);
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
  await enqueueAlertEmails(s, caseId, content, immediateEmails(recipients, inserted));
  await announceAlerts(s, inserted);
}
