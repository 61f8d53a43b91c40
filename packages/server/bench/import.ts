/**
 * The creditor-import part of `npm run bench` (also on its own: `BENCH_ONLY=import npm run bench`, or
 * `node packages/server/bench/dist/import.js`): throughput of `POST /api/v1/signals/import` for a
 * large early-warning file, including validation, dedupe, matching, bundling, alerts and audit.
 *
 * A fresh PostgreSQL database; the real built server as a child process. Through the API: a
 * partner Gemeente, a regisseur and a case director; open cases about some persons. Directly in the
 * database: BENCH_IMPORT_PERSONS persons (families at addresses, some households). Then a CSV of
 * BENCH_IMPORT_ROWS rows (a fifth about known persons, a few invalid rows and duplicates) is posted
 * over HTTP as text/csv, and the same file a second time (all duplicates). Reported: rows/s of each
 * (target ≥ 5,000 rows/s for the first), matches found, and the server's peak RSS (VmHWM).
 *
 * With BENCH_IMPORT_WEBHOOK=1 a webhook for `nl.wijkregie.signal.received` to a local receiver (answering 204)
 * is registered first: every new row then also writes a delivery, and the worker sends them during the import.
 *
 * Knobs (environment): DATABASE_URL (server URL), BENCH_IMPORT_ROWS (100,000),
 * BENCH_IMPORT_PERSONS (50,000), BENCH_SERVER (another build's main.js), BENCH_IMPORT_DB_SETTINGS
 * (defaults of the bench database, "jit=off;auto_explain.log_min_duration=50"), BENCH_KEEP_DB (keep it).
 */

import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { col, countRow, execute, idRow, oneRow, rows } from '@wijkregie/server/dist/db/rows.js';
import { CREDITOR_COLUMNS } from '@wijkregie/server/dist/modules/early-warning/columns.js';
import { caseSchema, importResultSchema, partnerSchema, userSchema, webhookSchema } from '@wijkregie/shared';
import { z } from 'zod';
import {
  BENCH_PASSWORD,
  callAs,
  freshDatabase,
  login,
  num,
  openBenchDb,
  runBench,
  startServer,
} from './harness.js';
import { FIRST_NAMES, LAST_NAMES, nth, pick, prng, STREETS, typo } from './names.js';
import { log, memoryOf, onCleanup, secs, ticksOf } from './proc.js';
import { headline, targetLines } from './report.js';

const ROWS = num('BENCH_IMPORT_ROWS', 100_000);
const PERSONS = num('BENCH_IMPORT_PERSONS', 50_000);
const CASES = 50;
const TARGET_ROWS_PER_S = 5000;
const ADMIN_EMAIL = 'beheer-import@bench.example';
const WEBHOOK = process.env.BENCH_IMPORT_WEBHOOK === '1';

interface Person {
  first: string;
  last: string;
  birth: string | null;
  postal: string;
  number: string;
}

type Column = (typeof CREDITOR_COLUMNS)[number];

const matchCountRow = z.object({ kind: col.text, n: col.int });

