import { createHmac } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { CloudEvent, HTTP } from 'cloudevents';
import type { Db } from '../db/db.js';
import { backoffMs, Drain, inLanes } from './drain.js';
import { guardedLookup, RefusedDestination, staticRefusal } from './webhook-destination.js';
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
  /**
   * Whether deliveries may go to internal addresses (loopback, private networks, link-local) and over
   * plain http: WIJKREGIE_WEBHOOK_ALLOW_PRIVATE. Off: https to the internet only (webhook-destination.ts).
   */
  allowPrivate: boolean;
}

export const DEFAULT_WEBHOOKS: WebhookOptions = {
  lockMs: 60_000,
  timeoutMs: 10_000,
  maxAttempts: 10,
  backoffBaseMs: 30_000,
  backoffMaxMs: 60 * 60_000,
  batch: 25,
  concurrency: 4,
  allowPrivate: false,
};

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
  private readonly lookup: LookupFunction;
  private readonly draining = new Drain(() => this.runOnce());

  constructor(
    private readonly db: Db,
    options: Partial<WebhookOptions> = {},
  ) {
    this.o = { ...DEFAULT_WEBHOOKS, ...options };
    this.lookup = guardedLookup(this.o);
  }

  /** Drains as soon as a commit announces a new event (NOTIFY on the webhook channel), on every instance. */
  start(onError?: (err: unknown) => void): Promise<void> {
    return this.draining.listen(this.db, WEBHOOK_CHANNEL, onError);
  }

  async stop(): Promise<void> {
    await this.draining.stopListening();
    await this.draining.finished();
  }

  /** Runs until no due delivery is left; concurrent calls coalesce. Returns the number handled. */
  drain(): Promise<number> {
    return this.draining.run();
  }

  /** One batch; returns how many deliveries were attempted. */
  async runOnce(): Promise<number> {
    const claimed = await claimDueDeliveries(this.db, this.o.batch, this.o.lockMs);
    await inLanes(claimed, this.o.concurrency, (d) => this.deliver(d));
    return claimed.length;
  }

  private async deliver(d: DeliveryRow): Promise<void> {
    const { body, headers } = structuredEvent(d);
    let statusCode: number | null = null;
    let error: string;
    // The destination is checked again: the installation's setting or the name's addresses may have
    // changed since the registration. A refused one is a failed attempt; no request leaves.
    const refused = staticRefusal(d.url, this.o);
    if (refused) {
      error = `Niet verstuurd: ${refused}`;
    } else {
      try {
        statusCode = await post(d.url, {
          headers: { ...headers, 'webhook-signature': webhookSignature(d.secret, body) },
          body,
          timeoutMs: this.o.timeoutMs,
          lookup: this.lookup,
        });
        if (statusCode >= 200 && statusCode < 300) {
          await markDelivered(this.db, d, statusCode);
          return;
        }
        error = `HTTP ${statusCode}`;
      } catch (err) {
        error =
          err instanceof RefusedDestination
            ? `Niet verstuurd: ${err.message}`
            : err instanceof Error
              ? err.cause instanceof Error
                ? err.cause.message
                : err.message
              : 'onbekende fout';
      }
    }
    const retryIn = d.attempts >= this.o.maxAttempts ? null : backoffMs(d.attempts, this.o);
    await markAttemptFailed(this.db, d, { statusCode, error: error.slice(0, 300) }, retryIn);
  }
}

/**
 * One POST with node's http(s) client, its connection's addresses looked up by `lookup` (the guard).
 * Redirects are not followed; answers the status code (the body is read and dropped, within the timeout).
 */
function post(
  url: string,
  o: { headers: Record<string, string>; body: string; timeoutMs: number; lookup: LookupFunction },
): Promise<number> {
  const send = url.startsWith('https:') ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      url,
      {
        method: 'POST',
        headers: { ...o.headers, 'content-length': String(Buffer.byteLength(o.body)) },
        lookup: o.lookup,
        signal: AbortSignal.timeout(o.timeoutMs),
      },
      (res) => {
        resolve(res.statusCode ?? 0);
        res.on('error', () => undefined); // the answer counts; a body cut off by the timeout does not matter
        res.resume();
      },
    );
    req.on('error', (err) =>
      reject(err.name === 'AbortError' ? new Error(`geen antwoord binnen ${o.timeoutMs} ms`) : err),
    );
    req.end(o.body);
  });
}
