/**
 * The alert part of `npm run bench` (also on its own: `node packages/server/bench/dist/alerts.js`,
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

import { get as httpGet } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { col, execute, rows } from '@wijkregie/server/dist/db/rows.js';
import { caseSchema, partnerSchema, userSchema } from '@wijkregie/shared';
import { SMTPServer } from 'smtp-server';
import { SMTPConnection } from 'smtp-server/lib/smtp-connection.js';
import { z } from 'zod';
import {
  BENCH_PASSWORD,
  call,
  callAs,
  DEFAULT_SERVER,
  freshDatabase,
  login,
  num,
  openBenchDb,
  runBench,
  SERVER,
  startServer,
} from './harness.js';
import { percentile } from './load.js';
import { nth } from './names.js';
import { freePort, log, machineTicks, onCleanup, secs, ticksOf } from './proc.js';
import { compact, fmt, headline, machine, table, targetLines, writeJson } from './report.js';

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
const TARGET_LIVE_P95 = 200;
const TARGET_SMTP_P95 = 2000;
const ADMIN_EMAIL = 'beheer-alerts@bench.example';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// HTTP ---------------------------------------------------------------------------------------------

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
    max: s.at(-1) ?? Number.NaN,
    min: s[0] ?? Number.NaN,
  };
}

function distTable(rows: Dist[]): string {
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
  return table(head, body);
}

// Main ---------------------------------------------------------------------------------------------

interface Change {
  on: BenchCase;
  /** When it was due by the schedule, when the request started, when the answer's head arrived. */
  due: number;
  tReq: number;
  tResp: number;
  status: number;
  warm: boolean;
}

interface BenchCase {
  id: string;
  /** Who is alerted of an entry: the case director and the followers. */
  recipients: string[];
  changes: Change[];
  /** A change of this case is under way. */
  busy: boolean;
}

const alertRow = z.object({ id: col.uuid, case_id: col.uuid, user_id: col.uuid });
const outboxCountRow = z.object({ status: col.text, n: col.int });