async function main(): Promise<boolean> {
  // Diagnosis: settings for the bench database, e.g. "jit=off;auto_explain.log_min_duration=50".
  const database = await freshDatabase('import', process.env.BENCH_IMPORT_DB_SETTINGS);
  const { version } = database;
  const load = loadavg().map((x) => x.toFixed(2));
  log(`PostgreSQL ${version}, database ${database.name}; ${cpus().length} cores, load ${load.join(' ')}`);

  // The webhook's receiver listens on 127.0.0.1: the installation must allow internal destinations.
  const server = await startServer(
    database,
    ADMIN_EMAIL,
    WEBHOOK ? { WIJKREGIE_WEBHOOK_ALLOW_PRIVATE: '1' } : {},
  );
  const { base } = server;
  log(`server pid ${server.pid} op ${base}`);

  // Organisation through the API.
  const adminCookie = await login(base, ADMIN_EMAIL);
  let received = 0;
  if (WEBHOOK) {
    const receiver = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        received++;
        res.statusCode = 204;
        res.end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', () => resolve()));
    onCleanup('webhook receiver', () => new Promise<void>((resolve) => receiver.close(() => resolve())));
    const port = (receiver.address() as AddressInfo).port;
    await callAs(webhookSchema, base, 'POST', '/api/v1/webhooks', adminCookie, {
      url: `http://127.0.0.1:${port}/hook`,
      events: ['nl.wijkregie.signal.received'],
      secret: 'bench-import-webhook-secret',
    });
    log(`webhook naar http://127.0.0.1:${port}/hook`);
  }
  const gemeente = await callAs(partnerSchema, base, 'POST', '/api/v1/partners', adminCookie, {
    name: 'Gemeente Importstad',
    kind: 'gemeente',
  });
  const user = (email: string, name: string, roles: string[]) =>
    callAs(userSchema, base, 'POST', '/api/v1/users', adminCookie, {
      email,
      name,
      password: BENCH_PASSWORD,
      partnerId: gemeente.id,
      roles,
    });
  const regisseur = await user('regisseur-import@bench.example', 'Regisseur Import', ['regisseur']);
  const director = await user('regie-import@bench.example', 'Casusregisseur Import', ['professional']);

  // The population, directly in the database (families at addresses, some households).
  const db = await openBenchDb(database);
  const { id: tenantId } = await oneRow(db, idRow, 'SELECT id FROM tenants');
  const rnd = prng(424242);
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = (from: number, to: number) =>
    `${from + Math.floor(rnd() * (to - from + 1))}-${pad(1 + Math.floor(rnd() * 12))}-${pad(1 + Math.floor(rnd() * 28))}`;
  const letters = [...'ABCDEFGHJKLMNPRSTVWXZ'];
  const postal = (lo: number) => `${lo + Math.floor(rnd() * 4000)}${pick(rnd, letters)}${pick(rnd, letters)}`;
  const seedStart = performance.now();
  const persons: Person[] = [];
  const families: Person[][] = [];
  while (persons.length < PERSONS) {
    const addr = { postal: postal(1000), number: String(1 + Math.floor(rnd() * 200)) };
    const last = pick(rnd, LAST_NAMES);
    const family: Person[] = [];
    const size = 1 + Math.floor(rnd() * 4);
    for (let i = 0; i < size && persons.length < PERSONS; i++) {
      const p = {
        first: pick(rnd, FIRST_NAMES),
        last: i === 1 && rnd() < 0.4 ? pick(rnd, LAST_NAMES) : last,
        birth: rnd() < 0.05 ? null : i < 2 ? date(1945, 1998) : date(2005, 2022),
        ...addr,
      };
      family.push(p);
      persons.push(p);
    }
    families.push(family);
  }
  const personIds: string[] = [];
  for (let i = 0; i < persons.length; i += 5000) {
    const chunk = persons.slice(i, i + 5000);
    const inserted = await rows(
      db,
      idRow,
      `INSERT INTO persons (tenant_id, first_name, last_name, birth_date, street, house_number, postal_code, city,
                            created_by_user_id, created_by_partner_id)
       SELECT $1, r.first, r.last, r.birth, r.street, r.number, r.postal, 'Importstad', $2, $3
         FROM jsonb_to_recordset($4::jsonb) AS r (ord int, first text, last text, birth date, street text, number text, postal text)
        ORDER BY r.ord
       RETURNING id`,
      [
        tenantId,
        regisseur.id,
        gemeente.id,
        JSON.stringify(chunk.map((p, ord) => ({ ...p, ord, street: pick(rnd, STREETS) }))),
      ],
    );
    personIds.push(...inserted.map((r) => r.id));
  }
  const idOf = new Map(persons.map((p, i) => [p, nth(personIds, i)]));
  let households = 0;
  for (const f of families) {
    const [head] = f;
    if (!head || f.length < 2 || rnd() > 0.5) continue;
    const household = await oneRow(
      db,
      idRow,
      `INSERT INTO households (tenant_id, name, contact_person_id, house_number, postal_code, city, created_by_user_id, created_by_partner_id)
       VALUES ($1, $2, $3, $4, $5, 'Importstad', $6, $7) RETURNING id`,
      [
        tenantId,
        `Huishouden ${head.last}`,
        idOf.get(head),
        head.number,
        head.postal,
        regisseur.id,
        gemeente.id,
      ],
    );
    await execute(
      db,
      `INSERT INTO subject_relations (tenant_id, from_kind, from_id, relation, to_kind, to_id, created_by_user_id)
       SELECT $1, 'person', m, 'member_of', 'household', $2, $3 FROM unnest($4::uuid[]) AS m`,
      [tenantId, household.id, regisseur.id, f.map((p) => idOf.get(p))],
    );
    households++;
  }
  await execute(db, 'ANALYZE');
  const adults = persons.filter((p) => p.birth);
  // Open cases about some of the persons the file will name (to exercise the alerts).
  const regCookie = await login(base, 'regisseur-import@bench.example');
  const caseSubjects = adults.slice(0, CASES);
  for (const p of caseSubjects) {
    await callAs(caseSchema, base, 'POST', '/api/v1/cases', regCookie, {
      type: 'person',
      title: 'Importbench',
      subjects: [{ kind: 'person', id: idOf.get(p) }],
      partnerIds: [gemeente.id],
      directorUserId: director.id,
    });
  }
  log(
    `populatie in ${secs(seedStart)} s: ${persons.length} personen, ${households} huishoudens, ${CASES} open casussen`,
  );

  // The file: a fifth about known persons (with some typos), the rest strangers; a few bad rows and
  // duplicates. The columns are the import's own list, in its order.
  const types = ['energie', 'water', 'huur', 'zorgverzekering'];
  const creditors = [
    'Energie Noord BV',
    'Waterbedrijf Oost',
    'Woonstichting Importstad',
    'Zorgverzekeraar Zuid',
  ];
  const lines = [CREDITOR_COLUMNS.join(';')];
  let expectedInvalid = 0;
  let expectedDuplicates = 0;
  for (let i = 0; i < ROWS; i++) {
    let p: Person;
    let known = false;
    if (i < CASES) {
      p = nth(caseSubjects, i);
      known = true;
    } else if (rnd() < 0.2) {
      p = pick(rnd, adults);
      known = true;
    } else {
      p = {
        first: pick(rnd, FIRST_NAMES),
        last: pick(rnd, LAST_NAMES),
        birth: date(1945, 2000),
        postal: postal(5000),
        number: String(1 + Math.floor(rnd() * 200)),
      };
    }
    const last = known && rnd() < 0.1 ? typo(p.last, rnd) : p.last;
    const amount = (10 + rnd() * 3000).toFixed(2);
    let reference = `R${String(i).padStart(7, '0')}`;
    let k = i % 4;
    if (i > 0 && i % 1000 === 0) {
      // The same creditor and reference as the row before: a duplicate.
      reference = `R${String(i - 1).padStart(7, '0')}`;
      k = (i - 1) % 4;
      expectedDuplicates++;
    }
    let postalCode = `${p.postal.slice(0, 4)} ${p.postal.slice(4)}`;
    if (i % 1000 === 500) {
      postalCode = '0000XX';
      expectedInvalid++;
    }
    const since = date(2025, 2025);
    // Evaluated in this order (the draws of `rnd` make the file), written in the import's column order.
    const row: Record<Column, string> = {
      creditorType: nth(types, k),
      creditorName: nth(creditors, k),
      reference,
      signalDate: i % 2 ? '2026-03-02' : '02-03-2026',
      lastName: last,
      initials: `${p.first.slice(0, 1)}.`,
      birthDate: p.birth ?? '',
      street: pick(rnd, STREETS),
      houseNumber: p.number,
      postalCode,
      city: 'Importstad',
      arrearsAmount: i % 3 ? amount.replace('.', ',') : amount,
      arrearsSince: since,
      endOfSupply: rnd() < 0.05 ? 'ja' : 'nee',
    };
    lines.push(CREDITOR_COLUMNS.map((c) => row[c]).join(';'));
  }
  const file = join(database.work, 'schuldeisers.csv');
  writeFileSync(file, `\uFEFF${lines.join('\r\n')}\r\n`);
  const body = readFileSync(file);
  log(`bestand: ${ROWS} regels, ${(body.length / 1024 / 1024).toFixed(1)} MiB`);

  const importCookie = await login(base, 'regisseur-import@bench.example');
  const post = async () => {
    const ticks0 = ticksOf(server.pid);
    const start = performance.now();
    const res = await fetch(`${base}/api/v1/signals/import`, {
      method: 'POST',
      headers: { cookie: importCookie, 'content-type': 'text/csv' },
      body,
    });
    const json: unknown = await res.json();
    const s = (performance.now() - start) / 1000;
    if (res.status !== 200) throw new Error(`import: ${res.status} ${JSON.stringify(json)}`);
    const cpu = Math.round(((ticksOf(server.pid) - ticks0) / (s * 100)) * 100);
    const result = importResultSchema.parse(json);
    return { s, rowsPerS: Math.round(ROWS / s), cpu, ...result, rejectedCount: result.rejected.length };
  };
  const first = await post();
  log(
    `eerste import: ${first.s.toFixed(1)} s, ${first.rowsPerS} regels/s; ${first.imported} nieuw, ${first.duplicates} dubbel, ${first.rejectedCount} afgewezen`,
  );
  const memoryAfterFirst = memoryOf(server.pid);
  const second = await post();
  log(`tweede import (zelfde bestand): ${second.s.toFixed(1)} s, ${second.rowsPerS} regels/s`);
  const memory = memoryOf(server.pid);

  const counts = await rows(
    db,
    matchCountRow,
    'SELECT kind, count(*)::int AS n FROM signal_matches GROUP BY kind ORDER BY kind',
  );
  const count = async (sql: string) => (await oneRow(db, countRow, sql)).n;
  const alerts = await count(`SELECT count(*)::int AS n FROM alerts WHERE kind = 'signal_matched'`);
  const bundled = await count(
    'SELECT count(*)::int AS n FROM signals WHERE bundle_id IS NOT NULL AND bundle_id <> id',
  );
  const audit = await count(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'import'`);
  const deliveries = await count('SELECT count(*)::int AS n FROM webhook_deliveries');

  const correct =
    first.imported === ROWS - expectedInvalid - expectedDuplicates &&
    first.duplicates === expectedDuplicates &&
    first.rejectedCount === expectedInvalid &&
    second.imported === 0 &&
    second.duplicates === ROWS - expectedInvalid;
  const targets = [
    {
      what: `import ≥ ${TARGET_ROWS_PER_S} regels/s inclusief validatie, ontdubbelen en matchen (${first.rowsPerS})`,
      ok: first.rowsPerS >= TARGET_ROWS_PER_S,
    },
    {
      what: `tellingen kloppen (nieuw ${first.imported}, dubbel ${first.duplicates}, afgewezen ${first.rejectedCount}; tweede keer nieuw ${second.imported})`,
      ok: correct,
    },
  ];
  const out = [
    '',
    headline('import-benchmark', version),
    `populatie: ${persons.length} personen, ${households} huishoudens, ${CASES} open casussen; bestand ${ROWS} regels (${(body.length / 1024 / 1024).toFixed(1)} MiB)`,
    `eerste import:  ${first.s.toFixed(1)} s = ${first.rowsPerS} regels/s (server-CPU ${first.cpu}% van één core)`,
    `tweede import:  ${second.s.toFixed(1)} s = ${second.rowsPerS} regels/s (alles dubbel; server-CPU ${second.cpu}%)`,
    `matches: ${counts.map((c) => `${c.kind} ${c.n}`).join(', ')}; signal_matched-meldingen ${alerts}; gebundeld ${bundled}; auditrecords 'import' ${audit}`,
    `server piek-RSS (VmHWM): ${memoryAfterFirst?.peakMiB ?? '?'} MiB na de eerste import, ${memory?.peakMiB ?? '?'} MiB na de tweede (nu ${memory?.rssMiB ?? '?'} MiB)`,
    ...(WEBHOOK ? [`webhook: ${deliveries} leveringen geschreven, ${received} ontvangen tot nu`] : []),
    `totale duur: ${secs()} s`,
    '',
    ...targetLines(targets),
  ];
  console.log(out.join('\n'));
  return targets.every((x) => x.ok);
}

runBench('Import-benchmark', main);
