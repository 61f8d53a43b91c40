import { alertListSchema, situationSchema } from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import type { Db } from '../src/db/db.js';
import { openPostgres } from '../src/db/postgres.js';
import {
  bodyOf,
  type CaseJson,
  type Client,
  createCase,
  expectProblem,
  loggedIn,
  newTenant,
  setMatrix,
  TEST_AUDIT_KEY,
  type TestTenant,
  type TestUser,
  testApp,
  testDb,
} from './helpers.js';
import { AlertStream } from './sse.js';

let app: FastifyInstance;
let t: TestTenant;
let other: TestTenant;
let reg: Client;
let director: TestUser;
let chair: TestUser;
let pastChair: TestUser;
let follower: TestUser;
let cop: TestUser;
let care: TestUser;
let theCase: CaseJson;

async function alertsOf(u: TestUser) {
  return bodyOf(await (await loggedIn(app, u)).get('/api/v1/alerts?limit=200'), alertListSchema);
}
const kindsFor = async (u: TestUser, caseId: string) =>
  (await alertsOf(u)).items.filter((a) => a.caseId === caseId).map((a) => a.kind);

async function addEntry(u: TestUser, caseId: string, category: string, text = 'Nieuwe informatie') {
  const res = await (await loggedIn(app, u)).post(`/api/v1/cases/${caseId}/entries`, { category, text });
  if (res.statusCode !== 201) throw new Error(`entry: ${res.statusCode} ${res.body}`);
}

beforeAll(async () => {
  app = await testApp();
  t = await newTenant(['gemeente', 'politie', 'wijkteam', 'ggz']);
  other = await newTenant(['gemeente', 'politie']);
  reg = await loggedIn(app, t.regisseur);
  director = await t.addUser('gemeente', ['professional']);
  chair = await t.addUser('gemeente', ['professional']);
  pastChair = await t.addUser('gemeente', ['professional']);
  follower = await t.addUser('wijkteam', ['professional']);
  cop = t.professional;
  care = await t.addUser('wijkteam', ['professional']);
  await setMatrix(app, t, [
    { partner: 'politie', category: 'politie', access: 'write' },
    { partner: 'wijkteam', category: 'zorg', access: 'write' },
    { partner: 'gemeente', category: 'zorg', access: 'write' },
  ]);
  theCase = await createCase(reg, {
    title: 'Overlast en zorgen',
    partnerIds: [t.partners.politie, t.partners.wijkteam],
    directorUserId: director.id,
  });
  const meeting = (when: number, chairUser: TestUser) =>
    reg.post('/api/v1/meetings', {
      title: 'Casusoverleg',
      kind: 'case',
      startsAt: new Date(Date.now() + when).toISOString(),
      chairUserId: chairUser.id,
      partnerIds: [t.partners.politie],
      caseIds: [theCase.id],
    });
  expect((await meeting(3 * 86_400_000, chair)).statusCode).toBe(201);
  expect((await meeting(-3 * 86_400_000, pastChair)).statusCode).toBe(201);
  expect((await (await loggedIn(app, follower)).post(`/api/v1/cases/${theCase.id}/follow`)).statusCode).toBe(
    204,
  );
});

