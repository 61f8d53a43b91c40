/**
 * `npm run bench`: seeds a fresh PostgreSQL database (100k persons, 20k cases with partners,
 * subjects, entries, actions and plans; signals, meetings, locations; 15 buurten with incidents), starts the
 * real server and a bare Fastify app as child processes, and measures them with autocannon one after another
 * (the machine is small: no two loads at once):
 *   - the bare route, GET /api/v1/cases/{id}, GET /api/v1/cases/{id}/entries, the case list (one of its
 *     first ten pages), the signal inbox, the action list and the meeting list (one of their first five pages),
 *     a case's plan, the start page (GET /overview) and a wijk's picture at 50 connections (as a
 *     professional, visibility filter active, and as a regisseur);
 *   - person search (trigram, typo-tolerant) at 10 connections and sequentially, at 100k persons
 *     and again after growing to 1M;
 *   - the case, its journal and the case list again after growing to 200k cases.
 * Then it checks the audit chain end to end, prints a table and writes it as JSON to the OS temp
 * dir. The database is dropped at the end, also on failure (not with BENCH_KEEP_DB).
 *
 * Knobs (environment): DATABASE_URL (server URL), BENCH_PERSONS (100000), BENCH_CASES (20000), BENCH_SIGNALS (20000),
 * BENCH_PERSONS_BIG (1000000; 0 skips the second search round), BENCH_DURATION (10 s),
 * BENCH_WARMUP (2 s), BENCH_SERVER (another build's main.js; PGOPTIONS passes on to it), BENCH_DB_SETTINGS (the database's
 * defaults, "plan_cache_mode=force_generic_plan;…"), BENCH_CASES_BIG (200000; 0 skips the growth of the cases),
 * BENCH_INCIDENTS (100000),
 * BENCH_ONLY (`alerts`: only the alert latency bench, `import`: only the creditor-import bench, `search`:
 * only the header-search bench, `plans`: only the plan-of-approach bench, `picture`: only the
 * neighbourhood-picture bench, `webhooks`: only the webhook-delivery bench, `survey`: only the survey-response
 * bench, `retention`: only the retention bench, `reads`: only the read benchmark).
 * At the end the alert latency bench (`alerts.ts`), the creditor-import bench (`import.ts`), the
 * header-search bench (`search.ts`), the plan-of-approach bench (`plans.ts`) and the neighbourhood-picture
 * bench (`picture.ts`) run, each as its own
 * process with its own knobs.
 */
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { join } from 'node:path';
import type { Queryable } from '@wijkregie/server/dist/db/db.js';
import { migrate } from '@wijkregie/server/dist/db/migrate.js';
import { col, execute, oneRow, rows } from '@wijkregie/server/dist/db/rows.js';
import { TenantScope } from '@wijkregie/server/dist/db/scope.js';
import { parsePersonQuery } from '@wijkregie/server/dist/modules/subjects/person-query.js';
import { searchPersons } from '@wijkregie/server/dist/modules/subjects/repository.js';
import { caseDetailSchema, collection, entrySchema, personSchema } from '@wijkregie/shared';
import { z } from 'zod';
import {
  benchScript,
  call,
  callAs,
  DEFAULT_SERVER,
  freshDatabase,
  login,
  num,
  openBenchDb,
  pidOf,
  runBench,
  SERVER,
  startServer,
} from './harness.js';
import { type LoadResult, measure, percentile } from './load.js';
import { nth, pick, prng, type SearchQuery, searchQueries } from './names.js';
import { type CpuShare, cpuMeter, freePort, log, memoryOf, secs, startChild, waitFor } from './proc.js';
import { compact, fmt, headline, machine, table, targetLines, writeJson } from './report.js';
import {
  insertActions,
  insertCases,
  insertCity,
  insertIncidents,
  insertOthers,
  insertPersons,
  insertPlanData,
  placeInBuurten,
  type SeedBase,
  searchSamples,
  seedOrganisation,
  tableCounts,
  visibleCaseIds,
} from './seed.js';

type Measured = LoadResult & { cpu: CpuShare };

