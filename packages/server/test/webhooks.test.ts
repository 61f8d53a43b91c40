import { createHmac } from 'node:crypto';
import type { LookupAddress } from 'node:dns';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  approachSchema,
  importAnswerSchema,
  indicatorSchema,
  meetingSchema,
  signalSchema,
  WEBHOOK_EVENT_TYPES,
  type WebhookEventType,
  webhookDeliveryListSchema,
  webhookListSchema,
  webhookSchema,
} from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildApp } from '../src/app.js';
import {
  guardedLookup,
  isInternalAddress,
  RefusedDestination,
} from '../src/background/webhook-destination.js';
import { claimDueDeliveries } from '../src/background/webhook-repository.js';
import { WebhookWorker } from '../src/background/webhooks.js';
import { loadConfig } from '../src/config.js';
import { col, rows } from '../src/db/rows.js';
import { amsterdamDate } from '../src/lib/time.js';
import { CREDITOR_COLUMNS } from '../src/modules/early-warning/columns.js';
import {
  bodyOf,
  type Client,
  expectProblem,
  loadMap,
  loggedIn,
  newTenant,
  type TestTenant,
  testApp,
  testDb,
} from './helpers.js';

/*
 * Webhooks (issue 14): an admin registers endpoints; deliveries are CloudEvents 1.0 in structured mode,
 * signed with HMAC-SHA256 of the body, retried with back-off, kept across restarts, and carry ids,
 * status, area and time only. A real HTTP receiver on a free port takes them — on 127.0.0.1, so the app
 * and the worker here allow private destinations (WIJKREGIE_WEBHOOK_ALLOW_PRIVATE); the guard against
 * internal addresses is tested with it off.
 */

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A local receiver: keeps every request; answers the next status of `answers`, else 200. */
class Receiver {
  readonly received: Received[] = [];
  readonly answers: number[] = [];
  private server: Server | undefined;
  url = '';

  async start(): Promise<void> {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        this.received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        res.statusCode = this.answers.shift() ?? 200;
        res.end();
      });
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

const SECRET = 'a-secret-of-the-receiver-123';
const NAME = 'Annemarie Zwartbroek';
const TEXT = 'Buurvrouw hoort geschreeuw achter de deur';
const hmac = (body: string, secret = SECRET) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

let app: FastifyInstance;
let t: TestTenant;
let other: TestTenant;
let admin: Client;
let reg: Client;
let worker: WebhookWorker;
const receivers: Receiver[] = [];

async function receiver(): Promise<Receiver> {
  const r = new Receiver();
  await r.start();
  receivers.push(r);
  return r;
}

async function register(url: string, events: string[], c = admin) {
  return bodyOf(await c.post('/api/v1/webhooks', { url, events, secret: SECRET }), webhookSchema, 201);
}

async function signal(c = reg) {
  const res = await c.post('/api/v1/signals', {
    category: 'woonoverlast',
    description: `${TEXT}, bij ${NAME}`,
    source: 'professional',
  });
  return bodyOf(res, signalSchema, 201);
}

async function deliveries(id: string) {
  return bodyOf(await admin.get(`/api/v1/webhooks/${id}/deliveries`), webhookDeliveryListSchema);
}

/** The `i`-th request a receiver got. */
function got(r: Receiver, i: number): Received {
  const x = r.received[i];
  if (!x) throw new Error(`the receiver got no request ${i}`);
  return x;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  app = await testApp({ webhookAllowPrivate: true });
  t = await newTenant();
  other = await newTenant();
  admin = await loggedIn(app, t.admin);
  reg = await loggedIn(app, t.regisseur);
  worker = new WebhookWorker(await testDb(), { backoffBaseMs: 1500, backoffMaxMs: 3000, allowPrivate: true });
});

afterAll(async () => {
  await worker.stop();
  for (const r of receivers) await r.close();
});

