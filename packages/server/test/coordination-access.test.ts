import {
  actionSchema,
  colleagueSchema,
  collection,
  meetingSchema,
  outboxListSchema,
} from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  bodyOf,
  createCase,
  expectProblem,
  loggedIn,
  newTenant,
  type TestTenant,
  testApp,
} from './helpers.js';

let app: FastifyInstance;
let t: TestTenant;
let other: TestTenant;

beforeAll(async () => {
  app = await testApp();
  t = await newTenant(['gemeente', 'politie', 'wijkteam']);
  other = await newTenant(['gemeente', 'politie']);
});

describe('who may not', () => {
  it('colleagues: staff doing case work only, and only of their own municipality', async () => {
    const res = await (await loggedIn(app, t.professional)).get('/api/v1/colleagues');
    // Strict: a colleague carries nothing beyond these three fields (a plain schema would strip extras).
    const items = bodyOf(res, collection(z.strictObject(colleagueSchema.shape))).items;
    expect(items.map((u) => u.id)).toEqual(expect.arrayContaining([t.regisseur.id, t.professional.id]));
    expect(items.map((u) => u.id)).not.toContain(other.regisseur.id);
    expect(items.map((u) => u.id)).not.toContain(t.admin.id); // no case work
    expect(Object.keys(items[0] ?? {}).sort()).toEqual(['id', 'name', 'partnerId']);
    expectProblem(await (await loggedIn(app, t.auditor)).get('/api/v1/colleagues'), 403);
    expect((await app.inject({ method: 'GET', url: '/api/v1/colleagues' })).statusCode).toBe(401);
  });

  it('the email outbox: only the admin, only their own municipality', async () => {
    const admin = await loggedIn(app, t.admin);
    expect((await admin.get('/api/v1/outbox')).statusCode).toBe(200);
    expectProblem(await admin.get('/api/v1/outbox?status=weg'), 400, ['status']);
    for (const u of [t.regisseur, t.professional, t.auditor]) {
      expectProblem(await (await loggedIn(app, u)).get('/api/v1/outbox'), 403);
    }
    // An alert email of this tenant is listed for its admin and not for another's.
    const reg = await loggedIn(app, t.regisseur);
    const c = await createCase(reg, { title: 'Mail', partnerIds: [], directorUserId: t.professional.id });
    await reg.put('/api/v1/access-matrix', {
      cells: [{ partnerId: t.partners.gemeente, category: 'basis', access: 'write' }],
    });
    expect(
      (await reg.post(`/api/v1/cases/${c.id}/entries`, { category: 'basis', text: 'x' })).statusCode,
    ).toBe(201);
    const mine = bodyOf(await admin.get('/api/v1/outbox'), outboxListSchema);
    expect(mine.items.map((m) => m.toAddress)).toContain(t.professional.email);
    expect(mine.items[0]?.subject).toContain(c.reference);
    const theirs = bodyOf(await (await loggedIn(app, other.admin)).get('/api/v1/outbox'), outboxListSchema);
    expect(theirs.items.map((m) => m.toAddress)).not.toContain(t.professional.email);
  });

  it('preferences need a session; meeting minutes and action details are 404 for outsiders', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/me/preferences' })).statusCode).toBe(401);
    const reg = await loggedIn(app, t.regisseur);
    const c = await createCase(reg, { title: 'Binnen', partnerIds: [t.partners.wijkteam] });
    const m = await reg.post('/api/v1/meetings', {
      title: 'Overleg',
      kind: 'coordination',
      startsAt: new Date(Date.now() + 86_400_000).toISOString(),
      chairUserId: t.regisseur.id,
      partnerIds: [t.partners.wijkteam],
      caseIds: [c.id],
    });
    const meetingId = bodyOf(m, meetingSchema, 201).id;
    const a = await reg.post(`/api/v1/cases/${c.id}/actions`, {
      title: 'Bellen',
      ownerPartnerId: t.partners.wijkteam,
      dueDate: '2030-01-01',
    });
    const actionId = bodyOf(a, actionSchema, 201).id;
    const cop = await loggedIn(app, t.professional); // politie: not invited, not in the case
    expectProblem(await cop.get(`/api/v1/meetings/${meetingId}/minutes`), 404);
    expectProblem(await cop.get(`/api/v1/meetings/${meetingId}/pdf`), 404);
    expectProblem(await cop.patch(`/api/v1/meetings/${meetingId}`, { title: 'x' }), 404);
    expectProblem(await cop.get(`/api/v1/actions/${actionId}`), 404);
    const foreign = await loggedIn(app, other.regisseur);
    expectProblem(await foreign.get(`/api/v1/actions/${actionId}`), 404);
    expectProblem(await foreign.get(`/api/v1/meetings/${meetingId}`), 404);
    expectProblem(await (await loggedIn(app, t.admin)).get(`/api/v1/meetings/${meetingId}`), 403);
  });
});

describe('bad input and roles on the coordination routes', () => {
  it('answers 400 naming the parameter and 403 for roles without case work, changing nothing', async () => {
    const reg = await loggedIn(app, t.regisseur);
    const auditor = await loggedIn(app, t.auditor);
    const c = await createCase(reg, { title: 'Parameters', partnerIds: [] });
    expectProblem(await reg.get('/api/v1/actions/geen-id'), 400);
    expectProblem(await reg.get('/api/v1/meetings?upcoming=ja'), 400, ['upcoming']);
    expectProblem(await reg.get('/api/v1/meetings/geen-id'), 400);
    expectProblem(await reg.get('/api/v1/meetings/geen-id/minutes'), 400);
    expectProblem(await reg.get(`/api/v1/meetings/${crypto.randomUUID()}/pdf?partnerId=politie`), 400, [
      'partnerId',
    ]);
    expectProblem(await reg.post('/api/v1/cases/geen-id/follow'), 400);
    expectProblem(await reg.delete('/api/v1/cases/geen-id/follow'), 400);
    expectProblem(await reg.get('/api/v1/cases/geen-id/situation'), 400);
    expectProblem(await reg.put('/api/v1/me/preferences', { email: 'daily', extra: true }), 400, ['extra']);
    expect((await reg.get('/api/v1/me/preferences')).json()).toEqual({ email: 'immediate' });
    expect(
      (await app.inject({ method: 'PUT', url: '/api/v1/me/preferences', payload: { email: 'off' } }))
        .statusCode,
    ).toBe(401);
    expectProblem(await auditor.post('/api/v1/alerts/read-all'), 403);
    expectProblem(await auditor.get('/api/v1/alerts/stream'), 403);
    expectProblem(await auditor.post(`/api/v1/cases/${c.id}/follow`), 403);
    expectProblem(await auditor.get(`/api/v1/cases/${c.id}/situation`), 403);
  });
});
