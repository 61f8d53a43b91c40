import {
  auditListSchema,
  categoryListSchema,
  type MatrixCell,
  matrixSchema,
  myAccessSchema,
} from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { bodyOf, Client, expectProblem, loggedIn, newTenant, type TestTenant, testApp } from './helpers.js';

let app: FastifyInstance;
let t: TestTenant;
let other: TestTenant;

beforeAll(async () => {
  app = await testApp();
  t = await newTenant(['gemeente', 'politie', 'wijkteam']);
  other = await newTenant(['gemeente', 'politie']);
});

const matrixOf = async (c: Client) => bodyOf(await c.get('/api/v1/access-matrix'), matrixSchema).cells;
const cell = (cells: MatrixCell[], partnerId: string, category: string) =>
  cells.find((c) => c.partnerId === partnerId && c.category === category)?.access;

describe('categories', () => {
  it('a new municipality has the default categories', async () => {
    const res = await (await loggedIn(app, t.professional)).get('/api/v1/categories');
    expect(res.statusCode).toBe(200);
    expect(bodyOf(res, categoryListSchema).items.map((c) => c.key)).toEqual([
      'basis',
      'zorg',
      'politie',
      'justitie',
      'financien',
      'wonen',
      'jeugd',
      'veiligheid',
      'ondermijning',
    ]);
    expectProblem(await app.inject({ method: 'GET', url: '/api/v1/categories' }), 401);
  });

  it('regisseur adds a category; professionals may not; duplicates and bad keys are refused', async () => {
    const reg = await loggedIn(app, t.regisseur);
    const res = await reg.post('/api/v1/categories', { key: 'onderwijs', label: 'Onderwijs' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ key: 'onderwijs', label: 'Onderwijs' });
    expectProblem(await reg.post('/api/v1/categories', { key: 'onderwijs', label: 'Nog eens' }), 409, [
      'key',
    ]);
    expectProblem(await reg.post('/api/v1/categories', { key: 'Met Spaties', label: 'x' }), 400, ['key']);
    expectProblem(
      await (await loggedIn(app, t.professional)).post('/api/v1/categories', { key: 'stiekem', label: 'x' }),
      403,
    );
    // Other tenants do not get it.
    const keys = bodyOf(
      await (await loggedIn(app, other.regisseur)).get('/api/v1/categories'),
      categoryListSchema,
    ).items;
    expect(keys.map((k) => k.key)).not.toContain('onderwijs');
  });
});

describe('access matrix', () => {
  it('is the full grid with none for cells never set', async () => {
    const cells = await matrixOf(await loggedIn(app, t.regisseur));
    expect(cells.length).toBeGreaterThanOrEqual(3 * 9);
    expect(cell(cells, t.partners.politie!, 'zorg')).toBe('none');
    expect(cells.every((c) => Object.values(t.partners).includes(c.partnerId))).toBe(true);
  });

  it('PUT changes only the given cells, returns the whole matrix, and none removes access', async () => {
    const reg = await loggedIn(app, t.regisseur);
    const res = await reg.put('/api/v1/access-matrix', {
      cells: [
        { partnerId: t.partners.politie, category: 'politie', access: 'write' },
        { partnerId: t.partners.wijkteam, category: 'zorg', access: 'read' },
      ],
    });
    expect(res.statusCode).toBe(200);
    let cells = bodyOf(res, matrixSchema).cells;
    expect(cell(cells, t.partners.politie!, 'politie')).toBe('write');
    expect(cell(cells, t.partners.wijkteam!, 'zorg')).toBe('read');
    expect(cell(cells, t.partners.wijkteam!, 'politie')).toBe('none');

    await reg.put('/api/v1/access-matrix', {
      cells: [{ partnerId: t.partners.wijkteam, category: 'zorg', access: 'none' }],
    });
    cells = await matrixOf(reg);
    expect(cell(cells, t.partners.wijkteam!, 'zorg')).toBe('none');
    expect(cell(cells, t.partners.politie!, 'politie')).toBe('write');
  });

  it('admin may edit too; the professional may not read it; no one else may change it; no session 401', async () => {
    const admin = await loggedIn(app, t.admin);
    expect(
      (
        await admin.put('/api/v1/access-matrix', {
          cells: [{ partnerId: t.partners.gemeente, category: 'basis', access: 'write' }],
        })
      ).statusCode,
    ).toBe(200);
    for (const u of [t.professional, t.auditor]) {
      const c = await loggedIn(app, u);
      // The privacy officer checks the matrix, so reads it (issue 11); changing it stays the regisseur's.
      if (u === t.auditor) expect((await c.get('/api/v1/access-matrix')).statusCode).toBe(200);
      else expectProblem(await c.get('/api/v1/access-matrix'), 403);
      expectProblem(
        await c.put('/api/v1/access-matrix', {
          cells: [{ partnerId: t.partners.gemeente, category: 'basis', access: 'none' }],
        }),
        403,
      );
    }
    expectProblem(await new Client(app).put('/api/v1/access-matrix', { cells: [] }), 401);
    expect(cell(await matrixOf(admin), t.partners.gemeente!, 'basis')).toBe('write');
  });

  it('rejects unknown partners (also of another tenant), unknown categories and bad levels, changing nothing', async () => {
    const reg = await loggedIn(app, t.regisseur);
    const before = await matrixOf(reg);
    expectProblem(
      await reg.put('/api/v1/access-matrix', {
        cells: [
          { partnerId: t.partners.gemeente, category: 'zorg', access: 'write' },
          { partnerId: other.partners.politie, category: 'zorg', access: 'write' },
        ],
      }),
      400,
      ['cells.1.partnerId'],
    );
    expectProblem(
      await reg.put('/api/v1/access-matrix', {
        cells: [{ partnerId: t.partners.gemeente, category: 'geheim', access: 'read' }],
      }),
      400,
      ['cells.0.category'],
    );
    expectProblem(
      await reg.put('/api/v1/access-matrix', {
        cells: [{ partnerId: t.partners.gemeente, category: 'zorg', access: 'admin' }],
      }),
      400,
      ['cells.0.access'],
    );
    expectProblem(
      await reg.put('/api/v1/access-matrix', {
        cells: [{ partnerId: t.partners.gemeente, category: 'zorg' }],
      }),
      400,
      ['cells.0.access'],
    );
    expectProblem(await reg.put('/api/v1/access-matrix', {}), 400, ['cells']);
    expect(await matrixOf(reg)).toEqual(before);
  });

  it('every change is in the audit log', async () => {
    const reg = await loggedIn(app, t.regisseur);
    await reg.put('/api/v1/access-matrix', {
      cells: [{ partnerId: t.partners.wijkteam, category: 'jeugd', access: 'write' }],
    });
    const audit = bodyOf(await reg.get(`/api/v1/audit?userId=${t.regisseur.id}`), auditListSchema);
    expect(audit.items.some((i) => i.action === 'update' && i.objectType === 'matrix')).toBe(true);
  });

  it('each user can see their own partner row', async () => {
    const res = await (await loggedIn(app, t.professional)).get('/api/v1/access-matrix/mine');
    expect(res.statusCode).toBe(200);
    const body = bodyOf(res, myAccessSchema);
    expect(body.partnerId).toBe(t.professional.partnerId);
    expect(body.cells.every((c) => c.partnerId === t.professional.partnerId)).toBe(true);
  });
});
