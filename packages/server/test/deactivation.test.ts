import {
  actionSchema,
  alertListSchema,
  caseSchema,
  colleagueListSchema,
  entrySchema,
  meetingSchema,
  PROBLEM_BASE,
  partnerSchema,
  partnerWithStatusListSchema,
  partnerWithStatusSchema,
  sessionResponseSchema,
  signalSchema,
  userSchema,
  userWithStatusListSchema,
  userWithStatusSchema,
} from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db/db.js';
import {
  auditUpdates,
  bodyOf,
  Client,
  createCase,
  createPerson,
  expectProblem,
  loggedIn,
  newTenant,
  PASSWORD,
  setMatrix,
  type TestTenant,
  testApp,
  testDb,
} from './helpers.js';

/**
 * `PATCH /users/:id` and `PATCH /partners/:id` (admin): editing and deactivating. A deactivated
 * user's sessions end at once and their logins are refused; their history keeps their name. A
 * deactivated partner's users can no longer log in and it is no longer offered for new work.
 */

let app: FastifyInstance;
let db: Db;
let t: TestTenant;
let other: TestTenant;
let admin: Client;

const usersOf = async () => bodyOf(await admin.get('/api/v1/users'), userWithStatusListSchema).items;
const partnersOf = async () => bodyOf(await admin.get('/api/v1/partners'), partnerWithStatusListSchema).items;
const login = (u: { email: string }, password = PASSWORD) =>
  new Client(app).post('/api/v1/session', { email: u.email, password });

const auditDetails = async (objectId: string) =>
  (await auditUpdates(db, t.id, objectId)).map((r) => r.details);
const auditRecords = async (objectId: string) =>
  (await auditUpdates(db, t.id, objectId)).map(({ userId, objectIds }) => ({ userId, objectIds }));

beforeAll(async () => {
  app = await testApp();
  db = await testDb();
  t = await newTenant(['gemeente', 'politie', 'wijkteam', 'ggz']);
  other = await newTenant(['gemeente', 'politie']);
  admin = await loggedIn(app, t.admin);
  await setMatrix(app, t, [{ partner: 'wijkteam', category: 'zorg', access: 'write' }]);
});

