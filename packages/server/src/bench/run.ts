/**
 * `npm run bench`: seeds a fresh PostgreSQL database (100k persons, 20k cases with partners,
 * subjects and entries), starts the real server and a bare Fastify app as child processes, and
 * measures them with autocannon one after another (the machine is small: no two loads at once):
 *   - the bare route, GET /api/v1/cases/{id} and GET /api/v1/cases/{id}/entries at 50 connections
 *     (as a professional, visibility filter active, and as a regisseur);
 *   - person search (trigram, typo-tolerant) at 10 connections and sequentially, at 100k persons
 *     and again after growing to 1M.
 * Then it checks the audit chain end to end, prints a table and writes it as JSON to the OS temp
 * dir. The database is dropped at the end, also on failure.
 *
 * Knobs (environment): DATABASE_URL (server URL), BENCH_PERSONS (100000), BENCH_CASES (20000),
 * BENCH_PERSONS_BIG (1000000; 0 skips the second search round), BENCH_DURATION (10 s),
 * BENCH_WARMUP (2 s), BENCH_SERVER (another build's main.js; PGOPTIONS passes on to it),
 * BENCH_ONLY (`alerts`: only the alert latency bench, `import`: only the creditor-import bench, `reads`:
 * only the read benchmark).
 * At the end the alert latency bench (`alerts.ts`, its own knobs there) runs as its own process.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db, Queryable } from '../db/db.js';
import { migrate } from '../db/migrate.js';
import { openPostgres } from '../db/postgres.js';
import { TenantScope } from '../db/scope.js';
import { auditKeyFrom } from '../modules/audit/key.js';
import { searchPersons } from '../modules/subjects/repository.js';
import { parsePersonQuery } from '../modules/subjects/use-cases.js';
import { type LoadResult, measure, percentile } from './load.js';
import {
  BENCH_AUDIT_KEY,
  benchAuditEnv,
  cleanup,
  connectAdmin,
  freePort,
  log,
  memoryOf,
  onCleanup,
  secs,
  startChild,
  ticksOf,
  waitFor,
} from './proc.js';

interface CpuShare {
  server: number;
  postgres: number;
  bench: number;
  rest: number;
  unattributed: number;
}
type Measured = LoadResult & { cpu: CpuShare };

import { prng, type SearchQuery, searchQueries } from './names.js';
import {
  BENCH_PASSWORD,
  type BenchUser,
  insertCases,
  insertPersons,
  type SeedBase,
  searchSamples,
  seedOrganisation,
  tableCounts,
  visibleCaseIds,
} from './seed.js';

const num = (name: string, fallback: number) => {
  const v = process.env[name];
  return v === undefined || v === '' ? fallback : Number(v);
};
const PERSONS = num('BENCH_PERSONS', 100_000);
const CASES = num('BENCH_CASES', 20_000);
const PERSONS_BIG = num('BENCH_PERSONS_BIG', 1_000_000);
const DURATION = num('BENCH_DURATION', 10);
const WARMUP = num('BENCH_WARMUP', 2);
const DIST = fileURLToPath(new URL('../', import.meta.url));
/** Another build of the server to measure (e.g. a branch); the default is this one. */
const SERVER = process.env.BENCH_SERVER || join(DIST, 'main.js');
const CASE_CONNECTIONS = 50;
const SEARCH_CONNECTIONS = 10;
const TARGET_RATIO = 0.15;
const TARGET_CASE_P99 = 50;
const TARGET_SEARCH_P95 = 100;

interface CpuSnapshot {
  at: number;
  busy: number;
  /** pid → [ticks, is a PostgreSQL process] */
  procs: Map<string, [number, boolean]>;
}

/**
 * Who used the CPU during a measured run, in % of one core: the server under test, PostgreSQL
 * (all its processes), this process (autocannon), other processes (`rest`: other work on the
 * machine) and time no process accounts for (softirq of the loopback traffic, processes that
 * ended). Per process the difference over the run; a process that ended during it is lost.
 */
