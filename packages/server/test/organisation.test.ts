import {
  auditListSchema,
  auditVerifySchema,
  partnerListSchema,
  partnerSchema,
  sessionResponseSchema,
  userListSchema,
  userSchema,
} from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  bodyOf,
  Client,
  expectProblem,
  loggedIn,
  newTenant,
  PASSWORD,
  type TestTenant,
  testApp,
} from './helpers.js';

let app: FastifyInstance;
let t: TestTenant;
let other: TestTenant;

beforeAll(async () => {
  app = await testApp();
  t = await newTenant();
  other = await newTenant();
});

const partnersOf = async (c: Client) => bodyOf(await c.get('/api/v1/partners'), partnerListSchema);
const usersOf = async (c: Client) => bodyOf(await c.get('/api/v1/users'), userListSchema);

describe('partners', () => {
  it('admin creates a partner; it is listed with the others', async () => {
    const admin = await loggedIn(app, t.admin);
    const res = await admin.post('/api/v1/partners', { name: 'GGZ Centraal', kind: 'ggz' });
    const created = bodyOf(res, partnerSchema, 201);
    expect(created).toEqual({ id: expect.any(String), name: 'GGZ Centraal', kind: 'ggz' });
    const list = await partnersOf(admin);
    expect(list.items).toContainEqual(created);
    expect(list.total).toBe(list.items.length);
  });

  it('every staff role may list partners; nobody without a session', async () => {
    for (const u of [t.admin, t.regisseur, t.professional, t.auditor]) {
      const res = await (await loggedIn(app, u)).get('/api/v1/partners');
      expect(res.statusCode, u.roles.join()).toBe(200);
    }
    expectProblem(await app.inject({ method: 'GET', url: '/api/v1/partners' }), 401);
  });

  it('only an admin may create a partner (403 for the others, 401 without session), and nothing changes', async () => {
    const admin = await loggedIn(app, t.admin);
    const before = (await partnersOf(admin)).total;
    for (const u of [t.regisseur, t.professional, t.auditor]) {
      const res = await (await loggedIn(app, u)).post('/api/v1/partners', {
        name: `Door ${u.name}`,
        kind: 'overig',
      });
      expectProblem(res, 403);
    }
    expectProblem(await new Client(app).post('/api/v1/partners', { name: 'Anoniem', kind: 'overig' }), 401);
    expect((await partnersOf(admin)).total).toBe(before);
  });

  it('rejects bad input with 400 naming the field, and creates nothing', async () => {
    const admin = await loggedIn(app, t.admin);
    const before = (await partnersOf(admin)).total;
    expectProblem(await admin.post('/api/v1/partners', { name: '', kind: 'ggz' }), 400, ['name']);
    expectProblem(await admin.post('/api/v1/partners', { name: '   ', kind: 'ggz' }), 400, ['name']);
    expectProblem(await admin.post('/api/v1/partners', { name: 'X', kind: 'bakker' }), 400, ['kind']);
    expectProblem(await admin.post('/api/v1/partners', { name: 'X' }), 400, ['kind']);
    expectProblem(await admin.post('/api/v1/partners', { name: 'X', kind: 'ggz', id: 'mine' }), 400, ['id']);
    expectProblem(await admin.post('/api/v1/partners', { name: 'x'.repeat(201), kind: 'ggz' }), 400, [
      'name',
    ]);
    expect((await partnersOf(admin)).total).toBe(before);
  });

  it('a second partner with the same name is 409', async () => {
    const admin = await loggedIn(app, t.admin);
    expect((await admin.post('/api/v1/partners', { name: 'Dubbel', kind: 'overig' })).statusCode).toBe(201);
    expectProblem(await admin.post('/api/v1/partners', { name: 'dubbel', kind: 'zorg' }), 409, ['name']);
  });

  it('partners never cross tenants', async () => {
    const adminA = await loggedIn(app, t.admin);
    await adminA.post('/api/v1/partners', { name: 'Alleen in A', kind: 'overig' });
    const adminB = await loggedIn(app, other.admin);
    const names = (await partnersOf(adminB)).items.map((p) => p.name);
    expect(names).not.toContain('Alleen in A');
    expect(names.every((n) => !Object.values(t.partners).includes(n))).toBe(true);
    // The same name may exist in another tenant.
    expect((await adminB.post('/api/v1/partners', { name: 'Alleen in A', kind: 'overig' })).statusCode).toBe(
      201,
    );
  });
});