describe('editing and deactivating users', () => {
  it('admin renames a user and changes roles and organisation; the next request has the new rights', async () => {
    const u = await t.addUser('politie', ['professional']);
    const c = await loggedIn(app, u);
    expect((await c.get('/api/v1/users')).statusCode).toBe(403);
    const res = await admin.patch(`/api/v1/users/${u.id}`, {
      name: 'Wijkagent Jansen',
      roles: ['regisseur'],
      partnerId: t.partners.gemeente,
    });
    expect(bodyOf(res, userWithStatusSchema)).toMatchObject({
      id: u.id,
      email: u.email,
      name: 'Wijkagent Jansen',
      roles: ['regisseur'],
      partnerId: t.partners.gemeente,
      active: true,
    });
    // Same session, new rights at once (the cached session was dropped).
    const me = bodyOf(await c.get('/api/v1/session'), sessionResponseSchema).user;
    expect(me).toMatchObject({
      name: 'Wijkagent Jansen',
      roles: ['regisseur'],
      partnerId: t.partners.gemeente,
    });
    expect((await c.get('/api/v1/users')).statusCode).toBe(200);
    expect(await auditDetails(u.id)).toContainEqual(
      expect.objectContaining({
        fields: ['name', 'roles', 'partnerId'],
        roles: { from: ['professional'], to: ['regisseur'] },
        partnerId: { from: t.partners.politie, to: t.partners.gemeente },
      }),
    );
  });

  it("deactivating ends the user's sessions at once, refuses their login, keeps their history", async () => {
    const u = await t.addUser('wijkteam', ['professional']);
    const c1 = await loggedIn(app, u);
    const c2 = await loggedIn(app, u);
    const kase = await createCase(c1, {
      title: 'Zorgen om bewoner',
      partnerIds: [t.partners.wijkteam],
      subjects: [{ kind: 'person', id: (await createPerson(c1)).id }],
    });
    const entry = bodyOf(
      await c1.post(`/api/v1/cases/${kase.id}/entries`, { category: 'zorg', text: 'Eerste huisbezoek' }),
      entrySchema,
      201,
    );
    // Both sessions are live and cached.
    expect((await c1.get('/api/v1/session')).statusCode).toBe(200);
    expect((await c2.get('/api/v1/session')).statusCode).toBe(200);

    const res = await admin.patch(`/api/v1/users/${u.id}`, { active: false });
    expect(bodyOf(res, userWithStatusSchema)).toMatchObject({ id: u.id, active: false });
    // At once: not after the 2 s the cache may keep a session.
    expectProblem(await c1.get('/api/v1/session'), 401);
    expectProblem(await c2.get(`/api/v1/cases/${kase.id}`), 401);
    // The login is refused, with a word about why for who knows the password; a wrong one stays the usual 401.
    const refused = expectProblem(await login(u), 401);
    expect(refused.detail).toContain('niet (meer) actief');
    expect(expectProblem(await login(u, 'fout-wachtwoord-123'), 401).detail).not.toContain('actief');
    // History keeps their name; the admin still lists them, as inactive; they are no longer offered.
    const reg = await loggedIn(app, t.regisseur);
    // A colleague of the same partner reads the journal (the matrix lets wijkteam read zorg).
    const colleague = await loggedIn(app, await t.addUser('wijkteam', ['professional']));
    const entries = await colleague.get(`/api/v1/cases/${kase.id}/entries`);
    expect(entries.body).toContain(entry.id);
    expect(entries.body).toContain(u.name);
    expect((await usersOf()).find((x) => x.id === u.id)).toMatchObject({ name: u.name, active: false });
    const colleagues = bodyOf(await reg.get('/api/v1/colleagues'), colleagueListSchema).items;
    expect(colleagues.map((x) => x.id)).not.toContain(u.id);
    // Audited, with the number of sessions ended.
    expect(await auditDetails(u.id)).toContainEqual(
      expect.objectContaining({ fields: ['active'], active: false, sessionsEnded: 2 }),
    );
    expect((await auditRecords(u.id)).map((a) => a.userId)).toContain(t.admin.id);

    // Activated again: the login works (the old sessions stay ended).
    expect(
      bodyOf(await admin.patch(`/api/v1/users/${u.id}`, { active: true }), userWithStatusSchema).active,
    ).toBe(true);
    expectProblem(await c1.get('/api/v1/session'), 401);
    expect((await login(u)).statusCode).toBe(200);
  });

  it('only an admin may edit users: 403 for the other roles, 401 without a session; nothing changes', async () => {
    const u = await t.addUser('politie', ['professional']);
    for (const who of [t.regisseur, t.professional, t.auditor]) {
      const c = await loggedIn(app, who);
      expectProblem(await c.patch(`/api/v1/users/${u.id}`, { active: false }), 403);
      expectProblem(await c.patch(`/api/v1/users/${u.id}`, { roles: ['admin'] }), 403);
    }
    expectProblem(await new Client(app).patch(`/api/v1/users/${u.id}`, { active: false }), 401);
    // Another municipality's admin: the user does not exist there.
    expectProblem(
      await (await loggedIn(app, other.admin)).patch(`/api/v1/users/${u.id}`, { active: false }),
      404,
    );
    expect((await usersOf()).find((x) => x.id === u.id)).toMatchObject({
      active: true,
      roles: ['professional'],
    });
    expect((await login(u)).statusCode).toBe(200);
  });

  it('rejects bad input with 400 naming the field, and changes nothing', async () => {
    const u = await t.addUser('politie', ['professional']);
    const bad: [Record<string, unknown>, string][] = [
      [{}, '(body)'],
      [{ name: '' }, 'name'],
      [{ name: 'x'.repeat(201) }, 'name'],
      [{ roles: [] }, 'roles'],
      [{ roles: ['superuser'] }, 'roles.0'],
      [{ roles: ['admin', 'admin'] }, 'roles'],
      [{ partnerId: 'abc' }, 'partnerId'],
      [{ partnerId: other.partners.politie }, 'partnerId'],
      [{ active: 'nee' }, 'active'],
      [{ email: 'ander@test.example' }, 'email'],
      [{ password: 'een-nieuw-wachtwoord' }, 'password'],
    ];
    for (const [body, field] of bad) {
      expectProblem(await admin.patch(`/api/v1/users/${u.id}`, body), 400, [field]);
    }
    expectProblem(await admin.patch('/api/v1/users/geen-id', { name: 'X' }), 400, ['id']);
    expectProblem(await admin.patch(`/api/v1/users/${crypto.randomUUID()}`, { name: 'X' }), 404);
    expect((await usersOf()).find((x) => x.id === u.id)).toMatchObject({
      name: u.name,
      roles: ['professional'],
      partnerId: t.partners.politie,
      active: true,
    });
  });

  it('keeps somebody who can manage users: not yourself, not the last active admin (409)', async () => {
    expectProblem(await admin.patch(`/api/v1/users/${t.admin.id}`, { active: false }), 409, ['active']);
    expectProblem(await admin.patch(`/api/v1/users/${t.admin.id}`, { roles: ['regisseur'] }), 409, ['roles']);
    expect((await usersOf()).find((x) => x.id === t.admin.id)).toMatchObject({
      active: true,
      roles: ['admin'],
    });
    // With a second admin, the first may hand over the role.
    const second = await t.addUser('gemeente', ['admin']);
    const c = await loggedIn(app, second);
    expect((await c.patch(`/api/v1/users/${t.admin.id}`, { roles: ['admin', 'auditor'] })).statusCode).toBe(
      200,
    );
    expect((await c.patch(`/api/v1/users/${second.id}`, { roles: ['admin'] })).statusCode).toBe(200);
    expect((await admin.patch(`/api/v1/users/${second.id}`, { active: false })).statusCode).toBe(200);
  });
});

