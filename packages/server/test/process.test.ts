import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// The built server as `npm start` runs it (npm test builds first), on the embedded database.
const MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'wijkregie-proc-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as { port: number };
  await new Promise((r) => srv.close(r));
  return port;
}

function start(env: Record<string, string>) {
  const { DATABASE_URL: _, ...rest } = process.env;
  const child = spawn(process.execPath, [MAIN], {
    env: { ...rest, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return { child, output: () => out, exited };
}

async function waitHealthy(port: number, child: ChildProcess) {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error('server exited');
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health`);
      if (res.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not become healthy');
}

describe.skipIf(!existsSync(MAIN))('the server process', () => {
  it('refuses a wrong configuration with a clear message and exit code 1', async () => {
    const p = start({ PORT: 'drieduizend', WIJKREGIE_DATA_DIR: dataDir });
    expect(await p.exited).toBe(1);
    expect(p.output()).toContain('PORT="drieduizend"');
    expect(p.output()).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('starts, serves health, the web app and the API, logs no personal data, and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const p = start({ PORT: String(port), WIJKREGIE_DATA_DIR: dataDir });
    await waitHealthy(port, p.child);
    const base = `http://127.0.0.1:${port}`;

    const page = await fetch(`${base}/beheer/partners`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('lang="nl"');

    const api404 = await fetch(`${base}/api/v1/bestaat-niet`);
    expect(api404.status).toBe(404);
    expect(api404.headers.get('content-type')).toContain('application/problem+json');

    const login = await fetch(`${base}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'regisseur@voorbeeldstad.example', password: 'Wijkregie-demo-2026' }),
    });
    expect(login.status).toBe(200);
    await fetch(`${base}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'onbekend.persoon@voorbeeldstad.example', password: 'fout-wachtwoord' }),
    });

    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
    // The log is the JSON lines; the plain lines are printed for whoever started the server: where it
    // runs and, on the demo, the published demo login (the same accounts the login page lists).
    const lines = p.output().split('\n');
    const log = lines.filter((l) => l.startsWith('{')).join('\n');
    const printed = lines.filter((l) => !l.startsWith('{')).join('\n');
    expect(log).toContain('"route":"/api/v1/session"');
    expect(log).not.toContain('regisseur@voorbeeldstad.example');
    expect(log).not.toContain('onbekend.persoon');
    expect(log).not.toContain('Wijkregie-demo-2026');
    expect(log).not.toContain('fout-wachtwoord');
    expect(printed).toContain(`Wijkregie draait op http://localhost:${port}`);
    expect(printed).toContain(
      'Demo: log in als regisseur@voorbeeldstad.example met wachtwoord Wijkregie-demo-2026',
    );
    expect(printed).not.toContain('onbekend.persoon');
    expect(printed).not.toContain('fout-wachtwoord');
  });

  it('keeps its data across a restart and does not seed twice', async () => {
    const port = await freePort();
    const p = start({ PORT: String(port), WIJKREGIE_DATA_DIR: dataDir });
    await waitHealthy(port, p.child);
    expect(p.output()).not.toContain('aangemaakt');
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'beheer@voorbeeldstad.example', password: 'Wijkregie-demo-2026' }),
    });
    expect(res.status).toBe(200);
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
  });
});
