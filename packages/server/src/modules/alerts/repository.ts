import type { Alert, AlertKind } from '@wijkregie/shared';
import type { Queryable } from '../../db/db.js';
import { Params, selectPage } from '../../db/params.js';
import type { TenantScope } from '../../db/scope.js';
import { amsterdamDate, amsterdamMidnight } from '../../lib/time.js';
import { caseVisibleSql, userSeesCaseSql, type Viewer } from '../cases/visibility.js';
import { signalVisibleSql } from '../signals/visibility.js';
import { alertEmail, type EmailContent, signalAlertEmail } from './email-content.js';

export const ALERT_CHANNEL = 'wijkregie_alerts';
export const OUTBOX_CHANNEL = 'wijkregie_outbox';

export interface AlertEvent {
  kind: AlertKind;
  caseId: string;
  /** Who made the change; never alerted about it. Null for the scheduler. */
  actorUserId: string | null;
  actionId?: string | null;
  /** For action events: the action's assignee is a recipient too. */
  assigneeUserId?: string | null;
}

interface Recipient {
  id: string;
  email: string;
  email_preference: 'immediate' | 'daily' | 'off';
}

/**
 * The SITRAP outbox step, inside the transaction of the change: works out the recipients (the
 * case director, chairs of meetings not yet held with the case on the agenda, followers, the
 * assignee of an action — never the changer, never someone who cannot see the case), writes an
 * alert per recipient and, for those who want immediate email, an email in the outbox. The
 * NOTIFY that wakes live streams and mail workers is delivered by PostgreSQL only at commit.
 */
export async function raiseAlert(s: TenantScope, publicUrl: string, ev: AlertEvent): Promise<number> {
  const p = new Params();
  const tenant = p.add(s.tenantId);
  const caseId = p.add(ev.caseId);
  const assignee = p.add(ev.assigneeUserId ?? null);
  const actor = p.add(ev.actorUserId);
  const since = p.add(amsterdamMidnight(amsterdamDate()).toISOString());
  const recipients = await s.q.query<Recipient & { reference: string }>(
    `WITH c AS (SELECT id, reference, director_user_id FROM cases WHERE tenant_id = ${tenant} AND id = ${caseId}),
     r AS (
       SELECT director_user_id AS user_id FROM c WHERE director_user_id IS NOT NULL
       UNION SELECT m.chair_user_id FROM meeting_agenda ma JOIN meetings m ON m.id = ma.meeting_id
        WHERE ma.tenant_id = ${tenant} AND ma.case_id = ${caseId} AND m.starts_at >= ${since}::timestamptz
       UNION SELECT f.user_id FROM case_followers f WHERE f.tenant_id = ${tenant} AND f.case_id = ${caseId}
       UNION SELECT ${assignee}::uuid WHERE ${assignee}::uuid IS NOT NULL
     )
     SELECT u.id, u.email, u.email_preference, c.reference
       FROM r JOIN users u ON u.tenant_id = ${tenant} AND u.id = r.user_id CROSS JOIN c
      WHERE u.active AND u.id IS DISTINCT FROM ${actor}::uuid
        AND ${userSeesCaseSql('u', 'c')}
      ORDER BY u.id`,
    p.values,
  );
  if (recipients.length === 0) return 0;
  const reference = recipients[0]!.reference;

  const inserted = await s.q.query<{ id: string; user_id: string }>(
    `INSERT INTO alerts (tenant_id, user_id, kind, case_id, action_id, actor_user_id)
     SELECT $1, u, $2, $3, $4, $5 FROM unnest($6::uuid[]) AS u
     RETURNING id, user_id`,
    [s.tenantId, ev.kind, ev.caseId, ev.actionId ?? null, ev.actorUserId, recipients.map((r) => r.id)],
  );
  const content = alertEmail(publicUrl, { kind: ev.kind, caseId: ev.caseId, caseReference: reference });
  await deliverNew(s, recipients, inserted, content, ev.caseId);
  return inserted.length;
}

