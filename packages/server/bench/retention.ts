/**
 * `BENCH_ONLY=retention npm run bench` (or `node packages/server/bench/dist/retention.js`): how long the
 * retention job (issue 15) takes to anonymise BENCH_RETENTION_CASES closed cases past their retention on a
 * fresh PostgreSQL database — each with its partners, subjects and about five journal entries, over
 * BENCH_RETENTION_PERSONS persons (seeded set-based, as the read bench does). The job runs in this process
 * on a pool of its own, exactly as the scheduler runs it (`anonymiseDueRecords`); then a second run, which
 * must change nothing, and the audit chain is verified end to end.
 *
 * Knobs: DATABASE_URL (server URL), BENCH_RETENTION_CASES (100000), BENCH_RETENTION_PERSONS (50000).
 */
import { migrate } from '@wijkregie/server/dist/db/migrate.js';
import { col, execute, oneRow } from '@wijkregie/server/dist/db/rows.js';
import { verifyChain } from '@wijkregie/server/dist/modules/audit/repository.js';
import { anonymiseDueRecords } from '@wijkregie/server/dist/modules/retention/anonymise-due-records.js';
import { z } from 'zod';
import { freshDatabase, num, openBenchDb, runBench } from './harness.js';
import { log } from './proc.js';
import { fmt, machine, table, writeJson } from './report.js';
import { insertCases, insertPersons, seedOrganisation } from './seed.js';

const CASES = num('BENCH_RETENTION_CASES', 100_000);
const PERSONS = num('BENCH_RETENTION_PERSONS', 50_000);

async function main(): Promise<boolean> {
  const database = await freshDatabase('retention');
  const db = await openBenchDb(database, 2);
  await migrate(db);
  const base = await seedOrganisation(db);
  log(`${PERSONS} personen en ${CASES} casussen aanmaken…`);
  await insertPersons(db, base, PERSONS);
  await insertCases(db, base, CASES, Math.max(4, Math.ceil(CASES / 9000)));
  // Every case closed 2,000 days ago: past every default retention but Jeugd's (no case is under it).
  await execute(
    db,
    `UPDATE cases SET status = 'closed', result = coalesce(result, 'goals_achieved'),
            closed_at = now() - interval '2000 days' WHERE tenant_id = $1`,
    [base.tenantId],
  );
  await execute(db, 'ANALYZE');
  const counts = await oneRow(
    db,
    z.object({ entries: col.int, persons: col.int }),
    'SELECT (SELECT count(*) FROM entries) AS entries, (SELECT count(*) FROM persons) AS persons',
  );
  log(`klaar: ${CASES} casussen, ${counts.entries} notities, ${counts.persons} personen`);

  let t0 = performance.now();
  const first = await anonymiseDueRecords(db);
  const firstS = (performance.now() - t0) / 1000;
  log(`eerste run: ${JSON.stringify(first)} in ${fmt(firstS)} s`);
  t0 = performance.now();
  const second = await anonymiseDueRecords(db);
  const secondS = (performance.now() - t0) / 1000;
  log(`tweede run: ${JSON.stringify(second)} in ${fmt(secondS)} s`);
  t0 = performance.now();
  const chain = await verifyChain(db, base.tenantId);
  const verifyS = (performance.now() - t0) / 1000;

  console.log(
    `\n${table(
      ['Bewaartermijnen', 'casussen', 'personen', 'signalen', 'seconden', 'casussen/s'],
      [
        [
          'eerste run',
          String(first.anonymisedCases),
          String(first.anonymisedPersons),
          String(first.anonymisedSignals),
          fmt(firstS),
          fmt(first.anonymisedCases / firstS, 0),
        ],
        [
          'tweede run',
          String(second.anonymisedCases),
          String(second.anonymisedPersons),
          '-',
          fmt(secondS),
          '-',
        ],
      ],
    )}`,
  );
  console.log(
    `auditketen: ${chain.valid ? 'geldig' : 'GEBROKEN'} (${chain.count} records, ${fmt(verifyS)} s)`,
  );
  const file = writeJson('retention', {
    machine: machine(database.version),
    cases: CASES,
    persons: PERSONS,
    entries: counts.entries,
    first: { ...first, seconds: firstS },
    second: { ...second, seconds: secondS },
    chain: { ...chain, seconds: verifyS },
  });
  log(`resultaat: ${file}`);
  const idle =
    second.anonymisedCases === 0 && second.anonymisedPersons === 0 && second.anonymisedSignals === 0;
  return chain.valid && first.anonymisedCases === CASES && idle;
}

runBench('Bewaartermijnen', main);