const PERSONS = num('BENCH_PERSONS', 100_000);
const CASES = num('BENCH_CASES', 20_000);
const SIGNALS = num('BENCH_SIGNALS', 20_000);
const PERSONS_BIG = num('BENCH_PERSONS_BIG', 1_000_000);
const CASES_BIG = num('BENCH_CASES_BIG', 200_000);
const INCIDENTS = num('BENCH_INCIDENTS', 100_000);
const DURATION = num('BENCH_DURATION', 10);
const WARMUP = num('BENCH_WARMUP', 2);
const CASE_CONNECTIONS = 50;
const SEARCH_CONNECTIONS = 10;
const TARGET_RATIO = 0.15;
const TARGET_ENTRIES_RATIO = 0.1;
const TARGET_LIST_RATIO = 0.08;
const TARGET_CASE_P99 = 50;
const TARGET_SEARCH_P95 = 100;
/** The share of the throughput at BENCH_CASES that must remain at BENCH_CASES_BIG. */
const GROWTH_ID_READ = 0.85;
const GROWTH_LIST = 0.8;

/** Each grown run against the same row before growth: at least `keep` of its throughput. */
const growthTargets = (before: Measured[], after: Measured[], keep: number) =>
  after.map((r, i) => {
    const was = before[i]?.rps ?? 0;
    const share = was > 0 ? r.rps / was : 0;
    return {
      what: `${r.name}: ≥ ${keep * 100}% van de req/s bij ${CASES / 1000}k casussen (${fmt(share * 100)}%)`,
      ok: share >= keep && r.non2xx === 0 && r.errors === 0,
    };
  });

// Database -----------------------------------------------------------------------------------------

const planRow = z.object({ 'QUERY PLAN': col.text });

