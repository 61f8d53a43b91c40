/**
 * The alert part of `npm run bench` (also on its own: `node packages/server/dist/bench/alerts.js`,
 * or `BENCH_ONLY=alerts npm run bench`): latency from a change's commit to the live event (SSE)
 * and to the SMTP server, under a steady load of changes.
 *
 * A fresh PostgreSQL database; the real built server as a child process with SMTP_URL pointing to
 * an SMTP server inside this process (smtp-server). The tenant is set up through the API: partners
 * Gemeente and Wijkteam, a regisseur, case directors (Gemeente), a writer and followers (Wijkteam,
 * which may write `basis`). Every case has Wijkteam as partner, a director and followers; every
 * recipient has a live stream open. The writer adds entries at BENCH_ALERT_RATE per second, round
 * robin over the cases and never two at once in one case, so per (case, recipient) the alerts are
 * in the order of the changes: the alert rows, read from the database afterwards in that order,
 * tie each change to its alert ids exactly; the stream carries the alert id and the email the
 * header `X-Wijkregie-Key: alert:<id>`.
 *
 * Per change: the request start, the 201 (the commit lies between the two), the arrival of the
 * `event: alert` on the recipient's stream and the end of the DATA of its email at the SMTP server.
 * Latencies are given from the 201 (the targets: live p95 < 200 ms, SMTP p95 < 2 s) and, as the
 * upper bound, from the request start. The first BENCH_ALERT_WARMUP seconds are not in the
 * percentiles (but are in the lost/duplicate counts).
 *
 * Knobs (environment): DATABASE_URL (server URL), BENCH_ALERT_RATE (50 changes/s),
 * BENCH_ALERT_DURATION (20 s), BENCH_ALERT_WARMUP (2 s), BENCH_ALERT_CASES (50),
 * BENCH_ALERT_DIRECTORS (10), BENCH_ALERT_FOLLOWERS (followers per case, 1; from a pool of
 * BENCH_ALERT_FOLLOWER_USERS, 10), BENCH_ALERT_DRAIN (max. wait for the last alerts, 15 s),
 * BENCH_ALERT_SMTP_PAUSE (ms the SMTP server waits before its greeting on each connection; unset:
 * smtp-server's own 100 ms early-talker pause, a stand-in for the set-up cost of a real relay;
 * 0 measures the Wijkregie side alone), BENCH_SERVER (another build's main.js).
 *
 * A latency that never arrived within the wait counts as infinite in the percentiles (column
 * `ontbr.`), so a backlog shows as a miss and not as a shorter tail.
 */

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { SMTPConnection } from 'smtp-server/lib/smtp-connection.js';
import { percentile } from './load.js';
import {
  benchAuditEnv,
  cleanup,
  connectAdmin,
  freePort,
  log,
  machineTicks,
  onCleanup,
  secs,
  startChild,
  ticksOf,
  waitFor,
} from './proc.js';
import { BENCH_PASSWORD } from './seed.js';

const num = (name: string, fallback: number) => {
  const v = process.env[name];
  return v === undefined || v === '' ? fallback : Number(v);
};
const RATE = num('BENCH_ALERT_RATE', 50);
const DURATION = num('BENCH_ALERT_DURATION', 20);
const WARMUP = num('BENCH_ALERT_WARMUP', 2);
const CASES = num('BENCH_ALERT_CASES', 50);
const DIRECTORS = num('BENCH_ALERT_DIRECTORS', 10);
const FOLLOWER_USERS = num('BENCH_ALERT_FOLLOWER_USERS', 10);
const FOLLOWERS = Math.min(num('BENCH_ALERT_FOLLOWERS', 1), FOLLOWER_USERS);
const DRAIN = num('BENCH_ALERT_DRAIN', 15);
const SMTP_PAUSE = process.env.BENCH_ALERT_SMTP_PAUSE
  ? Number(process.env.BENCH_ALERT_SMTP_PAUSE)
  : undefined;