interface AlertRow {
  id: string;
  kind: AlertKind;
  case_id: string | null;
  signal_id: string | null;
  reference: string | null;
  created_at: Date;
  read_at: Date | null;
}
const toAlert = (r: AlertRow): Alert => ({
  id: r.id,
  kind: r.kind,
  caseId: r.case_id,
  caseReference: r.reference,
  signalId: r.signal_id,
  createdAt: r.created_at.toISOString(),
  readAt: r.read_at ? r.read_at.toISOString() : null,
});

const ALERT_FROM = `FROM alerts a
  LEFT JOIN cases c ON c.tenant_id = a.tenant_id AND c.id = a.case_id
  LEFT JOIN signals sg ON sg.tenant_id = a.tenant_id AND sg.id = a.signal_id`;

/** An alert is shown only while its case (or signal) is still visible to the recipient. */
function alertVisibleSql(v: Viewer, p: Params): string {
  return `((a.case_id IS NOT NULL AND ${caseVisibleSql('c', v, p)})
    OR (a.case_id IS NULL AND a.signal_id IS NOT NULL AND ${signalVisibleSql('sg', v, p)}))`;
}

/** The caller's alerts about cases they can still see (checked now, not when the alert was made). */
export async function listAlerts(
  s: TenantScope,
  v: Viewer,
  f: { unread?: boolean; ids?: string[] },
  page: { limit: number; offset: number },
): Promise<{ items: Alert[]; total: number }> {
  const p = new Params();
  const where = [`a.tenant_id = ${p.add(s.tenantId)}`, `a.user_id = ${p.add(v.userId)}`];
  if (f.unread) where.push('a.read_at IS NULL');
  if (f.ids) where.push(`a.id = ANY (${p.add(f.ids)}::uuid[])`);
  where.push(alertVisibleSql(v, p));
  const { rows, total } = await selectPage<AlertRow>(
    s.q,
    p,
    {
      select: 'a.id, a.kind, a.case_id, a.signal_id, c.reference, a.created_at, a.read_at',
      fromWhere: `${ALERT_FROM} WHERE ${where.join(' AND ')}`,
      order: 'a.created_at DESC, a.id',
    },
    page,
  );
  return { items: rows.map(toAlert), total };
}

export async function countUnread(s: TenantScope, v: Viewer): Promise<number> {
  const p = new Params();
  const [row] = await s.q.query<{ n: number }>(
    `SELECT count(*)::int AS n ${ALERT_FROM}
      WHERE a.tenant_id = ${p.add(s.tenantId)} AND a.user_id = ${p.add(v.userId)} AND a.read_at IS NULL
        AND ${alertVisibleSql(v, p)}`,
    p.values,
  );
  return row?.n ?? 0;
}

/** Marks one of the caller's alerts read; false when it is not theirs (or not visible any more). */
export async function markRead(s: TenantScope, v: Viewer, id: string): Promise<boolean> {
  const p = new Params();
  const rows = await s.q.query(
    `UPDATE alerts SET read_at = coalesce(read_at, now())
      WHERE id IN (SELECT a.id ${ALERT_FROM}
                    WHERE a.tenant_id = ${p.add(s.tenantId)} AND a.id = ${p.add(id)} AND a.user_id = ${p.add(v.userId)}
                      AND ${alertVisibleSql(v, p)})
      RETURNING id`,
    p.values,
  );
  return rows.length > 0;
}

export async function markAllRead(s: TenantScope, userId: string): Promise<void> {
  await s.q.query(
    'UPDATE alerts SET read_at = now() WHERE tenant_id = $1 AND user_id = $2 AND read_at IS NULL',
    [s.tenantId, userId],
  );
}

export async function getPreferences(s: TenantScope, userId: string) {
  const [row] = await s.q.query<{ email_preference: 'immediate' | 'daily' | 'off' }>(
    'SELECT email_preference FROM users WHERE tenant_id = $1 AND id = $2',
    [s.tenantId, userId],
  );
  return { email: row?.email_preference ?? 'immediate' };
}