async function main(): Promise<boolean> {
  const database = await freshDatabase('alerts');
  const { version } = database;
  const load = loadavg().map((x) => x.toFixed(2));
  log(`PostgreSQL ${version}, database ${database.name}; ${cpus().length} cores, load ${load.join(' ')}`);

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

  const server = await startServer(database, ADMIN_EMAIL, { SMTP_URL: `smtp://127.0.0.1:${smtpPort}` });
  const api = server.base;
  log(`server pid ${server.pid} op ${api}, SMTP op 127.0.0.1:${smtpPort}`);

  // Tenant, through the API.
  const setupStart = performance.now();
  const adminCookie = await login(api, ADMIN_EMAIL);
  const partner = (name: string, kind: string) =>
    callAs(partnerSchema, api, 'POST', '/api/v1/partners', adminCookie, { name, kind });
  const gemeente = await partner('Gemeente Meldstad', 'gemeente');
  const wijkteam = await partner('Wijkteam Meldstad', 'wijkteam');
  const user = async (email: string, name: string, partnerId: string, roles: string[]) => {
    const body = { email, name, password: BENCH_PASSWORD, partnerId, roles };
    const u = await callAs(userSchema, api, 'POST', '/api/v1/users', adminCookie, body);
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
  await call(api, 'PUT', '/api/v1/access-matrix', adminCookie, {
    cells: [{ partnerId: wijkteam.id, category: 'basis', access: 'write' }],
  });
  // Every change its own alert and email, at once: the bench ties each change to one alert id and
  // measures the pipeline, not the bundle window (300 s unless a municipality sets it; migration 013).
  const setupDb = await openBenchDb(database);
  await execute(setupDb, 'UPDATE tenants SET alert_bundle_seconds = 0');

  const regCookie = await login(api, regisseur.email);
  const cases: BenchCase[] = [];
  for (let i = 0; i < CASES; i++) {
    const director = nth(directors, i % DIRECTORS);
    const c = await callAs(caseSchema, api, 'POST', '/api/v1/cases', regCookie, {
      type: 'area',
      title: `Meldingenbench ${i}`,
      partnerIds: [wijkteam.id],
      directorUserId: director.id,
    });
    cases.push({ id: c.id, recipients: [director.id], changes: [], busy: false });
  }
  const cookies = new Map<string, string>();
  for (const u of [...directors, ...followers]) cookies.set(u.id, await login(api, u.email));
  const cookieOf = (u: { id: string }) => cookies.get(u.id) ?? '';
  for (const [i, c] of cases.entries()) {
    for (let j = 0; j < FOLLOWERS; j++) {
      const f = nth(followers, (i + j) % FOLLOWER_USERS);
      await call(api, 'POST', `/api/v1/cases/${c.id}/follow`, cookieOf(f), {});
      c.recipients.push(f.id);
    }
  }
  const listeners = [...directors, ...followers].filter((u) =>
    cases.some((c) => c.recipients.includes(u.id)),
  );
  for (const u of listeners) {
    const close = await openStream(
      api,
      cookieOf(u),
      (alert, at) => liveAt.set(alert.id, [...(liveAt.get(alert.id) ?? []), at]),
      () => streamsEnded++,
    );
    onCleanup(`stream ${u.email}`, async () => close());
  }
  const writerCookie = await login(api, writer.email);
  log(
    `opzet in ${secs(setupStart)} s: ${CASES} casussen, ${DIRECTORS} regisseurs, ${FOLLOWERS} volger(s) per casus, ${listeners.length} live streams`,
  );

  // The load: a steady rate, round robin over the cases, never two changes at once in one case.
  const total = Math.round((WARMUP + DURATION) * RATE);
  const changes: Change[] = [];
  const inFlight = new Set<Promise<void>>();
  let next = 0;
  let skipped = 0;
  const post = async (ch: Change, n: number) => {
    try {
      const res = await fetch(`${api}/api/v1/cases/${ch.on.id}/entries`, {
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
  const serverTicks0 = ticksOf(server.pid);
  const benchTicks0 = ticksOf(process.pid);
  const machine0 = machineTicks();
  const loadStart = performance.now();
  const measuredFrom = loadStart + WARMUP * 1000;
  for (let i = 0; i < total; i++) {
    const due = loadStart + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    let k = -1;
    for (let j = 0; j < CASES && k < 0; j++) {
      if (!nth(cases, (next + j) % CASES).busy) k = (next + j) % CASES;
    }
    if (k < 0) {
      skipped++;
      continue;
    }
    next = k + 1;
    const on = nth(cases, k);
    on.busy = true;
    const tReq = performance.now();
    const ch: Change = { on, due, tReq, tResp: Number.NaN, status: -1, warm: due < measuredFrom };
    changes.push(ch);
    on.changes.push(ch);
    const p = post(ch, i).finally(() => {
      on.busy = false;
      inFlight.delete(p);
    });
    inFlight.add(p);
  }
  await Promise.all(inFlight);
  const loadEnd = performance.now();
  const loadS = (loadEnd - loadStart) / 1000;
  const created = changes.filter((c) => c.status === 201);
  const expected = created.reduce((a, c) => a + c.on.recipients.length, 0);
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
    server: pct(ticksOf(server.pid) - serverTicks0),
    bench: pct(ticksOf(process.pid) - benchTicks0),
    machineBusyPct: Math.round(
      ((machine1.busy - machine0.busy) / Math.max(1, machine1.all - machine0.all)) * 100,
    ),
  };

  // Tie alerts to changes: per (case, recipient) the alert rows in order are the changes in order.
  const db = await openBenchDb(database);
  const alerts = await rows(
    db,
    alertRow,
    `SELECT id, case_id, user_id FROM alerts WHERE kind = 'entry_added' ORDER BY case_id, user_id, created_at, id`,
  );
  const outbox = Object.fromEntries(
    (
      await rows(
        db,
        outboxCountRow,
        'SELECT status, count(*)::int AS n FROM email_outbox GROUP BY status ORDER BY status',
      )
    ).map((r) => [r.status, r.n]),
  );
  const caseById = new Map(cases.map((c) => [c.id, c]));
  /** Per case and recipient (`<case id> <user id>`), the alert ids in order. */
  const groups = new Map<string, string[]>();
  for (const r of alerts) {
    const key = `${r.case_id} ${r.user_id}`;
    groups.set(key, [...(groups.get(key) ?? []), r.id]);
  }
  const changeOf = new Map<string, Change>();
  let unexpectedRecipients = 0;
  let orderMismatch = 0;
  for (const [key, ids] of groups) {
    const [caseId = '', userId = ''] = key.split(' ');
    const c = caseById.get(caseId);
    if (!c?.recipients.includes(userId)) {
      unexpectedRecipients += ids.length;
      continue;
    }
    const done = c.changes.filter((ch) => ch.status === 201);
    orderMismatch += Math.abs(done.length - ids.length);
    ids.forEach((id, i) => {
      const ch = done[i];
      if (ch) changeOf.set(id, ch);
    });
  }
  for (const c of cases) {
    const done = c.changes.filter((ch) => ch.status === 201).length;
    for (const u of c.recipients) if (done && !groups.has(`${c.id} ${u}`)) orderMismatch += done;
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
  const never = Number.POSITIVE_INFINITY;
  for (const [id, c] of changeOf) {
    const live = liveAt.get(id);
    const mail = mailAt.get(id);
    if (!live) count.liveLost++;
    else count.liveDup += live.length - 1;
    if (!mail) count.mailLost++;
    else count.mailDup += mail.length - 1;
    if (c.warm) continue;
    const firstLive = live?.[0];
    const firstMail = mail?.[0];
    lat.liveResp.push(firstLive === undefined ? never : firstLive - c.tResp);
    lat.liveReq.push(firstLive === undefined ? never : firstLive - c.tReq);
    lat.smtpResp.push(firstMail === undefined ? never : firstMail - c.tResp);
    lat.smtpReq.push(firstMail === undefined ? never : firstMail - c.tReq);
  }
  const unknownLive = [...liveAt.keys()].filter((id) => !changeOf.has(id)).length;
  const unknownMail = [...mailAt.keys()].filter((id) => !changeOf.has(id)).length;
  const lateStarts = changes.map((c) => c.tReq - c.due);

  const live = dist('live (201 → event: alert)', lat.liveResp);
  const liveFromRequest = dist('live (verzoek → event: alert)', lat.liveReq);
  const smtp = dist('SMTP (201 → DATA ontvangen)', lat.smtpResp);
  const smtpFromRequest = dist('SMTP (verzoek → DATA ontvangen)', lat.smtpReq);
  const rowsOut = [
    dist('POST entries (verzoek → 201)', lat.post),
    live,
    liveFromRequest,
    smtp,
    smtpFromRequest,
  ];
  const errors = changes.length - created.length;
  const complete =
    errors === 0 &&
    skipped === 0 &&
    alerts.length === expected &&
    count.liveLost + count.liveDup + count.mailLost + count.mailDup === 0 &&
    unexpectedRecipients + orderMismatch + unknownLive + unknownMail === 0;
  const targets = [
    {
      what: `live p95 < ${TARGET_LIVE_P95} ms na de 201 (${fmt(live.p95)}; vanaf het verzoek ${fmt(liveFromRequest.p95)})`,
      ok: live.n > 0 && live.p95 < TARGET_LIVE_P95,
    },
    {
      what: `SMTP p95 < ${TARGET_SMTP_P95} ms na de 201 (${fmt(smtp.p95)}; vanaf het verzoek ${fmt(smtpFromRequest.p95)})`,
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
    headline('meldingen-benchmark', version),
    SERVER !== DEFAULT_SERVER ? `LET OP: server ${SERVER}` : '',
    `belasting: ${RATE} wijzigingen/s (POST entries) gedurende ${WARMUP} + ${DURATION} s over ${CASES} casussen; ` +
      `ontvangers per wijziging: casusregisseur + ${FOLLOWERS} volger(s), allen met live stream en e-mail 'immediate'`,
    `wijzigingen: ${changes.length} verstuurd (${measuredChanges} gemeten na ${WARMUP} s opwarmen), ${created.length} × 201, ${errors} fout, ` +
      `${skipped} overgeslagen (casus nog bezig); gehaald ${fmt(changes.length / loadS)}/s; start te laat p99 ${fmt(dist('', lateStarts).p99)} ms`,
    `meldingen: ${alerts.length} in de database (verwacht ${expected}); live ontvangen ${liveAt.size} (niet binnen nawachttijd ${count.liveLost}, dubbel ${count.liveDup}, onbekend ${unknownLive}); ` +
      `e-mails ontvangen ${mailAt.size} (niet binnen nawachttijd ${count.mailLost}, dubbel ${count.mailDup}, onbekend ${unknownMail}, zonder sleutel ${mailsWithoutKey})`,
    `outbox na afloop: ${JSON.stringify(outbox)}; onverwachte ontvangers ${unexpectedRecipients}, niet te koppelen ${orderMismatch}; ` +
      `streams beëindigd ${streamsEnded}; nawachten ${fmt(drainS)} s (max. ${DRAIN} s)`,
    `SMTP-server: smtp-server zonder STARTTLS, ${SMTP_PAUSE === undefined ? 'eigen pauze van 100 ms vóór de begroeting per verbinding' : `pauze vóór de begroeting ${SMTP_PAUSE} ms per verbinding`}`,
    `CPU% van één core tijdens belasting + nawachten: server ${cpu.server}, bench (schrijver, streams, SMTP) ${cpu.bench}; machine bezet ${cpu.machineBusyPct}% van ${cpus().length} cores; load vooraf ${load.join(' ')}`,
    'latentie vanaf de 201 onderschat (de commit ligt ervoor), vanaf het verzoek overschat; negatief = de melding kwam vóór de 201',
    '',
    distTable(rowsOut),
    '',
    ...targetLines(targets),
  ];

  const jsonFile = writeJson('alerts', {
    at: new Date().toISOString(),
    machine: machine(version),
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
    alerts: { inDb: alerts.length, expected, live: liveAt.size, mails: mailAt.size, ...count },
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
  });
  out.push(`JSON: ${jsonFile}`);
  console.log(compact(out).join('\n'));
  return targets.every((x) => x.ok);
}

runBench('Meldingen-benchmark', main);