/** Runs each statement under EXPLAIN ANALYZE and keeps the plans; answers no rows. */
class Explainer implements Queryable {
  readonly plans: string[] = [];
  constructor(private readonly db: Queryable) {}
  get auditKey() {
    return this.db.auditKey;
  }
  async query(sql: string, params?: readonly unknown[]): Promise<unknown[]> {
    const plan = await rows(this.db, planRow, `EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
    this.plans.push(plan.map((r) => r['QUERY PLAN']).join('\n'));
    return [];
  }
}

const auditCountsRow = z.object({ case_reads: col.int, total: col.int, head: col.int.nullable() });
/** The answer of GET /audit/verify, as far as the bench reads it. */
const verifyAnswer = z.object({ valid: z.boolean(), count: z.number() });
const personPage = collection(personSchema);

// HTTP ---------------------------------------------------------------------------------------------

const searchPath = (q: string) => `/api/v1/persons?q=${encodeURIComponent(q)}`;

/** Every query once, sequentially, timed on the client: which kinds are slow. */
async function searchByKind(base: string, cookie: string, queries: SearchQuery[]) {
  const times: { q: SearchQuery; ms: number; total: number }[] = [];
  for (const q of queries) {
    const start = performance.now();
    const answer = await call(base, 'GET', searchPath(q.q), cookie);
    const ms = performance.now() - start;
    times.push({ q, ms, total: personPage.parse(answer).total });
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

function resultTable(rows: Measured[], bareRps: number): string {
  const head = [
    'meting',
    'conn',
    'req/s',
    '% kaal',
    'p50',
    'p95',
    'p97.5',
    'p99',
    'max',
    'fout',
    'non2xx',
    'CPU% srv/pg/ac/rest/k',
    'pg µs/req',
  ];
  const body = rows.map((r) => [
    r.name,
    String(r.connections),
    fmt(r.rps, 0),
    fmt((100 * r.rps) / bareRps),
    fmt(r.p50),
    fmt(r.p95),
    fmt(r.p97_5),
    fmt(r.p99),
    fmt(r.max, 0),
    String(r.errors + r.timeouts),
    String(r.non2xx),
    cpuText(r.cpu),
    // The database's CPU per answered request: its share of one core over the requests per second.
    r.rps > 0 ? fmt((r.cpu.postgres / 100) * (1e6 / r.rps), 0) : '-',
  ]);
  return table(head, body);
}

const cpuText = (c: CpuShare) => `${c.server}/${c.postgres}/${c.bench}/${c.rest}/${c.unattributed}`;

// Main ---------------------------------------------------------------------------------------------

async function main() {
  const database = await freshDatabase('', process.env.BENCH_DB_SETTINGS ?? '');
  const { version } = database;
  log(`PostgreSQL ${version}, database ${database.name}; ${cpus().length} cores, Node ${process.version}`);

  // One connection: setseed holds for all seeding statements.
  const db = await openBenchDb(database, 1);
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
  await insertOthers(db, base, SIGNALS);
  await insertActions(db, base);
  const city = await insertCity(db, base);
  await insertIncidents(db, base, city.buurten, INCIDENTS);
  await placeInBuurten(db, base, city.buurten);
  await insertPlanData(db, base);
  const othersS = secs(t);
  log(
    `${SIGNALS} signalen, 2000 overleggen, 2000 locaties, de acties, ${INCIDENTS} incidenten in 15 buurten en de plannen van de persoonscasussen in ${othersS} s`,
  );
  t = performance.now();
  await execute(db, 'VACUUM ANALYZE');
  const analyzeS = secs(t);
  const seedS = secs(seedStart);
  const counts = await tableCounts(db);
  log(`seed klaar in ${seedS} s (VACUUM ANALYZE ${analyzeS} s): ${JSON.stringify(counts)}`);

  let profCases = await visibleCaseIds(db, base, base.professional);
  let regCases = await visibleCaseIds(db, base, base.regisseur);
  const queries = searchQueries(await searchSamples(db, base.professional, 25));

  // Servers
  const server = await startServer(database, 'beheer-eerste@bench.example');
  const api = server.base;
  const barePort = await freePort();
  const bare = startChild(
    benchScript('bare-server.js'),
    { ...process.env, PORT: String(barePort) },
    join(database.work, 'bare.log'),
  );
  const bareUrl = `http://127.0.0.1:${barePort}`;
  await waitFor(bare, `${bareUrl}/`);
  log(`server pid ${server.pid} op ${api}, kale Fastify pid ${bare.proc.pid} op ${bareUrl}`);

  const profCookie = await login(api, base.professional.email);
  const regCookie = await login(api, base.regisseur.email);
  // Sanity: the measured paths answer 200 before we put load on them.
  const sample = profCases[0];
  if (!sample) throw new Error('the professional sees no case');
  const entries = await callAs(
    collection(entrySchema),
    api,
    'GET',
    `/api/v1/cases/${sample}/entries`,
    profCookie,
  );
  await callAs(caseDetailSchema, api, 'GET', `/api/v1/cases/${sample}`, profCookie);
  await callAs(personPage, api, 'GET', searchPath('Jansen'), profCookie);
  const sanityCaseReads = 1;
  log(
    `professional ziet ${profCases.length} van ${regCases.length} casussen; voorbeeldjournaal: ${entries.items.length} leesbare notities`,
  );

  const results: Measured[] = [];
  const run = async (
    spec: Omit<Parameters<typeof measure>[0], 'durationS' | 'warmupS' | 'beforeMeasured'>,
    pid = server.pid,
  ): Promise<Measured> => {
    const meter = cpuMeter(pid);
    const r = await measure({ ...spec, durationS: DURATION, warmupS: WARMUP, beforeMeasured: meter.start });
    const measured = { ...r, cpu: meter.stop() };
    results.push(measured);
    log(
      `${r.name}: ${fmt(r.rps, 0)} req/s, p50 ${fmt(r.p50)} ms, p95 ${fmt(r.p95)} ms, p99 ${fmt(r.p99)} ms, fouten ${r.errors}, non-2xx ${r.non2xx}, CPU% srv/pg/ac/rest/k ${cpuText(measured.cpu)}`,
    );
    return measured;
  };
  /** One run per user at CASE_CONNECTIONS, each GET a random case id they may see (seeded per run). */
  const caseReads = async (
    what: string,
    pathOf: (id: string, rnd: () => number) => string,
    seeds: [number, number],
  ) => {
    const runs: Measured[] = [];
    for (const [who, cookie, ids, seed] of [
      ['professional', profCookie, profCases, seeds[0]],
      ['regisseur', regCookie, regCases, seeds[1]],
    ] as const) {
      const rnd = prng(seed);
      runs.push(
        await run({
          name: `GET ${what} (${who})`,
          url: api,
          connections: CASE_CONNECTIONS,
          headers: { cookie },
          nextPath: () => pathOf(pick(rnd, ids), rnd),
        }),
      );
    }
    return runs;
  };
  const roundRobin = (qs: SearchQuery[]) => {
    let i = 0;
    return () => searchPath(nth(qs, i++ % qs.length).q);
  };

  const loadStart = performance.now();
  const bareRun = await run(
    {
      name: 'kale Fastify GET /',
      url: bareUrl,
      connections: CASE_CONNECTIONS,
      nextPath: () => '/',
    },
    pidOf(bare),
  );
  const caseRuns = await caseReads('case', (id) => `/api/v1/cases/${id}`, [1, 2]);
  const entriesRuns = await caseReads('entries', (id) => `/api/v1/cases/${id}/entries`, [3, 4]);
  // The case list as people page it: one of the first ten pages of 50, most recently changed first.
  const listRuns = await caseReads(
    'cases (lijst)',
    (_id, rnd) => `/api/v1/cases?limit=50&offset=${50 * Math.floor(rnd() * 10)}`,
    [5, 6],
  );
  // The other lists of the daily work, each on one of its first five pages of 50.
  const otherListRuns: Measured[] = [];
  for (const [what, path] of [
    ['signals (inbox)', '/api/v1/signals'],
    ['actions (lijst)', '/api/v1/actions'],
    ['meetings (lijst)', '/api/v1/meetings'],
  ] as const)
    otherListRuns.push(
      ...(await caseReads(
        what,
        (_id, rnd) => `${path}?limit=50&offset=${50 * Math.floor(rnd() * 5)}`,
        [7, 8],
      )),
    );

  // The pages of issues 12–15: a case's plan, the start page, and a wijk's picture over twelve months.
  const planRuns = await caseReads('plan', (id) => `/api/v1/cases/${id}/plan`, [9, 10]);
  const pageRuns = [
    ...(await caseReads('overview (startpagina)', () => '/api/v1/overview', [11, 12])),
    ...(await caseReads(
      'areas/{wijk}/picture',
      (_id, rnd) => `/api/v1/areas/${pick(rnd, city.wijken)}/picture`,
      [13, 14],
    )),
  ];

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
    await execute(db, 'VACUUM ANALYZE persons');
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
  // Growth of the cases: the same reads at CASES_BIG cases (the id reads should not grow, lists at most logarithmically).
  let grownRuns: { case: Measured[]; entries: Measured[]; list: Measured[] } | undefined;
  let growCasesS: number | undefined;
  if (CASES_BIG > CASES) {
    t = performance.now();
    const chunk = 60_000;
    for (let done = CASES; done < CASES_BIG; done += chunk) {
      await insertCases(db, base, Math.min(chunk, CASES_BIG - done));
      log(`  casussen: ${Math.min(done + chunk, CASES_BIG)}`);
    }
    await execute(db, 'VACUUM ANALYZE');
    growCasesS = secs(t);
    log(`gegroeid naar ${CASES_BIG} casussen in ${growCasesS} s (met VACUUM ANALYZE)`);
    profCases = await visibleCaseIds(db, base, base.professional);
    regCases = await visibleCaseIds(db, base, base.regisseur);
    const at = `@${CASES_BIG / 1000}k`;
    grownRuns = {
      case: await caseReads(`case ${at}`, (id) => `/api/v1/cases/${id}`, [21, 22]),
      entries: await caseReads(`entries ${at}`, (id) => `/api/v1/cases/${id}/entries`, [23, 24]),
      list: await caseReads(
        `cases (lijst) ${at}`,
        (_id, rnd) => `/api/v1/cases?limit=50&offset=${50 * Math.floor(rnd() * 10)}`,
        [25, 26],
      ),
    };
  }
  const loadS = secs(loadStart);

  // Audit: the chain must hold after all this, and no read may have gone unrecorded.
  const verifyStart = performance.now();
  const verify = await callAs(verifyAnswer, api, 'GET', '/api/v1/audit/verify', regCookie);
  const verifyS = secs(verifyStart);
  const auditCounts = await oneRow(
    db,
    auditCountsRow,
    `SELECT count(*) FILTER (WHERE action = 'read' AND object_type = 'case' AND details IS NULL)::int AS case_reads,
            count(*)::int AS total, (SELECT max(seq) FROM audit_heads)::int AS head FROM audit_log`,
  );
  const answeredCaseReads =
    [...caseRuns, ...(grownRuns?.case ?? [])].reduce((a, r) => a + r.ok2xxIncludingWarmup, 0) +
    sanityCaseReads;
  const memory = memoryOf(server.pid);
  const bareMemory = memoryOf(bare.proc.pid);

  // Targets
  const ratioTarget = (r: Measured, min: number, p99?: number) => {
    const ratio = r.rps / bareRun.rps;
    return {
      what: `${r.name}: ≥ ${min * 100}% van kaal (${fmt(ratio * 100)}%)${p99 === undefined ? '' : ` en p99 < ${p99} ms (${fmt(r.p99)})`}`,
      ok: ratio >= min && (p99 === undefined || r.p99 < p99) && r.non2xx === 0 && r.errors === 0,
    };
  };
  const targets = [
    ...caseRuns.map((r) => ratioTarget(r, TARGET_RATIO, TARGET_CASE_P99)),
    ...entriesRuns.map((r) => ratioTarget(r, TARGET_ENTRIES_RATIO)),
    ...[...listRuns, ...otherListRuns].map((r) => ratioTarget(r, TARGET_LIST_RATIO)),
    ...planRuns.map((r) => ratioTarget(r, TARGET_ENTRIES_RATIO)),
    ...pageRuns.map((r) => ratioTarget(r, TARGET_LIST_RATIO)),
    // Growth: an id read may not slow down with ten times the cases; a list at most by the logarithm
    // (log 200,000 / log 20,000 ≈ 1.23, so at least 80% of the throughput).
    ...(grownRuns
      ? [
          ...growthTargets(caseRuns, grownRuns.case, GROWTH_ID_READ),
          ...growthTargets(entriesRuns, grownRuns.entries, GROWTH_ID_READ),
          ...growthTargets(listRuns, grownRuns.list, GROWTH_LIST),
        ]
      : []),
    ...(big?.runs ?? small.runs).map((r) => ({
      what: `${r.name}: p95 < ${TARGET_SEARCH_P95} ms (${fmt(r.p95)})`,
      ok: r.p95 < TARGET_SEARCH_P95 && r.non2xx === 0 && r.errors === 0,
    })),
    {
      what: `auditketen intact (${verify.count} records, ${verifyS} s) en elke beantwoorde casus-read gelogd (${auditCounts.case_reads} ≥ ${answeredCaseReads})`,
      ok: verify.valid && verify.count === auditCounts.total && auditCounts.case_reads >= answeredCaseReads,
    },
  ];

  const totalS = secs();
  const out = [
    '',
    headline('benchmark', version),
    `seed: ${counts.persons} personen (${personsS} s), ${counts.cases} casussen / ${counts.case_partners} partners / ${counts.case_subjects} betrokkenen / ${counts.entries} notities (${casesS} s), VACUUM ANALYZE ${analyzeS} s; totaal ${seedS} s`,
    growS === undefined ? '' : `groei naar ${PERSONS_BIG} personen: ${growS} s`,
    SERVER !== DEFAULT_SERVER || process.env.PGOPTIONS
      ? `LET OP: server ${SERVER}${process.env.PGOPTIONS ? `, PGOPTIONS=${process.env.PGOPTIONS}` : ''}`
      : '',
    `metingen: ${DURATION} s per regel na ${WARMUP} s opwarmen; latenties in ms; case-ids willekeurig uit ${profCases.length} (professional) / ${regCases.length} (regisseur) zichtbare`,
    'CPU%: aandeel van één core tijdens de meting voor de geteste server (srv), PostgreSQL (pg), autocannon (ac), andere processen (rest) en kernel/ongeteld (k)',
    '',
    resultTable(results, bareRun.rps),
    '',
    ...targetLines(targets),
    '',
    `auditlog: ${auditCounts.total} records, head seq ${auditCounts.head}, verify: valid=${verify.valid} count=${verify.count}`,
    `server piek-RSS (VmHWM): ${memory?.peakMiB ?? '?'} MiB (nu ${memory?.rssMiB ?? '?'} MiB); kale Fastify: ${bareMemory?.peakMiB ?? '?'} MiB`,
    explain
      ? `traagste zoekvraag @${PERSONS_BIG / 1_000_000}M: "${explain.query.q}" (${explain.query.kind}) ${explain.query.ms} ms, ${explain.query.total} treffers; plan in JSON`
      : '',
    `totale duur: ${totalS} s (seed ${seedS} s, metingen ${loadS} s)`,
  ];

  const jsonFile = writeJson('', {
    at: new Date().toISOString(),
    machine: machine(version),
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
  });
  out.push(`JSON: ${jsonFile}`);
  console.log(compact(out).join('\n'));
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
function exitAfterOthers(code: number): never {
  const only = process.env.BENCH_ONLY;
  for (const name of [
    'alerts',
    'import',
    'search',
    'plans',
    'picture',
    'webhooks',
    'survey',
    'retention',
  ] as const) {
    if (only === 'reads' || (only && only !== name)) continue;
    const run = spawnSync(process.execPath, [benchScript(`${name}.js`)], { stdio: 'inherit' });
    code = Math.max(code, run.status ?? 2);
  }
  process.exit(code);
}

const only = process.env.BENCH_ONLY;
runBench(
  'Benchmark',
  only === 'alerts' ||
    only === 'import' ||
    only === 'search' ||
    only === 'plans' ||
    only === 'picture' ||
    only === 'webhooks' ||
    only === 'survey' ||
    only === 'retention'
    ? async () => true
    : main,
  exitAfterOthers,
);