describe('registering webhooks', () => {
  it('lets the admin register, list and delete; the secret is never answered', async () => {
    const r = await receiver();
    const res = await admin.post('/api/v1/webhooks', {
      url: r.url,
      events: ['nl.wijkregie.signal.received'],
      secret: SECRET,
    });
    const w = bodyOf(res, webhookSchema, 201);
    expect(res.body).not.toContain(SECRET);
    expect(w.events).toEqual(['nl.wijkregie.signal.received']);
    const list = await admin.get('/api/v1/webhooks');
    expect(list.body).not.toContain(SECRET);
    expect(bodyOf(list, webhookListSchema).items.map((x) => x.id)).toContain(w.id);
    expect((await admin.delete(`/api/v1/webhooks/${w.id}`)).statusCode).toBe(204);
    expect(
      bodyOf(await admin.get('/api/v1/webhooks'), webhookListSchema).items.map((x) => x.id),
    ).not.toContain(w.id);
    expectProblem(await admin.delete(`/api/v1/webhooks/${w.id}`), 404);
  });

  it('refuses regisseur, professional and auditor (403) and the anonymous (401)', async () => {
    const body = { url: 'http://127.0.0.1:9/hook', events: ['*'], secret: SECRET };
    for (const u of [t.regisseur, t.professional, t.auditor]) {
      const c = await loggedIn(app, u);
      expectProblem(await c.post('/api/v1/webhooks', body), 403);
      expectProblem(await c.get('/api/v1/webhooks'), 403);
    }
    expectProblem(await app.inject({ method: 'POST', url: '/api/v1/webhooks', payload: body }), 401);
    expectProblem(await app.inject({ method: 'GET', url: '/api/v1/webhooks' }), 401);
  });

  it('refuses a bad url, events or secret, naming the field', async () => {
    const ok = { url: 'https://wijkraad.example/hook', events: ['*'], secret: SECRET };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...ok, url: 'ftp://wijkraad.example/hook' }, 'url'],
      [{ ...ok, url: 'geen adres' }, 'url'],
      [{ ...ok, url: 'https://wijkraad:geheim@wijkraad.example/hook' }, 'url'],
      [{ ...ok, url: 'https://token@wijkraad.example/hook' }, 'url'],
      [{ ...ok, events: [] }, 'events'],
      [{ ...ok, events: ['nl.wijkregie.signal.deleted'] }, 'events'],
      [{ ...ok, secret: 'kort' }, 'secret'],
    ];
    for (const [body, field] of cases) {
      const p = expectProblem(await admin.post('/api/v1/webhooks', body), 400);
      expect(p.errors?.some((e) => e.path === field || e.path.startsWith(`${field}.`))).toBe(true);
    }
  });

  it("keeps another municipality's webhooks out of sight: not listed, 404 on delete and log", async () => {
    const r = await receiver();
    const w = await register(r.url, ['*']);
    const stranger = await loggedIn(app, other.admin);
    expect(bodyOf(await stranger.get('/api/v1/webhooks'), webhookListSchema).items).toEqual([]);
    expectProblem(await stranger.delete(`/api/v1/webhooks/${w.id}`), 404);
    expectProblem(await stranger.get(`/api/v1/webhooks/${w.id}/deliveries`), 404);
    expect(bodyOf(await admin.get('/api/v1/webhooks'), webhookListSchema).items.map((x) => x.id)).toContain(
      w.id,
    );
    await admin.delete(`/api/v1/webhooks/${w.id}`);
  });
});