describe('who is alerted', () => {
  it('the director, chairs of coming meetings and followers; never the changer, a past chair or an outsider', async () => {
    await addEntry(cop, theCase.id, 'politie');
    expect(await kindsFor(director, theCase.id)).toContain('entry_added');
    expect(await kindsFor(chair, theCase.id)).toContain('entry_added');
    expect(await kindsFor(follower, theCase.id)).toContain('entry_added');
    expect(await kindsFor(cop, theCase.id)).not.toContain('entry_added');
    expect(await kindsFor(pastChair, theCase.id)).toEqual([]);
    expect(await kindsFor(care, theCase.id)).toEqual([]); // same partner as a follower, but not following
  });

  it('status changes and added partners alert too', async () => {
    const d = await loggedIn(app, director);
    expect((await d.patch(`/api/v1/cases/${theCase.id}`, { status: 'triage' })).statusCode).toBe(200);
    expect(
      (await d.patch(`/api/v1/cases/${theCase.id}`, { partnerIds: [...theCase.partnerIds, t.partners.ggz] }))
        .statusCode,
    ).toBe(200);
    const kinds = await kindsFor(follower, theCase.id);
    expect(kinds).toEqual(expect.arrayContaining(['status_changed', 'partner_added']));
    expect(await kindsFor(director, theCase.id)).not.toContain('status_changed'); // the director changed it
  });

  it('carries no protected content: kind, case reference and times only', async () => {
    await addEntry(care, theCase.id, 'zorg', 'Psychose van de vader');
    const { items } = await alertsOf(director);
    const a = items.find((x) => x.caseId === theCase.id)!;
    expect(Object.keys(a).sort()).toEqual([
      'approachId',
      'caseId',
      'caseReference',
      'count',
      'createdAt',
      'id',
      'kind',
      'readAt',
      'signalId',
      'updatedAt',
    ]);
    expect(JSON.stringify(items)).not.toMatch(/Psychose|zorg|Overlast/);
  });

  it('is re-checked when read: a follower whose partner left the case no longer sees its alerts', async () => {
    const c = await createCase(reg, { title: 'Tijdelijk', partnerIds: [t.partners.wijkteam] });
    expect((await (await loggedIn(app, care)).post(`/api/v1/cases/${c.id}/follow`)).statusCode).toBe(204);
    await addEntry(t.regisseur, c.id, 'zorg');
    expect(await kindsFor(care, c.id)).toEqual(['entry_added']);
    expect((await reg.patch(`/api/v1/cases/${c.id}`, { partnerIds: [] })).statusCode).toBe(200);
    expect(await kindsFor(care, c.id)).toEqual([]);
    // And new changes do not reach them at all.
    await addEntry(t.regisseur, c.id, 'zorg');
    expect(await kindsFor(care, c.id)).toEqual([]);
  });
});

describe('reading alerts', () => {
  it('counts unread, marks one or all read, and only the recipient can', async () => {
    await addEntry(cop, theCase.id, 'politie');
    const before = await alertsOf(chair);
    expect(before.unread).toBeGreaterThan(0);
    const first = before.items[0]!;
    const c = await loggedIn(app, chair);
    expectProblem(await (await loggedIn(app, follower)).post(`/api/v1/alerts/${first.id}/read`), 404);
    expect((await c.post(`/api/v1/alerts/${first.id}/read`)).statusCode).toBe(204);
    const after = await alertsOf(chair);
    expect(after.unread).toBe(before.unread - 1);
    expect(after.items.find((a) => a.id === first.id)!.readAt).not.toBeNull();
    const unreadOnly = bodyOf(await c.get('/api/v1/alerts?unread=true'), alertListSchema);
    expect(unreadOnly.items.every((a) => a.readAt === null)).toBe(true);
    expect((await c.post('/api/v1/alerts/read-all')).statusCode).toBe(204);
    expect((await alertsOf(chair)).unread).toBe(0);
    expectProblem(await c.post('/api/v1/alerts/not-a-uuid/read'), 400);
    expectProblem(await c.get('/api/v1/alerts?unread=ja'), 400, ['unread']);
    expect((await app.inject({ method: 'GET', url: '/api/v1/alerts' })).statusCode).toBe(401);
    expectProblem(await (await loggedIn(app, t.auditor)).get('/api/v1/alerts'), 403);
  });

  it('following needs a visible case; preferences take only immediate, daily or off', async () => {
    const hidden = await createCase(reg, { title: 'Geheim', partnerIds: [] });
    const c = await loggedIn(app, cop);
    expectProblem(await c.post(`/api/v1/cases/${hidden.id}/follow`), 404);
    expectProblem(await c.delete(`/api/v1/cases/${hidden.id}/follow`), 404);
    expectProblem(
      await (await loggedIn(app, other.regisseur)).post(`/api/v1/cases/${theCase.id}/follow`),
      404,
    );
    expect((await c.post(`/api/v1/cases/${theCase.id}/follow`)).statusCode).toBe(204);
    expect((await c.delete(`/api/v1/cases/${theCase.id}/follow`)).statusCode).toBe(204);
    expectProblem(await c.put('/api/v1/me/preferences', { email: 'soms' }), 400, ['email']);
    expect((await c.get('/api/v1/me/preferences')).json()).toEqual({ email: 'immediate' });
    expect((await c.put('/api/v1/me/preferences', { email: 'daily' })).json()).toEqual({ email: 'daily' });
    expect((await c.get('/api/v1/me/preferences')).json()).toEqual({ email: 'daily' });
  });

  it('the situation of a case shows what changed since my last look, in categories I may read', async () => {
    const c = await loggedIn(app, cop);
    const first = bodyOf(await c.get(`/api/v1/cases/${theCase.id}/situation`), situationSchema);
    expect(first).toHaveProperty('openActions');
    await addEntry(care, theCase.id, 'zorg'); // the police may not read zorg
    await addEntry(t.regisseur, theCase.id, 'zorg');
    const s = bodyOf(await c.get(`/api/v1/cases/${theCase.id}/situation`), situationSchema);
    expect(s.previousLookAt).not.toBeNull();
    expect(s.newEntries).toBe(0);
    await addEntry(cop, theCase.id, 'politie'); // my own: not news to me
    await (await loggedIn(app, director)).patch(`/api/v1/cases/${theCase.id}`, { status: 'analysis' });
    const s2 = bodyOf(await c.get(`/api/v1/cases/${theCase.id}/situation`), situationSchema);
    expect(s2.newEntries).toBe(0);
    expect(s2.statusChanges.map((x) => x.to)).toEqual(['analysis']);
    expectProblem(
      await (await loggedIn(app, other.regisseur)).get(`/api/v1/cases/${theCase.id}/situation`),
      404,
    );
  });
});

