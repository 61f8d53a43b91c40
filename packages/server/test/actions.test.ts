import {
  type Action,
  actionDetailSchema,
  actionListSchema,
  actionSchema,
  alertListSchema,
  caseDetailSchema,
} from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, amsterdamDate } from '../src/lib/time.js';
import { alertOverdueActions } from '../src/modules/actions/alert-overdue-actions.js';
import {
  bodyOf,
  type CaseJson,
  type Client,
  createCase,
  expectProblem,
  loggedIn,
  newTenant,
  setMatrix,
  type TestTenant,
  type TestUser,
  testApp,
  testDb,
} from './helpers.js';

let app: FastifyInstance;
let t: TestTenant;
let other: TestTenant;
let reg: Client;
let director: TestUser;
let cop: TestUser; // politie
let care: TestUser; // wijkteam
let care2: TestUser; // wijkteam too
let ggz: TestUser; // not in the case
let theCase: CaseJson;
const today = amsterdamDate();

async function newAction(c: Client, caseId: string, body: Record<string, unknown>): Promise<Action> {
  const res = await c.post(`/api/v1/cases/${caseId}/actions`, {
    title: 'Huisbezoek afleggen',
    dueDate: addDays(today, 7),
    ...body,
  });
  return bodyOf(res, actionSchema, 201);
}

async function alertKinds(u: TestUser, caseId: string): Promise<string[]> {
  const c = await loggedIn(app, u);
  const body = bodyOf(await c.get('/api/v1/alerts?limit=200'), alertListSchema);
  return body.items.filter((a) => a.caseId === caseId).map((a) => a.kind);
}

beforeAll(async () => {
  app = await testApp();
  t = await newTenant(['gemeente', 'politie', 'wijkteam', 'ggz']);
  other = await newTenant(['gemeente', 'politie']);
  reg = await loggedIn(app, t.regisseur);
  director = await t.addUser('gemeente', ['professional']);
  cop = t.professional;
  care = await t.addUser('wijkteam', ['professional']);
  care2 = await t.addUser('wijkteam', ['professional']);
  ggz = await t.addUser('ggz', ['professional']);
  await setMatrix(app, t, [
    { partner: 'politie', category: 'politie', access: 'write' },
    { partner: 'wijkteam', category: 'zorg', access: 'write' },
  ]);
  theCase = await createCase(reg, {
    title: 'Zorgen om gezin',
    partnerIds: [t.partners.politie, t.partners.wijkteam],
    directorUserId: director.id,
  });
});

