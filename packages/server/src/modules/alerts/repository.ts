import {
  ALERT_KINDS,
  type Alert,
  type AlertSortField,
  type ApproachAlertKind,
  type Collection,
  EMAIL_PREFERENCES,
  type EmailPreference,
  type Preferences,
  type Sorting,
} from '@wijkregie/shared';
import { z } from 'zod';
import { caseVisibleSql, userSeesCaseSql } from '../../access/cases.js';
import { partnerReadsAnyCategorySql } from '../../access/categories.js';
import { signalVisibleSql } from '../../access/signals.js';
import type { Viewer } from '../../access/viewer.js';
import { announceLive } from '../../background/live-repository.js';
import {
  type EmailContent,
  enqueueEmails,
  type OutboxRecipient,
  rewriteUnsentEmails,
} from '../../background/outbox-repository.js';
import type { Queryable } from '../../db/db.js';
import { orderOf } from '../../db/order.js';
import { type PageRequest, Params, selectPage } from '../../db/params.js';
import { col, countRow, execute, hasRow, oneRow, row, rows } from '../../db/rows.js';
import type { TenantScope } from '../../db/scope.js';
import { amsterdamDate, amsterdamMidnight } from '../../lib/time.js';
import type { AlertEvent } from './raise-alert.js';

/** NOTIFY channel of new alerts: every instance's live hub listens on it (app.ts). */
export const ALERT_CHANNEL = 'wijkregie_alerts';

const recipientRow = z.object({
  id: col.uuid,
  email: col.text,
  email_preference: z.enum(EMAIL_PREFERENCES),
});
export type AlertRecipient = z.infer<typeof recipientRow>;

const insertedRow = z.object({ id: col.uuid, user_id: col.uuid });
type InsertedAlert = z.infer<typeof insertedRow>;

/**
 * Who hears of a change to a case: the director, chairs of meetings not yet held (and not
 * cancelled) with the case on the agenda, followers and the assignee of an action — active users of
 * an active partner, not the changer, and only while they may see the case; for a change bound to
 * life domains (`ev.categories`), only users whose partner may read one of those categories. Each
 * with the case's reference (for the email).
 */
export function caseAlertRecipients(s: TenantScope, ev: AlertEvent) {
  const p = new Params();
  const tenant = p.add(s.tenantId);
  const caseId = p.add(ev.caseId);
  const assignee = p.add(ev.assigneeUserId ?? null);
  const actor = p.add(ev.actorUserId);
  const since = p.add(amsterdamMidnight(amsterdamDate()).toISOString());
  const domainBound = ev.categories
    ? `AND ${partnerReadsAnyCategorySql('u.partner_id', p.add([...ev.categories]), tenant)}`
    : '';
  return rows(
    s.q,
    recipientRow.extend({ reference: col.text }),
    `WITH c AS (SELECT id, reference, director_user_id FROM cases WHERE tenant_id = ${tenant} AND id = ${caseId}),
     r AS (
       SELECT director_user_id AS user_id FROM c WHERE director_user_id IS NOT NULL
       UNION SELECT m.chair_user_id FROM meeting_agenda ma JOIN meetings m ON m.id = ma.meeting_id
        WHERE ma.tenant_id = ${tenant} AND ma.case_id = ${caseId} AND m.starts_at >= ${since}::timestamptz
          AND m.status <> 'cancelled'
       UNION SELECT f.user_id FROM case_followers f WHERE f.tenant_id = ${tenant} AND f.case_id = ${caseId}
       UNION SELECT ${assignee}::uuid WHERE ${assignee}::uuid IS NOT NULL
     )
     SELECT u.id, u.email, u.email_preference, c.reference
       FROM r JOIN users u ON u.tenant_id = ${tenant} AND u.id = r.user_id CROSS JOIN c
       JOIN partners up ON up.tenant_id = u.tenant_id AND up.id = u.partner_id
      WHERE u.active AND up.active AND u.id IS DISTINCT FROM ${actor}::uuid
        AND ${userSeesCaseSql('u', 'c')} ${domainBound}
      ORDER BY u.id`,
    p.values,
  );
}

export function insertCaseAlerts(
  s: TenantScope,
  ev: AlertEvent,
  recipients: readonly AlertRecipient[],
): Promise<InsertedAlert[]> {
  return rows(
    s.q,
    insertedRow,
    `INSERT INTO alerts (tenant_id, user_id, kind, case_id, action_id, actor_user_id, categories)
     SELECT $1, u, $2, $3, $4, $5, $7::text[] FROM unnest($6::uuid[]) AS u
     RETURNING id, user_id`,
    [
      s.tenantId,
      ev.kind,
      ev.caseId,
      ev.actionId ?? null,
      ev.actorUserId,
      recipients.map((r) => r.id),
      ev.categories ? [...ev.categories] : null,
    ],
  );
}