describe('live over server-sent events', () => {
  let base: string;
  let second: FastifyInstance;
  let secondBase: string;
  let secondDb: Db | undefined;
  const streams: AlertStream[] = [];

  beforeAll(async () => {
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    // A second app instance on the same database: for PostgreSQL over its own connections.
    secondDb = process.env.DATABASE_URL
      ? openPostgres(process.env.DATABASE_URL, TEST_AUDIT_KEY, 2)
      : undefined;
    second = await buildApp({ db: secondDb ?? (await testDb()), publicUrl: 'http://localhost:3000' });
    secondBase = await second.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    for (const s of streams) s.close();
    await second.close();
    await secondDb?.close();
  });

  async function stream(u: TestUser, at = base) {
    const c = await loggedIn(app, u);
    const s = await AlertStream.open(at, c.cookie);
    streams.push(s);
    return s;
  }

  it('the director gets the alert live; the changer and outsiders get nothing', async () => {
    const d = await stream(director);
    const changer = await stream(cop);
    const outsider = await stream(care);
    const foreign = await stream(other.regisseur);
    expect(d.status).toBe(200);
    await addEntry(cop, theCase.id, 'politie');
    const [a] = await d.waitFor(1);
    expect(a).toMatchObject({ kind: 'entry_added', caseId: theCase.id, caseReference: theCase.reference });
    await new Promise((r) => setTimeout(r, 300));
    expect(changer.alerts).toEqual([]);
    expect(outsider.alerts).toEqual([]);
    expect(foreign.alerts).toEqual([]);
  });

  it('reaches a stream on another app instance', async () => {
    const f = await stream(follower, secondBase);
    await addEntry(t.regisseur, theCase.id, 'zorg');
    const [a] = await f.waitFor(1);
    expect(a).toMatchObject({ kind: 'entry_added', caseId: theCase.id });
  });

  it('refuses a stream without a session', async () => {
    const s = await AlertStream.open(base, undefined);
    streams.push(s);
    expect(s.status).toBe(401);
  });
});
