import { createHmac } from 'node:crypto';
import { CloudEvent, HTTP } from 'cloudevents';
import type { Db } from '../db/db.js';
import {
  claimDueDeliveries,
  type DeliveryRow,
  markAttemptFailed,
  markDelivered,
  WEBHOOK_CHANNEL,
} from './webhook-repository.js';

export interface WebhookOptions {
  /** How long a claimed delivery stays locked before another worker may take it over (a crash). */
  lockMs: number;
  /** How long one POST may take. */
  timeoutMs: number;
  /** Attempts before a delivery is given up as `failed`. */
  maxAttempts: number;
  /** Back-off after attempt n: base · 2^(n-1), capped, with jitter. */
  backoffBaseMs: number;
  backoffMaxMs: number;
  batch: number;
  /** Deliveries of one batch sent at the same time. */
  concurrency: number;
}

export const DEFAULT_WEBHOOKS: WebhookOptions = {
  lockMs: 60_000,
  timeoutMs: 10_000,
  maxAttempts: 10,
  backoffBaseMs: 30_000,
  backoffMaxMs: 60 * 60_000,
  batch: 25,
  concurrency: 4,
};

export function webhookBackoffMs(
  attempts: number,
  o: Pick<WebhookOptions, 'backoffBaseMs' | 'backoffMaxMs'>,
): number {
  const exp = Math.min(o.backoffMaxMs, o.backoffBaseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(exp * (0.8 + Math.random() * 0.4));
}

/** `sha256=<hex HMAC-SHA256 of the body with the secret>`, the `webhook-signature` header. */
export const webhookSignature = (secret: string, body: string): string =>
  `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;

/** The CloudEvent of a delivery in structured mode: the exact body and its headers. */
export function structuredEvent(d: DeliveryRow): { body: string; headers: Record<string, string> } {
  const event = new CloudEvent({
    id: d.event_id,
    source: `/wijkregie/${d.tenant_id}`,
    type: d.event_type,
    time: d.event_time.toISOString(),
    datacontenttype: 'application/json',
    data: d.data,
  });
  const message = HTTP.structured(event);
  const body = typeof message.body === 'string' ? message.body : JSON.stringify(message.body);
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(message.headers)) if (typeof v === 'string') headers[k] = v;
  return { body, headers };
}

/**
 * Drains the webhook outbox, at least once: claim a batch (`FOR UPDATE SKIP LOCKED`, lock deadline),
 * POST each CloudEvent signed with its endpoint's secret, mark it delivered on 2xx — else back to
 * pending with exponential back-off, `failed` after the last attempt. A crash while sending leaves the
 * row `sending`; after the deadline it is sent again (same event id, so a receiver can drop the
 * duplicate).
 */
export class WebhookWorker {
  private readonly o: WebhookOptions;
  private running: Promise<number> | undefined;
  private again = false;
  private unlisten: (() => Promise<void>) | undefined;

  constructor(
    private readonly db: Db,
    options: Partial<WebhookOptions> = {},
  ) {
    this.o = { ...DEFAULT_WEBHOOKS, ...options };
  }

  /** Drains as soon as a commit announces a new event (NOTIFY on the webhook channel), on every instance. */
  async start(onError?: (err: unknown) => void): Promise<void> {
    this.unlisten = await this.db.listen(WEBHOOK_CHANNEL, () => {
      void this.drain().catch((err: unknown) => onError?.(err));
    });
  }

  async stop(): Promise<void> {
    await this.unlisten?.();
    this.unlisten = undefined;
    await this.running?.catch(() => undefined);
  }

  /** Runs until no due delivery is left; concurrent calls coalesce. Returns the number handled. */
  drain(): Promise<number> {
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

  /** One batch; returns how many deliveries were attempted. */
  async runOnce(): Promise<number> {
    const claimed = await claimDueDeliveries(this.db, this.o.batch, this.o.lockMs);
    const queue = [...claimed];
    const lane = async () => {
      for (let d = queue.shift(); d; d = queue.shift()) await this.deliver(d);
    };
    await Promise.all(Array.from({ length: Math.min(this.o.concurrency, claimed.length) }, lane));
    return claimed.length;
  }

  private async deliver(d: DeliveryRow): Promise<void> {
    const { body, headers } = structuredEvent(d);
    let statusCode: number | null = null;
    let error: string;
    try {
      const res = await fetch(d.url, {
        method: 'POST',
        headers: { ...headers, 'webhook-signature': webhookSignature(d.secret, body) },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.o.timeoutMs),
      });
      statusCode = res.status;
      await res.body?.cancel().catch(() => undefined);
      if (res.status >= 200 && res.status < 300) {
        await markDelivered(this.db, d, res.status);
        return;
      }
      error = `HTTP ${res.status}`;
    } catch (err) {
      error =
        err instanceof Error
          ? err.cause instanceof Error
            ? err.cause.message
            : err.message
          : 'onbekende fout';
    }
    const retryIn = d.attempts >= this.o.maxAttempts ? null : webhookBackoffMs(d.attempts, this.o);
    await markAttemptFailed(this.db, d, { statusCode, error: error.slice(0, 300) }, retryIn);
  }
}