describe('deliveries', () => {
  it('sends a signed CloudEvent in structured mode when a signal comes in', async () => {
    const r = await receiver();
    const w = await register(r.url, ['nl.wijkregie.signal.received']);
    const s = await signal();
    await worker.drain();
    expect(r.received).toHaveLength(1);
    const first = got(r, 0);
    expect(first.headers['content-type']).toMatch(/^application\/cloudevents\+json/);
    expect(first.headers['webhook-signature']).toBe(hmac(first.body));
    expect(first.headers['webhook-signature']).not.toBe(hmac(first.body, 'another-secret-of-16+'));
    const event = JSON.parse(first.body) as Record<string, unknown>;
    expect(event).toMatchObject({
      specversion: '1.0',
      type: 'nl.wijkregie.signal.received',
      source: `/wijkregie/${t.id}`,
      datacontenttype: 'application/json',
      data: { signalId: s.id, status: 'new', areaId: null },
    });
    expect(typeof event.id).toBe('string');
    expect(Number.isNaN(Date.parse(String(event.time)))).toBe(false);
    const log = await deliveries(w.id);
    expect(log.items[0]).toMatchObject({
      eventType: 'nl.wijkregie.signal.received',
      eventId: event.id,
      status: 'delivered',
      attempts: 1,
      lastStatusCode: 200,
      nextAttemptAt: null,
    });
    await admin.delete(`/api/v1/webhooks/${w.id}`);
  });

  it('retries after a non-2xx answer with back-off; the log shows 2 attempts', async () => {
    const r = await receiver();
    r.answers.push(500);
    const w = await register(r.url, ['nl.wijkregie.signal.received']);
    await signal();
    await worker.drain();
    expect(r.received).toHaveLength(1);
    const [failed] = (await deliveries(w.id)).items;
    expect(failed).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastStatusCode: 500,
      lastError: 'HTTP 500',
    });
    expect(failed?.nextAttemptAt).not.toBeNull();
    // Not due yet: a drain right away sends nothing.
    await worker.drain();
    expect(r.received).toHaveLength(1);
    await sleep(2000);
    await worker.drain();
    expect(r.received).toHaveLength(2);
    // The same event, signed the same way.
    expect(got(r, 1).body).toBe(got(r, 0).body);
    expect(got(r, 1).headers['webhook-signature']).toBe(hmac(got(r, 1).body));
    expect((await deliveries(w.id)).items[0]).toMatchObject({
      status: 'delivered',
      attempts: 2,
      lastStatusCode: 200,
      lastError: null,
    });
    await admin.delete(`/api/v1/webhooks/${w.id}`);
  });

  it('loses nothing on a restart: enqueued while no worker ran, delivered by a new instance', async () => {
    const db = await testDb();
    const r = await receiver();
    const w = await register(r.url, ['nl.wijkregie.signal.received']);
    // The first instance takes the signal and goes away before any worker delivered it.
    const first = await buildApp({ db, publicUrl: 'http://localhost:3000', webhookAllowPrivate: true });
    const s = await signal(await loggedIn(first, t.regisseur));
    await first.close();
    expect(r.received).toHaveLength(0);
    // A new instance on the same database, with its worker woken at start by the schedule's drain.
    const second = await buildApp({ db, publicUrl: 'http://localhost:3000', webhookAllowPrivate: true });
    const secondWorker = new WebhookWorker(db, { allowPrivate: true });
    try {
      await secondWorker.drain();
      expect(r.received).toHaveLength(1);
      expect(JSON.parse(got(r, 0).body)).toMatchObject({ data: { signalId: s.id } });
    } finally {
      await secondWorker.stop();
      await second.close();
    }
    await admin.delete(`/api/v1/webhooks/${w.id}`);
  });

  it('sends again a delivery whose process died while sending, once its lock ran out', async () => {
    const db = await testDb();
    const r = await receiver();
    const w = await register(r.url, ['nl.wijkregie.signal.received']);
    const s = await signal();
    // A worker claims it and dies before it sent anything.
    const claimed = await claimDueDeliveries(db, 100, 1500);
    expect(claimed.map((d) => d.data)).toContainEqual(expect.objectContaining({ signalId: s.id }));
    await worker.drain();
    expect(r.received).toHaveLength(0); // still locked
    await sleep(1700);
    await worker.drain();
    expect(r.received).toHaveLength(1);
    expect((await deliveries(w.id)).items[0]).toMatchObject({ status: 'delivered', attempts: 2 });
    await admin.delete(`/api/v1/webhooks/${w.id}`);
  });

  it('delivers as soon as the change commits when the worker listens (NOTIFY)', async () => {
    const db = await testDb();
    const r = await receiver();
    const w = await register(r.url, ['nl.wijkregie.signal.received']);
    const listening = new WebhookWorker(db, { allowPrivate: true });
    await listening.start();
    try {
      await signal();
      for (let i = 0; i < 250 && r.received.length === 0; i++) await sleep(20);
      expect(r.received).toHaveLength(1);
    } finally {
      await listening.stop();
    }
    await admin.delete(`/api/v1/webhooks/${w.id}`);
  });

  it('announces an indicator added to an area approach and measured, with the area', async () => {
    const r = await receiver();
    const w = await register(r.url, ['nl.wijkregie.indicator.updated']);
    const ids = await loadMap(app, t, { code: 'WK77', name: 'Zevenhoek', box: [5.3, 52.3, 0.02] }, [
      { code: 'BU771', name: 'Hof', box: [5.3, 52.3, 0.01] },
    ]);
    const wijk = ids.WK77 ?? '';
    const a = bodyOf(
      await reg.post('/api/v1/approaches', {
        areaId: wijk,
        title: 'Veilig rond de Hof',
        jointGoal: 'Minder overlast op de Hof',
        startDate: amsterdamDate(),
        partnerIds: [t.partners.politie],
        commitments: [],
      }),
      approachSchema,
      201,
    );
    const i = bodyOf(
      await reg.post(`/api/v1/approaches/${a.id}/indicators`, {
        name: 'Voelt zich veilig',
        unit: '%',
        baseline: 60,
        target: 75,
        direction: 'up',
        source: 'manual',
      }),
      indicatorSchema,
      201,
    );
    bodyOf(
      await reg.post(`/api/v1/indicators/${i.id}/measurements`, { date: amsterdamDate(), value: 64 }),
      indicatorSchema,
      201,
    );
    await worker.drain();
    const events = r.received.map(
      (x) => JSON.parse(x.body) as { type: string; data: Record<string, unknown> },
    );
    expect(events.map((e) => [e.type, e.data.change])).toEqual([
      ['nl.wijkregie.indicator.updated', 'added'],
      ['nl.wijkregie.indicator.updated', 'measured'],
    ]);
    for (const e of events) {
      expect(e.data).toMatchObject({ indicatorId: i.id, approachId: a.id, areaId: wijk });
      expect(JSON.stringify(e)).not.toContain('Voelt zich veilig');
    }
    await admin.delete(`/api/v1/webhooks/${w.id}`);
  });

  it('gives ["*"] every type, a listed type only its own; no payload carries a name or a text', async () => {
    const all = await receiver();
    const only = await receiver();
    const wAll = await register(all.url, ['*']);
    const wOnly = await register(only.url, ['nl.wijkregie.signal.status_changed']);
    const s = await signal();
    bodyOf(await reg.patch(`/api/v1/signals/${s.id}`, { status: 'triage' }), signalSchema);
    const m = bodyOf(
      await reg.post('/api/v1/meetings', {
        title: `Overleg over ${NAME}`,
        kind: 'case',
        startsAt: new Date(Date.now() + 86_400_000).toISOString(),
        chairUserId: t.regisseur.id,
        partnerIds: [t.partners.politie],
        caseIds: [],
      }),
      meetingSchema,
      201,
    );
    bodyOf(
      await reg.patch(`/api/v1/meetings/${m.id}`, {
        attendance: [{ userId: t.regisseur.id, present: true }],
      }),
      meetingSchema,
    );
    await worker.drain();
    const types = (r: Receiver) => r.received.map((x) => (JSON.parse(x.body) as { type: string }).type);
    expect(types(all).sort()).toEqual([
      'nl.wijkregie.meeting.held',
      'nl.wijkregie.signal.received',
      'nl.wijkregie.signal.status_changed',
    ]);
    expect(types(only)).toEqual(['nl.wijkregie.signal.status_changed']);
    const changed = all.received
      .map((x) => JSON.parse(x.body) as { type: string; data: Record<string, unknown> })
      .find((e) => e.type === 'nl.wijkregie.signal.status_changed');
    expect(changed?.data).toMatchObject({ signalId: s.id, status: 'triage', previousStatus: 'new' });

    const allowed = new Set([
      'signalId',
      'meetingId',
      'indicatorId',
      'approachId',
      'status',
      'previousStatus',
      'areaId',
      'change',
      'receivedAt',
      'changedAt',
      'startsAt',
      'recordedAt',
      'measuredOn',
      'updatedAt',
    ]);
    for (const x of [...all.received, ...only.received]) {
      expect(x.body).not.toContain(NAME);
      expect(x.body).not.toContain('Zwartbroek');
      expect(x.body).not.toContain(TEXT);
      expect(x.body).not.toContain('Overleg over');
      const data = (JSON.parse(x.body) as { data: Record<string, unknown> }).data;
      for (const [k, v] of Object.entries(data)) {
        expect(allowed.has(k), k).toBe(true);
        expect(/name|description|text|title|note/i.test(k)).toBe(false);
        expect(v === null || typeof v === 'string').toBe(true);
      }
    }
    await admin.delete(`/api/v1/webhooks/${wAll.id}`);
    await admin.delete(`/api/v1/webhooks/${wOnly.id}`);
  });
});

