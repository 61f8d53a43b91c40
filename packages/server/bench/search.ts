/**
 * `BENCH_ONLY=search npm run bench`: the one search of the header, `GET /api/v1/search?q=`, on the bench
 * data — 100k persons, 20k cases (seed.ts), and 20k signals, 2k meetings and 2k locations made here —
 * as the wijkteam professional (every kind filtered by what they may see) and as a regisseur, at 10
 * connections and sequentially. Queries: surnames (exact and with a typo), "first last", street names
 * with and without a house number, words of case titles, case references, and nonsense that finds
 * nothing. It prints p50/p95 and the target (p95 under 150 ms, sequential, professional).
 *
 * Knobs: DATABASE_URL, BENCH_PERSONS (100000), BENCH_CASES (20000), BENCH_SIGNALS (20000),
 * BENCH_DURATION (10 s), BENCH_WARMUP (2 s).
 */
import { migrate } from '@wijkregie/server/dist/db/migrate.js';
import { col, execute, rows } from '@wijkregie/server/dist/db/rows.js';
import { searchResultSchema } from '@wijkregie/shared';
import { z } from 'zod';
import { callAs, freshDatabase, login, num, openBenchDb, runBench, startServer } from './harness.js';
import { type LoadResult, measure } from './load.js';
import { CASE_TITLES, FIRST_NAMES, LAST_NAMES, nth, pick, prng, STREETS, typo } from './names.js';
import { log, secs } from './proc.js';
import { fmt, loadTable, table } from './report.js';
import { insertCases, insertOthers, insertPersons, seedOrganisation } from './seed.js';

const PERSONS = num('BENCH_PERSONS', 100_000);
const CASES = num('BENCH_CASES', 20_000);
const SIGNALS = num('BENCH_SIGNALS', 20_000);
const DURATION = num('BENCH_DURATION', 10);
const WARMUP = num('BENCH_WARMUP', 2);
const TARGET_P95 = 150;

interface Query {
  kind: string;
  q: string;
}

/** About 200 queries of the kinds people type into a search field. */
function queries(references: string[]): Query[] {
  const rnd = prng(20251201);
  const out: Query[] = [];
  const add = (n: number, kind: string, make: () => string) => {
    for (let i = 0; i < n; i++) out.push({ kind, q: make() });
  };
  add(40, 'achternaam', () => pick(rnd, LAST_NAMES));
  add(30, 'achternaam met tikfout', () => typo(pick(rnd, LAST_NAMES), rnd));
  add(30, 'voornaam achternaam', () => `${pick(rnd, FIRST_NAMES)} ${pick(rnd, LAST_NAMES)}`);
  add(25, 'straat', () => pick(rnd, STREETS));
  add(25, 'straat en huisnummer', () => `${pick(rnd, STREETS)} ${1 + Math.floor(rnd() * 220)}`);
  add(20, 'woord uit een titel', () =>
    pick(
      rnd,
      pick(rnd, CASE_TITLES)
        .split(' ')
        .filter((w) => w.length > 3),
    ),
  );
  add(20, 'kenmerk', () => pick(rnd, references));
  add(10, 'niets', () => `qx${Math.floor(rnd() * 1e6).toString(36)}zz`);
  return out;
}

const referenceRow = z.object({ reference: col.text });

async function main(): Promise<boolean> {
  const database = await freshDatabase('search');
  log(`PostgreSQL ${database.version}, database ${database.name}`);
  const db = await openBenchDb(database, 1);
  await migrate(db);
  let t = performance.now();
  const base = await seedOrganisation(db);
  await insertPersons(db, base, PERSONS);
  await insertCases(db, base, CASES);
  await insertOthers(db, base, SIGNALS);
  await execute(db, 'VACUUM ANALYZE');
  log(
    `seed: ${PERSONS} personen, ${CASES} casussen, ${SIGNALS} signalen, 2000 overleggen, 2000 locaties in ${secs(t)} s`,
  );
  const references = (
    await rows(db, referenceRow, 'SELECT reference FROM cases ORDER BY random() LIMIT 50')
  ).map((r) => r.reference);
  const qs = queries(references);

  const server = await startServer(database, 'beheer-eerste@bench.example');
  const prof = await login(server.base, base.professional.email);
  const reg = await login(server.base, base.regisseur.email);
  const path = (q: string) => `/api/v1/search?q=${encodeURIComponent(q)}`;

  // Sanity, and how much each kind of query finds (as the professional).
  const found = new Map<string, number[]>();
  for (const q of qs) {
    t = performance.now();
    const answer = await callAs(searchResultSchema, server.base, 'GET', path(q.q), prof);
    const list = found.get(q.kind) ?? [];
    list.push(answer.items.length, performance.now() - t);
    found.set(q.kind, list);
  }
  const perKind = [...found].map(([kind, v]) => {
    const counts = v.filter((_, i) => i % 2 === 0);
    const ms = v.filter((_, i) => i % 2 === 1).sort((a, b) => a - b);
    return [
      kind,
      String(counts.length),
      fmt(counts.reduce((a, b) => a + b, 0) / counts.length, 1),
      fmt(ms[Math.floor(ms.length / 2)] ?? 0),
      fmt(ms[Math.min(ms.length - 1, Math.floor(ms.length * 0.95))] ?? 0),
    ];
  });

  const results: LoadResult[] = [];
  for (const [who, cookie] of [
    ['professional', prof],
    ['regisseur', reg],
  ] as const) {
    for (const connections of [10, 1]) {
      let i = 0;
      const r = await measure({
        name: `GET /search (${who}${connections === 1 ? ', sequentieel' : ''})`,
        url: server.base,
        connections,
        durationS: DURATION,
        warmupS: WARMUP,
        headers: { cookie },
        nextPath: () => path(nth(qs, i++ % qs.length).q),
      });
      results.push(r);
      log(
        `${r.name}: ${fmt(r.rps, 0)} req/s, p50 ${fmt(r.p50)} ms, p95 ${fmt(r.p95)} ms, non-2xx ${r.non2xx}`,
      );
    }
  }
  const sequential = results.find((r) => r.name === 'GET /search (professional, sequentieel)');
  const ok = !!sequential && sequential.p95 < TARGET_P95 && results.every((r) => r.non2xx + r.errors === 0);
  console.log(
    [
      '',
      'Zoeken in de kop (GET /api/v1/search), per soort zoekopdracht, sequentieel als professional:',
      table(['soort', 'n', 'treffers gem.', 'p50 ms', 'p95 ms'], perKind),
      '',
      loadTable(results),
      `doel: p95 < ${TARGET_P95} ms sequentieel als professional: ${ok ? 'gehaald' : 'NIET gehaald'}`,
    ].join('\n'),
  );
  return ok;
}

runBench('Zoekbenchmark', main);
