import { z } from 'zod';
import type { Db, Queryable } from '../db/db.js';
import { col, execute, rows } from '../db/rows.js';

/**
 * The SQL of the email outbox (table `email_outbox`). Modules put emails in with `enqueueEmails`
 * inside their transaction; the worker (outbox.ts) claims, sends and marks them.
 */

/** NOTIFY channel that wakes the outbox workers of every instance (sent at commit). */
export const OUTBOX_CHANNEL = 'wijkregie_outbox';

/** What an email says: thin on purpose (see the alert module's email content). */
export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

/** One recipient of an enqueued email; the key makes a second enqueue of the same email a no-op. */
export interface OutboxRecipient {
  userId: string;
  idempotencyKey: string;
  toAddress: string;
}

/**
 * Puts one email per recipient in the outbox, in the caller's transaction, and wakes the workers.
 * An email whose idempotency key is already there is not added again. `holdSeconds` makes it due
 * only that much later (while more changes may still join it, see `rewriteUnsentEmails`); the
 * scheduler's drain picks it up then.
 */
export async function enqueueEmails(
  q: Queryable,
  tenantId: string,
  email: { kind: 'alert' | 'digest'; caseId: string | null; content: EmailContent; holdSeconds?: number },
  recipients: readonly OutboxRecipient[],
): Promise<void> {
  if (recipients.length === 0) return;
  await execute(
    q,
    `INSERT INTO email_outbox (tenant_id, user_id, idempotency_key, kind, case_id, to_address, subject, body_text, body_html,
                               next_attempt_at)
     SELECT $1, x.user_id, x.idempotency_key, $2, $3, x.address, $4, $5, $6,
            now() + make_interval(secs => $10::double precision)
       FROM unnest($7::uuid[], $8::text[], $9::text[]) AS x (user_id, idempotency_key, address)
     ON CONFLICT (idempotency_key) DO NOTHING`,
    [
      tenantId,
      email.kind,
      email.caseId,
      email.content.subject,
      email.content.text,
      email.content.html,
      recipients.map((r) => r.userId),
      recipients.map((r) => r.idempotencyKey),
      recipients.map((r) => r.toAddress),
      email.holdSeconds ?? 0,
    ],
  );
  await execute(q, `SELECT pg_notify('${OUTBOX_CHANNEL}', '')`);
}

/**
 * Gives emails that no worker has touched yet (`pending`, never attempted) new words, in the
 * caller's transaction; answers the keys that took them. The row lock of the UPDATE and the claim's
 * `FOR UPDATE SKIP LOCKED` keep the two apart: a claim running now makes this UPDATE wait and then
 * find the row `sending` (not rewritten — the caller makes a new email instead), and a claim after
 * it skips the row until this transaction commits. An email that was tried once keeps its words: the
 * SMTP server may have it already, and a resend must be the same message under the same Message-ID.
 */
export async function rewriteUnsentEmails(
  q: Queryable,
  tenantId: string,
  emails: readonly { idempotencyKey: string; content: EmailContent }[],
): Promise<Set<string>> {
  if (emails.length === 0) return new Set();
  const done = await rows(
    q,
    z.object({ key: col.text }),
    `UPDATE email_outbox o SET subject = x.subject, body_text = x.body_text, body_html = x.body_html
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) AS x (key, subject, body_text, body_html)
      WHERE o.tenant_id = $1 AND o.idempotency_key = x.key AND o.status = 'pending' AND o.attempts = 0
      RETURNING o.idempotency_key AS key`,
    [
      tenantId,
      emails.map((e) => e.idempotencyKey),
      emails.map((e) => e.content.subject),
      emails.map((e) => e.content.text),
      emails.map((e) => e.content.html),
    ],
  );
  return new Set(done.map((d) => d.key));
}

export const outboxRow = z.object({
  id: col.uuid,
  tenant_id: col.uuid,
  user_id: col.uuid,
  idempotency_key: col.text,
  case_id: col.uuid.nullable(),
  to_address: col.text,
  subject: col.text,
  body_text: col.text,
  body_html: col.text,
  attempts: col.int,
  /**
   * Whether the recipient may still get it: active (and so is their partner), email not off, and
   * (for an alert) still sees the case.
   */
  deliverable: col.bool,
});
export type OutboxRow = z.infer<typeof outboxRow>;

