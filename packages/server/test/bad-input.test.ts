import { Readable } from 'node:stream';
import { importAnswerSchema, signalCategoryListSchema, signalListSchema } from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { CREDITOR_COLUMNS } from '../src/modules/early-warning/columns.js';
import {
  bodyOf,
  type Client,
  expectProblem,
  loggedIn,
  newTenant,
  type TestTenant,
  testApp,
} from './helpers.js';

// Text PostgreSQL cannot store — a NUL character, a lone surrogate — and files over the limit are
// refused before anything is written.

let app: FastifyInstance;
let t: TestTenant;
let reg: Client;

beforeAll(async () => {
  app = await testApp();
  t = await newTenant(['gemeente', 'politie', 'wijkteam']);
  reg = await loggedIn(app, t.regisseur);
});

const NUL = '\u0000';
const LONE = '\ud800';

async function signalCount(c: Client): Promise<number> {
  return bodyOf(await c.get('/api/v1/signals'), signalListSchema).total;
}

describe('a NUL character or a lone surrogate is 400 naming the field, on every kind of route', () => {
  it('in the unauthenticated login', async () => {
    for (const [field, body] of [
      ['email', { email: `a${NUL}@b.nl`, password: 'x' }],
      ['password', { email: 'a@b.nl', password: `x${NUL}` }],
      ['email', { email: `a${LONE}@b.nl`, password: 'x' }],
    ] as const) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/session', payload: body });
      expectProblem(res, 400, [field]);
    }
  });

  it('in the public resident report, and no signal is made', async () => {
    const before = await signalCount(reg);
    const res = await app.inject({
      method: 'POST',
      url: `/api/public/v1/reports?gemeente=${t.id}`,
      remoteAddress: '10.9.0.1',
      payload: {
        category: 'overlast_jeugd',
        description: `Jongeren bij het speelveld${NUL}`,
        location: { street: `Park${LONE}weg`, city: 'Voorbeeldstad' },
      },
    });
    const body = expectProblem(res, 400);
    expect(body.errors?.[0]?.path).toMatch(/^(description|location\.street)$/);
    expect(await signalCount(reg)).toBe(before);
  });

  it('in a nested field, an array item and an object key', async () => {
    const res = await reg.post('/api/v1/persons', {
      firstName: 'Anna',
      lastName: 'de Vries',
      address: { street: `Kerk${NUL}straat`, houseNumber: '1', postalCode: '1234AB', city: 'Voorbeeldstad' },
    });
    expectProblem(res, 400, ['address.street']);
    const arr = await reg.put('/api/v1/access-matrix', {
      cells: [{ partnerId: t.partners.politie, category: `zorg${NUL}`, access: 'read' }],
    });
    expectProblem(arr, 400, ['cells.0.category']);
    const key = await reg.post('/api/v1/persons', { firstName: 'A', lastName: 'B', [`x${NUL}`]: 1 });
    expectProblem(key, 400, ['x\\u0000']);
  });

  it('in a query string and a path parameter', async () => {
    expectProblem(await reg.get('/api/v1/persons?q=Jan%00sen'), 400, ['q']);
    expectProblem(await reg.get('/api/v1/signals?category=%00'), 400, ['category']);
    // A lone surrogate in the category key of the URL and in the body.
    const path = await reg.patch('/api/v1/signal-categories/overlast%ED%A0%80', { label: 'x' });
    expect(path.statusCode).toBeGreaterThanOrEqual(400);
    expect(path.statusCode).toBeLessThan(500);
    expectProblem(
      await reg.patch('/api/v1/signal-categories/overlast_jeugd', { label: `Overlast${LONE}` }),
      400,
      ['label'],
    );
    const cats = bodyOf(await reg.get('/api/v1/signal-categories'), signalCategoryListSchema);
    expect(cats.items.find((c) => c.key === 'overlast_jeugd')?.label).not.toContain(LONE);
  });
});

const row = (ref: string, lastName = 'Jansen') =>
  [
    'energie',
    'Stroom BV',
    ref,
    '2026-09-15',
    lastName,
    'J.',
    '1980-05-17',
    'Dorpsstraat',
    '12',
    '1234AB',
    'Voorbeeldstad',
    '312,50',
    '2026-09-01',
    'nee',
  ].join(';');
const header = CREDITOR_COLUMNS.join(';');

describe('the creditor CSV', () => {
  it('refuses a row with a NUL character and imports the others', async () => {
    const tag = Date.now().toString(36);
    const body = [header, row(`${tag}-1`), row(`${tag}-2`, `Jan${NUL}sen`), row(`${tag}-3`), ''].join('\r\n');
    const res = await reg.request({
      method: 'POST',
      url: '/api/v1/signals/import',
      headers: { 'content-type': 'text/csv' },
      payload: body,
    });
    expect(res.statusCode).toBe(200);
    const result = bodyOf(res, importAnswerSchema);
    expect(result.imported).toBe(2);
    expect(result.rejected).toHaveLength(1);
    expect(result.rejected[0]!.line).toBe(3);
    expect(result.rejected[0]!.message).toContain('lastName');
  });

  /** A file of `size` bytes: a header, ten valid rows, then empty lines (which the reader skips). */
  function bigCsv(size: number, tag: string): Buffer {
    const head = Buffer.from(
      `${[header, ...Array.from({ length: 10 }, (_, i) => row(`${tag}-${i}`))].join('\n')}\n`,
    );
    const buf = Buffer.alloc(size, 0x0a);
    head.copy(buf);
    return buf;
  }

  const MiB = 1024 * 1024;
  /** An importer of their own, so that "my current import" is about these files only. */
  const importer = async () => loggedIn(app, await t.addUser('gemeente', ['regisseur']));

  it('is 413 past 50 MiB with a Content-Length, and nothing of it is stored', async () => {
    const before = await signalCount(reg);
    const me = await importer();
    const res = await me.request({
      method: 'POST',
      url: '/api/v1/signals/import',
      headers: { 'content-type': 'text/csv' },
      payload: bigCsv(80 * MiB, `big-${Date.now()}`),
    });
    expectProblem(res, 413);
    expect(await signalCount(reg)).toBe(before);
    expect((await me.get('/api/v1/signals/imports/current')).statusCode).toBe(404);
  });

  it('is 413 past 50 MiB when the file streams in without a length, and nothing of it is stored', async () => {
    const before = await signalCount(reg);
    const file = bigCsv(51 * MiB, `stream-${Date.now()}`);
    const me = await importer();
    const res = await me.request({
      method: 'POST',
      url: '/api/v1/signals/import',
      headers: { 'content-type': 'text/csv', 'transfer-encoding': 'chunked' },
      payload: Readable.from(
        (function* () {
          for (let at = 0; at < file.length; at += MiB) yield file.subarray(at, at + MiB);
        })(),
      ),
    });
    expectProblem(res, 413);
    expect(await signalCount(reg)).toBe(before);
    expect((await me.get('/api/v1/signals/imports/current')).statusCode).toBe(404);
  });

  it('takes a file just under the limit', async () => {
    const res = await reg.request({
      method: 'POST',
      url: '/api/v1/signals/import',
      headers: { 'content-type': 'text/csv' },
      payload: bigCsv(50 * MiB - 1, `under-${Date.now()}`),
    });
    expect(res.statusCode).toBe(200);
    expect(bodyOf(res, importAnswerSchema).imported).toBe(10);
  });
});