describe('where a webhook may go (SSRF guard)', () => {
  const body = (url: string) => ({ url, events: ['*'], secret: SECRET });

  it('refuses internal addresses, plain http and credentials when private destinations are not allowed', async () => {
    const strict = await testApp();
    const strictAdmin = await loggedIn(strict, t.admin);
    const refused: [string, RegExp][] = [
      ['http://wijkraad.example/hook', /https/],
      ['https://127.0.0.1/hook', /intern netwerk \(127\.0\.0\.1\)/],
      ['https://127.1.2.3:8443/hook', /intern netwerk/],
      ['https://10.20.30.40/hook', /intern netwerk/],
      ['https://172.16.5.4/hook', /intern netwerk/],
      ['https://192.168.1.10/hook', /intern netwerk/],
      ['https://169.254.169.254/latest/meta-data/', /intern netwerk \(169\.254\.169\.254\)/],
      ['https://100.64.0.1/hook', /intern netwerk/],
      ['https://0.0.0.0/hook', /intern netwerk/],
      ['https://[::1]/hook', /intern netwerk/],
      ['https://[fd12:3456::1]/hook', /intern netwerk/],
      ['https://[fe80::1]/hook', /intern netwerk/],
      ['https://[::ffff:127.0.0.1]/hook', /intern netwerk/],
      ['https://[::ffff:a9fe:a9fe]/hook', /intern netwerk/],
      ['https://localhost/hook', /intern netwerk \((127\.0\.0\.1|::1)\)/],
      ['https://admin.localhost/hook', /intern netwerk/],
      ['https://gebruiker:wachtwoord@wijkraad.example/hook', /gebruikersnaam of wachtwoord/],
    ];
    const before = bodyOf(await strictAdmin.get('/api/v1/webhooks'), webhookListSchema).total;
    for (const [url, message] of refused) {
      const p = expectProblem(await strictAdmin.post('/api/v1/webhooks', body(url)), 400, ['url']);
      expect(p.errors?.find((e) => e.path === 'url')?.message, url).toMatch(message);
    }
    // Nothing was stored.
    expect(bodyOf(await strictAdmin.get('/api/v1/webhooks'), webhookListSchema).total).toBe(before);
    // An https address on the internet is fine, a name that does not resolve (yet) too: the delivery checks again.
    for (const url of ['https://8.8.8.8/hook', 'https://wijkraad.example/hook']) {
      const w = bodyOf(await strictAdmin.post('/api/v1/webhooks', body(url)), webhookSchema, 201);
      expect((await strictAdmin.delete(`/api/v1/webhooks/${w.id}`)).statusCode).toBe(204);
    }
  });

  it('accepts internal addresses and plain http when the installation allows them', async () => {
    for (const url of [
      'http://127.0.0.1:8080/hook',
      'http://10.1.2.3/hook',
      'https://192.168.1.10/hook',
      'http://localhost:9000/hook',
      'http://[fd12:3456::1]/hook',
    ]) {
      const w = bodyOf(await admin.post('/api/v1/webhooks', body(url)), webhookSchema, 201);
      expect(w.url).toBe(url);
      await admin.delete(`/api/v1/webhooks/${w.id}`);
    }
    // Credentials never.
    expectProblem(await admin.post('/api/v1/webhooks', body('http://a:b@127.0.0.1:8080/hook')), 400, ['url']);
  });

  it('checks again at delivery: an internal address is a failed attempt and no request leaves', async () => {
    const r = await receiver();
    const port = new URL(r.url).port;
    // Registered while internal addresses were allowed; the installation no longer allows them.
    const literal = await register(r.url, ['nl.wijkregie.signal.received']);
    // A name that resolves to loopback, over https: refused on the address the connection would use.
    const named = await register(`https://localhost:${port}/hook`, ['nl.wijkregie.signal.received']);
    await signal();
    const strictWorker = new WebhookWorker(await testDb(), { backoffBaseMs: 60_000, allowPrivate: false });
    await strictWorker.drain();
    await strictWorker.stop();
    expect(r.received).toHaveLength(0);
    const [a] = (await deliveries(literal.id)).items;
    expect(a).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: null });
    expect(a?.lastError).toMatch(/^Niet verstuurd: Gebruik een https-adres/);
    const [b] = (await deliveries(named.id)).items;
    expect(b).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: null });
    expect(b?.lastError).toMatch(
      /^Niet verstuurd: Dit adres wijst naar een intern netwerk \((127\.0\.0\.1|::1)\)/,
    );
    expect(b?.lastError).toContain('WIJKREGIE_WEBHOOK_ALLOW_PRIVATE');
    await admin.delete(`/api/v1/webhooks/${literal.id}`);
    await admin.delete(`/api/v1/webhooks/${named.id}`);
  });

  it('delivers to an internal name when the installation allows it', async () => {
    const r = await receiver();
    const w = await register(`http://localhost:${new URL(r.url).port}/hook`, [
      'nl.wijkregie.signal.received',
    ]);
    const s = await signal();
    await worker.drain();
    expect(r.received).toHaveLength(1);
    expect(JSON.parse(got(r, 0).body)).toMatchObject({ data: { signalId: s.id } });
    expect((await deliveries(w.id)).items[0]).toMatchObject({ status: 'delivered', lastStatusCode: 200 });
    await admin.delete(`/api/v1/webhooks/${w.id}`);
  });

  it('reads WIJKREGIE_WEBHOOK_ALLOW_PRIVATE: off unless 1, a wrong value stops the start', () => {
    expect(loadConfig({}).webhookAllowPrivate).toBe(false);
    expect(loadConfig({ WIJKREGIE_WEBHOOK_ALLOW_PRIVATE: '0' }).webhookAllowPrivate).toBe(false);
    expect(loadConfig({ WIJKREGIE_WEBHOOK_ALLOW_PRIVATE: '1' }).webhookAllowPrivate).toBe(true);
    expect(() => loadConfig({ WIJKREGIE_WEBHOOK_ALLOW_PRIVATE: 'ja' })).toThrow(
      /WIJKREGIE_WEBHOOK_ALLOW_PRIVATE/,
    );
  });

  it('knows the internal ranges of IPv4 and IPv6, and its look-up refuses them before any connection', async () => {
    for (const a of [
      '127.0.0.1',
      '10.0.0.1',
      '172.31.255.255',
      '192.168.0.1',
      '169.254.169.254',
      '::1',
      'fc00::1',
      'fe80::abcd',
      '::ffff:10.0.0.1',
      '::',
      '224.0.0.1',
    ]) {
      expect(isInternalAddress(a), a).toBe(true);
    }
    for (const a of ['8.8.8.8', '172.32.0.1', '145.12.1.1', '2a00:1450:4001:81b::200e']) {
      expect(isInternalAddress(a), a).toBe(false);
    }
    const look = (allowPrivate: boolean) =>
      new Promise<{ err: Error | null; addresses: LookupAddress[] }>((resolve) =>
        guardedLookup({ allowPrivate })('localhost', { all: true }, (err, addresses) =>
          resolve({ err, addresses: Array.isArray(addresses) ? addresses : [] }),
        ),
      );
    const strict = await look(false);
    expect(strict.err).toBeInstanceOf(RefusedDestination);
    const allowed = await look(true);
    expect(allowed.err).toBeNull();
    expect(allowed.addresses.length).toBeGreaterThan(0);
  });
});