describe('creating an action', () => {
  it('records who does what by when, and the director is alerted', async () => {
    const c = await loggedIn(app, cop);
    const a = await newAction(c, theCase.id, {
      ownerPartnerId: t.partners.wijkteam,
      assigneeUserId: care.id,
    });
    expect(a).toMatchObject({
      caseId: theCase.id,
      status: 'open',
      overdue: false,
      ownerPartnerId: t.partners.wijkteam,
      assigneeUserId: care.id,
      result: null,
    });
    expect(a.canEdit).toBe(false); // politie is not the owner and does not direct the case
    expect(await alertKinds(director, theCase.id)).toContain('action_created');
    expect(await alertKinds(care, theCase.id)).toContain('action_created'); // the assignee
    expect(await alertKinds(cop, theCase.id)).not.toContain('action_created'); // never the changer
  });

  it('with a due date in the past is overdue at once and alerts action_overdue once', async () => {
    const a = await newAction(reg, theCase.id, {
      ownerPartnerId: t.partners.politie,
      dueDate: addDays(today, -3),
    });
    expect(a.overdue).toBe(true);
    const kinds = await alertKinds(director, theCase.id);
    expect(kinds.filter((k) => k === 'action_overdue')).toHaveLength(1);
    // The scheduler does not alert it again.
    await alertOverdueActions(await testDb(), 'http://localhost:3000');
    expect((await alertKinds(director, theCase.id)).filter((k) => k === 'action_overdue')).toHaveLength(1);
  });

  it('rejects bad input naming the field and creates nothing', async () => {
    const c = await loggedIn(app, cop);
    const count = async () =>
      bodyOf(await c.get(`/api/v1/actions?caseId=${theCase.id}`), actionListSchema).total;
    const before = await count();
    const url = `/api/v1/cases/${theCase.id}/actions`;
    expectProblem(await c.post(url, { title: '', ownerPartnerId: t.partners.politie, dueDate: today }), 400, [
      'title',
    ]);
    expectProblem(
      await c.post(url, { title: 'x', ownerPartnerId: t.partners.politie, dueDate: '2026-13-45' }),
      400,
      ['dueDate'],
    );
    expectProblem(await c.post(url, { title: 'x', ownerPartnerId: 'nope', dueDate: today }), 400, [
      'ownerPartnerId',
    ]);
    expectProblem(
      await c.post(url, { title: 'x', ownerPartnerId: other.partners.politie, dueDate: today }),
      400,
      ['ownerPartnerId'],
    );
    expectProblem(
      await c.post(url, {
        title: 'x',
        ownerPartnerId: t.partners.wijkteam,
        assigneeUserId: cop.id,
        dueDate: today,
      }),
      400,
      ['assigneeUserId'],
    );
    expectProblem(
      await c.post(url, {
        title: 'x',
        ownerPartnerId: t.partners.politie,
        dueDate: today,
        meetingId: crypto.randomUUID(),
      }),
      400,
      ['meetingId'],
    );
    expectProblem(
      await c.post(url, { title: 'x', ownerPartnerId: t.partners.politie, dueDate: today, extra: 1 }),
      400,
      ['extra'],
    );
    expect(await count()).toBe(before);
  });

  it('a professional cannot hand work to a partner outside the case; the director can, and that partner joins', async () => {
    const c = await loggedIn(app, cop);
    expectProblem(
      await c.post(`/api/v1/cases/${theCase.id}/actions`, {
        title: 'GGZ-beoordeling',
        ownerPartnerId: t.partners.ggz,
        dueDate: addDays(today, 14),
      }),
      400,
      ['ownerPartnerId'],
    );
    const d = await loggedIn(app, director);
    const a = await newAction(d, theCase.id, { ownerPartnerId: t.partners.ggz, title: 'GGZ-beoordeling' });
    const g = await loggedIn(app, ggz);
    expect((await g.get(`/api/v1/actions/${a.id}`)).statusCode).toBe(200);
    expect(bodyOf(await g.get(`/api/v1/cases/${theCase.id}`), caseDetailSchema).partnerIds).toContain(
      t.partners.ggz,
    );
  });

  it('is 404 for a case the caller cannot see and 403 for roles without case work', async () => {
    const hidden = await createCase(reg, { title: 'Alleen gemeente', partnerIds: [] });
    const c = await loggedIn(app, cop);
    expectProblem(
      await c.post(`/api/v1/cases/${hidden.id}/actions`, {
        title: 'x',
        ownerPartnerId: t.partners.politie,
        dueDate: today,
      }),
      404,
    );
    const auditor = await loggedIn(app, t.auditor);
    expectProblem(
      await auditor.post(`/api/v1/cases/${theCase.id}/actions`, {
        title: 'x',
        ownerPartnerId: t.partners.politie,
        dueDate: today,
      }),
      403,
    );
    expectProblem(await auditor.get('/api/v1/actions'), 403);
    expectProblem(await (await loggedIn(app, t.admin)).get('/api/v1/actions'), 403);
    const anonymous = await app.inject({ method: 'GET', url: '/api/v1/actions' });
    expect(anonymous.statusCode).toBe(401);
    // Another tenant's regisseur cannot reach it at all.
    const o = await loggedIn(app, other.regisseur);
    expectProblem(
      await o.post(`/api/v1/cases/${theCase.id}/actions`, {
        title: 'x',
        ownerPartnerId: other.partners.politie,
        dueDate: today,
      }),
      404,
    );
  });
});

