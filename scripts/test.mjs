// `npm test`: builds, runs the API and unit tests (vitest), then the browser tests (Playwright in
// Debian's Chromium). With DATABASE_URL set, everything runs against that PostgreSQL server; the
// browser tests get a fresh database of their own there, because the demo seeds only an empty one.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const CHROMIUM = '/usr/bin/chromium';
const run = (cmd, args, env = process.env) => spawnSync(cmd, args, { stdio: 'inherit', env }).status ?? 1;
const t0 = Date.now();
const step = (name) => console.log(`\n── ${name} (${Math.round((Date.now() - t0) / 1000)} s) ──`);

step('build');
if (run('npm', ['run', 'build', '--silent']) !== 0) process.exit(1);

step(`API- en unittests (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`);
let failed = run('npx', ['vitest', 'run']) !== 0;

if (!existsSync(CHROMIUM)) {
  if (process.env.CI) {
    console.error(`${CHROMIUM} ontbreekt; in CI moeten de browsertests draaien.`);
    process.exit(1);
  }
  console.log(
    `Chromium ontbreekt (${CHROMIUM}): browsertests overgeslagen (installeer met: apt-get install chromium).`,
  );
  process.exit(failed ? 1 : 0);
}

step('browsertests');
const env = { ...process.env };
let dropDb = async () => {};
if (process.env.DATABASE_URL) {
  const pg = createRequire(new URL('../packages/server/package.json', import.meta.url))('pg');
  const name = `wijkregie_e2e_${Date.now()}`;
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${name}`;
  env.E2E_DATABASE_URL = url.toString();
  dropDb = async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
    await admin.end();
  };
}
failed = run('npx', ['playwright', 'test', '-c', 'e2e/playwright.config.ts'], env) !== 0 || failed;
await dropDb();

step(failed ? 'MISLUKT' : 'alles geslaagd');
process.exit(failed ? 1 : 0);