/** Users of the partner a signal is routed to (regisseurs and professionals), or else the regisseurs. */
export function signalOverdueRecipients(s: TenantScope, routedPartnerId: string | null) {
  return rows(
    s.q,
    recipientRow,
    `SELECT u.id, u.email, u.email_preference
       FROM users u JOIN partners up ON up.tenant_id = u.tenant_id AND up.id = u.partner_id
      WHERE u.tenant_id = $1 AND u.active AND up.active
        AND CASE WHEN $2::uuid IS NULL THEN 'regisseur' = ANY (u.roles)
                 ELSE u.partner_id = $2 AND u.roles && ARRAY['regisseur', 'professional']::text[] END
      ORDER BY u.id`,
    [s.tenantId, routedPartnerId],
  );
}

export function insertSignalAlerts(
  s: TenantScope,
  signalId: string,
  recipients: readonly AlertRecipient[],
): Promise<InsertedAlert[]> {
  return rows(
    s.q,
    insertedRow,
    `INSERT INTO alerts (tenant_id, user_id, kind, signal_id)
     SELECT $1, u, 'signal_overdue', $2 FROM unnest($3::uuid[]) AS u RETURNING id, user_id`,
    [s.tenantId, signalId, recipients.map((r) => r.id)],
  );
}

/**
 * Who hears of a change to an area approach: its coordinator — an active user of an active partner,
 * not the one who made the change. (Every logged-in user of the municipality may read an approach.)
 */
export function approachAlertRecipients(s: TenantScope, approachId: string, actorUserId: string | null) {
  return rows(
    s.q,
    recipientRow,
    `SELECT u.id, u.email, u.email_preference
       FROM approaches a
       JOIN users u ON u.tenant_id = a.tenant_id AND u.id = a.coordinator_user_id
       JOIN partners up ON up.tenant_id = u.tenant_id AND up.id = u.partner_id
      WHERE a.tenant_id = $1 AND a.id = $2 AND u.active AND up.active AND u.id IS DISTINCT FROM $3::uuid
      ORDER BY u.id`,
    [s.tenantId, approachId, actorUserId],
  );
}

export function insertApproachAlerts(
  s: TenantScope,
  ev: { kind: ApproachAlertKind; approachId: string; actorUserId: string | null },
  recipients: readonly AlertRecipient[],
): Promise<InsertedAlert[]> {
  return rows(
    s.q,
    insertedRow,
    `INSERT INTO alerts (tenant_id, user_id, kind, approach_id, actor_user_id)
     SELECT $1, u, $2, $3, $4 FROM unnest($5::uuid[]) AS u RETURNING id, user_id`,
    [s.tenantId, ev.kind, ev.approachId, ev.actorUserId, recipients.map((r) => r.id)],
  );
}

/**
 * The alert emails of those who want them at once, in the outbox (keyed by alert, so never twice);
 * `holdSeconds` keeps them back while more changes may join their alert (a bundle's window).
 */
export function enqueueAlertEmails(
  s: TenantScope,
  caseId: string | null,
  content: EmailContent,
  recipients: readonly OutboxRecipient[],
  holdSeconds = 0,
): Promise<void> {
  return enqueueEmails(s.q, s.tenantId, { kind: 'alert', caseId, content, holdSeconds }, recipients);
}

/** The idempotency key (and Message-ID) of an alert's email: one email per alert, however often it is bumped. */
export const alertEmailKey = (alertId: string) => `alert:${alertId}`;

/**
 * For the outbox (handed in by main.ts): an alert's email `o` may still go to the user `u` only while
 * the user's partner reads one of the categories of the life domains the alert is about (when it is
 * about any). Other emails pass.
 */
export function alertEmailAllowedSql(u: string, o: string): string {
  return `(CASE WHEN ${o}.idempotency_key LIKE 'alert:%' THEN NOT EXISTS (
      SELECT 1 FROM alerts ea
       WHERE ea.tenant_id = ${o}.tenant_id AND ea.id = substr(${o}.idempotency_key, 7)::uuid
         AND ea.categories IS NOT NULL
         AND NOT ${partnerReadsAnyCategorySql(`${u}.partner_id`, 'ea.categories', 'ea.tenant_id')})
    ELSE true END)`;
}

/** The municipality's bundle window in seconds (`tenants.alert_bundle_seconds`; 0 = no bundles). */
export async function bundleWindowSeconds(s: TenantScope): Promise<number> {
  const found = await row(
    s.q,
    z.object({ seconds: col.int }),
    'SELECT alert_bundle_seconds AS seconds FROM tenants WHERE id = $1',
    [s.tenantId],
  );
  return found?.seconds ?? 0;
}

