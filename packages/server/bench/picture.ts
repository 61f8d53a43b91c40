/**
 * `BENCH_ONLY=picture npm run bench`: the neighbourhood picture on PostgreSQL. Seeds a city of three
 * wijken of five buurten each, 200,000 incidents over the last two years (a third of them in a
 * hotspot of the first wijk), 100,000 signals and 20,000 cases with their buurt. Then it measures
 * GET /areas/{id}/picture over twelve months for a wijk and for a buurt, sequentially and at 10
 * connections, and prints the load average, since the machine may be busy with other work.
 * Then a partner export of 50,000 incidents is imported over HTTP as text/csv, twice (the second time
 * all duplicates), and the rows per second are reported.
 * Targets (issue 13): the picture of a wijk over twelve months p95 < 200 ms (sequential); the incident
 * import ≥ 5,000 rows/s.
 *
 * Knobs: DATABASE_URL, BENCH_INCIDENTS (200000), BENCH_SIGNALS (100000), BENCH_IMPORT_ROWS (50000),
 * BENCH_DURATION (10 s), BENCH_WARMUP (2 s).
 */
import { loadavg } from 'node:os';
import { migrate } from '@wijkregie/server/dist/db/migrate.js';
import { col, execute, oneRow } from '@wijkregie/server/dist/db/rows.js';
import { areaPictureSchema, INCIDENT_COLUMNS, importAnswerSchema } from '@wijkregie/shared';
import { z } from 'zod';
import { callAs, freshDatabase, login, num, openBenchDb, runBench, startServer } from './harness.js';
import { type LoadResult, measure } from './load.js';
import { log, secs } from './proc.js';
import { compact, fmt, headline, loadTable, machine, type Target, targetLines, writeJson } from './report.js';
import { insertCases, insertCity, insertIncidents, type SeedBase, seedOrganisation } from './seed.js';

const INCIDENTS = num('BENCH_INCIDENTS', 200_000);
const SIGNALS = num('BENCH_SIGNALS', 100_000);
const CASES = 20_000;
const DURATION = num('BENCH_DURATION', 10);
const WARMUP = num('BENCH_WARMUP', 2);
const TARGET_P95 = 200;
const IMPORT_ROWS = num('BENCH_IMPORT_ROWS', 50_000);
const TARGET_ROWS_PER_S = 5000;

/**
 * Incidents, signals and cases in the buurten, set-based. A point lies in its buurt's rectangle; a
 * third of the incidents crowd a 300 m spot of the first buurt. Over the last two years.
 */
async function insertActivity(db: Parameters<typeof seedOrganisation>[0], base: SeedBase, buurten: string[]) {
  const t = base.tenantId;
  await insertIncidents(db, base, buurten, INCIDENTS);
  await execute(
    db,
    `INSERT INTO signals (tenant_id, category, description, source, lat, lng, area_id, created_at, updated_at)
     SELECT $1::uuid, 'woonoverlast', 'Benchmark-signaal', 'professional', 52 + random() * 0.02,
            5 + (s.b / 5) * 0.05 + (s.b % 5) * 0.01 + random() * 0.01, ($2::uuid[])[s.b + 1], s.at, s.at
       FROM (SELECT floor(random() * cardinality($2::uuid[]))::int AS b, now() - random() * interval '730 days' AS at
               FROM generate_series(1, $3::int) OFFSET 0) s`,
    [t, buurten, SIGNALS],
  );
  await insertCases(db, base, CASES);
  await execute(
    db,
    `UPDATE cases SET area_id = ($2::uuid[])[1 + floor(random() * cardinality($2::uuid[]))::int] WHERE tenant_id = $1::uuid`,
    [t, buurten],
  );
}

const countsRow = z.object({ incidents: col.int, signals: col.int, cases: col.int });