describe('signals from the creditor import', () => {
  it('announces every new imported signal once, in the batch, with ids, status and time only', async () => {
    const r = await receiver();
    const w = await register(r.url, ['nl.wijkregie.signal.received']);
    const row = (reference: string) =>
      CREDITOR_COLUMNS.map(
        (c) =>
          ({
            creditorType: 'energie',
            creditorName: 'Stroom & Gas BV',
            reference,
            signalDate: amsterdamDate(),
            lastName: 'Zwartbroek',
            initials: 'A.',
            birthDate: '1980-05-17',
            street: 'Dorpsstraat',
            houseNumber: String(reference.length + 10),
            postalCode: '1234AB',
            city: 'Voorbeeldstad',
            arrearsAmount: '312,50',
            arrearsSince: '',
            endOfSupply: 'nee',
          })[c],
      ).join(';');
    const refs = ['WH-1', 'WH-22', 'WH-333'];
    const file = [CREDITOR_COLUMNS.join(';'), ...refs.map(row), row('WH-1')].join('\n');
    const res = await reg.request({
      method: 'POST',
      url: '/api/v1/signals/import',
      headers: { 'content-type': 'text/csv' },
      payload: file,
    });
    expect(bodyOf(res, importAnswerSchema)).toMatchObject({ imported: 3, duplicates: 1 });
    const ids = (
      await rows(
        await testDb(),
        z.object({ id: col.uuid }),
        'SELECT id FROM signals WHERE tenant_id = $1 AND creditor_reference = ANY ($2::text[])',
        [t.id, refs],
      )
    ).map((x) => x.id);
    expect(ids).toHaveLength(3);
    await worker.drain();
    const events = r.received.map(
      (x) => JSON.parse(x.body) as { id: string; type: string; data: Record<string, unknown> },
    );
    expect(events.map((e) => e.type)).toEqual(Array(3).fill('nl.wijkregie.signal.received'));
    expect(events.map((e) => e.data.signalId).sort()).toEqual([...ids].sort());
    expect(new Set(events.map((e) => e.id)).size).toBe(3);
    for (const e of events) {
      expect(Object.keys(e.data).sort()).toEqual(['areaId', 'receivedAt', 'signalId', 'status']);
      expect(e.data).toMatchObject({ status: 'new', areaId: null });
    }
    for (const x of r.received) {
      expect(x.body).not.toContain('Zwartbroek');
      expect(x.body).not.toContain('Stroom');
      expect(x.body).not.toContain('Dorpsstraat');
      expect(x.body).not.toContain('1234AB');
      // As a value of its own: the random ids in the body may hold these digits (seen once: "…5755c313126b").
      expect(x.body).not.toMatch(/\b312\b/);
    }
    expect((await deliveries(w.id)).total).toBe(3);
    await admin.delete(`/api/v1/webhooks/${w.id}`);
  });
});