describe('users', () => {
  it('admin creates a user who can then log in with the given roles', async () => {
    const admin = await loggedIn(app, t.admin);
    const email = `nieuw-${Date.now()}@test.example`;
    const res = await admin.post('/api/v1/users', {
      email: ` ${email.toUpperCase()} `,
      name: 'Nieuwe Collega',
      password: 'een-lang-wachtwoord',
      partnerId: t.partners.politie,
      roles: ['professional', 'auditor'],
    });
    const user = bodyOf(res, userSchema, 201);
    expect(user).toEqual({
      id: expect.any(String),
      email,
      name: 'Nieuwe Collega',
      partnerId: t.partners.politie,
      roles: ['professional', 'auditor'],
    });
    expect(res.body).not.toContain('een-lang-wachtwoord');
    expect((await usersOf(admin)).items).toContainEqual(user);
    const c = await loggedIn(app, { email, password: 'een-lang-wachtwoord' });
    expect(bodyOf(await c.get('/api/v1/session'), sessionResponseSchema).user.roles).toEqual([
      'professional',
      'auditor',
    ]);
  });

  it('a password shorter than 12 characters is 400 on password', async () => {
    const admin = await loggedIn(app, t.admin);
    const res = await admin.post('/api/v1/users', {
      email: `kort-${Date.now()}@test.example`,
      name: 'Kort',
      password: '12345678901',
      partnerId: t.partners.gemeente,
      roles: ['professional'],
    });
    expectProblem(res, 400, ['password']);
  });

  it('rejects other bad input with 400 naming the field, and creates nothing', async () => {
    const admin = await loggedIn(app, t.admin);
    const before = (await usersOf(admin)).total;
    const good = {
      email: `goed-${Date.now()}@test.example`,
      name: 'Goed',
      password: PASSWORD,
      partnerId: t.partners.gemeente,
      roles: ['professional'],
    };
    expectProblem(await admin.post('/api/v1/users', { ...good, email: 'geen-email' }), 400, ['email']);
    expectProblem(await admin.post('/api/v1/users', { ...good, roles: [] }), 400, ['roles']);
    expectProblem(await admin.post('/api/v1/users', { ...good, roles: ['superuser'] }), 400, ['roles.0']);
    expectProblem(await admin.post('/api/v1/users', { ...good, partnerId: 'abc' }), 400, ['partnerId']);
    expectProblem(await admin.post('/api/v1/users', { ...good, tenantId: other.id }), 400, ['tenantId']);
    // A partner of another tenant does not exist here.
    expectProblem(await admin.post('/api/v1/users', { ...good, partnerId: other.partners.politie }), 400, [
      'partnerId',
    ]);
    expect((await usersOf(admin)).total).toBe(before);
  });

  it('an email already in use is 409', async () => {
    const admin = await loggedIn(app, t.admin);
    const res = await admin.post('/api/v1/users', {
      email: t.regisseur.email,
      name: 'Dubbel',
      password: PASSWORD,
      partnerId: t.partners.gemeente,
      roles: ['professional'],
    });
    expectProblem(res, 409, ['email']);
  });

  it('admin and regisseur may list users; professional and auditor get 403; no session 401', async () => {
    for (const u of [t.admin, t.regisseur]) {
      expect((await (await loggedIn(app, u)).get('/api/v1/users')).statusCode).toBe(200);
    }
    for (const u of [t.professional, t.auditor]) {
      expectProblem(await (await loggedIn(app, u)).get('/api/v1/users'), 403);
    }
    expectProblem(await app.inject({ method: 'GET', url: '/api/v1/users' }), 401);
  });

  it('only an admin may create users', async () => {
    const body = {
      email: `poging-${Date.now()}@test.example`,
      name: 'Poging',
      password: PASSWORD,
      partnerId: t.partners.gemeente,
      roles: ['admin'],
    };
    for (const u of [t.regisseur, t.professional, t.auditor]) {
      expectProblem(await (await loggedIn(app, u)).post('/api/v1/users', body), 403);
    }
    expectProblem(await new Client(app).post('/api/v1/users', body), 401);
  });

  it('lists only the users of the own tenant, without password hashes', async () => {
    const res = await (await loggedIn(app, other.admin)).get('/api/v1/users');
    const items = bodyOf(res, userListSchema).items;
    expect(items.map((u) => u.id).sort()).toEqual(
      [other.admin.id, other.regisseur.id, other.professional.id, other.auditor.id].sort(),
    );
    expect(res.body).not.toMatch(/argon2|password/i);
  });
});

describe('audit of the organisation', () => {
  it("an admin's new partner and new user are in the tenant's audit chain, without the email", async () => {
    const admin = await loggedIn(app, t.admin);
    const partner = bodyOf(
      await admin.post('/api/v1/partners', { name: `Geaudit ${Date.now()}`, kind: 'zorg' }),
      partnerSchema,
      201,
    );
    const email = `geaudit-${Date.now()}@test.example`;
    const res = await admin.post('/api/v1/users', {
      email,
      name: 'Geaudit Persoon',
      password: PASSWORD,
      partnerId: partner.id,
      roles: ['professional'],
    });
    const user = bodyOf(res, userSchema, 201);

    const auditor = await loggedIn(app, t.auditor);
    const audit = await auditor.get('/api/v1/audit?limit=200');
    const items = bodyOf(audit, auditListSchema).items;
    for (const [type, id] of [
      ['partner', partner.id],
      ['user', user.id],
    ] as const) {
      expect(items).toContainEqual(
        expect.objectContaining({ action: 'create', objectType: type, objectId: id, userId: t.admin.id }),
      );
    }
    expect(audit.body).not.toContain(email);
    expect(bodyOf(await auditor.get('/api/v1/audit/verify'), auditVerifySchema).valid).toBe(true);
  });
});