function cpuMeter(serverPid: number) {
  const snap = (): CpuSnapshot => {
    const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const all = cpu.reduce((a, b) => a + b, 0);
    const idle = (cpu[3] ?? 0) + (cpu[4] ?? 0);
    const procs = new Map<string, [number, boolean]>();
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      try {
        const isPg = readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres';
        procs.set(pid, [ticksOf(pid), isPg]);
      } catch {
        // gone meanwhile
      }
    }
    return { at: performance.now(), busy: all - idle, procs };
  };
  let start = snap();
  return {
    start: () => {
      start = snap();
    },
    stop: (): CpuShare => {
      const end = snap();
      const used = (pid: string) => (end.procs.get(pid)?.[0] ?? 0) - (start.procs.get(pid)?.[0] ?? 0);
      let processes = 0;
      let postgres = 0;
      for (const [pid, [, isPg]] of end.procs) {
        const d = used(pid);
        processes += d;
        if (isPg) postgres += d;
      }
      const server = used(String(serverPid));
      const bench = used(String(process.pid));
      const ticks = ((end.at - start.at) / 1000) * 100;
      const pct = (x: number) => Math.round((x / ticks) * 100);
      return {
        server: pct(server),
        postgres: pct(postgres),
        bench: pct(bench),
        rest: pct(processes - server - bench - postgres),
        unattributed: pct(end.busy - start.busy - processes),
      };
    },
  };
}

// Database -----------------------------------------------------------------------------------------

/** Runs each statement under EXPLAIN ANALYZE and keeps the plans; answers no rows. */
class Explainer implements Queryable {
  readonly plans: string[] = [];
  constructor(private readonly db: Queryable) {}
  get auditKey() {
    return this.db.auditKey;
  }
  async query<T extends object = Record<string, unknown>>(sql: string, params?: readonly unknown[]) {
    const rows = await this.db.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
    this.plans.push(rows.map((r) => r['QUERY PLAN']).join('\n'));
    return [] as T[];
  }
}

// HTTP ---------------------------------------------------------------------------------------------

