import { type Signal, signalDetailSchema, signalRouteListSchema, signalSchema } from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  bodyOf,
  type Client,
  expectProblem,
  loggedIn,
  newTenant,
  type TestTenant,
  type TestUser,
  testApp,
} from './helpers.js';

let app: FastifyInstance;
let t: TestTenant;
let reg: Client;
let care: TestUser; // wijkteam: the routed partner
let debt: TestUser; // schuldhulp: reports, is not routed to
let cop: TestUser; // politie: neither

beforeAll(async () => {
  app = await testApp();
  t = await newTenant(['gemeente', 'politie', 'wijkteam', 'schuldhulp']);
  reg = await loggedIn(app, t.regisseur);
  cop = t.professional;
  care = await t.addUser('wijkteam', ['professional']);
  debt = await t.addUser('schuldhulp', ['professional']);
  await reg.post('/api/v1/signal-routes', { category: 'woonoverlast', partnerId: t.partners.wijkteam });
});

async function signal(): Promise<Signal> {
  const res = await (await loggedIn(app, debt)).post('/api/v1/signals', {
    category: 'woonoverlast',
    description: 'Geluidsoverlast',
    source: 'professional',
  });
  return bodyOf(res, signalSchema, 201);
}

describe('who may not triage a signal', () => {
  it('the reporting partner that is not the routed one, and an outsider, change nothing', async () => {
    const s = await signal();
    const other = await signal();
    const d = await loggedIn(app, debt);
    const c = await loggedIn(app, cop);
    const caseBody = { title: 'Casus', type: 'person', partnerIds: [] };
    expectProblem(await d.post(`/api/v1/signals/${s.id}/case`, caseBody), 403);
    expectProblem(await c.post(`/api/v1/signals/${s.id}/case`, caseBody), 404);
    expectProblem(await d.post(`/api/v1/signals/${s.id}/merge`, { intoId: other.id }), 403);
    expectProblem(await c.post(`/api/v1/signals/${s.id}/merge`, { intoId: other.id }), 404);
    expectProblem(await d.post(`/api/v1/signals/${s.id}/visits`, { plannedDate: '2030-01-07' }), 403);
    expectProblem(await c.post(`/api/v1/signals/${s.id}/visits`, { plannedDate: '2030-01-07' }), 404);
    expectProblem(await c.get(`/api/v1/signals/${s.id}/duplicates`), 404);
    const after = bodyOf(await reg.get(`/api/v1/signals/${s.id}`), signalDetailSchema);
    expect(after).toMatchObject({ status: 'new', caseId: null, visits: [] });
  });

  it('bad input is 400 naming the field, and changes nothing', async () => {
    const s = await signal();
    const c = await loggedIn(app, care);
    expectProblem(await c.post(`/api/v1/signals/${s.id}/case`, { title: '', type: 'person' }), 400, [
      'title',
    ]);
    expectProblem(await c.post(`/api/v1/signals/${s.id}/case`, { title: 'x', type: 'gezin' }), 400, ['type']);
    expectProblem(
      await c.post(`/api/v1/signals/${s.id}/case`, {
        title: 'x',
        type: 'person',
        partnerIds: [crypto.randomUUID()],
      }),
      400,
      ['partnerIds.0'],
    );
    expectProblem(await c.post(`/api/v1/signals/${s.id}/merge`, { intoId: 'x' }), 400, ['intoId']);
    expectProblem(await c.post(`/api/v1/signals/${s.id}/merge`, { intoId: crypto.randomUUID() }), 400, [
      'intoId',
    ]);
    expectProblem(await c.post(`/api/v1/signals/${s.id}/visits`, { plannedDate: 'morgen' }), 400, [
      'plannedDate',
    ]);
    expectProblem(
      await c.post(`/api/v1/signals/${s.id}/visits`, {
        plannedDate: '2030-01-07',
        visitorUserId: crypto.randomUUID(),
      }),
      400,
      ['visitorUserId'],
    );
    expectProblem(await c.get('/api/v1/signals/geen-id'), 400);
    expectProblem(await c.get('/api/v1/signals?status=klaar'), 400, ['status']);
    expectProblem(await c.get('/api/v1/signals/export?overdue=ja'), 400, ['overdue']);
    expectProblem(await c.get('/api/v1/outreach/worklist?date=maandag'), 400, ['date']);
    expectProblem(await reg.get('/api/v1/signals/imports/geen-id'), 400);
    expectProblem(await reg.delete('/api/v1/signal-routes/geen-id'), 400);
    expectProblem(await app.inject({ method: 'GET', url: '/api/public/v1/reports/<script>' }), 400);
    const after = bodyOf(await reg.get(`/api/v1/signals/${s.id}`), signalDetailSchema);
    expect(after).toMatchObject({ status: 'new', caseId: null, visits: [] });
  });

  it('roles without signal work get 403', async () => {
    const auditor = await loggedIn(app, t.auditor);
    const admin = await loggedIn(app, t.admin);
    expectProblem(await auditor.get('/api/v1/signal-categories'), 403);
    expectProblem(await auditor.get('/api/v1/outreach/worklist'), 403);
    expectProblem(await admin.get('/api/v1/signals'), 403);
    const routes = bodyOf(await reg.get('/api/v1/signal-routes'), signalRouteListSchema);
    expectProblem(
      await (await loggedIn(app, cop)).delete(`/api/v1/signal-routes/${routes.items[0]!.id}`),
      403,
    );
    expect(bodyOf(await reg.get('/api/v1/signal-routes'), signalRouteListSchema).total).toBe(
      routes.items.length,
    );
    expect((await app.inject({ method: 'GET', url: '/api/v1/signal-categories' })).statusCode).toBe(401);
  });
});
