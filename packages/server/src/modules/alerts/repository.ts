import {
  ALERT_KINDS,
  type Alert,
  EMAIL_PREFERENCES,
  type EmailPreference,
  type Preferences,
} from '@wijkregie/shared';
import { z } from 'zod';
import { caseVisibleSql, userSeesCaseSql } from '../../access/cases.js';
import { signalVisibleSql } from '../../access/signals.js';
import type { Viewer } from '../../access/viewer.js';
import { announceLive } from '../../background/live-repository.js';
import {
  type EmailContent,
  enqueueEmails,
  type OutboxRecipient,
} from '../../background/outbox-repository.js';
import type { Queryable } from '../../db/db.js';
import { Params, selectPage } from '../../db/params.js';
import { col, countRow, execute, oneRow, row, rows } from '../../db/rows.js';
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
 * Who hears of a change to a case: the director, chairs of meetings not yet held with the case on
 * the agenda, followers and the assignee of an action — active, not the changer, and only while
 * they may see the case. Each with the case's reference (for the email).
 */
export function caseAlertRecipients(s: TenantScope, ev: AlertEvent) {
  const p = new Params();
  const tenant = p.add(s.tenantId);
  const caseId = p.add(ev.caseId);
  const assignee = p.add(ev.assigneeUserId ?? null);
  const actor = p.add(ev.actorUserId);
  const since = p.add(amsterdamMidnight(amsterdamDate()).toISOString());
  return rows(
    s.q,
    recipientRow.extend({ reference: col.text }),
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
}

export function insertCaseAlerts(
  s: TenantScope,
  ev: AlertEvent,
  recipients: readonly AlertRecipient[],
): Promise<InsertedAlert[]> {
  return rows(
    s.q,
    insertedRow,
    `INSERT INTO alerts (tenant_id, user_id, kind, case_id, action_id, actor_user_id)
     SELECT $1, u, $2, $3, $4, $5 FROM unnest($6::uuid[]) AS u
     RETURNING id, user_id`,
    [s.tenantId, ev.kind, ev.caseId, ev.actionId ?? null, ev.actorUserId, recipients.map((r) => r.id)],
  );
}

/** Users of the partner a signal is routed to (regisseurs and professionals), or else the regisseurs. */
export function signalOverdueRecipients(s: TenantScope, routedPartnerId: string | null) {
  return rows(
    s.q,
    recipientRow,
    `SELECT u.id, u.email, u.email_preference FROM users u
      WHERE u.tenant_id = $1 AND u.active
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

/** The alert emails of those who want them at once, in the outbox (keyed by alert, so never twice). */
export function enqueueAlertEmails(
  s: TenantScope,
  caseId: string | null,
  content: EmailContent,
  recipients: readonly OutboxRecipient[],
): Promise<void> {
  return enqueueEmails(s.q, s.tenantId, { kind: 'alert', caseId, content }, recipients);
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
  reference: col.text.nullable(),
  created_at: col.timestamp,
  read_at: col.timestamp.nullable(),
});
const toAlert = (r: z.infer<typeof alertRow>): Alert => ({
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
export async function findAlerts(
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
  const { rows: found, total } = await selectPage(
    s.q,
    alertRow,
    p,
    {
      select: 'a.id, a.kind, a.case_id, a.signal_id, c.reference, a.created_at, a.read_at',
      fromWhere: `${ALERT_FROM} WHERE ${where.join(' AND ')}`,
      order: 'a.created_at DESC, a.id',
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
  const found = await row(
    q,
    z.object({ one: col.int }),
    'SELECT 1 AS one FROM case_followers WHERE tenant_id = $1 AND case_id = $2 AND user_id = $3',
    [tenantId, caseId, userId],
  );
  return found !== undefined;
}