describe('changing an action', () => {
  it('is for users of the owner partner, the case director and regisseurs only', async () => {
    const own = await createCase(reg, {
      title: 'Zonder GGZ',
      partnerIds: [t.partners.politie, t.partners.wijkteam],
      directorUserId: director.id,
    });
    const a = await newAction(reg, own.id, {
      ownerPartnerId: t.partners.wijkteam,
      assigneeUserId: care.id,
    });
    const copC = await loggedIn(app, cop);
    expectProblem(await copC.patch(`/api/v1/actions/${a.id}`, { status: 'done' }), 403);
    expectProblem(await (await loggedIn(app, ggz)).patch(`/api/v1/actions/${a.id}`, { status: 'done' }), 404);
    // A colleague of the owner partner who is not the assignee may.
    const res = await (await loggedIn(app, care2)).patch(`/api/v1/actions/${a.id}`, {
      dueDate: addDays(today, 10),
    });
    expect(bodyOf(res, actionSchema).dueDate).toBe(addDays(today, 10));
    const d = await loggedIn(app, director);
    expect((await d.patch(`/api/v1/actions/${a.id}`, { result: 'Gesprek gepland' })).statusCode).toBe(200);
    expect((await reg.patch(`/api/v1/actions/${a.id}`, { status: 'cancelled' })).statusCode).toBe(200);
    const o = await loggedIn(app, other.regisseur);
    expectProblem(await o.patch(`/api/v1/actions/${a.id}`, { status: 'open' }), 404);
  });

  it('done alerts the director and the assignee, not the changer, and the history keeps every change', async () => {
    const a = await newAction(reg, theCase.id, {
      ownerPartnerId: t.partners.wijkteam,
      assigneeUserId: care2.id,
    });
    const c = await loggedIn(app, care);
    const res = await c.patch(`/api/v1/actions/${a.id}`, { status: 'done', result: 'Hulp geaccepteerd' });
    expect(bodyOf(res, actionSchema)).toMatchObject({
      status: 'done',
      result: 'Hulp geaccepteerd',
      overdue: false,
    });
    expect(await alertKinds(director, theCase.id)).toContain('action_done');
    expect(await alertKinds(care2, theCase.id)).toContain('action_done');
    expect(await alertKinds(care, theCase.id)).not.toContain('action_done');
    const detail = bodyOf(await c.get(`/api/v1/actions/${a.id}`), actionDetailSchema);
    expect(detail.history).toHaveLength(2);
    expect(detail.history[1]).toMatchObject({
      userId: care.id,
      change: { status: { from: 'open', to: 'done' } },
    });
  });

  it('rejects bad input and changes nothing', async () => {
    const a = await newAction(reg, theCase.id, { ownerPartnerId: t.partners.wijkteam });
    const c = await loggedIn(app, care);
    expectProblem(await c.patch(`/api/v1/actions/${a.id}`, { status: 'klaar' }), 400, ['status']);
    expectProblem(await c.patch(`/api/v1/actions/${a.id}`, {}), 400);
    expectProblem(await c.patch(`/api/v1/actions/${a.id}`, { dueDate: 'morgen' }), 400, ['dueDate']);
    expectProblem(await c.patch(`/api/v1/actions/${a.id}`, { assigneeUserId: cop.id }), 400, [
      'assigneeUserId',
    ]);
    expectProblem(await c.patch('/api/v1/actions/not-a-uuid', { status: 'done' }), 400);
    expectProblem(await c.patch(`/api/v1/actions/${crypto.randomUUID()}`, { status: 'done' }), 404);
    const after = bodyOf(await c.get(`/api/v1/actions/${a.id}`), actionDetailSchema);
    expect(after).toMatchObject({ status: 'open', assigneeUserId: null, dueDate: a.dueDate });
    expect(after.history).toHaveLength(1);
  });
});

describe('lists', () => {
  it('mine, my organisation, overdue and this week, only of cases I see', async () => {
    const c2 = await createCase(reg, { title: 'Tweede', partnerIds: [t.partners.wijkteam] });
    const mineA = await newAction(reg, c2.id, {
      ownerPartnerId: t.partners.wijkteam,
      assigneeUserId: care.id,
    });
    const partnerA = await newAction(reg, c2.id, { ownerPartnerId: t.partners.wijkteam });
    const colleagueA = await newAction(reg, c2.id, {
      ownerPartnerId: t.partners.wijkteam,
      assigneeUserId: care2.id,
    });
    const late = await newAction(reg, c2.id, {
      ownerPartnerId: t.partners.wijkteam,
      assigneeUserId: care.id,
      dueDate: addDays(today, -1),
    });
    const thisWeek = await newAction(reg, c2.id, { ownerPartnerId: t.partners.wijkteam, dueDate: today });
    const c = await loggedIn(app, care);
    const ids = async (q: string) =>
      bodyOf(await c.get(`/api/v1/actions?caseId=${c2.id}&${q}`), actionListSchema).items.map((a) => a.id);
    const mine = await ids('mine=true');
    expect(mine).toEqual(expect.arrayContaining([mineA.id, partnerA.id, late.id, thisWeek.id]));
    expect(mine).not.toContain(colleagueA.id);
    expect(await ids('partner=true')).toEqual(
      expect.arrayContaining([mineA.id, partnerA.id, colleagueA.id, late.id, thisWeek.id]),
    );
    expect(await ids('overdue=true')).toEqual([late.id]);
    const week = await ids('dueThisWeek=true');
    expect(week).toContain(thisWeek.id);
    expect(week).not.toContain(mineA.id); // due in 7 days: always next week
    // The police is not in this case: it sees none of its actions, and counts agree.
    const copC = await loggedIn(app, cop);
    const all = bodyOf(await copC.get('/api/v1/actions?limit=200'), actionListSchema);
    expect(all.items.some((a) => a.caseId === c2.id)).toBe(false);
    expect(all.total).toBe(all.items.length);
    expectProblem(await copC.get(`/api/v1/actions?caseId=${c2.id}`), 404);
    expectProblem(await c.get('/api/v1/actions?overdue=misschien'), 400, ['overdue']);
  });
});
