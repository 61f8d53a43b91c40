import nodemailer from 'nodemailer';
import type { Db } from '../../db/db.js';
import { userSeesCaseSql } from '../cases/visibility.js';

/** What the outbox worker needs of an SMTP client; nodemailer's transport, or a test double. */
export interface MailTransport {
  sendMail(mail: {
    from: string;
    to: string;
    subject: string;
    text: string;
    html: string;
    messageId: string;
    headers: Record<string, string>;
  }): Promise<unknown>;
  close?(): void;
}

export function smtpTransport(smtpUrl: string): MailTransport {
  // Short timeouts: a hanging SMTP server must not hold a batch for minutes; the retry handles it.
  const url = new URL(smtpUrl);
  // Pooled: connection setup (greeting, TLS) costs more than sending one thin mail, so keep a few open.
  return nodemailer.createTransport({
    pool: true,
    maxConnections: 4,
    host: url.hostname,
    port: Number(url.port) || (url.protocol === 'smtps:' ? 465 : 587),
    secure: url.protocol === 'smtps:',
    ...(url.username
      ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } }
      : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
}

interface OutboxRow {
  id: string;
  tenant_id: string;
  user_id: string;
  idempotency_key: string;
  case_id: string | null;
  to_address: string;
  subject: string;
  body_text: string;
  body_html: string;
  attempts: number;
  /** Whether the recipient may still get it: active, email not off, and (for an alert) still sees the case. */
  deliverable: boolean;
}

export interface OutboxOptions {
  from: string;
  /** How long a claimed email stays locked before another worker may take it over (a crash). */
  lockMs: number;
  /** Attempts before an email is given up as `failed`. */
  maxAttempts: number;
  /** Back-off before attempt n+1: base · 2^(n-1), capped, with jitter. */
  backoffBaseMs: number;
  backoffMaxMs: number;
  batch: number;
  /** Emails of one batch sent at the same time (over the transport's pooled connections). */
  concurrency: number;
}

export const DEFAULT_OUTBOX: OutboxOptions = {
  from: 'Wijkregie <noreply@wijkregie.nl>',
  lockMs: 60_000,
  maxAttempts: 10,
  backoffBaseMs: 2_000,
  backoffMaxMs: 15 * 60_000,
  batch: 25,
  concurrency: 4,
};

export function backoffMs(
  attempts: number,
  o: Pick<OutboxOptions, 'backoffBaseMs' | 'backoffMaxMs'>,
): number {
  const exp = Math.min(o.backoffMaxMs, o.backoffBaseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(exp * (0.8 + Math.random() * 0.4));
}

/** The Message-ID of an outbox email: the same for every attempt, so a resend is the same message. */
export const messageIdOf = (key: string) => `<${key.replace(/[^A-Za-z0-9.:_-]/g, '')}@wijkregie.nl>`;

/**
 * Drains the email outbox. At-least-once with an idempotency key:
 * 1. claim a batch in one short transaction (`FOR UPDATE SKIP LOCKED`, so instances never take the
 *    same row) and mark it `sending` with a lock deadline;
 * 2. send each email with its idempotency key as Message-ID;
 * 3. mark it `sent` — or back to `pending` with exponential back-off, or `failed` after the last try.
 * A crash between 2 and 3 leaves the row `sending`; after the lock deadline another run sends it
 * again as the same message (same Message-ID), which mail systems treat as one.
 * Whether the recipient may still get it is checked again at claim time: someone who can no longer
 * see the case, or turned email off, gets nothing (`skipped`).
 */
export class OutboxWorker {
  private readonly o: OutboxOptions;
  private running: Promise<number> | undefined;
  private again = false;

  constructor(
    private readonly db: Db,
    private readonly transport: MailTransport | undefined,
    options: Partial<OutboxOptions> = {},
    /** Test hook: runs after the SMTP server accepted a mail and before it is marked sent. */
    private readonly afterSend?: (key: string) => Promise<void>,
  ) {
    this.o = { ...DEFAULT_OUTBOX, ...options };
  }

  /** Runs until no due email is left; concurrent calls coalesce. Returns the number sent. */
  drain(): Promise<number> {
    if (!this.transport) return Promise.resolve(0);
    if (this.running !== undefined) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      let total = 0;
      try {
        do {
          this.again = false;
          let n: number;
          do {
            n = await this.runOnce();
            total += n;
          } while (n > 0);
        } while (this.again);
      } finally {
        this.running = undefined;
      }
      return total;
    })();
    return this.running;
  }

  /** One batch; returns how many emails were handled (sent, retried, skipped or failed). */
  async runOnce(): Promise<number> {
    const transport = this.transport;
    if (!transport) return 0;
    const rows = await this.db.transaction((tx) =>
      tx.query<OutboxRow>(
        `WITH due AS (
           SELECT id FROM email_outbox
            WHERE (status = 'pending' AND next_attempt_at <= now())
               OR (status = 'sending' AND locked_until < now())
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
                        AND (o.case_id IS NULL OR EXISTS (
                          SELECT 1 FROM cases c WHERE c.tenant_id = o.tenant_id AND c.id = o.case_id
                             AND ${userSeesCaseSql('u', 'c')}))
                   ) AS deliverable`,
        [this.o.batch, this.o.lockMs],
      ),
    );
    const claimedAt = Date.now();
    const queue = [...rows];
    const lane = async () => {
      for (let row = queue.shift(); row; row = queue.shift()) await this.deliver(transport, row, claimedAt);
    };
    await Promise.all(Array.from({ length: Math.min(this.o.concurrency, rows.length) }, lane));
    return rows.length;
  }

  private async deliver(transport: MailTransport, row: OutboxRow, claimedAt: number): Promise<void> {
    if (Date.now() - claimedAt > this.o.lockMs / 2) {
      // A slow server ate half the lock: hand the rest back rather than risk another instance
      // taking them over while this one still sends.
      await this.db.query(
        `UPDATE email_outbox SET status = 'pending', attempts = attempts - 1, locked_until = NULL
            WHERE id = $1 AND status = 'sending'`,
        [row.id],
      );
      return;
    }
    if (!row.deliverable) {
      await this.mark(row.id, 'skipped', 'ontvanger mag de casus niet meer zien of wil geen e-mail');
      return;
    }
    try {
      await transport.sendMail({
        from: this.o.from,
        to: row.to_address,
        subject: row.subject,
        text: row.body_text,
        html: row.body_html,
        messageId: messageIdOf(row.idempotency_key),
        headers: { 'X-Wijkregie-Key': row.idempotency_key, 'Auto-Submitted': 'auto-generated' },
      });
    } catch (err) {
      const message = err instanceof Error ? err.message.slice(0, 300) : 'onbekende fout';
      if (row.attempts >= this.o.maxAttempts) {
        await this.mark(row.id, 'failed', message);
      } else {
        await this.db.query(
          `UPDATE email_outbox SET status = 'pending', locked_until = NULL, last_error = $2,
                    next_attempt_at = now() + make_interval(secs => $3::double precision / 1000)
              WHERE id = $1 AND status = 'sending'`,
          [row.id, message, backoffMs(row.attempts, this.o)],
        );
      }
      return;
    }
    await this.afterSend?.(row.idempotency_key);
    await this.mark(row.id, 'sent', null);
  }

  private async mark(id: string, status: 'sent' | 'skipped' | 'failed', error: string | null) {
    await this.db.query(
      `UPDATE email_outbox SET status = $2, locked_until = NULL, last_error = $3,
              sent_at = CASE WHEN $2 = 'sent' THEN now() ELSE sent_at END
        WHERE id = $1`,
      [id, status, error],
    );
  }

  close(): void {
    this.transport?.close?.();
  }
}