const DIST = fileURLToPath(new URL('../', import.meta.url));
const SERVER = process.env.BENCH_SERVER || join(DIST, 'main.js');
const TARGET_LIVE_P95 = 200;
const TARGET_SMTP_P95 = 2000;
const ADMIN_EMAIL = 'beheer-alerts@bench.example';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// HTTP ---------------------------------------------------------------------------------------------

class Api {
  constructor(readonly base: string) {}

  async login(email: string): Promise<string> {
    const res = await fetch(`${this.base}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: BENCH_PASSWORD }),
    });
    if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('wijkregie_session='));
    if (!cookie) throw new Error('login gave no session cookie');
    return cookie.split(';')[0]!;
  }

  async call<T>(method: string, path: string, cookie: string, body?: unknown): Promise<T> {
    const res = await fetch(this.base + path, {
      method,
      headers: { cookie, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (res.status === 204 ? undefined : await res.json()) as T;
  }
}

interface StreamAlert {
  id: string;
  kind: string;
  caseId: string;
  caseReference: string;
  createdAt: string;
}

/**
 * A live stream as a browser's EventSource would hold it (plain node http, session cookie).
 * Resolves once the server's first comment arrived (then the subscription is registered).
 */
function openStream(
  base: string,
  cookie: string,
  onAlert: (alert: StreamAlert, at: number) => void,
  onEnd: () => void,
): Promise<() => void> {
  return new Promise((resolve, reject) => {
    let open = false;
    const req = httpGet(
      `${base}/api/v1/alerts/stream`,
      { headers: { cookie, accept: 'text/event-stream' } },
      (res) => {
        if (res.statusCode !== 200) {
          res.resume();
          reject(new Error(`stream: ${res.statusCode}`));
          return;
        }
        res.setEncoding('utf8');
        let buf = '';
        res.on('data', (chunk: string) => {
          const at = performance.now();
          buf += chunk;
          for (let end = buf.indexOf('\n\n'); end >= 0; end = buf.indexOf('\n\n')) {
            const block = buf.slice(0, end);
            buf = buf.slice(end + 2);
            let event = 'message';
            const data: string[] = [];
            for (const line of block.split('\n')) {
              if (line.startsWith('event:')) event = line.slice(6).trim();
              else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
            }
            if (event === 'alert' && data.length) onAlert(JSON.parse(data.join('\n')) as StreamAlert, at);
          }
          if (!open) {
            open = true;
            resolve(() => req.destroy());
          }
        });
        res.on('end', onEnd);
        res.on('error', () => {});
      },
    );
    req.on('error', (err) => {
      if (!open) reject(err);
    });
  });
}

// SMTP ---------------------------------------------------------------------------------------------

/** A local SMTP server that timestamps the end of each message's DATA, keyed by the outbox key. */
async function startSmtp(onMail: (key: string | undefined, at: number) => void): Promise<number> {
  if (SMTP_PAUSE !== undefined) {
    // smtp-server waits a fixed 100 ms before its greeting (early-talker detection) and has no
    // option for it; `init` is where it does that. The internals are typed loosely on purpose.
    const proto = SMTPConnection.prototype as unknown as {
      _setListeners(cb: () => void): void;
      connectionReady(): void;
      init(): void;
    };
    proto.init = function (this: typeof proto) {
      this._setListeners(() => setTimeout(() => this.connectionReady(), SMTP_PAUSE).unref());
    };
  }
  const port = await freePort();
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    disableReverseLookup: true,
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const at = performance.now();
        const raw = Buffer.concat(chunks).toString('utf8');
        const head = raw.slice(0, Math.max(0, raw.indexOf('\r\n\r\n')));
        onMail(/^X-Wijkregie-Key:\s*(\S+)/im.exec(head)?.[1], at);
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  onCleanup('smtp', () => new Promise<void>((resolve) => server.close(() => resolve())));
  return port;
}

// Statistics ---------------------------------------------------------------------------------------

interface Dist {
  name: string;
  n: number;
  /** Never arrived: counted as infinite. */
  missing: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  min: number;
}

function dist(name: string, values: number[]): Dist {
  const s = Float64Array.from(values).sort();
  return {
    name,
    n: s.length,
    missing: values.filter((v) => v === Number.POSITIVE_INFINITY).length,
    p50: percentile(s, 50),
    p95: percentile(s, 95),
    p99: percentile(s, 99),
    max: s.length ? s[s.length - 1]! : Number.NaN,
    min: s.length ? s[0]! : Number.NaN,
  };
}

const fmt = (x: number, digits = 1) =>
  Number.isFinite(x) ? x.toFixed(digits) : x === Number.POSITIVE_INFINITY ? '∞' : '-';

function table(rows: Dist[]): string {
  const head = ['meting (ms)', 'n', 'ontbr.', 'p50', 'p95', 'p99', 'max', 'min'];
  const body = rows.map((r) => [
    r.name,
    String(r.n),
    String(r.missing),
    fmt(r.p50),
    fmt(r.p95),
    fmt(r.p99),
    fmt(r.max),
    fmt(r.min),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

// Main ---------------------------------------------------------------------------------------------

interface Change {
  caseIdx: number;
  /** When it was due by the schedule, when the request started, when the answer's head arrived. */
  due: number;
  tReq: number;
  tResp: number;
  status: number;
  warm: boolean;
}

async function main(): Promise<boolean> {
  const adminUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '_').slice(0, 15);
  const dbName = `wijkregie_bench_alerts_${Date.now()}`;
  const work = mkdtempSync(join(tmpdir(), 'wijkregie-bench-alerts-'));
  onCleanup('logs', async () => rmSync(work, { recursive: true, force: true }));

  const admin = await connectAdmin(adminUrl);
  const [{ version } = { version: '?' }] = (
    await admin.query<{ version: string }>("SELECT current_setting('server_version') AS version")
  ).rows;
  await admin.query(`CREATE DATABASE ${dbName}`);
  onCleanup('database', async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
    log(`database ${dbName} verwijderd`);
  });
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  const dbUrl = url.toString();
  const load = loadavg().map((x) => x.toFixed(2));
  log(`PostgreSQL ${version}, database ${dbName}; ${cpus().length} cores, load ${load.join(' ')}`);

  // What arrives, keyed by alert id (arrival times; more than one is a duplicate).
  const liveAt = new Map<string, number[]>();
  const mailAt = new Map<string, number[]>();
  let mailsWithoutKey = 0;
  let streamsEnded = 0;
  const smtpPort = await startSmtp((key, at) => {
    if (!key?.startsWith('alert:')) {
      mailsWithoutKey++;
      return;
    }
    const id = key.slice('alert:'.length);
    mailAt.set(id, [...(mailAt.get(id) ?? []), at]);
  });

  const port = await freePort();
  const server = startChild(
    SERVER,
    {
      ...process.env,
      ...benchAuditEnv(work),
      DATABASE_URL: dbUrl,
      PORT: String(port),
      WIJKREGIE_DEMO: '0',
      WIJKREGIE_ADMIN_EMAIL: ADMIN_EMAIL,
      WIJKREGIE_ADMIN_PASSWORD: BENCH_PASSWORD,
      WIJKREGIE_PUBLIC_URL: `http://127.0.0.1:${port}`,
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    },
    join(work, 'server.log'),
  );
  const api = new Api(`http://127.0.0.1:${port}`);
  await waitFor(server, `${api.base}/health`);
  log(`server pid ${server.proc.pid} op ${api.base}, SMTP op 127.0.0.1:${smtpPort}`);

