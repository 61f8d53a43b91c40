import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, devices } from '@playwright/test';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
// E2E_PORT lets two runs (say, one per database) share a machine.
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = process.env.E2E_BASE_URL ?? `http://127.0.0.1:${port}`;

// One fresh data folder per run. The config is also loaded by the worker processes; they inherit the
// folder through the environment instead of making another one.
if (!process.env.WIJKREGIE_E2E_DATA_DIR) {
  process.env.WIJKREGIE_E2E_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'wijkregie-e2e-'));
}
const dataDir = process.env.WIJKREGIE_E2E_DATA_DIR;

// The server gets DATABASE_URL only from E2E_DATABASE_URL; otherwise it must use embedded PGlite in the
// fresh folder, never a database the outer environment happens to point at.
const databaseUrl = process.env.E2E_DATABASE_URL;
if (!databaseUrl) delete process.env.DATABASE_URL;

const serverEnv: Record<string, string> = {
  PORT: String(port),
  WIJKREGIE_DATA_DIR: dataDir,
  WIJKREGIE_DEMO: '1',
  // PostgreSQL needs the audit key in the environment; the embedded database makes its key file.
  ...(databaseUrl
    ? { DATABASE_URL: databaseUrl, WIJKREGIE_AUDIT_KEY: 'e2e-audit-key-for-a-throw-away-database' }
    : {}),
};

const chromiumExecutable = '/usr/bin/chromium';
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

export default defineConfig({
  testDir: path.join(repoRoot, 'e2e/tests'),
  outputDir: path.join(repoRoot, 'e2e/test-results'),
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: 'list',
  // A journey test walks a whole process with an axe scan on every page (about 3 s each in Debian's
  // Chromium on a two-core machine); 30 s left no room for a busy machine.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  globalTeardown: path.join(repoRoot, 'e2e/global-teardown.ts'),
  use: {
    baseURL,
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1280, height: 900 },
        launchOptions: { executablePath: chromiumExecutable, args: chromiumArgs },
      },
    },
  ],
  webServer: {
    command: 'node packages/server/dist/main.js',
    cwd: repoRoot,
    env: serverEnv,
    url: `http://127.0.0.1:${port}/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    // Set E2E_SERVER_LOG=1 to see the server's log in the test output.
    stdout: process.env.E2E_SERVER_LOG ? 'pipe' : 'ignore',
    stderr: 'pipe',
  },
});