const openBundleRow = z.object({
  id: col.uuid,
  user_id: col.uuid,
  count: col.int,
  /** The state of the alert's email; null when it has none (the recipient wanted none then). */
  email_status: col.text.nullable(),
  email_attempts: col.int.nullable(),
});
export type OpenBundle = z.infer<typeof openBundleRow>;

/**
 * The open `entry_added` alerts of these recipients in the case — unread, not yet in a digest,
 * younger than the window — locked until the end of the transaction, so two entries at the same
 * moment count on one alert instead of overwriting each other. Newest first; with each, the state
 * of its email.
 */
export function openBundles(
  s: TenantScope,
  caseId: string,
  userIds: readonly string[],
  windowSeconds: number,
): Promise<OpenBundle[]> {
  return rows(
    s.q,
    openBundleRow,
    `SELECT a.id, a.user_id, a.count, o.status AS email_status, o.attempts AS email_attempts
       FROM alerts a LEFT JOIN email_outbox o ON o.tenant_id = a.tenant_id AND o.idempotency_key = 'alert:' || a.id::text
      WHERE a.tenant_id = $1 AND a.case_id = $2 AND a.user_id = ANY ($3::uuid[])
        AND a.kind = 'entry_added' AND a.read_at IS NULL AND a.digested_at IS NULL
        AND a.created_at > clock_timestamp() - make_interval(secs => $4::double precision)
      ORDER BY a.created_at DESC, a.id
      FOR UPDATE OF a`,
    [s.tenantId, caseId, [...userIds], windowSeconds],
  );
}

/**
 * New wording for alert emails no worker has touched yet; answers the alert ids whose email took it.
 * A claimed email (being sent, or tried once) keeps its words: its Message-ID may already be out.
 */
export async function rewriteAlertEmails(
  s: TenantScope,
  emails: readonly { alertId: string; content: EmailContent }[],
): Promise<Set<string>> {
  const keys = await rewriteUnsentEmails(
    s.q,
    s.tenantId,
    emails.map((e) => ({ idempotencyKey: alertEmailKey(e.alertId), content: e.content })),
  );
  return new Set(emails.filter((e) => keys.has(alertEmailKey(e.alertId))).map((e) => e.alertId));
}

/** Counts one more change on each of these alerts. */
export function bumpAlerts(s: TenantScope, ids: readonly string[]): Promise<InsertedAlert[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return rows(
    s.q,
    insertedRow,
    `UPDATE alerts SET count = count + 1, updated_at = clock_timestamp()
      WHERE tenant_id = $1 AND id = ANY ($2::uuid[]) RETURNING id, user_id`,
    [s.tenantId, [...ids]],
  );
}

/** Wakes the live streams of every instance at commit: ids only, each hub loads what it may show. */
export function announceAlerts(s: TenantScope, inserted: readonly InsertedAlert[]): Promise<void> {
  return announceLive(
    s.q,
    ALERT_CHANNEL,
    s.tenantId,
    inserted.map((a) => ({ id: a.id, userId: a.user_id })),
  );
}

const alertRow = z.object({
  id: col.uuid,
  kind: z.enum(ALERT_KINDS),
  case_id: col.uuid.nullable(),
  signal_id: col.uuid.nullable(),
  approach_id: col.uuid.nullable(),
  reference: col.text.nullable(),
  created_at: col.timestamp,
  read_at: col.timestamp.nullable(),
  count: col.int,
  updated_at: col.timestamp,
});
const toAlert = (r: z.infer<typeof alertRow>): Alert => ({
  id: r.id,
  kind: r.kind,
  caseId: r.case_id,
  caseReference: r.reference,
  signalId: r.signal_id,
  approachId: r.approach_id,
  createdAt: r.created_at.toISOString(),
  readAt: r.read_at ? r.read_at.toISOString() : null,
  count: r.count,
  updatedAt: r.updated_at.toISOString(),
});

const ALERT_FROM = `FROM alerts a
  LEFT JOIN cases c ON c.tenant_id = a.tenant_id AND c.id = a.case_id
  LEFT JOIN signals sg ON sg.tenant_id = a.tenant_id AND sg.id = a.signal_id`;

/**
 * An alert is shown only while its case (or signal) is still visible to the recipient, and one about
 * a change bound to life domains only while the recipient's partner may read one of their categories.
 * An alert about an area approach stays: every logged-in user of the municipality may read one.
 */