describe('editing and deactivating partners', () => {
  it("deactivating a partner ends its users' sessions, refuses their logins and stops offering it; history stays", async () => {
    const p = bodyOf(
      await admin.post('/api/v1/partners', { name: `Jongerenwerk ${Date.now()}`, kind: 'jongerenwerk' }),
      partnerSchema,
      201,
    );
    const u = await addUserTo(p.id);
    const c = await loggedIn(app, u);
    const reg = await loggedIn(app, t.regisseur);
    const kase = await createCase(reg, {
      title: 'Hangplek Molenweg',
      partnerIds: [p.id],
      subjects: [{ kind: 'person', id: (await createPerson(reg)).id }],
    });
    expect((await c.get('/api/v1/session')).statusCode).toBe(200);

    const res = await admin.patch(`/api/v1/partners/${p.id}`, { active: false });
    expect(bodyOf(res, partnerWithStatusSchema)).toMatchObject({ id: p.id, name: p.name, active: false });
    expectProblem(await c.get('/api/v1/session'), 401);
    expect(expectProblem(await login(u), 401).detail).toContain('niet (meer) actief');
    // Still listed, marked inactive; still on the case it took part in.
    expect((await partnersOf()).find((x) => x.id === p.id)).toMatchObject({ active: false });
    expect((await reg.get(`/api/v1/cases/${kase.id}`)).body).toContain(p.id);
    // No new users for it; its users are no longer offered as colleagues.
    expectProblem(
      await admin.post('/api/v1/users', {
        email: `nieuw-${Date.now()}@test.example`,
        name: 'Nieuw',
        password: PASSWORD,
        partnerId: p.id,
        roles: ['professional'],
      }),
      400,
      ['partnerId'],
    );
    const colleagues = bodyOf(await reg.get('/api/v1/colleagues'), colleagueListSchema).items;
    expect(colleagues.map((x) => x.id)).not.toContain(u.id);
    // Moving a user to it is refused too.
    const moved = await t.addUser('politie', ['professional']);
    expectProblem(await admin.patch(`/api/v1/users/${moved.id}`, { partnerId: p.id }), 400, ['partnerId']);
    expect(await auditDetails(p.id)).toContainEqual(
      expect.objectContaining({ fields: ['active'], active: false, sessionsEnded: 1 }),
    );

    // Reactivated: the user (whose own flag never changed) logs in again.
    expect(
      bodyOf(await admin.patch(`/api/v1/partners/${p.id}`, { active: true }), partnerWithStatusSchema).active,
    ).toBe(true);
    expect((await login(u)).statusCode).toBe(200);
  });

  it('renames a partner (names stay unique); audited with the old and new name', async () => {
    const p = bodyOf(
      await admin.post('/api/v1/partners', { name: `Buurtzorg ${Date.now()}`, kind: 'zorg' }),
      partnerSchema,
      201,
    );
    const renamed = bodyOf(
      await admin.patch(`/api/v1/partners/${p.id}`, { name: `${p.name} Oost` }),
      partnerWithStatusSchema,
    );
    expect(renamed).toEqual({ id: p.id, name: `${p.name} Oost`, kind: 'zorg', active: true });
    expect(await auditDetails(p.id)).toContainEqual(
      expect.objectContaining({ fields: ['name'], name: { from: p.name, to: `${p.name} Oost` } }),
    );
    const taken = (await partnersOf()).find((x) => x.id === t.partners.politie)?.name ?? '';
    expectProblem(await admin.patch(`/api/v1/partners/${p.id}`, { name: taken.toUpperCase() }), 409, [
      'name',
    ]);
  });

  it('only an admin; bad input is 400; the own organisation and the last admins stay (409); nothing changes', async () => {
    for (const who of [t.regisseur, t.professional, t.auditor]) {
      const c = await loggedIn(app, who);
      expectProblem(await c.patch(`/api/v1/partners/${t.partners.ggz}`, { active: false }), 403);
    }
    expectProblem(await new Client(app).patch(`/api/v1/partners/${t.partners.ggz}`, { active: false }), 401);
    expectProblem(
      await (await loggedIn(app, other.admin)).patch(`/api/v1/partners/${t.partners.ggz}`, { active: false }),
      404,
    );
    const bad: [Record<string, unknown>, string][] = [
      [{}, '(body)'],
      [{ name: '' }, 'name'],
      [{ name: 'x'.repeat(201) }, 'name'],
      [{ active: 1 }, 'active'],
      [{ kind: 'ggz' }, 'kind'],
    ];
    for (const [body, field] of bad) {
      expectProblem(await admin.patch(`/api/v1/partners/${t.partners.ggz}`, body), 400, [field]);
    }
    expectProblem(await admin.patch('/api/v1/partners/geen-id', { active: false }), 400, ['id']);
    // The admin's own organisation would lock the admin out.
    expectProblem(await admin.patch(`/api/v1/partners/${t.partners.gemeente}`, { active: false }), 409, [
      'active',
    ]);
    expect((await partnersOf()).filter((x) => !x.active).map((x) => x.id)).not.toContain(t.partners.ggz);
    expect((await partnersOf()).find((x) => x.id === t.partners.gemeente)).toMatchObject({ active: true });
  });
});