  // Tenant, through the API.
  const setupStart = performance.now();
  const adminCookie = await api.login(ADMIN_EMAIL);
  const partner = (name: string, kind: string) =>
    api.call<{ id: string }>('POST', '/api/v1/partners', adminCookie, { name, kind });
  const gemeente = await partner('Gemeente Meldstad', 'gemeente');
  const wijkteam = await partner('Wijkteam Meldstad', 'wijkteam');
  const user = async (email: string, name: string, partnerId: string, roles: string[]) => {
    const u = await api.call<{ id: string }>('POST', '/api/v1/users', adminCookie, {
      email,
      name,
      password: BENCH_PASSWORD,
      partnerId,
      roles,
    });
    return { id: u.id, email };
  };
  const regisseur = await user('regisseur@bench.example', 'Regisseur Bench', gemeente.id, ['regisseur']);
  const writer = await user('schrijver@bench.example', 'Schrijver Bench', wijkteam.id, ['professional']);
  const directors = [];
  for (let i = 0; i < DIRECTORS; i++) {
    directors.push(
      await user(`regie-${i}@bench.example`, `Casusregisseur ${i}`, gemeente.id, ['professional']),
    );
  }
  const followers = [];
  for (let i = 0; i < FOLLOWER_USERS; i++) {
    followers.push(await user(`volger-${i}@bench.example`, `Volger ${i}`, wijkteam.id, ['professional']));
  }
  await api.call('PUT', '/api/v1/access-matrix', adminCookie, {
    cells: [{ partnerId: wijkteam.id, category: 'basis', access: 'write' }],
  });

