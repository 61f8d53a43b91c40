import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type ImportProgress,
  importAnswerSchema,
  importProgressSchema,
  partnerListSchema,
  signalListSchema,
} from '@wijkregie/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { CREDITOR_COLUMNS } from '../src/modules/early-warning/columns.js';
import { jsonOf } from './helpers.js';
import { freshPostgres, HttpClient, MAIN, startServer, waitHealthy } from './server-process.js';

// kill -9 during a creditor import: after a restart the dead run is `interrupted` with the rows it
// committed, and importing the same file again completes it (what was stored is skipped as duplicate).

const ADMIN = { email: 'beheer@crash.example', password: 'crash-test-wachtwoord-1' };
const REG = { email: 'regisseur@crash.example', password: 'crash-test-wachtwoord-2' };
const ROWS = 20_000;

function creditorFile(): string {
  const lines = [CREDITOR_COLUMNS.join(';')];
  for (let i = 0; i < ROWS; i++) {
    lines.push(
      [
        'energie',
        'Stroom BV',
        `CR-${i}`,
        '2026-09-15',
        `Naam${i}`,
        'J.',
        '1980-05-17',
        'Dorpsstraat',
        String(1 + (i % 200)),
        `${1000 + (i % 8999)}AB`,
        'Voorbeeldstad',
        '312,50',
        '2026-09-01',
        'nee',
      ].join(';'),
    );
  }
  return `${lines.join('\n')}\n`;
}

describe.skipIf(!existsSync(MAIN))('a creditor import cut off by kill -9', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'wijkregie-crash-'));
  let pgDrop: (() => Promise<void>) | undefined;
  afterAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    await pgDrop?.();
  });

  it('ends as interrupted after the restart, counts what was committed, and resumes by importing again', async () => {
    const env: Record<string, string> = {
      WIJKREGIE_DATA_DIR: dataDir,
      WIJKREGIE_DEMO: '0',
      WIJKREGIE_ADMIN_EMAIL: ADMIN.email,
      WIJKREGIE_ADMIN_PASSWORD: ADMIN.password,
    };
    if (process.env.DATABASE_URL) {
      const fresh = await freshPostgres(process.env.DATABASE_URL);
      pgDrop = fresh.drop;
      env.DATABASE_URL = fresh.url;
    }
    const first = await startServer(env);
    await waitHealthy(first);
    const admin = await new HttpClient(first.base).login(ADMIN.email, ADMIN.password);
    const partners = await jsonOf(await admin.request('GET', '/api/v1/partners'), partnerListSchema);
    const made = await admin.request('POST', '/api/v1/users', {
      ...REG,
      name: 'Regisseur',
      partnerId: partners.items[0]!.id,
      roles: ['regisseur'],
    });
    expect(made.status).toBe(201);
    const reg = await new HttpClient(first.base).login(REG.email, REG.password);

    const file = creditorFile();
    const upload = reg.request('POST', '/api/v1/signals/import', file, 'text/csv').catch(() => undefined);
    let seen: ImportProgress | undefined;
    for (let i = 0; i < 600; i++) {
      const res = await reg.request('GET', '/api/v1/signals/imports/current');
      if (res.status === 200) {
        const p = await jsonOf(res, importProgressSchema);
        if (p.status === 'running' && p.imported > 0) {
          seen = p;
          break;
        }
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(seen, 'the import was seen committing batches').toBeDefined();
    first.child.kill('SIGKILL');
    await first.exited;
    await upload;

    const second = await startServer(env);
    try {
      await waitHealthy(second);
      const reg2 = await new HttpClient(second.base).login(REG.email, REG.password);
      const after = await jsonOf(
        await reg2.request('GET', '/api/v1/signals/imports/current'),
        importProgressSchema,
      );
      expect(after.status).toBe('interrupted');
      expect(after.imported).toBeGreaterThanOrEqual(seen!.imported);
      expect(after.imported).toBeLessThan(ROWS);
      const stored = await jsonOf(
        await reg2.request('GET', '/api/v1/signals?source=creditor&limit=1'),
        signalListSchema,
      );
      expect(stored.total).toBe(after.imported);

      // Resume: the same file again; the rows already stored are duplicates.
      const again = await reg2.request('POST', '/api/v1/signals/import', file, 'text/csv');
      expect(again.status).toBe(200);
      const result = await jsonOf(again, importAnswerSchema);
      expect(result.duplicates).toBe(after.imported);
      expect(result.imported).toBe(ROWS - after.imported);
      const done = await jsonOf(
        await reg2.request('GET', '/api/v1/signals/imports/current'),
        importProgressSchema,
      );
      expect(done.status).toBe('done');
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
  }, 180_000);
});