async function login(base: string, user: BenchUser): Promise<string> {
  const res = await fetch(`${base}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: user.email, password: BENCH_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${user.email}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('wijkregie_session='));
  if (!cookie) throw new Error('login gave no session cookie');
  return cookie.split(';')[0]!;
}

async function getJson<T>(base: string, path: string, cookie: string): Promise<T> {
  const res = await fetch(base + path, { headers: { cookie } });
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

const searchPath = (q: string) => `/api/v1/persons?q=${encodeURIComponent(q)}`;

/** Every query once, sequentially, timed on the client: which kinds are slow. */
async function searchByKind(base: string, cookie: string, queries: SearchQuery[]) {
  const times: { q: SearchQuery; ms: number; total: number }[] = [];
  for (const q of queries) {
    const start = performance.now();
    const body = await getJson<{ total: number }>(base, searchPath(q.q), cookie);
    times.push({ q, ms: performance.now() - start, total: body.total });
  }
  const kinds = [...new Set(queries.map((q) => q.kind))];
  const byKind = Object.fromEntries(
    kinds.map((k) => {
      const ms = Float64Array.from(times.filter((t) => t.q.kind === k).map((t) => t.ms)).sort();
      const hits = times.filter((t) => t.q.kind === k).map((t) => t.total);
      return [
        k,
        {
          n: ms.length,
          p50: Math.round(percentile(ms, 50)),
          max: Math.round(ms[ms.length - 1] ?? 0),
          medianHits: hits.sort((a, b) => a - b)[Math.floor(hits.length / 2)] ?? 0,
        },
      ];
    }),
  );
  const slowest = times.reduce((a, b) => (b.ms > a.ms ? b : a));
  return { byKind, slowest: { ...slowest.q, ms: Math.round(slowest.ms), total: slowest.total } };
}

// Report -------------------------------------------------------------------------------------------

const fmt = (x: number, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : '-');

function table(rows: Measured[]): string {
  const head = [
    'meting',
    'conn',
    'req/s',
    'p50',
    'p95',
    'p97.5',
    'p99',
    'max',
    'fout',
    'non2xx',
    'CPU% srv/pg/ac/rest/k',
  ];
  const body = rows.map((r) => [
    r.name,
    String(r.connections),
    fmt(r.rps, 0),
    fmt(r.p50),
    fmt(r.p95),
    fmt(r.p97_5),
    fmt(r.p99),
    fmt(r.max, 0),
    String(r.errors + r.timeouts),
    String(r.non2xx),
    `${r.cpu.server}/${r.cpu.postgres}/${r.cpu.bench}/${r.cpu.rest}/${r.cpu.unattributed}`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

// Main ---------------------------------------------------------------------------------------------

async function main() {
  const adminUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '_').slice(0, 15);
  const dbName = `wijkregie_bench_${Date.now()}`;
  const work = mkdtempSync(join(tmpdir(), 'wijkregie-bench-'));
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
  log(`PostgreSQL ${version}, database ${dbName}; ${cpus().length} cores, Node ${process.version}`);

  // One connection: setseed holds for all seeding statements.
  const db: Db = openPostgres(dbUrl, auditKeyFrom(BENCH_AUDIT_KEY), 1);
  onCleanup('pool', () => db.close());
  await migrate(db);

  const seedStart = performance.now();
  const base: SeedBase = await seedOrganisation(db);
  let t = performance.now();
  await insertPersons(db, base, PERSONS);
  const personsS = secs(t);
  log(`${PERSONS} personen in ${personsS} s`);
  t = performance.now();
  await insertCases(db, base, CASES);
  const casesS = secs(t);
  log(`${CASES} casussen met partners, betrokkenen en notities in ${casesS} s`);
  t = performance.now();
  await db.query('VACUUM ANALYZE');
  const analyzeS = secs(t);
  const seedS = secs(seedStart);
  const counts = await tableCounts(db);
  log(`seed klaar in ${seedS} s (VACUUM ANALYZE ${analyzeS} s): ${JSON.stringify(counts)}`);

  const profCases = await visibleCaseIds(db, base, base.professional);
  const regCases = await visibleCaseIds(db, base, base.regisseur);
  const queries = searchQueries(await searchSamples(db, base.professional, 25));

  // Servers
  const port = await freePort();
  const server = startChild(
    SERVER,
    {
      ...process.env,
      ...benchAuditEnv(work),
      DATABASE_URL: dbUrl,
      PORT: String(port),
      WIJKREGIE_DEMO: '0',
      WIJKREGIE_ADMIN_EMAIL: 'beheer-eerste@bench.example',
      WIJKREGIE_ADMIN_PASSWORD: BENCH_PASSWORD,
      WIJKREGIE_PUBLIC_URL: `http://127.0.0.1:${port}`,
    },
    join(work, 'server.log'),
  );
  const api = `http://127.0.0.1:${port}`;
  await waitFor(server, `${api}/health`);
  const barePort = await freePort();
  const bare = startChild(
    join(DIST, 'bench', 'bare-server.js'),
    { ...process.env, PORT: String(barePort) },
    join(work, 'bare.log'),
  );
  const bareUrl = `http://127.0.0.1:${barePort}`;
  await waitFor(bare, `${bareUrl}/`);
  log(`server pid ${server.proc.pid} op ${api}, kale Fastify pid ${bare.proc.pid} op ${bareUrl}`);

  const profCookie = await login(api, base.professional);
  const regCookie = await login(api, base.regisseur);
  // Sanity: the measured paths answer 200 before we put load on them.
  const sample = profCases[0]!;
  const entries = await getJson<{ items: { category: string }[] }>(
    api,
    `/api/v1/cases/${sample}/entries`,
    profCookie,
  );
  await getJson(api, `/api/v1/cases/${sample}`, profCookie);
  await getJson(api, searchPath('Jansen'), profCookie);
  const sanityCaseReads = 1;
  log(
    `professional ziet ${profCases.length} van ${regCases.length} casussen; voorbeeldjournaal: ${entries.items.length} leesbare notities`,
  );

  const results: Measured[] = [];
  const run = async (
    spec: Omit<Parameters<typeof measure>[0], 'durationS' | 'warmupS' | 'beforeMeasured'>,
    pid = server.proc.pid!,
  ): Promise<Measured> => {
    const meter = cpuMeter(pid);
    const r = await measure({ ...spec, durationS: DURATION, warmupS: WARMUP, beforeMeasured: meter.start });
    const cpu = meter.stop();
    results.push({ ...r, cpu });
    log(
      `${r.name}: ${fmt(r.rps, 0)} req/s, p50 ${fmt(r.p50)} ms, p95 ${fmt(r.p95)} ms, p99 ${fmt(r.p99)} ms, fouten ${r.errors}, non-2xx ${r.non2xx}, CPU% srv/pg/ac/rest/k ${cpu.server}/${cpu.postgres}/${cpu.bench}/${cpu.rest}/${cpu.unattributed}`,
    );
    return results.at(-1)!;
  };
  const randomOf = (ids: string[], seed: number) => {
    const rnd = prng(seed);
    return () => ids[Math.floor(rnd() * ids.length)]!;
  };
  const roundRobin = (qs: SearchQuery[]) => {
    let i = 0;
    return () => searchPath(qs[i++ % qs.length]!.q);
  };

  const loadStart = performance.now();
  const bareRun = await run(
    {
      name: 'kale Fastify GET /',
      url: bareUrl,
      connections: CASE_CONNECTIONS,
      nextPath: () => '/',
    },
    bare.proc.pid!,
  );
  const caseRuns: Measured[] = [];
  for (const [who, cookie, ids, seed] of [
    ['professional', profCookie, profCases, 1],
    ['regisseur', regCookie, regCases, 2],
  ] as const) {
    const pickId = randomOf(ids, seed);
    caseRuns.push(
      await run({
        name: `GET case (${who})`,
        url: api,
        connections: CASE_CONNECTIONS,
        headers: { cookie },
        nextPath: () => `/api/v1/cases/${pickId()}`,
      }),
    );
  }
  const entriesRuns: Measured[] = [];
  for (const [who, cookie, ids, seed] of [
    ['professional', profCookie, profCases, 3],
    ['regisseur', regCookie, regCases, 4],
  ] as const) {
    const pickId = randomOf(ids, seed);
    entriesRuns.push(
      await run({
        name: `GET entries (${who})`,
        url: api,
        connections: CASE_CONNECTIONS,
        headers: { cookie },
        nextPath: () => `/api/v1/cases/${pickId()}/entries`,
      }),
    );
  }

  const searchRound = async (label: string) => {
    const runs: Measured[] = [];
    for (const [who, cookie] of [
      ['professional', profCookie],
      ['regisseur', regCookie],
    ] as const) {
      for (const connections of [SEARCH_CONNECTIONS, 1]) {
        runs.push(
          await run({
            name: `zoek personen @${label} (${who}${connections === 1 ? ', sequentieel' : ''})`,
            url: api,
            connections,
            headers: { cookie },
            nextPath: roundRobin(queries),
          }),
        );
      }
    }
    const kinds = await searchByKind(api, profCookie, queries);
    log(
      `@${label} per soort (professional, sequentieel, ms p50/max, mediaan treffers): ${Object.entries(
        kinds.byKind,
      )
        .map(([k, v]) => `${k} ${v.p50}/${v.max} (${v.medianHits})`)
        .join(', ')}`,
    );
    return { runs, kinds };
  };
  const small = await searchRound(`${PERSONS / 1000}k`);

  let big: Awaited<ReturnType<typeof searchRound>> | undefined;
  let growS: number | undefined;
  let explain: { query: SearchQuery & { ms: number; total: number }; plan: string } | undefined;
  if (PERSONS_BIG > PERSONS) {
    t = performance.now();
    const chunk = 150_000;
    for (let done = PERSONS; done < PERSONS_BIG; done += chunk) {
      await insertPersons(db, base, Math.min(chunk, PERSONS_BIG - done));
      log(`  personen: ${Math.min(done + chunk, PERSONS_BIG)}`);
    }
    const insertS = secs(t);
    await db.query('VACUUM ANALYZE persons');
    growS = secs(t);
    log(`gegroeid naar ${PERSONS_BIG} personen: insert ${insertS} s, met VACUUM ANALYZE ${growS} s`);
    big = await searchRound(`${PERSONS_BIG / 1_000_000}M`);

    // The plan of the slowest query, exactly as the server builds it (same repository function).
    const slow = big.kinds.slowest;
    const explainer = new Explainer(db);
    await searchPersons(
      new TenantScope(explainer, base.tenantId),
      { userId: base.professional.id, partnerId: base.professional.partnerId, regisseur: false },
      parsePersonQuery(slow.q),
      { limit: 50, offset: 0 },
    );
    explain = { query: slow, plan: explainer.plans.join('\n---\n') };
  }
  const loadS = secs(loadStart);

  // Audit: the chain must hold after all this, and no read may have gone unrecorded.
  const verifyStart = performance.now();
  const verify = await getJson<{ valid: boolean; count: number }>(api, '/api/v1/audit/verify', regCookie);
  const verifyS = secs(verifyStart);
  const [auditCounts] = await db.query<{ case_reads: number; total: number; head: number }>(
    `SELECT count(*) FILTER (WHERE action = 'read' AND object_type = 'case' AND details IS NULL)::int AS case_reads,
            count(*)::int AS total, (SELECT max(seq) FROM audit_heads)::int AS head FROM audit_log`,
  );
  const answeredCaseReads = caseRuns.reduce((a, r) => a + r.ok2xxIncludingWarmup, 0) + sanityCaseReads;
  const memory = memoryOf(server.proc.pid);
  const bareMemory = memoryOf(bare.proc.pid);

  // Targets
  const targets = [
    ...[...caseRuns, ...entriesRuns].map((r) => {
      const ratio = r.rps / bareRun.rps;
      return {
        what: `${r.name}: ≥ ${TARGET_RATIO * 100}% van kaal (${fmt(ratio * 100)}%) en p99 < ${TARGET_CASE_P99} ms (${fmt(r.p99)})`,
        ok: ratio >= TARGET_RATIO && r.p99 < TARGET_CASE_P99 && r.non2xx === 0 && r.errors === 0,
      };
    }),
    ...(big?.runs ?? small.runs).map((r) => ({
      what: `${r.name}: p95 < ${TARGET_SEARCH_P95} ms (${fmt(r.p95)})`,
      ok: r.p95 < TARGET_SEARCH_P95 && r.non2xx === 0 && r.errors === 0,
    })),
    {
      what: `auditketen intact (${verify.count} records, ${verifyS} s) en elke beantwoorde casus-read gelogd (${auditCounts!.case_reads} ≥ ${answeredCaseReads})`,
      ok: verify.valid && verify.count === auditCounts!.total && auditCounts!.case_reads >= answeredCaseReads,
    },
  ];

  const totalS = secs();
  const out = [
    '',
    `Wijkregie benchmark — ${new Date().toISOString()}, ${cpus().length} cores, Node ${process.version}, PostgreSQL ${version}`,
    `seed: ${counts.persons} personen (${personsS} s), ${counts.cases} casussen / ${counts.case_partners} partners / ${counts.case_subjects} betrokkenen / ${counts.entries} notities (${casesS} s), VACUUM ANALYZE ${analyzeS} s; totaal ${seedS} s`,
    growS === undefined ? '' : `groei naar ${PERSONS_BIG} personen: ${growS} s`,
    SERVER !== join(DIST, 'main.js') || process.env.PGOPTIONS
      ? `LET OP: server ${SERVER}${process.env.PGOPTIONS ? `, PGOPTIONS=${process.env.PGOPTIONS}` : ''}`
      : '',
    `metingen: ${DURATION} s per regel na ${WARMUP} s opwarmen; latenties in ms; case-ids willekeurig uit ${profCases.length} (professional) / ${regCases.length} (regisseur) zichtbare`,
    'CPU%: aandeel van één core tijdens de meting voor de geteste server (srv), PostgreSQL (pg), autocannon (ac), andere processen (rest) en kernel/ongeteld (k)',
    '',
    table(results),
    '',
    ...targets.map((x) => `${x.ok ? 'OK    ' : 'MISSER'} ${x.what}`),
    '',
    `auditlog: ${auditCounts!.total} records, head seq ${auditCounts!.head}, verify: valid=${verify.valid} count=${verify.count}`,
    `server piek-RSS (VmHWM): ${memory?.peakMiB ?? '?'} MiB (nu ${memory?.rssMiB ?? '?'} MiB); kale Fastify: ${bareMemory?.peakMiB ?? '?'} MiB`,
    explain
      ? `traagste zoekvraag @${PERSONS_BIG / 1_000_000}M: "${explain.query.q}" (${explain.query.kind}) ${explain.query.ms} ms, ${explain.query.total} treffers; plan in JSON`
      : '',
    `totale duur: ${totalS} s (seed ${seedS} s, metingen ${loadS} s)`,
  ].filter((l, i, a) => l !== '' || a[i - 1] !== '');

  const jsonFile = join(tmpdir(), `wijkregie-bench-${stamp}.json`);
  writeFileSync(
    jsonFile,
    `${JSON.stringify(
      {
        at: new Date().toISOString(),
        machine: { cores: cpus().length, cpu: cpus()[0]?.model, node: process.version, postgres: version },
        settings: {
          PERSONS,
          CASES,
          PERSONS_BIG,
          DURATION,
          WARMUP,
          CASE_CONNECTIONS,
          SEARCH_CONNECTIONS,
          server: SERVER,
          pgoptions: process.env.PGOPTIONS ?? null,
        },
        seed: { counts, personsS, casesS, analyzeS, seedS, growS },
        visibleCases: { professional: profCases.length, regisseur: regCases.length },
        results,
        searchByKind: { small: small.kinds, big: big?.kinds },
        explain,
        audit: { verify, ...auditCounts, answeredCaseReads, verifyS },
        memory: { server: memory, bare: bareMemory },
        targets,
        totalS,
      },
      null,
      2,
    )}\n`,
  );
  out.push(`JSON: ${jsonFile}`);
  console.log(out.join('\n'));
  if (explain && targets.some((x) => !x.ok)) {
    // The telling lines only; the whole plan is in the JSON file.
    const telling =
      /^\s*(->\s+)?(Limit|Sort|WindowAgg|Bitmap Heap Scan|Bitmap Index Scan|BitmapOr)\b|Rows Removed|JIT:|Timing:|Execution Time/;
    console.log(`\nEXPLAIN (ANALYZE, BUFFERS) als professional, "${explain.query.q}" (ingekort):`);
    console.log(
      explain.plan
        .split('\n')
        .filter((l) => telling.test(l))
        .map((l) => (l.length > 150 ? `${l.slice(0, 147)}...` : l))
        .join('\n'),
    );
  }
  return targets.every((x) => x.ok);
}

/**
 * Then the alert latency bench and the creditor-import bench, each as its own process after this
 * one's clean-up; the worst exit code wins.
 */
function exitAfterAlerts(code: number): never {
  const only = process.env.BENCH_ONLY;
  for (const [name, script] of [
    ['alerts', 'alerts.js'],
    ['import', 'import.js'],
  ] as const) {
    if (only === 'reads' || (only && only !== name)) continue;
    const run = spawnSync(process.execPath, [join(DIST, 'bench', script)], { stdio: 'inherit' });
    code = Math.max(code, run.status ?? 2);
  }
  process.exit(code);
}

(process.env.BENCH_ONLY === 'alerts' || process.env.BENCH_ONLY === 'import' ? Promise.resolve(true) : main())
  .then(async (ok) => {
    await cleanup();
    exitAfterAlerts(ok ? 0 : 1);
  })
  .catch(async (err: unknown) => {
    console.error('\nBenchmark mislukt:', err instanceof Error ? (err.stack ?? err.message) : err);
    await cleanup();
    exitAfterAlerts(2);
  });