async function main(): Promise<boolean> {
  const startLoad = loadavg()
    .map((x) => x.toFixed(1))
    .join(' / ');
  const database = await freshDatabase('picture');
  log(`PostgreSQL ${database.version}, database ${database.name}`);
  const db = await openBenchDb(database, 1);
  await migrate(db);
  const seedStart = performance.now();
  const base = await seedOrganisation(db);
  const { wijken, buurten } = await insertCity(db, base);
  await insertActivity(db, base, buurten);
  await execute(db, 'VACUUM ANALYZE');
  const counts = await oneRow(
    db,
    countsRow,
    `SELECT (SELECT count(*) FROM incidents)::int AS incidents, (SELECT count(*) FROM signals)::int AS signals,
            (SELECT count(*) FROM cases)::int AS cases`,
  );
  const seedS = secs(seedStart);
  log(
    `seed: ${counts.incidents} incidenten, ${counts.signals} signalen, ${counts.cases} casussen in ${seedS} s`,
  );

  const server = await startServer(database, 'beheer-eerste@bench.example');
  const api = server.base;
  const prof = await login(api, base.professional.email);
  const picture = await callAs(areaPictureSchema, api, 'GET', `/api/v1/areas/${wijken[0]}/picture`, prof);
  const inPicture = picture.months.reduce((n, m) => n + m.incidents, 0);
  log(
    `beeld van wijk 1: ${picture.months.length} maanden, ${inPicture} incidenten, ${picture.buurten.length} buurten, ${picture.hotspots.length} brandpunten (grootste ${picture.hotspots[0]?.count ?? 0})`,
  );
  if (picture.months.length !== 12 || inPicture < INCIDENTS / 10 || picture.buurten.length !== 5) {
    throw new Error('de gegevens om te meten kloppen niet');
  }

  const results: LoadResult[] = [];
  const run = async (name: string, connections: number, path: string) => {
    const r = await measure({
      name,
      url: api,
      connections,
      durationS: DURATION,
      warmupS: WARMUP,
      headers: { cookie: prof },
      nextPath: () => path,
    });
    results.push(r);
    log(`${r.name}: ${fmt(r.rps, 0)} req/s, p50 ${fmt(r.p50)} ms, p95 ${fmt(r.p95)} ms, non-2xx ${r.non2xx}`);
  };
  const t = performance.now();
  for (const connections of [1, 10]) {
    const how = connections === 1 ? 'sequentieel' : `${connections} verbindingen`;
    await run(
      `GET /areas/{wijk}/picture, 12 maanden (${how})`,
      connections,
      `/api/v1/areas/${wijken[0]}/picture`,
    );
  }
  await run('GET /areas/{buurt}/picture, 12 maanden (sequentieel)', 1, `/api/v1/areas/${buurten[0]}/picture`);
  const loadS = secs(t);

  // The incident import: a partner's export with every column, points in the first wijk.
  const kinds = ['overlast_jeugd', 'inbraak', 'drugs', 'vernieling', 'Woonoverlast'];
  const lines = [INCIDENT_COLUMNS.join(';')];
  for (let i = 0; i < IMPORT_ROWS; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    lines.push(
      [
        'politie-bvh',
        `IMP-${i}`,
        kinds[i % kinds.length],
        `2026-10-${day} ${String(i % 24).padStart(2, '0')}:15`,
        i % 3 === 0 ? 'Kerkstraat' : '',
        i % 3 === 0 ? String(1 + (i % 200)) : '',
        i % 3 === 0 ? '9991 AB' : '',
        `52,0${String(10000 + (i % 9000)).slice(1)}`,
        `5,0${String(10000 + ((i * 7) % 9000)).slice(1)}`,
        i % 2 === 0 ? 'Melding via de meldkamer' : '',
      ].join(';'),
    );
  }
  const file = `${lines.join('\r\n')}\r\n`;
  const importOnce = async () => {
    const start = performance.now();
    const res = await fetch(`${api}/api/v1/incidents/import`, {
      method: 'POST',
      headers: { cookie: prof, 'content-type': 'text/csv' },
      body: file,
    });
    if (res.status !== 200) throw new Error(`import: ${res.status} ${await res.text()}`);
    const answer = importAnswerSchema.parse(await res.json());
    const s = (performance.now() - start) / 1000;
    return { s, rowsPerS: Math.round(IMPORT_ROWS / s), ...answer, rejectedCount: answer.rejected.length };
  };
  const firstImport = await importOnce();
  log(
    `incidentenimport: ${firstImport.s.toFixed(1)} s, ${firstImport.rowsPerS} regels/s; ${firstImport.imported} nieuw, ${firstImport.duplicates} dubbel, ${firstImport.rejectedCount} afgewezen`,
  );
  const secondImport = await importOnce();
  log(`tweede keer (alles dubbel): ${secondImport.s.toFixed(1)} s, ${secondImport.rowsPerS} regels/s`);

  const wijkSequential = results[0];
  const clean = results.every((r) => r.non2xx + r.errors + r.timeouts === 0);
  const targets: Target[] = [
    {
      what: `beeld van een wijk, 12 maanden, sequentieel: p95 < ${TARGET_P95} ms (${fmt(wijkSequential?.p95 ?? Number.NaN)})`,
      ok: (wijkSequential?.p95 ?? Number.POSITIVE_INFINITY) < TARGET_P95,
    },
    {
      what: `incidentenimport ≥ ${TARGET_ROWS_PER_S} regels/s inclusief controle, buurt en ontdubbelen (${firstImport.rowsPerS})`,
      ok: firstImport.rowsPerS >= TARGET_ROWS_PER_S && firstImport.imported === IMPORT_ROWS,
    },
    { what: 'geen fouten en alleen 2xx-antwoorden', ok: clean },
  ];
  const out = [
    '',
    headline('benchmark wijkbeeld', database.version),
    `seed: ${counts.incidents} incidenten, ${counts.signals} signalen, ${counts.cases} casussen in 3 wijken van 5 buurten, over twee jaar; ${seedS} s`,
    `metingen: ${DURATION} s per regel na ${WARMUP} s opwarmen; latenties in ms; totaal ${loadS} s; load average bij start ${startLoad}, aan het eind ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' / ')}`,
    '',
    loadTable(results),
    '',
    `incidentenimport, ${IMPORT_ROWS} regels: ${firstImport.s.toFixed(1)} s = ${firstImport.rowsPerS} regels/s (${firstImport.imported} nieuw); tweede keer ${secondImport.s.toFixed(1)} s = ${secondImport.rowsPerS} regels/s (${secondImport.duplicates} dubbel)`,
    '',
    ...targetLines(targets),
  ];
  const jsonFile = writeJson('picture', {
    at: new Date().toISOString(),
    machine: machine(database.version),
    settings: { INCIDENTS, SIGNALS, CASES, DURATION, WARMUP },
    seed: { ...counts, seedS },
    results,
    incidentImport: { rows: IMPORT_ROWS, first: firstImport.rowsPerS, second: secondImport.rowsPerS },
    loadAverage: { start: startLoad, end: loadavg() },
    targets,
  });
  out.push(`JSON: ${jsonFile}`);
  console.log(compact(out).join('\n'));
  return targets.every((x) => x.ok);
}

runBench('Benchmark wijkbeeld', main);
