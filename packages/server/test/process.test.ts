import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAIN, startServer, waitHealthy } from './server-process.js';

// The built server as `npm start` runs it (npm test builds first), on the embedded database.
const dataDir = mkdtempSync(join(tmpdir(), 'wijkregie-proc-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

// A first start seeds the demo: 20–30 s on a busy two-core machine.
describe.skipIf(!existsSync(MAIN))('the server process', { timeout: 180_000 }, () => {
  it('refuses a wrong configuration with a clear message and exit code 1', async () => {
    const p = await startServer({ PORT: 'drieduizend', WIJKREGIE_DATA_DIR: dataDir });
    expect(await p.exited).toBe(1);
    expect(p.output()).toContain('PORT="drieduizend"');
    expect(p.output()).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('starts, serves health, the web app and the API, logs no personal data, and stops cleanly on SIGTERM', async () => {
    const p = await startServer({ WIJKREGIE_DATA_DIR: dataDir });
    const port = p.port;
    await waitHealthy(p);
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
    const p = await startServer({ WIJKREGIE_DATA_DIR: dataDir });
    const port = p.port;
    await waitHealthy(p);
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