function alertVisibleSql(v: Viewer, p: Params): string {
  return `((a.case_id IS NOT NULL AND ${caseVisibleSql('c', v, p)}
      AND (a.categories IS NULL OR ${partnerReadsAnyCategorySql(p.add(v.partnerId), 'a.categories', 'a.tenant_id')}))
    OR (a.case_id IS NULL AND a.signal_id IS NOT NULL AND ${signalVisibleSql('sg', v, p)})
    OR (a.case_id IS NULL AND a.signal_id IS NULL AND a.approach_id IS NOT NULL))`;
}

/** The columns an alert list may be sorted on (`read`: unread ones first, ascending). */
const ALERT_SORT: Record<AlertSortField, string> = {
  createdAt: 'a.created_at',
  kind: 'a.kind',
  read: '(a.read_at IS NOT NULL)',
};

/** The caller's alerts about cases they can still see (checked now, not when the alert was made). */
export async function findAlerts(
  s: TenantScope,
  v: Viewer,
  f: { unread?: boolean; ids?: string[] },
  page: PageRequest,
  by?: Sorting<AlertSortField>,
): Promise<Collection<Alert>> {
  const p = new Params();
  const where = [`a.tenant_id = ${p.add(s.tenantId)}`, `a.user_id = ${p.add(v.userId)}`];
  if (f.unread) where.push('a.read_at IS NULL');
  if (f.ids) where.push(`a.id = ANY (${p.add(f.ids)}::uuid[])`);
  where.push(alertVisibleSql(v, p));
  const { rows: found, total } = await selectPage(
    s.q,
    alertRow,
    p,
    {
      select:
        'a.id, a.kind, a.case_id, a.signal_id, a.approach_id, c.reference, a.created_at, a.read_at, a.count, a.updated_at',
      fromWhere: `${ALERT_FROM} WHERE ${where.join(' AND ')}`,
      order: orderOf(by, ALERT_SORT, 'a.created_at DESC, a.id'),
    },
    page,
  );
  return { items: found.map(toAlert), total };
}

export async function countUnread(s: TenantScope, v: Viewer): Promise<number> {
  const p = new Params();
  const found = await oneRow(
    s.q,
    countRow,
    `SELECT count(*)::int AS n ${ALERT_FROM}
      WHERE a.tenant_id = ${p.add(s.tenantId)} AND a.user_id = ${p.add(v.userId)} AND a.read_at IS NULL
        AND ${alertVisibleSql(v, p)}`,
    p.values,
  );
  return found.n;
}

/** Marks one of the caller's alerts read; false when it is not theirs (or not visible any more). */
export async function markRead(s: TenantScope, v: Viewer, id: string): Promise<boolean> {
  const p = new Params();
  const marked = await rows(
    s.q,
    z.object({ id: col.uuid }),
    `UPDATE alerts SET read_at = coalesce(read_at, now())
      WHERE id IN (SELECT a.id ${ALERT_FROM}
                    WHERE a.tenant_id = ${p.add(s.tenantId)} AND a.id = ${p.add(id)} AND a.user_id = ${p.add(v.userId)}
                      AND ${alertVisibleSql(v, p)})
      RETURNING id`,
    p.values,
  );
  return marked.length > 0;
}

export async function markAllRead(s: TenantScope, userId: string): Promise<void> {
  await execute(
    s.q,
    'UPDATE alerts SET read_at = now() WHERE tenant_id = $1 AND user_id = $2 AND read_at IS NULL',
    [s.tenantId, userId],
  );
}

export async function readPreferences(s: TenantScope, userId: string): Promise<Preferences> {
  const found = await row(
    s.q,
    z.object({ email_preference: z.enum(EMAIL_PREFERENCES) }),
    'SELECT email_preference FROM users WHERE tenant_id = $1 AND id = $2',
    [s.tenantId, userId],
  );
  return { email: found?.email_preference ?? 'immediate' };
}

export async function writePreferences(s: TenantScope, userId: string, email: EmailPreference) {
  await execute(s.q, 'UPDATE users SET email_preference = $3 WHERE tenant_id = $1 AND id = $2', [
    s.tenantId,
    userId,
    email,
  ]);
}

export async function setFollowing(s: TenantScope, caseId: string, userId: string, follow: boolean) {
  if (follow) {
    await execute(
      s.q,
      `INSERT INTO case_followers (tenant_id, case_id, user_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [s.tenantId, caseId, userId],
    );
  } else {
    await execute(s.q, 'DELETE FROM case_followers WHERE tenant_id = $1 AND case_id = $2 AND user_id = $3', [
      s.tenantId,
      caseId,
      userId,
    ]);
  }
}

export async function isFollowing(q: Queryable, tenantId: string, caseId: string, userId: string) {
  return hasRow(
    q,
    'SELECT 1 AS one FROM case_followers WHERE tenant_id = $1 AND case_id = $2 AND user_id = $3',
    [tenantId, caseId, userId],
  );
}