export async function setPreferences(s: TenantScope, userId: string, email: string) {
  await s.q.query('UPDATE users SET email_preference = $3 WHERE tenant_id = $1 AND id = $2', [
    s.tenantId,
    userId,
    email,
  ]);
}

export async function setFollowing(s: TenantScope, caseId: string, userId: string, follow: boolean) {
  if (follow) {
    await s.q.query(
      `INSERT INTO case_followers (tenant_id, case_id, user_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [s.tenantId, caseId, userId],
    );
  } else {
    await s.q.query('DELETE FROM case_followers WHERE tenant_id = $1 AND case_id = $2 AND user_id = $3', [
      s.tenantId,
      caseId,
      userId,
    ]);
  }
}

export async function isFollowing(q: Queryable, tenantId: string, caseId: string, userId: string) {
  const rows = await q.query(
    'SELECT 1 FROM case_followers WHERE tenant_id = $1 AND case_id = $2 AND user_id = $3',
    [tenantId, caseId, userId],
  );
  return rows.length > 0;
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
  const recipients = await s.q.query<Recipient>(
    `SELECT u.id, u.email, u.email_preference FROM users u
      WHERE u.tenant_id = $1 AND u.active
        AND CASE WHEN $2::uuid IS NULL THEN 'regisseur' = ANY (u.roles)
                 ELSE u.partner_id = $2 AND u.roles && ARRAY['regisseur', 'professional']::text[] END
      ORDER BY u.id`,
    [s.tenantId, signal.routedPartnerId],
  );
  if (!recipients.length) return 0;
  const inserted = await s.q.query<{ id: string; user_id: string }>(
    `INSERT INTO alerts (tenant_id, user_id, kind, signal_id)
     SELECT $1, u, 'signal_overdue', $2 FROM unnest($3::uuid[]) AS u RETURNING id, user_id`,
    [s.tenantId, signal.id, recipients.map((r) => r.id)],
  );
  await deliverNew(s, recipients, inserted, signalAlertEmail(publicUrl, signal.id), null);
  return inserted.length;
}

/**
 * After the alert rows: an email in the outbox for each recipient who wants them at once, and the
 * NOTIFYs (delivered at commit) that wake the mail workers and the live streams of every instance.
 */
async function deliverNew(
  s: TenantScope,
  recipients: readonly Recipient[],
  inserted: readonly { id: string; user_id: string }[],
  content: EmailContent,
  caseId: string | null,
): Promise<void> {
  const byUser = new Map(recipients.map((r) => [r.id, r]));
  const mails = inserted.filter((a) => byUser.get(a.user_id)?.email_preference === 'immediate');
  if (mails.length) {
    await s.q.query(
      `INSERT INTO email_outbox (tenant_id, user_id, idempotency_key, kind, case_id, to_address, subject, body_text, body_html)
       SELECT $1, x.user_id, 'alert:' || x.alert_id, 'alert', $2, x.address, $3, $4, $5
         FROM unnest($6::uuid[], $7::uuid[], $8::text[]) AS x (alert_id, user_id, address)`,
      [
        s.tenantId,
        caseId,
        content.subject,
        content.text,
        content.html,
        mails.map((m) => m.id),
        mails.map((m) => m.user_id),
        mails.map((m) => byUser.get(m.user_id)!.email),
      ],
    );
    await s.q.query(`SELECT pg_notify('${OUTBOX_CHANNEL}', '')`);
  }
  // NOTIFY payloads are limited to 8000 bytes: send the new alerts in chunks.
  for (let i = 0; i < inserted.length; i += 60) {
    const payload = JSON.stringify({
      t: s.tenantId,
      a: inserted.slice(i, i + 60).map((x) => [x.id, x.user_id]),
    });
    await s.q.query(`SELECT pg_notify('${ALERT_CHANNEL}', $1)`, [payload]);
  }
}
