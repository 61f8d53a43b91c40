import type { AlertKind } from '@wijkregie/shared';
import type { Db } from '../../db/db.js';
import { TenantScope } from '../../db/scope.js';
import { amsterdamDate } from '../../lib/time.js';
import { userSeesCaseSql } from '../cases/visibility.js';
import { interruptDeadImports } from '../early-warning/interrupt-dead-imports.js';
import { digestEmail } from './email-content.js';
import { type MailTransport, type OutboxOptions, OutboxWorker } from './mailer.js';
import { OUTBOX_CHANNEL } from '../../background/outbox-repository.js';
import { raiseAlert, raiseSignalOverdue } from './raise-alert.js';

/**
 * Overdue detection: every open action past its due date alerts once per due date (moving the
 * deadline arms it again). Safe on several instances: rows are claimed with SKIP LOCKED and the
 * alerts are written in the same transaction as the mark.
 */
export function alertOverdueActions(db: Db, publicUrl: string, today = amsterdamDate()): Promise<number> {
  return inChunks(() => overdueActionsChunk(db, publicUrl, today));
}

/** Runs `chunk` until it handles less than a full chunk; each chunk is its own short transaction. */
async function inChunks(chunk: () => Promise<number>): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await chunk();
    total += n;
    if (n < CHUNK) return total;
  }
}
const CHUNK = 500;

function overdueActionsChunk(db: Db, publicUrl: string, today: string): Promise<number> {
  return db.transaction(async (tx) => {
    const rows = await tx.query<{
      id: string;
      tenant_id: string;
      case_id: string;
      assignee_user_id: string | null;
    }>(
      `WITH due AS (
         SELECT id FROM actions
          WHERE status = 'open' AND due_date < $1::date AND overdue_alerted_for IS DISTINCT FROM due_date
          ORDER BY due_date LIMIT ${CHUNK} FOR UPDATE SKIP LOCKED)
       UPDATE actions a SET overdue_alerted_for = a.due_date FROM due WHERE a.id = due.id
       RETURNING a.id, a.tenant_id, a.case_id, a.assignee_user_id`,
      [today],
    );
    for (const r of rows) {
      await raiseAlert(new TenantScope(tx, r.tenant_id), publicUrl, {
        kind: 'action_overdue',
        caseId: r.case_id,
        actorUserId: null,
        actionId: r.id,
        assigneeUserId: r.assignee_user_id,
      });
    }
    return rows.length;
  });
}

/** Signals whose first-contact deadline passed while still open: alerted once per deadline. */
export function alertOverdueSignals(db: Db, publicUrl: string, today = amsterdamDate()): Promise<number> {
  return inChunks(() => overdueSignalsChunk(db, publicUrl, today));
}

function overdueSignalsChunk(db: Db, publicUrl: string, today: string): Promise<number> {
  return db.transaction(async (tx) => {
    const rows = await tx.query<{ id: string; tenant_id: string; routed_partner_id: string | null }>(
      `WITH due AS (
         SELECT id FROM signals
          WHERE status IN ('new', 'triage', 'visit_planned') AND first_contact_due < $1::date
            AND overdue_alerted_for IS DISTINCT FROM first_contact_due
          ORDER BY first_contact_due LIMIT ${CHUNK} FOR UPDATE SKIP LOCKED)
       UPDATE signals sg SET overdue_alerted_for = sg.first_contact_due FROM due WHERE sg.id = due.id
       RETURNING sg.id, sg.tenant_id, sg.routed_partner_id`,
      [today],
    );
    for (const r of rows) {
      await raiseSignalOverdue(new TenantScope(tx, r.tenant_id), publicUrl, {
        id: r.id,
        routedPartnerId: r.routed_partner_id,
      });
    }
    return rows.length;
  });
}

/**
 * Daily digests for users who chose them: one email per user per day with the case references and
 * kinds of change of their alerts since the last digest — only cases they can still see.
 */
