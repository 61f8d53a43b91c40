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
import { insertCases, insertPersons, type SeedBase, seedOrganisation } from './seed.js';

const PERSONS = num('BENCH_PERSONS', 100_000);
const CASES = num('BENCH_CASES', 20_000);
const SIGNALS = num('BENCH_SIGNALS', 20_000);
const DURATION = num('BENCH_DURATION', 10);
const WARMUP = num('BENCH_WARMUP', 2);
const TARGET_P95 = 150;

const SIGNAL_TEXTS = [
  'Geluidsoverlast van de bovenburen, al weken',
  "Jongeren hangen 's avonds rond bij de ingang",
  'Zorgen om oudere bewoner die niet meer buiten komt',
  'Vervuilde tuin en ongedierte',
  'Betalingsachterstand huur en energie',
  'Verward gedrag in het portiek',
  'Vermoedelijke hennepgeur in de flat',
];

/** Signals, meetings and locations for the search to look through, spread over the partners. */
async function insertOthers(db: Parameters<typeof insertPersons>[0], base: SeedBase): Promise<void> {
  const t = base.tenantId;
  await execute(
    db,
    `INSERT INTO signals (tenant_id, category, description, source, status, street, house_number, postal_code, city,
                          reporter_user_id, reporter_partner_id, routed_partner_id, created_at)
     SELECT $1::uuid, 'woonoverlast', ($2::text[])[1 + floor(random() * cardinality($2::text[]))::int], 'professional',
            (ARRAY['new', 'triage', 'contacted', 'closed'])[1 + floor(random() * 4)::int],
            ($3::text[])[1 + floor(random() * cardinality($3::text[]))::int], (1 + floor(random() * 220))::int::text,
            (2500 + floor(random() * 100))::int::text || 'AB', 'Wijkstad',
            ($4::uuid[])[r.ci], ($5::uuid[])[r.ci], ($6::uuid[])[1 + floor(random() * cardinality($6::uuid[]))::int],
            now() - random() * interval '2 years'
       FROM (SELECT 1 + floor(random() * cardinality($4::uuid[]))::int AS ci FROM generate_series(1, $7::int) OFFSET 0) r`,
    [
      t,
      SIGNAL_TEXTS,
      STREETS,
      base.workers.map((u) => u.id),
      base.workers.map((u) => u.partnerId),
      base.partnerIds,
      SIGNALS,
    ],
  );
  await execute(
    db,
    `WITH m AS (
       INSERT INTO meetings (tenant_id, title, kind, starts_at, chair_user_id, created_by_user_id, created_by_partner_id)
       SELECT $1::uuid, (ARRAY['Casusoverleg', 'Wijkoverleg', 'Veiligheidsoverleg', 'Zorgoverleg'])[1 + floor(random() * 4)::int]
                || ' ' || ($2::text[])[1 + floor(random() * cardinality($2::text[]))::int],
              (ARRAY['case', 'coordination', 'area'])[1 + floor(random() * 3)::int],
              now() - interval '1 year' + random() * interval '18 months', ($3::uuid[])[r.ci], ($3::uuid[])[r.ci],
              ($4::uuid[])[r.ci]
         FROM (SELECT 1 + floor(random() * cardinality($3::uuid[]))::int AS ci FROM generate_series(1, 2000) OFFSET 0) r
       RETURNING tenant_id, id)
     INSERT INTO meeting_partners (tenant_id, meeting_id, partner_id)
     SELECT m.tenant_id, m.id, ($5::uuid[])[1 + floor(random() * cardinality($5::uuid[]))::int] FROM m
     ON CONFLICT DO NOTHING`,
    [t, STREETS, base.workers.map((u) => u.id), base.workers.map((u) => u.partnerId), base.partnerIds],
  );
  await execute(
    db,
    `INSERT INTO locations (tenant_id, name, street, house_number, postal_code, city, created_by_user_id, created_by_partner_id)
     SELECT $1::uuid, (ARRAY['Buurthuis', 'Speeltuin', 'Winkelcentrum', 'Sporthal', 'Bushalte'])[1 + floor(random() * 5)::int]
              || ' ' || s.street, s.street, (1 + floor(random() * 220))::int::text,
            (2500 + floor(random() * 100))::int::text || 'CD', 'Wijkstad', ($3::uuid[])[s.ci], ($4::uuid[])[s.ci]
       FROM (SELECT ($2::text[])[1 + floor(random() * cardinality($2::text[]))::int] AS street,
                    1 + floor(random() * cardinality($3::uuid[]))::int AS ci
               FROM generate_series(1, 2000) OFFSET 0) s`,
    [t, STREETS, base.workers.map((u) => u.id), base.workers.map((u) => u.partnerId)],
  );
}

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
  await insertOthers(db, base);
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