  const regCookie = await api.login(regisseur.email);
  const caseIds: string[] = [];
  const recipients: string[][] = [];
  for (let i = 0; i < CASES; i++) {
    const director = directors[i % DIRECTORS]!;
    const c = await api.call<{ id: string }>('POST', '/api/v1/cases', regCookie, {
      type: 'area',
      title: `Meldingenbench ${i}`,
      partnerIds: [wijkteam.id],
      directorUserId: director.id,
    });
    caseIds.push(c.id);
    recipients.push([director.id]);
  }
  const cookies = new Map<string, string>();
  for (const u of [...directors, ...followers]) cookies.set(u.id, await api.login(u.email));
  for (let i = 0; i < CASES; i++) {
    for (let j = 0; j < FOLLOWERS; j++) {
      const f = followers[(i + j) % FOLLOWER_USERS]!;
      await api.call('POST', `/api/v1/cases/${caseIds[i]}/follow`, cookies.get(f.id)!, {});
      recipients[i]!.push(f.id);
    }
  }
  const listeners = [...directors, ...followers].filter((u) => recipients.some((r) => r.includes(u.id)));
  for (const u of listeners) {
    const close = await openStream(
      api.base,
      cookies.get(u.id)!,
      (alert, at) => liveAt.set(alert.id, [...(liveAt.get(alert.id) ?? []), at]),
      () => streamsEnded++,
    );
    onCleanup(`stream ${u.email}`, async () => close());
  }
  const writerCookie = await api.login(writer.email);
  log(
    `opzet in ${secs(setupStart)} s: ${CASES} casussen, ${DIRECTORS} regisseurs, ${FOLLOWERS} volger(s) per casus, ${listeners.length} live streams`,
  );

