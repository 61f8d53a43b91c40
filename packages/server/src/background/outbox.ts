import nodemailer from 'nodemailer';
import type { Db } from '../db/db.js';
import { backoffMs, Drain, inLanes } from './drain.js';
import {
  claimDueEmails,
  type EmailAllowedSql,
  finish,
  handBack,
  OUTBOX_CHANNEL,
  type OutboxRow,
  retryLater,
  type UserSeesCaseSql,
} from './outbox-repository.js';

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
  /**
   * Only the email of these municipalities; unset: every municipality's. An installation runs one
   * worker for all; a test that drains the shared test database gives its own tenant, so that it
   * never sends (or retries) the email of a test running beside it.
   */
  tenantIds?: readonly string[];
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

/** The Message-ID of an outbox email: the same for every attempt, so a resend is the same message. */
export const messageIdOf = (key: string) => `<${key.replace(/[^A-Za-z0-9.:_-]/g, '')}@wijkregie.nl>`;

export interface OutboxDeps {
  /** SMTP; without it emails stay in the outbox (shown on the admin page). */
  transport: MailTransport | undefined;
  /** Whether a recipient still sees the case of an email (the access rules' SQL, handed in). */
  userSeesCase: UserSeesCaseSql;
  /** What else an email's recipient must still be allowed (see `EmailAllowedSql`); handed in. */
  emailAllowed?: EmailAllowedSql;
  /** Test hook: runs after the SMTP server accepted a mail and before it is marked sent. */
  afterSend?: (key: string) => Promise<void>;
}

/**
 * Drains the email outbox. At-least-once with an idempotency key:
 * 1. claim a batch in one short transaction (`FOR UPDATE SKIP LOCKED`, so instances never take the
 *    same row) and mark it `sending` with a lock deadline;
 * 2. send each email with its idempotency key as Message-ID;
 * 3. mark it `sent` — or back to `pending` with exponential back-off, or `failed` after the last try.
 * A crash between 2 and 3 leaves the row `sending`; after the lock deadline another run sends it
 * again as the same message (same Message-ID), which mail systems treat as one.
 * Whether the recipient may still get it is checked again at claim time: someone who can no longer
 * see the case (or, for an alert about life domains, whose partner reads none of their categories
 * any more), or turned email off, gets nothing (`skipped`).
 */
export class OutboxWorker {
  private readonly o: OutboxOptions;
  private readonly draining = new Drain(() => this.runOnce());

  constructor(
    private readonly db: Db,
    private readonly deps: OutboxDeps,
    options: Partial<OutboxOptions> = {},
  ) {
    this.o = { ...DEFAULT_OUTBOX, ...options };
  }

  /** Drains as soon as a commit announces new email (NOTIFY on the outbox channel), on every instance. */
  start(onError?: (err: unknown) => void): Promise<void> {
    return this.draining.listen(this.db, OUTBOX_CHANNEL, onError);
  }

  /** Stops listening and closes the transport. */
  async stop(): Promise<void> {
    await this.draining.stopListening();
    this.close();
  }

  /** Runs until no due email is left; concurrent calls coalesce. Returns the number sent. */
  drain(): Promise<number> {
    if (!this.deps.transport) return Promise.resolve(0);
    return this.draining.run();
  }

  /** One batch; returns how many emails were handled (sent, retried, skipped or failed). */
  async runOnce(): Promise<number> {
    const transport = this.deps.transport;
    if (!transport) return 0;
    const claimed = await claimDueEmails(
      this.db,
      this.o.batch,
      this.o.lockMs,
      this.deps.userSeesCase,
      this.deps.emailAllowed,
      this.o.tenantIds,
    );
    const claimedAt = Date.now();
    await inLanes(claimed, this.o.concurrency, (row) => this.deliver(transport, row, claimedAt));
    return claimed.length;
  }

  private async deliver(transport: MailTransport, row: OutboxRow, claimedAt: number): Promise<void> {
    if (Date.now() - claimedAt > this.o.lockMs / 2) {
      // A slow server ate half the lock: hand the rest back rather than risk another instance
      // taking them over while this one still sends.
      await handBack(this.db, row.id);
      return;
    }
    if (!row.deliverable) {
      await finish(this.db, row.id, 'skipped', 'ontvanger mag de casus niet meer zien of wil geen e-mail');
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
      if (row.attempts >= this.o.maxAttempts) await finish(this.db, row.id, 'failed', message);
      else await retryLater(this.db, row.id, message, backoffMs(row.attempts, this.o));
      return;
    }
    await this.deps.afterSend?.(row.idempotency_key);
    await finish(this.db, row.id, 'sent', null);
  }

  close(): void {
    this.deps.transport?.close?.();
  }
}