export async function sendDigests(db: Db, publicUrl: string, day = amsterdamDate()): Promise<number> {
  const users = await db.query<{ tenant_id: string; user_id: string }>(
    `SELECT DISTINCT a.tenant_id, a.user_id FROM alerts a JOIN users u ON u.tenant_id = a.tenant_id AND u.id = a.user_id
      WHERE a.digested_at IS NULL AND u.email_preference = 'daily' AND u.active
        AND NOT EXISTS (SELECT 1 FROM digest_runs d WHERE d.user_id = a.user_id AND d.day = $1::date)`,
    [day],
  );
  let sent = 0;
  for (const u of users) {
    sent += await db.transaction(async (tx) => {
      const claimed = await tx.query(
        `INSERT INTO digest_runs (tenant_id, user_id, day) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING day`,
        [u.tenant_id, u.user_id, day],
      );
      if (!claimed.length) return 0; // another instance did it
      const items = await tx.query<{ kind: AlertKind; reference: string; n: number; email: string }>(
        `WITH mine AS (
           UPDATE alerts a SET digested_at = now()
            WHERE a.tenant_id = $1 AND a.user_id = $2 AND a.digested_at IS NULL
           RETURNING a.kind, a.case_id)
         SELECT m.kind, c.reference, count(*)::int AS n, u.email
           FROM mine m JOIN cases c ON c.tenant_id = $1 AND c.id = m.case_id
           JOIN users u ON u.tenant_id = $1 AND u.id = $2
          WHERE ${userSeesCaseSql('u', 'c')}
          GROUP BY m.kind, c.reference, u.email
          ORDER BY c.reference, m.kind`,
        [u.tenant_id, u.user_id],
      );
      if (!items.length) return 0;
      const content = digestEmail(
        publicUrl,
        day,
        items.map((i) => ({ kind: i.kind, caseReference: i.reference, count: i.n })),
      );
      await tx.query(
        `INSERT INTO email_outbox (tenant_id, user_id, idempotency_key, kind, to_address, subject, body_text, body_html)
         VALUES ($1, $2, $3, 'digest', $4, $5, $6, $7) ON CONFLICT (idempotency_key) DO NOTHING`,
        [
          u.tenant_id,
          u.user_id,
          `digest:${u.user_id}:${day}`,
          items[0]!.email,
          content.subject,
          content.text,
          content.html,
        ],
      );
      await tx.query(`SELECT pg_notify('${OUTBOX_CHANNEL}', '')`);
      return 1;
    });
  }
  return sent;
}

const amsterdamHour = (at: Date) =>
  Number(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Amsterdam',
      hour: '2-digit',
      hourCycle: 'h23',
    }).format(at),
  );

export interface JobOptions {
  publicUrl: string;
  /** SMTP; without it emails stay in the outbox (shown on the admin page). */
  transport?: MailTransport | undefined;
  /** How often overdue actions, digests and the outbox are looked at. */
  intervalMs?: number;
  /** Hour of the day (Amsterdam) from which daily digests go out. */
  digestHour?: number;
  outbox?: Partial<OutboxOptions>;
  onError?: (job: string, err: unknown) => void;
}

/**
 * The background work of one app instance: overdue detection and digests on a schedule, and the
 * outbox drained as soon as a commit announces new email (NOTIFY) and on the schedule for retries.
 * Every instance runs it; the SQL makes that safe.
 */
export class Jobs {
  readonly outbox: OutboxWorker;
  private timer: NodeJS.Timeout | undefined;
  private unlisten: (() => Promise<void>) | undefined;
  private ticking: Promise<void> | undefined;

  constructor(
    private readonly db: Db,
    private readonly o: JobOptions,
  ) {
    this.outbox = new OutboxWorker(db, o.transport, o.outbox);
  }

  async start(): Promise<void> {
    this.unlisten = await this.db.listen(OUTBOX_CHANNEL, () => {
      void this.outbox.drain().catch((err) => this.o.onError?.('outbox', err));
    });
    this.timer = setInterval(() => void this.tick(), this.o.intervalMs ?? 30_000);
    this.timer.unref();
    void this.tick();
  }

  tick(): Promise<void> {
    this.ticking ??= (async () => {
      const run = async (name: string, fn: () => Promise<unknown>) => {
        try {
          await fn();
        } catch (err) {
          this.o.onError?.(name, err);
        }
      };
      await run('overdue', () => alertOverdueActions(this.db, this.o.publicUrl));
      await run('signals-overdue', () => alertOverdueSignals(this.db, this.o.publicUrl));
      await run('imports', () => interruptDeadImports(this.db));
      if (amsterdamHour(new Date()) >= (this.o.digestHour ?? 7)) {
        await run('digest', () => sendDigests(this.db, this.o.publicUrl));
      }
      await run('outbox', () => this.outbox.drain());
    })().finally(() => {
      this.ticking = undefined;
    });
    return this.ticking;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.unlisten?.();
    await this.ticking;
    this.outbox.close();
  }
}
