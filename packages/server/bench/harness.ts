/**
 * What every part of `npm run bench` does the same way: its knobs, a fresh database next to
 * DATABASE_URL's, the built server under test as a child process, and calls to its API as a
 * logged-in user. Used by `run.ts`, `alerts.ts` and `import.ts`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '@wijkregie/server/dist/db/db.js';
import { openPostgres } from '@wijkregie/server/dist/db/postgres.js';
import { col, execute, oneRow } from '@wijkregie/server/dist/db/rows.js';
import { auditKeyFrom } from '@wijkregie/server/dist/modules/audit/key.js';
import { z } from 'zod';
import { type Child, cleanup, freePort, log, onCleanup, startChild, waitFor } from './proc.js';

/** The password of every user the benches make (throw-away databases). */
export const BENCH_PASSWORD = 'bench-wachtwoord-2024';
/** The audit key of the bench's servers and of its own database handles (docs/audit.md). */
export const BENCH_AUDIT_KEY = 'bench-audit-key-for-throw-away-databases-0123456789';
export const benchAuditKey = auditKeyFrom(BENCH_AUDIT_KEY);

/** A numeric knob from the environment; unset or empty gives `fallback`. */
export function num(name: string, fallback: number): number {
  const v = process.env[name];
  return v === undefined || v === '' ? fallback : Number(v);
}

/** The built server (`tsc -b packages/server`); BENCH_SERVER measures another build's main.js instead. */
export const DEFAULT_SERVER = fileURLToPath(import.meta.resolve('@wijkregie/server/dist/main.js'));
export const SERVER = process.env.BENCH_SERVER || DEFAULT_SERVER;
/** Another script of this bench, beside this one in its build output. */
export const benchScript = (name: string) => fileURLToPath(new URL(`./${name}`, import.meta.url));

const versionRow = z.object({ version: col.text });

/** A connection pool; with no DATABASE_URL set and nothing answering, the local cluster is started. */
async function connect(url: string, max: number): Promise<Db> {
  const attempt = async () => {
    const db = openPostgres(url, benchAuditKey, max);
    try {
      await execute(db, 'SELECT 1');
      return db;
    } catch (err) {
      await db.close();
      throw err;
    }
  };
  try {
    return await attempt();
  } catch (err) {
    if (process.env.DATABASE_URL) throw err;
    log('PostgreSQL antwoordt niet; starten met pg_ctlcluster 15 main…');
    spawnSync('pg_ctlcluster', ['--skip-systemctl-redirect', '15', 'main', 'start'], { stdio: 'inherit' });
    for (let i = 0; i < 30; i++) {
      try {
        return await attempt();
      } catch {
        await new Promise((r) => setTimeout(r, 500));
      }
    }
    throw err;
  }
}

export interface BenchDatabase {
  name: string;
  url: string;
  /** The server's version, e.g. "15.6 (Debian …)". */
  version: string;
  /** A folder for logs and the audit checkpoint file, removed at clean-up. */
  work: string;
}

/**
 * A fresh database `wijkregie_bench[_<kind>]_<now>` on DATABASE_URL's server (default: the local
 * cluster) and a work folder; both are removed at clean-up, the database not when BENCH_KEEP_DB is
 * set. `settings` ("jit=off;auto_explain.log_min_duration=50") become the database's defaults.
 */
