/**
 * The creditor-import part of `npm run bench` (also on its own: `BENCH_ONLY=import npm run bench`, or
 * `node packages/server/dist/bench/import.js`): throughput of `POST /api/v1/signals/import` for a
 * large early-warning file, including validation, dedupe, matching, bundling, alerts and audit.
 *
 * A fresh PostgreSQL database; the real built server as a child process. Through the API: a
 * partner Gemeente, a regisseur and a case director; open cases about some persons. Directly in the
 * database: BENCH_IMPORT_PERSONS persons (families at addresses, some households). Then a CSV of
 * BENCH_IMPORT_ROWS rows (a fifth about known persons, a few invalid rows and duplicates) is posted
 * over HTTP as text/csv, and the same file a second time (all duplicates). Reported: rows/s of each
 * (target ≥ 5,000 rows/s for the first), matches found, and the server's peak RSS (VmHWM).
 *
 * Knobs (environment): DATABASE_URL (server URL), BENCH_IMPORT_ROWS (100,000),
 * BENCH_IMPORT_PERSONS (50,000), BENCH_SERVER (another build's main.js).
 */

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { FIRST_NAMES, LAST_NAMES, prng, STREETS, typo } from './names.js';
import {
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
import { BENCH_PASSWORD } from './seed.js';

const num = (name: string, fallback: number) => {
  const v = process.env[name];
  return v === undefined || v === '' ? fallback : Number(v);
};
const ROWS = num('BENCH_IMPORT_ROWS', 100_000);
const PERSONS = num('BENCH_IMPORT_PERSONS', 50_000);
const CASES = 50;
const DIST = fileURLToPath(new URL('../', import.meta.url));
const SERVER = process.env.BENCH_SERVER || join(DIST, 'main.js');
const TARGET_ROWS_PER_S = 5000;
const ADMIN_EMAIL = 'beheer-import@bench.example';
const COLUMNS = [
  'creditorType',
  'creditorName',
  'reference',
  'signalDate',
  'lastName',
  'initials',
  'birthDate',
  'street',
  'houseNumber',
  'postalCode',
  'city',
  'arrearsAmount',
  'arrearsSince',
  'endOfSupply',
];

async function call<T>(
  base: string,
  method: string,
  path: string,
  cookie: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(base + path, {
    method,
    headers: { cookie, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function login(base: string, email: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: BENCH_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('wijkregie_session='));
  if (!cookie) throw new Error('login gave no session cookie');
  return cookie.split(';')[0]!;
}

interface Person {
  first: string;
  last: string;
  birth: string | null;
  postal: string;
  number: string;
}

async function main(): Promise<boolean> {
  const adminUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const dbName = `wijkregie_bench_import_${Date.now()}`;
  const work = mkdtempSync(join(tmpdir(), 'wijkregie-bench-import-'));
  onCleanup('logs', async () => rmSync(work, { recursive: true, force: true }));
  const admin = await connectAdmin(adminUrl);
  const [{ version } = { version: '?' }] = (
    await admin.query<{ version: string }>("SELECT current_setting('server_version') AS version")
  ).rows;
  await admin.query(`CREATE DATABASE ${dbName}`);
  onCleanup('database', async () => {
    if (process.env.BENCH_KEEP_DB) {
      log(`database ${dbName} blijft staan (BENCH_KEEP_DB)`);
      await admin.end();
      return;
    }
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
    log(`database ${dbName} verwijderd`);
  });
  // Diagnosis: settings for the bench database, e.g. "jit=off;auto_explain.log_min_duration=50".
  for (const setting of (process.env.BENCH_IMPORT_DB_SETTINGS ?? '').split(';').filter(Boolean)) {
    const [key, value] = setting.split('=') as [string, string];
    await admin.query(`ALTER DATABASE ${dbName} SET ${key} = '${value.replaceAll("'", "''")}'`);
  }
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  const dbUrl = url.toString();
  const load = loadavg().map((x) => x.toFixed(2));
  log(`PostgreSQL ${version}, database ${dbName}; ${cpus().length} cores, load ${load.join(' ')}`);

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
    },
    join(work, 'server.log'),
  );
  const base = `http://127.0.0.1:${port}`;
  await waitFor(server, `${base}/health`);
  log(`server pid ${server.proc.pid} op ${base}`);

  // Organisation through the API.
  const adminCookie = await login(base, ADMIN_EMAIL);
  const gemeente = await call<{ id: string }>(base, 'POST', '/api/v1/partners', adminCookie, {
    name: 'Gemeente Importstad',
    kind: 'gemeente',
  });
  const user = (email: string, name: string, roles: string[]) =>
    call<{ id: string }>(base, 'POST', '/api/v1/users', adminCookie, {
      email,
      name,
      password: BENCH_PASSWORD,
      partnerId: gemeente.id,
      roles,
    });
  const regisseur = await user('regisseur-import@bench.example', 'Regisseur Import', ['regisseur']);
  const director = await user('regie-import@bench.example', 'Casusregisseur Import', ['professional']);

  // The population, directly in the database (families at addresses, some households).
  const db = new pg.Client({ connectionString: dbUrl, application_name: 'wijkregie-bench' });
  await db.connect();
  onCleanup('bench db client', () => db.end());
  const [{ id: tenantId } = { id: '' }] = (await db.query<{ id: string }>('SELECT id FROM tenants')).rows;
  const rnd = prng(424242);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = (from: number, to: number) =>
    `${from + Math.floor(rnd() * (to - from + 1))}-${pad(1 + Math.floor(rnd() * 12))}-${pad(1 + Math.floor(rnd() * 28))}`;
  const letters = 'ABCDEFGHJKLMNPRSTVWXZ';
  const postal = (lo: number) => `${lo + Math.floor(rnd() * 4000)}${pick([...letters])}${pick([...letters])}`;
  const seedStart = performance.now();
  const persons: Person[] = [];
  const families: Person[][] = [];
  while (persons.length < PERSONS) {
    const addr = { postal: postal(1000), number: String(1 + Math.floor(rnd() * 200)) };
    const last = pick(LAST_NAMES);
    const family: Person[] = [];
    const size = 1 + Math.floor(rnd() * 4);
    for (let i = 0; i < size && persons.length < PERSONS; i++) {
      const p = {
        first: pick(FIRST_NAMES),
        last: i === 1 && rnd() < 0.4 ? pick(LAST_NAMES) : last,
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
    const rows = await db.query<{ id: string }>(
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
        JSON.stringify(chunk.map((p, ord) => ({ ...p, ord, street: pick(STREETS) }))),
      ],
    );
    personIds.push(...rows.rows.map((r) => r.id));
  }
  const idOf = new Map(persons.map((p, i) => [p, personIds[i]!]));
  let households = 0;
  for (const f of families) {
    if (f.length < 2 || rnd() > 0.5) continue;
    const h = await db.query<{ id: string }>(
      `INSERT INTO households (tenant_id, name, contact_person_id, house_number, postal_code, city, created_by_user_id, created_by_partner_id)
       VALUES ($1, $2, $3, $4, $5, 'Importstad', $6, $7) RETURNING id`,
      [
        tenantId,
        `Huishouden ${f[0]!.last}`,
        idOf.get(f[0]!),
        f[0]!.number,
        f[0]!.postal,
        regisseur.id,
        gemeente.id,
      ],
    );
    await db.query(
      `INSERT INTO subject_relations (tenant_id, from_kind, from_id, relation, to_kind, to_id, created_by_user_id)
       SELECT $1, 'person', m, 'member_of', 'household', $2, $3 FROM unnest($4::uuid[]) AS m`,
      [tenantId, h.rows[0]!.id, regisseur.id, f.map((p) => idOf.get(p))],
    );
    households++;
  }
  await db.query('ANALYZE');
  const adults = persons.filter((p) => p.birth);
  // Open cases about some of the persons the file will name (to exercise the alerts).
  const regCookie = await login(base, 'regisseur-import@bench.example');
  const caseSubjects = adults.slice(0, CASES);
  for (const p of caseSubjects) {
    await call(base, 'POST', '/api/v1/cases', regCookie, {
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

  // The file: a fifth about known persons (with some typos), the rest strangers; a few bad rows and duplicates.
  const types = ['energie', 'water', 'huur', 'zorgverzekering'];
  const creditors = [
    'Energie Noord BV',
    'Waterbedrijf Oost',
    'Woonstichting Importstad',
    'Zorgverzekeraar Zuid',
  ];
  const lines = [COLUMNS.join(';')];
  let expectedInvalid = 0;
  let expectedDuplicates = 0;
  for (let i = 0; i < ROWS; i++) {
    let p: Person;
    let known = false;
    if (i < CASES) {
      p = caseSubjects[i]!;
      known = true;
    } else if (rnd() < 0.2) {
      p = pick(adults);
      known = true;
    } else {
      p = {
        first: pick(FIRST_NAMES),
        last: pick(LAST_NAMES),
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
    lines.push(
      [
        types[k],
        creditors[k],
        reference,
        i % 2 ? '2026-03-02' : '02-03-2026',
        last,
        `${p.first[0]}.`,
        p.birth ?? '',
        pick(STREETS),
        p.number,
        postalCode,
        'Importstad',
        i % 3 ? amount.replace('.', ',') : amount,
        since,
        rnd() < 0.05 ? 'ja' : 'nee',
      ].join(';'),
    );
  }
  const file = join(work, 'schuldeisers.csv');
  writeFileSync(file, `\uFEFF${lines.join('\r\n')}\r\n`);
  const body = readFileSync(file);
  log(`bestand: ${ROWS} regels, ${(body.length / 1024 / 1024).toFixed(1)} MiB`);

  const importCookie = await login(base, 'regisseur-import@bench.example');
  const post = async () => {
    const ticks0 = ticksOf(server.proc.pid!);
    const start = performance.now();
    const res = await fetch(`${base}/api/v1/signals/import`, {
      method: 'POST',
      headers: { cookie: importCookie, 'content-type': 'text/csv' },
      body,
    });
    const json = (await res.json()) as { imported: number; duplicates: number; rejected: unknown[] };
    const s = (performance.now() - start) / 1000;
    if (res.status !== 200) throw new Error(`import: ${res.status} ${JSON.stringify(json)}`);
    const cpu = Math.round(((ticksOf(server.proc.pid!) - ticks0) / (s * 100)) * 100);
    return { s, rowsPerS: Math.round(ROWS / s), cpu, ...json, rejectedCount: json.rejected.length };
  };
  const first = await post();
  log(
    `eerste import: ${first.s.toFixed(1)} s, ${first.rowsPerS} regels/s; ${first.imported} nieuw, ${first.duplicates} dubbel, ${first.rejectedCount} afgewezen`,
  );
  const memoryAfterFirst = memoryOf(server.proc.pid!);
  const second = await post();
  log(`tweede import (zelfde bestand): ${second.s.toFixed(1)} s, ${second.rowsPerS} regels/s`);
  const memory = memoryOf(server.proc.pid!);

  const counts = (
    await db.query<{ kind: string; n: number }>(
      `SELECT kind, count(*)::int AS n FROM signal_matches GROUP BY kind ORDER BY kind`,
    )
  ).rows;
  const alerts = (
    await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM alerts WHERE kind = 'signal_matched'`)
  ).rows[0]!.n;
  const bundled = (
    await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM signals WHERE bundle_id IS NOT NULL AND bundle_id <> id',
    )
  ).rows[0]!.n;
  const audit = (
    await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'import'`)
  ).rows[0]!.n;

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
    `Wijkregie import-benchmark — ${new Date().toISOString()}, ${cpus().length} cores, Node ${process.version}, PostgreSQL ${version}`,
    `populatie: ${persons.length} personen, ${households} huishoudens, ${CASES} open casussen; bestand ${ROWS} regels (${(body.length / 1024 / 1024).toFixed(1)} MiB)`,
    `eerste import:  ${first.s.toFixed(1)} s = ${first.rowsPerS} regels/s (server-CPU ${first.cpu}% van één core)`,
    `tweede import:  ${second.s.toFixed(1)} s = ${second.rowsPerS} regels/s (alles dubbel; server-CPU ${second.cpu}%)`,
    `matches: ${counts.map((c) => `${c.kind} ${c.n}`).join(', ')}; signal_matched-meldingen ${alerts}; gebundeld ${bundled}; auditrecords 'import' ${audit}`,
    `server piek-RSS (VmHWM): ${memoryAfterFirst?.peakMiB ?? '?'} MiB na de eerste import, ${memory?.peakMiB ?? '?'} MiB na de tweede (nu ${memory?.rssMiB ?? '?'} MiB)`,
    `totale duur: ${secs()} s`,
    '',
    ...targets.map((x) => `${x.ok ? 'OK    ' : 'MISSER'} ${x.what}`),
  ];
  console.log(out.join('\n'));
  return targets.every((x) => x.ok);
}

main()
  .then(async (ok) => {
    await cleanup();
    process.exit(ok ? 0 : 1);
  })
  .catch(async (err: unknown) => {
    console.error('\nImport-benchmark mislukt:', err instanceof Error ? (err.stack ?? err.message) : err);
    await cleanup();
    process.exit(2);
  });
