import {
  actionListSchema,
  caseListSchema,
  partnerWithStatusListSchema,
  personListSchema,
  signalListSchema,
  signalSchema,
  userWithStatusListSchema,
} from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  bodyOf,
  type Client,
  createCase,
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
  t = await newTenant(['gemeente', 'politie', 'wijkteam']);
  reg = await loggedIn(app, t.regisseur);
  // Made in an order that is neither alphabetical nor its reverse.
  for (const title of ['Bakkerstraat', 'appelhof', 'Centrum']) {
    const c = await createCase(reg, { title, partnerIds: [t.partners.politie] });
    await reg.post(`/api/v1/cases/${c.id}/actions`, {
      title: `Actie ${title}`,
      ownerPartnerId: t.partners.politie,
      dueDate: { Bakkerstraat: '2030-02-01', appelhof: '2030-03-01', Centrum: '2030-01-01' }[title],
    });
  }
  for (const category of ['woonoverlast', 'overlast_jeugd', 'zorgen_persoon']) {
    bodyOf(
      await reg.post('/api/v1/signals', { category, description: 'Sorteertest', source: 'professional' }),
      signalSchema,
      201,
    );
  }
});

describe('sortable lists', () => {
  it('cases: by title either way (case-insensitive), by reference; the usual order without sort', async () => {
    const titles = async (query: string) =>
      bodyOf(await reg.get(`/api/v1/cases?${query}`), caseListSchema).items.map((c) => c.title);
    expect(await titles('sort=title')).toEqual(['appelhof', 'Bakkerstraat', 'Centrum']);
    expect(await titles('sort=title&order=desc')).toEqual(['Centrum', 'Bakkerstraat', 'appelhof']);
    expect(await titles('sort=reference&order=asc')).toEqual(['Bakkerstraat', 'appelhof', 'Centrum']);
    // Most recently changed first, as always; `order` alone changes nothing.
    expect(await titles('')).toEqual(['Centrum', 'appelhof', 'Bakkerstraat']);
    expect(await titles('order=asc')).toEqual(['Centrum', 'appelhof', 'Bakkerstraat']);
    // Sorted, then paged: the second page continues the sorted list.
    expect(await titles('sort=title&limit=2&offset=2')).toEqual(['Centrum']);
  });

  it('actions: by due date (the usual order) and by title descending', async () => {
    const titles = async (query: string) =>
      bodyOf(await reg.get(`/api/v1/actions?${query}`), actionListSchema).items.map((a) => a.title);
    expect(await titles('')).toEqual(['Actie Centrum', 'Actie Bakkerstraat', 'Actie appelhof']);
    expect(await titles('sort=dueDate&order=desc')).toEqual([
      'Actie appelhof',
      'Actie Bakkerstraat',
      'Actie Centrum',
    ]);
    expect(await titles('sort=title&order=desc')).toEqual([
      'Actie Centrum',
      'Actie Bakkerstraat',
      'Actie appelhof',
    ]);
  });

  it('signals: by category', async () => {
    const categories = async (query: string) =>
      bodyOf(await reg.get(`/api/v1/signals?${query}`), signalListSchema).items.map((s) => s.category);
    expect(await categories('sort=category')).toEqual(['overlast_jeugd', 'woonoverlast', 'zorgen_persoon']);
    expect(await categories('sort=category&order=desc')).toEqual([
      'zorgen_persoon',
      'woonoverlast',
      'overlast_jeugd',
    ]);
  });

  it('persons: by name descending, also among the matches of a name (instead of best match first)', async () => {
    for (const [firstName, lastName] of [
      ['Anna', 'Sorteerman'],
      ['Bert', 'Sorteerbos'],
      ['Cees', 'Sorteerdijk'],
    ]) {
      await reg.post('/api/v1/persons', { firstName, lastName });
    }
    const names = async (query: string) =>
      bodyOf(await reg.get(`/api/v1/persons?${query}`), personListSchema).items.map((p) => p.lastName);
    expect(await names('q=sorteer&sort=name&order=desc')).toEqual([
      'Sorteerman',
      'Sorteerdijk',
      'Sorteerbos',
    ]);
    expect(await names('sort=name&limit=3')).toEqual(['Sorteerbos', 'Sorteerdijk', 'Sorteerman']);
  });

  it('partners and users (admin): by name as usual, by kind or e-mail address either way', async () => {
    const admin = await loggedIn(app, t.admin);
    const partners = async (query: string) =>
      bodyOf(await admin.get(`/api/v1/partners?${query}`), partnerWithStatusListSchema).items.map(
        (p) => p.kind,
      );
    expect(await partners('')).toEqual(['gemeente', 'politie', 'wijkteam']);
    expect(await partners('sort=name&order=desc')).toEqual(['wijkteam', 'politie', 'gemeente']);
    expect(await partners('sort=kind&order=desc')).toEqual(['wijkteam', 'politie', 'gemeente']);
    const users = bodyOf(await admin.get('/api/v1/users'), userWithStatusListSchema).items;
    const emails = users.map((u) => u.email);
    expect(users.map((u) => u.name)).toEqual(users.map((u) => u.name).sort());
    const byEmail = async (query: string) =>
      bodyOf(await admin.get(`/api/v1/users?${query}`), userWithStatusListSchema).items.map((u) => u.email);
    expect(await byEmail('sort=email')).toEqual([...emails].sort());
    expect(await byEmail('sort=email&order=desc')).toEqual([...emails].sort().reverse());
    expectProblem(await admin.get('/api/v1/users?sort=password_hash'), 400, ['sort']);
    expectProblem(await admin.get('/api/v1/partners?sort=name&order=sideways'), 400, ['order']);
  });

  it('is 400 naming the field for a field that is not sortable or an unknown order', async () => {
    expectProblem(await reg.get('/api/v1/cases?sort=director_user_id'), 400, ['sort']);
    expectProblem(await reg.get('/api/v1/cases?sort=title%20DESC;--'), 400, ['sort']);
    expectProblem(await reg.get('/api/v1/signals?sort=title&order=up'), 400, ['sort', 'order']);
    expectProblem(await reg.get('/api/v1/actions?sort=title&order=random'), 400, ['order']);
  });
});