export async function freshDatabase(kind: string, settings = ''): Promise<BenchDatabase> {
  const adminUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const suffix = kind ? `_${kind}` : '';
  const name = `wijkregie_bench${suffix}_${Date.now()}`;
  const work = mkdtempSync(join(tmpdir(), `wijkregie-bench${kind ? `-${kind}` : ''}-`));
  onCleanup('logs', async () => rmSync(work, { recursive: true, force: true }));
  const admin = await connect(adminUrl, 1);
  const { version } = await oneRow(admin, versionRow, "SELECT current_setting('server_version') AS version");
  await execute(admin, `CREATE DATABASE ${name}`);
  onCleanup('database', async () => {
    if (process.env.BENCH_KEEP_DB) {
      log(`database ${name} blijft staan (BENCH_KEEP_DB)`);
    } else {
      await execute(admin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      log(`database ${name} verwijderd`);
    }
    await admin.close();
  });
  for (const setting of settings.split(';').filter(Boolean)) {
    const [key, value = ''] = setting.split('=');
    await execute(admin, `ALTER DATABASE ${name} SET ${key} = '${value.replaceAll("'", "''")}'`);
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { name, url: url.toString(), version, work };
}

/** A pool on the bench's database for the bench itself (seeding, reading results); closed at clean-up. */
export async function openBenchDb(database: BenchDatabase, max = 1): Promise<Db> {
  const db = await connect(database.url, max);
  onCleanup('bench db', () => db.close());
  return db;
}

/**
 * The server under test (SERVER) on a free port on `database`, no demo, its first admin
 * `adminEmail` with BENCH_PASSWORD; `env` adds to its environment. Resolves once /health answers.
 */
export async function startServer(
  database: BenchDatabase,
  adminEmail: string,
  env: Record<string, string> = {},
): Promise<{ child: Child; base: string; pid: number }> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = startChild(
    SERVER,
    {
      ...process.env,
      WIJKREGIE_AUDIT_KEY: BENCH_AUDIT_KEY,
      WIJKREGIE_AUDIT_CHECKPOINT_FILE: join(database.work, 'audit-checkpoints.jsonl'),
      DATABASE_URL: database.url,
      PORT: String(port),
      WIJKREGIE_DEMO: '0',
      WIJKREGIE_ADMIN_EMAIL: adminEmail,
      WIJKREGIE_ADMIN_PASSWORD: BENCH_PASSWORD,
      WIJKREGIE_PUBLIC_URL: base,
      ...env,
    },
    join(database.work, 'server.log'),
  );
  await waitFor(child, `${base}/health`);
  return { child, base, pid: pidOf(child) };
}

/** The pid of a started child; a child without one did not start. */
export function pidOf(child: Child): number {
  if (child.proc.pid === undefined) throw new Error(`${child.logFile}: the process did not start`);
  return child.proc.pid;
}

// HTTP ---------------------------------------------------------------------------------------------

/** Logs in with BENCH_PASSWORD; answers the session cookie (`wijkregie_session=…`). */
export async function login(base: string, email: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: BENCH_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .find((c) => c.startsWith('wijkregie_session='))
    ?.split(';')[0];
  if (!cookie) throw new Error('login gave no session cookie');
  return cookie;
}

/** One call as the user of `cookie`; a non-2xx answer throws with its body. Answers the raw JSON. */
export async function call(
  base: string,
  method: string,
  path: string,
  cookie: string,
  body?: unknown,
): Promise<unknown> {
  const res = await fetch(base + path, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.status === 204 ? undefined : res.json();
}

/** `call`, its answer checked against the contract's schema and typed by it. */
export async function callAs<S extends z.ZodType>(
  schema: S,
  base: string,
  method: string,
  path: string,
  cookie: string,
  body?: unknown,
): Promise<z.output<S>> {
  return schema.parse(await call(base, method, path, cookie, body));
}

// Running ------------------------------------------------------------------------------------------

/**
 * Runs a bench's `main`, cleans up (also after a failure or a signal) and ends with `exit`: 0 when
 * every target was met, 1 when one was missed, 2 when the bench failed.
 */
export function runBench(
  name: string,
  main: () => Promise<boolean>,
  exit: (code: number) => never = (code) => process.exit(code),
): void {
  main()
    .then(async (ok) => {
      await cleanup();
      exit(ok ? 0 : 1);
    })
    .catch(async (err: unknown) => {
      console.error(`\n${name} mislukt:`, err instanceof Error ? (err.stack ?? err.message) : err);
      await cleanup();
      exit(2);
    });
}