  // The load: a steady rate, round robin over the cases, never two changes at once in one case.
  const total = Math.round((WARMUP + DURATION) * RATE);
  const changes: Change[] = [];
  const byCase: Change[][] = caseIds.map(() => []);
  const busy = caseIds.map(() => false);
  const inFlight = new Set<Promise<void>>();
  let next = 0;
  let skipped = 0;
  const post = async (ch: Change, n: number) => {
    try {
      const res = await fetch(`${api.base}/api/v1/cases/${caseIds[ch.caseIdx]}/entries`, {
        method: 'POST',
        headers: { cookie: writerCookie, 'content-type': 'application/json' },
        body: JSON.stringify({ category: 'basis', text: `Meldingenbench notitie ${n}` }),
      });
      ch.tResp = performance.now();
      ch.status = res.status;
      await res.arrayBuffer();
    } catch {
      ch.tResp = performance.now();
      ch.status = 0;
    }
  };
  const serverTicks0 = ticksOf(server.proc.pid!);
  const benchTicks0 = ticksOf(process.pid);
  const machine0 = machineTicks();
  const loadStart = performance.now();
  const measuredFrom = loadStart + WARMUP * 1000;
  for (let i = 0; i < total; i++) {
    const due = loadStart + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    let k = -1;
    for (let j = 0; j < CASES; j++) {
      const c = (next + j) % CASES;
      if (!busy[c]) {
        k = c;
        break;
      }
    }
    if (k < 0) {
      skipped++;
      continue;
    }
    next = k + 1;
    busy[k] = true;
    const tReq = performance.now();
    const ch: Change = { caseIdx: k, due, tReq, tResp: Number.NaN, status: -1, warm: due < measuredFrom };
    changes.push(ch);
    byCase[k]!.push(ch);
    const p = post(ch, i).finally(() => {
      busy[k] = false;
      inFlight.delete(p);
    });
    inFlight.add(p);
  }
  await Promise.all(inFlight);
  const loadEnd = performance.now();
  const loadS = (loadEnd - loadStart) / 1000;
  const created = changes.filter((c) => c.status === 201);
  const expected = created.reduce((a, c) => a + recipients[c.caseIdx]!.length, 0);
  log(
    `${changes.length} wijzigingen in ${loadS.toFixed(1)} s (${fmt(changes.length / loadS)}/s), ${created.length} × 201, ${skipped} overgeslagen; wachten op ${expected} meldingen…`,
  );

  // Wait for the rest (live and mail), at most DRAIN seconds.
  const drainUntil = performance.now() + DRAIN * 1000;
  while (performance.now() < drainUntil && (liveAt.size < expected || mailAt.size < expected)) {
    await sleep(100);
  }
  const drainS = (performance.now() - loadEnd) / 1000;
  const cpuWindowS = (performance.now() - loadStart) / 1000;
  const pct = (ticks: number) => Math.round((ticks / (cpuWindowS * 100)) * 100);
  const machine1 = machineTicks();
  const cpu = {
    server: pct(ticksOf(server.proc.pid!) - serverTicks0),
    bench: pct(ticksOf(process.pid) - benchTicks0),
    machineBusyPct: Math.round(
      ((machine1.busy - machine0.busy) / Math.max(1, machine1.all - machine0.all)) * 100,
    ),
  };

  // Tie alerts to changes: per (case, recipient) the alert rows in order are the changes in order.
  const db = new pg.Client({ connectionString: dbUrl, application_name: 'wijkregie-bench' });
  await db.connect();
  onCleanup('bench db client', () => db.end());
  const rows = (
    await db.query<{ id: string; case_id: string; user_id: string }>(
      `SELECT id, case_id, user_id FROM alerts WHERE kind = 'entry_added' ORDER BY case_id, user_id, created_at, id`,
    )
  ).rows;
  const outbox = Object.fromEntries(
    (
      await db.query<{ status: string; n: number }>(
        'SELECT status, count(*)::int AS n FROM email_outbox GROUP BY status ORDER BY status',
      )
    ).rows.map((r) => [r.status, r.n]),
  );
  const caseIdx = new Map(caseIds.map((id, i) => [id, i]));
  const groups = new Map<string, string[]>();
  for (const r of rows) {
    const key = `${r.case_id} ${r.user_id}`;
    groups.set(key, [...(groups.get(key) ?? []), r.id]);
  }
  const changeOf = new Map<string, Change>();
  let unexpectedRecipients = 0;
  let orderMismatch = 0;
  for (const [key, ids] of groups) {
    const [caseId, userId] = key.split(' ') as [string, string];
    const k = caseIdx.get(caseId);
    if (k === undefined || !recipients[k]!.includes(userId)) {
      unexpectedRecipients += ids.length;
      continue;
    }
    const done = byCase[k]!.filter((c) => c.status === 201);
    orderMismatch += Math.abs(done.length - ids.length);
    ids.forEach((id, i) => {
      if (done[i]) changeOf.set(id, done[i]);
    });
  }
  for (const [k, rs] of recipients.entries()) {
    const done = byCase[k]!.filter((c) => c.status === 201).length;
    for (const u of rs) if (done && !groups.has(`${caseIds[k]} ${u}`)) orderMismatch += done;
  }