describe('payloads', () => {
  /** The fields each type may carry: ids, a status, an area, times, the kind of change. */
  const FIELDS: Record<Exclude<WebhookEventType, 'nl.wijkregie.survey.published'>, string[]> = {
    'nl.wijkregie.signal.received': ['areaId', 'receivedAt', 'signalId', 'status'],
    'nl.wijkregie.signal.status_changed': ['areaId', 'changedAt', 'previousStatus', 'signalId', 'status'],
    'nl.wijkregie.indicator.updated': [
      'approachId',
      'areaId',
      'change',
      'indicatorId',
      'measuredOn',
      'updatedAt',
    ],
    'nl.wijkregie.meeting.held': ['meetingId', 'recordedAt', 'startsAt', 'status'],
  };
  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
  const TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d+)?Z)?$/;
  const WORD = /^[a-z_]+$/; // a status or kind of change: a code, never a sentence

  it('every event type sent by the tests above carries only its ids, status, area and times', () => {
    const events = receivers.flatMap((r) =>
      r.received.map((x) => JSON.parse(x.body) as { type: WebhookEventType; data: Record<string, unknown> }),
    );
    const seen = new Set(events.map((e) => e.type));
    // survey.published has no producer in this module's tests (surveys publish it; their tests check it).
    expect([...seen].sort()).toEqual(
      WEBHOOK_EVENT_TYPES.filter((x) => x !== 'nl.wijkregie.survey.published').sort(),
    );
    for (const e of events) {
      if (e.type === 'nl.wijkregie.survey.published') continue;
      const allowed = FIELDS[e.type];
      for (const [k, v] of Object.entries(e.data)) {
        expect(allowed, `${e.type}: ${k}`).toContain(k);
        if (v === null) continue;
        expect(typeof v, `${e.type}: ${k}`).toBe('string');
        const text = String(v);
        if (k.endsWith('Id')) expect(text, `${e.type}: ${k}`).toMatch(UUID);
        else if (k.endsWith('At') || k.endsWith('On')) expect(text, `${e.type}: ${k}`).toMatch(TIME);
        else expect(text, `${e.type}: ${k}`).toMatch(WORD);
      }
    }
  });
});