describe('a deactivated partner or user takes on no new work (400 naming the field)', () => {
  it('refuses a deactivated partner or its users for a new case, action, assignee, director or chair; what it had stays', async () => {
    const reg = await loggedIn(app, t.regisseur);
    const p = await newPartner('Buurtwerk');
    const u = await addUserTo(p.id);
    const person = (await createPerson(reg)).id;
    // Work it took on before its deactivation.
    const kase = await createCase(reg, {
      title: 'Jongeren bij het winkelcentrum',
      partnerIds: [p.id],
      subjects: [{ kind: 'person', id: person }],
    });
    const action = bodyOf(
      await reg.post(`/api/v1/cases/${kase.id}/actions`, {
        title: 'Gesprek met de jongeren',
        ownerPartnerId: p.id,
        dueDate: '2099-01-01',
      }),
      actionSchema,
      201,
    );
    const plain = await createCase(reg, {
      title: 'Overlast Dorpsstraat',
      partnerIds: [t.partners.politie],
      subjects: [{ kind: 'person', id: person }],
    });
    expect((await admin.patch(`/api/v1/partners/${p.id}`, { active: false })).statusCode).toBe(200);

    // A new case: neither as a partner nor its user as the director.
    expectProblem(
      await reg.post('/api/v1/cases', {
        type: 'person',
        title: 'Nieuw',
        partnerIds: [t.partners.politie, p.id],
        subjects: [{ kind: 'person', id: person }],
      }),
      400,
      ['partnerIds.1'],
    );
    expectProblem(
      await reg.post('/api/v1/cases', {
        type: 'person',
        title: 'Nieuw',
        partnerIds: [t.partners.politie],
        subjects: [{ kind: 'person', id: person }],
        directorUserId: u.id,
      }),
      400,
      ['directorUserId'],
    );
    // An existing case: not added, not its user as the director; where it took part, it may stay.
    expectProblem(
      await reg.patch(`/api/v1/cases/${plain.id}`, { partnerIds: [t.partners.politie, p.id] }),
      400,
      ['partnerIds.1'],
    );
    expectProblem(await reg.patch(`/api/v1/cases/${plain.id}`, { directorUserId: u.id }), 400, [
      'directorUserId',
    ]);
    const kept = await reg.patch(`/api/v1/cases/${kase.id}`, {
      title: 'Jongeren bij het winkelcentrum (vervolg)',
      partnerIds: [...kase.partnerIds, t.partners.politie],
    });
    expect(bodyOf(kept, caseSchema).partnerIds).toEqual(expect.arrayContaining([p.id, t.partners.politie]));
    // No new action for it, also not in the case it takes part in; no assignee of it on its old one.
    expectProblem(
      await reg.post(`/api/v1/cases/${kase.id}/actions`, {
        title: 'Nog een gesprek',
        ownerPartnerId: p.id,
        dueDate: '2099-01-01',
      }),
      400,
      ['ownerPartnerId'],
    );
    expectProblem(await reg.patch(`/api/v1/actions/${action.id}`, { assigneeUserId: u.id }), 400, [
      'assigneeUserId',
    ]);
    // Its user chairs no new meeting.
    expectProblem(
      await reg.post('/api/v1/meetings', {
        title: 'Casusoverleg',
        kind: 'case',
        startsAt: new Date(Date.now() + 86_400_000).toISOString(),
        chairUserId: u.id,
        partnerIds: [t.partners.politie],
        caseIds: [],
      }),
      400,
      ['chairUserId'],
    );
    // Its old action can still be finished.
    expect(
      bodyOf(await reg.patch(`/api/v1/actions/${action.id}`, { status: 'done' }), actionSchema).status,
    ).toBe('done');
  });

  it('a director deactivated since stays on the case: saving the case with them unchanged works', async () => {
    const reg = await loggedIn(app, t.regisseur);
    const director = await t.addUser('politie', ['professional']);
    const kase = await createCase(reg, {
      title: 'Woonfraude Kerkplein',
      partnerIds: [t.partners.politie],
      subjects: [{ kind: 'person', id: (await createPerson(reg)).id }],
      directorUserId: director.id,
    });
    expect((await admin.patch(`/api/v1/users/${director.id}`, { active: false })).statusCode).toBe(200);
    const saved = bodyOf(
      await reg.patch(`/api/v1/cases/${kase.id}`, {
        title: 'Woonfraude Kerkplein 4',
        directorUserId: director.id,
      }),
      caseSchema,
    );
    expect(saved).toMatchObject({ title: 'Woonfraude Kerkplein 4', directorUserId: director.id });
    // Choosing them anew elsewhere is refused.
    const other = await createCase(reg, {
      title: 'Ander',
      partnerIds: [t.partners.politie],
      subjects: [{ kind: 'person', id: (await createPerson(reg)).id }],
    });
    expectProblem(await reg.patch(`/api/v1/cases/${other.id}`, { directorUserId: director.id }), 400, [
      'directorUserId',
    ]);
  });
});