  const lat = {
    post: [] as number[],
    liveResp: [] as number[],
    liveReq: [] as number[],
    smtpResp: [] as number[],
    smtpReq: [] as number[],
  };
  for (const c of created) if (!c.warm) lat.post.push(c.tResp - c.tReq);
  const count = { liveLost: 0, liveDup: 0, mailLost: 0, mailDup: 0 };
  for (const [id, c] of changeOf) {
    const live = liveAt.get(id);
    const mail = mailAt.get(id);
    if (!live) count.liveLost++;
    else count.liveDup += live.length - 1;
    if (!mail) count.mailLost++;
    else count.mailDup += mail.length - 1;
    if (c.warm) continue;
    const never = Number.POSITIVE_INFINITY;
    lat.liveResp.push(live ? live[0]! - c.tResp : never);
    lat.liveReq.push(live ? live[0]! - c.tReq : never);
    lat.smtpResp.push(mail ? mail[0]! - c.tResp : never);
    lat.smtpReq.push(mail ? mail[0]! - c.tReq : never);
  }
  const unknownLive = [...liveAt.keys()].filter((id) => !changeOf.has(id)).length;
  const unknownMail = [...mailAt.keys()].filter((id) => !changeOf.has(id)).length;
  const lateStarts = changes.map((c) => c.tReq - c.due);

  const rowsOut = [
    dist('POST entries (verzoek → 201)', lat.post),
    dist('live (201 → event: alert)', lat.liveResp),
    dist('live (verzoek → event: alert)', lat.liveReq),
    dist('SMTP (201 → DATA ontvangen)', lat.smtpResp),
    dist('SMTP (verzoek → DATA ontvangen)', lat.smtpReq),
  ];
  const [, live, , smtp] = rowsOut as [Dist, Dist, Dist, Dist, Dist];
  const errors = changes.length - created.length;
  const complete =
    errors === 0 &&
    skipped === 0 &&
    rows.length === expected &&
    count.liveLost + count.liveDup + count.mailLost + count.mailDup === 0 &&
    unexpectedRecipients + orderMismatch + unknownLive + unknownMail === 0;
  const targets = [
    {
      what: `live p95 < ${TARGET_LIVE_P95} ms na de 201 (${fmt(live.p95)}; vanaf het verzoek ${fmt(rowsOut[2]!.p95)})`,
      ok: live.n > 0 && live.p95 < TARGET_LIVE_P95,
    },
    {
      what: `SMTP p95 < ${TARGET_SMTP_P95} ms na de 201 (${fmt(smtp.p95)}; vanaf het verzoek ${fmt(rowsOut[4]!.p95)})`,
      ok: smtp.n > 0 && smtp.p95 < TARGET_SMTP_P95,
    },
    {
      what: `volledig: elke wijziging 201, elke melding precies één keer live en per e-mail, geen andere ontvangers`,
      ok: complete,
    },
  ];

