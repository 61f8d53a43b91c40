import { publicCategoryListSchema, signalSchema } from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  bodyOf,
  type Client,
  expectProblem,
  loggedIn,
  newTenant,
  type TestTenant,
  testApp,
} from './helpers.js';

let app: FastifyInstance;
let t: TestTenant;
let reg: Client;

beforeAll(async () => {
  app = await testApp();
  t = await newTenant(['gemeente', 'politie']);
  reg = await loggedIn(app, t.regisseur);
});

describe('what residents are offered', () => {
  it('only categories meant for residents: no money laundering on the public form', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/public/v1/categories?gemeente=${t.id}` });
    const keys = bodyOf(res, publicCategoryListSchema).items.map((c) => c.key);
    expect(keys).toContain('woonoverlast');
    expect(keys).not.toContain('ondermijning_witwassen');
    const report = await app.inject({
      method: 'POST',
      url: `/api/public/v1/reports?gemeente=${t.id}`,
      payload: { category: 'ondermijning_witwassen', description: 'Verdacht veel contant geld.' },
    });
    expectProblem(report, 400, ['category']);
  });
});

describe('CSV exports in Dutch time', () => {
  it('the signal export gives the reporting time in Europe/Amsterdam and says so', async () => {
    const created = bodyOf(
      await reg.post('/api/v1/signals', {
        category: 'woonoverlast',
        description: 'Tijdzone-export',
        source: 'professional',
      }),
      signalSchema,
      201,
    );
    const res = await reg.get('/api/v1/signals/export');
    expect(res.statusCode).toBe(200);
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toContain('gemeld op (Europe/Amsterdam)');
    const line = lines.find((l) => l.startsWith(created.id)) ?? '';
    const local = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Amsterdam',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .format(new Date(created.createdAt))
      .replace(',', '');
    expect(line.split(';')[1]?.slice(0, 16)).toBe(local);
    expect(line).not.toContain('Z;');
  });
});