describe('signal routing after a partner is deactivated', () => {
  it('passes over a rule to a deactivated partner: the signal goes to the regisseur, not to nobody', async () => {
    const p = bodyOf(
      await admin.post('/api/v1/partners', { name: `Buurtbemiddeling ${Date.now()}`, kind: 'jongerenwerk' }),
      partnerSchema,
      201,
    );
    const reg = await loggedIn(app, t.regisseur);
    const category = 'burenruzie';
    const definition = {
      key: category,
      label: 'Burenruzie',
      publicReport: false,
      deadlineDays: 5,
      deadlineWorking: true,
    };
    expect((await reg.post('/api/v1/signal-categories', definition)).statusCode).toBe(201);
    expect((await reg.post('/api/v1/signal-routes', { category, partnerId: p.id })).statusCode).toBe(201);
    const report = async () =>
      bodyOf(
        await reg.post('/api/v1/signals', {
          category,
          description: 'Ruzie tussen buren over de schutting',
          source: 'professional',
        }),
        signalSchema,
        201,
      );
    expect((await report()).routedPartnerId).toBe(p.id);

    expect((await admin.patch(`/api/v1/partners/${p.id}`, { active: false })).statusCode).toBe(200);
    const after = await report();
    expect(after.routedPartnerId).toBeNull();
    expect(after.routingReason).toMatch(/regisseur/);
  });
});