  const measuredChanges = changes.filter((c) => !c.warm).length;
  const out = [
    '',
    `Wijkregie meldingen-benchmark — ${new Date().toISOString()}, ${cpus().length} cores, Node ${process.version}, PostgreSQL ${version}`,
    SERVER !== join(DIST, 'main.js') ? `LET OP: server ${SERVER}` : '',
    `belasting: ${RATE} wijzigingen/s (POST entries) gedurende ${WARMUP} + ${DURATION} s over ${CASES} casussen; ` +
      `ontvangers per wijziging: casusregisseur + ${FOLLOWERS} volger(s), allen met live stream en e-mail 'immediate'`,
    `wijzigingen: ${changes.length} verstuurd (${measuredChanges} gemeten na ${WARMUP} s opwarmen), ${created.length} × 201, ${errors} fout, ` +
      `${skipped} overgeslagen (casus nog bezig); gehaald ${fmt(changes.length / loadS)}/s; start te laat p99 ${fmt(dist('', lateStarts).p99)} ms`,
    `meldingen: ${rows.length} in de database (verwacht ${expected}); live ontvangen ${liveAt.size} (niet binnen nawachttijd ${count.liveLost}, dubbel ${count.liveDup}, onbekend ${unknownLive}); ` +
      `e-mails ontvangen ${mailAt.size} (niet binnen nawachttijd ${count.mailLost}, dubbel ${count.mailDup}, onbekend ${unknownMail}, zonder sleutel ${mailsWithoutKey})`,
    `outbox na afloop: ${JSON.stringify(outbox)}; onverwachte ontvangers ${unexpectedRecipients}, niet te koppelen ${orderMismatch}; ` +
      `streams beëindigd ${streamsEnded}; nawachten ${fmt(drainS)} s (max. ${DRAIN} s)`,
    `SMTP-server: smtp-server zonder STARTTLS, ${SMTP_PAUSE === undefined ? 'eigen pauze van 100 ms vóór de begroeting per verbinding' : `pauze vóór de begroeting ${SMTP_PAUSE} ms per verbinding`}`,
    `CPU% van één core tijdens belasting + nawachten: server ${cpu.server}, bench (schrijver, streams, SMTP) ${cpu.bench}; machine bezet ${cpu.machineBusyPct}% van ${cpus().length} cores; load vooraf ${load.join(' ')}`,
    'latentie vanaf de 201 onderschat (de commit ligt ervoor), vanaf het verzoek overschat; negatief = de melding kwam vóór de 201',
    '',
    table(rowsOut),
    '',
    ...targets.map((x) => `${x.ok ? 'OK    ' : 'MISSER'} ${x.what}`),
  ].filter((l, i, a) => l !== '' || a[i - 1] !== '');

  const jsonFile = join(tmpdir(), `wijkregie-bench-alerts-${stamp}.json`);
  writeFileSync(
    jsonFile,
    `${JSON.stringify(
      {
        at: new Date().toISOString(),
        machine: { cores: cpus().length, cpu: cpus()[0]?.model, node: process.version, postgres: version },
        settings: {
          SMTP_PAUSE: SMTP_PAUSE ?? 'smtp-server (100 ms)',
          RATE,
          DURATION,
          WARMUP,
          CASES,
          DIRECTORS,
          FOLLOWERS,
          FOLLOWER_USERS,
          DRAIN,
          server: SERVER,
        },
        changes: {
          sent: changes.length,
          measured: measuredChanges,
          created: created.length,
          errors,
          skipped,
        },
        alerts: { inDb: rows.length, expected, live: liveAt.size, mails: mailAt.size, ...count },
        unknown: {
          live: unknownLive,
          mail: unknownMail,
          mailsWithoutKey,
          unexpectedRecipients,
          orderMismatch,
        },
        outbox,
        streamsEnded,
        drainS,
        cpu,
        latencies: rowsOut,
        targets,
        totalS: secs(),
      },
      null,
      2,
    )}\n`,
  );
  out.push(`JSON: ${jsonFile}`);
  console.log(out.join('\n'));
  return targets.every((x) => x.ok);
}

main()
  .then(async (ok) => {
    await cleanup();
    process.exit(ok ? 0 : 1);
  })
  .catch(async (err: unknown) => {
    console.error('\nMeldingen-benchmark mislukt:', err instanceof Error ? (err.stack ?? err.message) : err);
    await cleanup();
    process.exit(2);
  });
