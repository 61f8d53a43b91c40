/**
 * `BENCH_ONLY=webhooks npm run bench` (or `node packages/server/bench/dist/webhooks.js`): latency of a
 * webhook delivery from the change to the receiver (issue 14). A fresh PostgreSQL database, the real
 * built server as a child process, a receiver (node:http) in this process registered by the admin for
 * `nl.wijkregie.signal.received`. A regisseur takes in BENCH_WEBHOOK_SIGNALS signals one after another
 * (BENCH_WEBHOOK_GAP ms apart); per signal the bench notes the request start, the 201 (the commit lies
 * between the two) and the arrival of its CloudEvent at the receiver, whose signature it checks.
 * Latencies are given from the 201 and, as the upper bound, from the request start. A delivery that
 * never arrived within BENCH_WEBHOOK_DRAIN seconds counts as infinite.
 *
 * Knobs: DATABASE_URL, BENCH_WEBHOOK_SIGNALS (200), BENCH_WEBHOOK_GAP (20 ms), BENCH_WEBHOOK_DRAIN (15 s),
 * BENCH_SERVER (another build's main.js).
 */
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import { loadavg } from 'node:os';
import {
  partnerSchema,
  signalCategoryListSchema,
  signalSchema,
  userSchema,
  webhookSchema,
} from '@wijkregie/shared';
import { BENCH_PASSWORD, call, callAs, freshDatabase, login, num, runBench, startServer } from './harness.js';
import { percentile } from './load.js';
import { freePort, log, onCleanup } from './proc.js';
import { compact, fmt, headline, machine, table, writeJson } from './report.js';

const SIGNALS = num('BENCH_WEBHOOK_SIGNALS', 200);
const GAP = num('BENCH_WEBHOOK_GAP', 20);
const DRAIN = num('BENCH_WEBHOOK_DRAIN', 15);
const SECRET = 'bench-webhook-secret-0123456789';
const ADMIN_EMAIL = 'beheer-webhooks@bench.example';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The receiver: notes when each signal's event arrived and whether its signature held. */
async function startReceiver(onEvent: (signalId: string, signed: boolean, at: number) => void) {
  const port = await freePort();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const at = performance.now();
      const body = Buffer.concat(chunks).toString('utf8');
      const expected = `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;
      const event = JSON.parse(body) as { data?: { signalId?: string } };
      onEvent(event.data?.signalId ?? '', req.headers['webhook-signature'] === expected, at);
      res.statusCode = 204;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
  onCleanup('receiver', () => new Promise<void>((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${port}/hook`;
}

function dist(values: number[]) {
  const s = Float64Array.from(values).sort();
  return {
    n: s.length,
    missing: values.filter((v) => v === Number.POSITIVE_INFINITY).length,
    p50: percentile(s, 50),
    p95: percentile(s, 95),
    p99: percentile(s, 99),
    max: s[s.length - 1] ?? Number.NaN,
  };
}

async function main(): Promise<boolean> {
  const database = await freshDatabase('webhooks');
  const arrived = new Map<string, number>();
  let badSignatures = 0;
  let duplicates = 0;
  const url = await startReceiver((id, signed, at) => {
    if (!signed) badSignatures++;
    if (arrived.has(id)) duplicates++;
    else arrived.set(id, at);
  });
  // The receiver listens on 127.0.0.1: the installation must allow internal destinations.
  const server = await startServer(database, ADMIN_EMAIL, { WIJKREGIE_WEBHOOK_ALLOW_PRIVATE: '1' });
  const api = server.base;
  log(`server pid ${server.pid} op ${api}, ontvanger op ${url}`);

  const adminCookie = await login(api, ADMIN_EMAIL);
  const gemeente = await callAs(partnerSchema, api, 'POST', '/api/v1/partners', adminCookie, {
    name: 'Gemeente Haakstad',
    kind: 'gemeente',
  });
  await callAs(userSchema, api, 'POST', '/api/v1/users', adminCookie, {
    email: 'regisseur-webhooks@bench.example',
    name: 'Regisseur Bench',
    password: BENCH_PASSWORD,
    partnerId: gemeente.id,
    roles: ['regisseur'],
  });
  await callAs(webhookSchema, api, 'POST', '/api/v1/webhooks', adminCookie, {
    url,
    events: ['nl.wijkregie.signal.received'],
    secret: SECRET,
  });
  const reg = await login(api, 'regisseur-webhooks@bench.example');
  const categories = await callAs(signalCategoryListSchema, api, 'GET', '/api/v1/signal-categories', reg);
  const category = categories.items[0]?.key;
  if (!category) throw new Error('no signal category');

  const sent: { id: string; start: number; created: number }[] = [];
  log(`${SIGNALS} signalen, ${GAP} ms uit elkaar`);
  for (let i = 0; i < SIGNALS; i++) {
    const start = performance.now();
    const s = await callAs(signalSchema, api, 'POST', '/api/v1/signals', reg, {
      category,
      description: `Bench-signaal ${i}`,
      source: 'professional',
    });
    sent.push({ id: s.id, start, created: performance.now() });
    await sleep(GAP);
  }
  const until = performance.now() + DRAIN * 1000;
  while (performance.now() < until && sent.some((s) => !arrived.has(s.id))) await sleep(50);

  const fromCommit = dist(sent.map((s) => (arrived.get(s.id) ?? Number.POSITIVE_INFINITY) - s.created));
  const fromStart = dist(sent.map((s) => (arrived.get(s.id) ?? Number.POSITIVE_INFINITY) - s.start));
  const row = (name: string, d: ReturnType<typeof dist>) => [
    name,
    String(d.n),
    String(d.missing),
    fmt(d.p50),
    fmt(d.p95),
    fmt(d.p99),
    fmt(d.max),
  ];
  const load = loadavg().map((x) => x.toFixed(2));
  console.log(
    compact([
      '',
      headline('webhook-benchmark', database.version),
      `load average ${load.join(' ')}`,
      '',
      table(
        ['van → ontvanger (ms)', 'n', 'ontbr.', 'p50', 'p95', 'p99', 'max'],
        [row('201 (na commit)', fromCommit), row('begin verzoek', fromStart)],
      ),
      '',
      `handtekening fout: ${badSignatures}, dubbel ontvangen: ${duplicates}`,
      '',
    ]).join('\n'),
  );
  const file = writeJson('webhooks', {
    machine: machine(database.version),
    loadavg: load,
    signals: SIGNALS,
    gapMs: GAP,
    fromCommit,
    fromStart,
    badSignatures,
    duplicates,
  });
  log(`resultaat in ${file}`);
  await call(api, 'GET', '/health', adminCookie);
  return fromCommit.missing === 0 && badSignatures === 0;
}

runBench('Webhook-benchmark', main);