/**
 * SQL of "the user row `u` sees the case row `c`", as the access rules of the application say it.
 * The outbox checks it again when it sends; it is handed in, so this room knows no module's rules.
 */
export type UserSeesCaseSql = (u: string, c: string) => string;
/**
 * Whether the email row `o` may still go to the user row `u` beyond seeing its case: the module that
 * wrote the email knows what else its content depends on (an alert about life domains: that the
 * user's partner still reads one of their categories) and hands the SQL in.
 */
export type EmailAllowedSql = (u: string, o: string) => string;

/**
 * Claims up to `batch` due emails in one short transaction (`FOR UPDATE SKIP LOCKED`, so instances
 * never take the same row), marks them `sending` with a lock deadline and answers them with
 * whether each may still be delivered.
 */
export function claimDueEmails(
  db: Db,
  batch: number,
  lockMs: number,
  userSeesCase: UserSeesCaseSql,
  emailAllowed?: EmailAllowedSql,
  tenantIds?: readonly string[],
): Promise<OutboxRow[]> {
  return db.transaction((tx) =>
    rows(
      tx,
      outboxRow,
      `WITH due AS (
         SELECT id FROM email_outbox
          WHERE ((status = 'pending' AND next_attempt_at <= now())
             OR (status = 'sending' AND locked_until < now()))
            AND ($3::uuid[] IS NULL OR tenant_id = ANY($3::uuid[]))
          ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)
       UPDATE email_outbox o
          SET status = 'sending', attempts = o.attempts + 1,
              locked_until = now() + make_interval(secs => $2::double precision / 1000)
         FROM due WHERE o.id = due.id
       RETURNING o.id, o.tenant_id, o.user_id, o.idempotency_key, o.case_id, o.to_address, o.subject,
                 o.body_text, o.body_html, o.attempts,
                 EXISTS (
                   SELECT 1 FROM users u
                    WHERE u.tenant_id = o.tenant_id AND u.id = o.user_id AND u.active
                      AND u.email_preference <> 'off'
                      AND EXISTS (SELECT 1 FROM partners up
                                   WHERE up.tenant_id = u.tenant_id AND up.id = u.partner_id AND up.active)
                      AND (o.case_id IS NULL OR EXISTS (
                        SELECT 1 FROM cases c WHERE c.tenant_id = o.tenant_id AND c.id = o.case_id
                           AND ${userSeesCase('u', 'c')}))
                      ${emailAllowed ? `AND ${emailAllowed('u', 'o')}` : ''}
                 ) AS deliverable`,
      [batch, lockMs, tenantIds ?? null],
    ),
  );
}

/** Hands a claimed email back untried (the attempt does not count). */
export async function handBack(q: Queryable, id: string): Promise<void> {
  await execute(
    q,
    `UPDATE email_outbox SET status = 'pending', attempts = attempts - 1, locked_until = NULL
        WHERE id = $1 AND status = 'sending'`,
    [id],
  );
}

/** Back to `pending` after a failed attempt, to be tried again in `retryInMs`. */
export async function retryLater(q: Queryable, id: string, error: string, retryInMs: number): Promise<void> {
  await execute(
    q,
    `UPDATE email_outbox SET status = 'pending', locked_until = NULL, last_error = $2,
              next_attempt_at = now() + make_interval(secs => $3::double precision / 1000)
        WHERE id = $1 AND status = 'sending'`,
    [id, error, retryInMs],
  );
}

/** The end of an email: sent, skipped (the recipient may not get it any more) or failed for good. */
export async function finish(
  q: Queryable,
  id: string,
  status: 'sent' | 'skipped' | 'failed',
  error: string | null,
): Promise<void> {
  await execute(
    q,
    `UPDATE email_outbox SET status = $2, locked_until = NULL, last_error = $3,
            sent_at = CASE WHEN $2 = 'sent' THEN now() ELSE sent_at END
      WHERE id = $1`,
    [id, status, error],
  );
}