describe('the login of a deactivated account', () => {
  it('says so with its own problem type, only after the right password; otherwise the usual 401', async () => {
    const u = await t.addUser('politie', ['professional']);
    expect((await admin.patch(`/api/v1/users/${u.id}`, { active: false })).statusCode).toBe(200);
    const inactive = expectProblem(await login(u), 401);
    expect(inactive.type).toBe(`${PROBLEM_BASE}account-inactive`);
    const wrong = expectProblem(await login(u, 'fout-wachtwoord-123'), 401);
    const unknown = expectProblem(await login({ email: `niemand-${Date.now()}@test.example` }), 401);
    // A wrong password tells the same as an unknown account: nothing about being deactivated.
    expect(wrong).toEqual(unknown);
    expect(wrong.type).toBe(`${PROBLEM_BASE}unauthenticated`);

    // The same for a user whose organisation was deactivated.
    const p = await newPartner('Wijkboerderij');
    const member = await addUserTo(p.id);
    expect((await admin.patch(`/api/v1/partners/${p.id}`, { active: false })).statusCode).toBe(200);
    expect(expectProblem(await login(member), 401).type).toBe(`${PROBLEM_BASE}account-inactive`);
    expect(expectProblem(await login(member, 'fout-wachtwoord-123'), 401).type).toBe(
      `${PROBLEM_BASE}unauthenticated`,
    );
  });
});

describe('alerts after a meeting is cancelled or a partner deactivated', () => {
  const kinds = async (c: Client, caseId: string) =>
    bodyOf(await c.get('/api/v1/alerts?limit=200'), alertListSchema)
      .items.filter((a) => a.caseId === caseId)
      .map((a) => a.kind);

  it("a cancelled meeting no longer makes its chair a recipient of the case's alerts", async () => {
    const reg = await loggedIn(app, t.regisseur);
    const chair = await t.addUser('gemeente', ['professional']);
    const ch = await loggedIn(app, chair);
    const kase = await createCase(reg, {
      title: 'Verwaarlozing tuin',
      partnerIds: [t.partners.politie],
      subjects: [{ kind: 'person', id: (await createPerson(reg)).id }],
    });
    const meeting = bodyOf(
      await reg.post('/api/v1/meetings', {
        title: 'Casusoverleg',
        kind: 'case',
        startsAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
        chairUserId: chair.id,
        partnerIds: [t.partners.politie],
        caseIds: [kase.id],
      }),
      meetingSchema,
      201,
    );
    expect((await reg.patch(`/api/v1/cases/${kase.id}`, { status: 'triage' })).statusCode).toBe(200);
    expect(await kinds(ch, kase.id)).toEqual(['status_changed']);

    expect((await reg.patch(`/api/v1/meetings/${meeting.id}`, { status: 'cancelled' })).statusCode).toBe(200);
    expect((await reg.patch(`/api/v1/cases/${kase.id}`, { status: 'analysis' })).statusCode).toBe(200);
    expect(
      (
        await reg.post(`/api/v1/cases/${kase.id}/actions`, {
          title: 'Tuin laten opruimen',
          ownerPartnerId: t.partners.politie,
          dueDate: '2000-01-01', // overdue at once
        })
      ).statusCode,
    ).toBe(201);
    expect(await kinds(ch, kase.id)).toEqual(['status_changed']);
  });

  it('users of a deactivated partner are no longer alerted', async () => {
    const reg = await loggedIn(app, t.regisseur);
    const p = await newPartner('Buurtbemiddeling');
    const director = await addUserTo(p.id);
    const kase = await createCase(reg, {
      title: 'Burenruzie Lindelaan',
      partnerIds: [p.id],
      subjects: [{ kind: 'person', id: (await createPerson(reg)).id }],
      directorUserId: director.id,
    });
    expect((await reg.patch(`/api/v1/cases/${kase.id}`, { status: 'triage' })).statusCode).toBe(200);
    expect((await admin.patch(`/api/v1/partners/${p.id}`, { active: false })).statusCode).toBe(200);
    expect((await reg.patch(`/api/v1/cases/${kase.id}`, { status: 'analysis' })).statusCode).toBe(200);
    // Activated again, the director reads what reached them: only the change from before.
    expect((await admin.patch(`/api/v1/partners/${p.id}`, { active: true })).statusCode).toBe(200);
    expect(await kinds(await loggedIn(app, director), kase.id)).toEqual(['status_changed']);
  });
});

async function newPartner(name: string) {
  return bodyOf(
    await admin.post('/api/v1/partners', { name: `${name} ${Date.now()}`, kind: 'overig' }),
    partnerSchema,
    201,
  );
}

async function addUserTo(partnerId: string) {
  const email = `jw-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@test.example`;
  const res = await admin.post('/api/v1/users', {
    email,
    name: 'Jongerenwerker Bakker',
    password: PASSWORD,
    partnerId,
    roles: ['professional'],
  });
  const u = bodyOf(res, userSchema, 201);
  return { ...u, password: PASSWORD };
}
