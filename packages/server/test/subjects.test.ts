import {
  auditListSchema,
  personDetailSchema,
  personListSchema,
  subjectDetailSchema,
  subjectSchema,
} from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { idRow, oneRow } from '../src/db/rows.js';
import {
  bodyOf,
  Client,
  createCase,
  createPerson,
  expectProblem,
  loggedIn,
  newTenant,
  setMatrix,
  type TestTenant,
  testApp,
  testDb,
} from './helpers.js';

let app: FastifyInstance;
let t: TestTenant;
let other: TestTenant;
let reg: Client;

beforeAll(async () => {
  app = await testApp();
  t = await newTenant(['gemeente', 'politie', 'wijkteam']);
  other = await newTenant(['gemeente', 'politie']);
  reg = await loggedIn(app, t.regisseur);
});

const search = async (c: Client, q: string) =>
  bodyOf(await c.get(`/api/v1/persons?q=${encodeURIComponent(q)}`), personListSchema);

describe('persons', () => {
  it('registers a person with a valid BSN and normalises the postal code', async () => {
    const res = await reg.post('/api/v1/persons', {
      firstName: 'Karin',
      lastName: 'de Boer',
      birthDate: '1984-03-12',
      bsn: '111222333',
      address: { street: 'Dorpsstraat', houseNumber: '12a', postalCode: '9999 ab', city: 'Voorbeeldstad' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      firstName: 'Karin',
      lastName: 'de Boer',
      birthDate: '1984-03-12',
      bsn: '111222333',
      address: { street: 'Dorpsstraat', houseNumber: '12a', postalCode: '9999AB', city: 'Voorbeeldstad' },
    });
    expectProblem(
      await reg.post('/api/v1/persons', { firstName: 'Dubbel', lastName: 'BSN', bsn: '111222333' }),
      409,
      ['bsn'],
    );
  });

  it('refuses a BSN that fails the 11-test and other bad input, naming the field', async () => {
    expectProblem(
      await reg.post('/api/v1/persons', { firstName: 'A', lastName: 'B', bsn: '123456789' }),
      400,
      ['bsn'],
    );
    expectProblem(await reg.post('/api/v1/persons', { firstName: 'A', lastName: 'B', bsn: '12345' }), 400, [
      'bsn',
    ]);
    expectProblem(
      await reg.post('/api/v1/persons', { firstName: 'A', lastName: 'B', birthDate: '31-12-1990' }),
      400,
      ['birthDate'],
    );
    expectProblem(
      await reg.post('/api/v1/persons', { firstName: 'A', lastName: 'B', birthDate: '2999-01-01' }),
      400,
      ['birthDate'],
    );
    expectProblem(
      await reg.post('/api/v1/persons', {
        firstName: 'A',
        lastName: 'B',
        address: { street: 'X', houseNumber: '1', postalCode: '0123AB', city: 'Y' },
      }),
      400,
      ['address.postalCode'],
    );
    expectProblem(await reg.post('/api/v1/persons', { firstName: '', lastName: 'B' }), 400, ['firstName']);
    expectProblem(await reg.post('/api/v1/persons', { lastName: 'B' }), 400, ['firstName']);
  });

  it('search is typo-tolerant on the name and finds birth date and postal code', async () => {
    await createPerson(reg, { firstName: 'Pieter', lastName: 'Jansen', birthDate: '1975-06-01' });
    await createPerson(reg, {
      firstName: 'Fatima',
      lastName: 'Bouzid',
      address: { street: 'Kerkplein', houseNumber: '3', postalCode: '9991XY', city: 'Voorbeeldstad' },
    });
    expect((await search(reg, 'Janssen')).items.map((p) => p.lastName)).toContain('Jansen');
    expect((await search(reg, 'pieter jansen')).items[0]!.lastName).toBe('Jansen');
    expect((await search(reg, 'Bouzit')).items.map((p) => p.lastName)).toContain('Bouzid');
    expect((await search(reg, '1975-06-01')).items.map((p) => p.lastName)).toEqual(['Jansen']);
    expect((await search(reg, '01-06-1975')).items.map((p) => p.lastName)).toEqual(['Jansen']);
    expect((await search(reg, '9991 xy')).items.map((p) => p.lastName)).toEqual(['Bouzid']);
    expect((await search(reg, 'Jansen 9991XY')).total).toBe(0);
    expect((await search(reg, 'Xylofoon')).total).toBe(0);
  });

  it('a professional sees only persons their partner registered or that are in a case they see', async () => {
    const cop = await loggedIn(app, t.professional);
    const p = await createPerson(reg, { firstName: 'Verborgen', lastName: 'Wijkbewoner' });
    expectProblem(await cop.get(`/api/v1/persons/${p.id}`), 404);
    expect((await search(cop, 'Wijkbewoner')).total).toBe(0);
    await createCase(reg, { subjects: [{ kind: 'person', id: p.id }], partnerIds: [t.partners.politie] });
    // Taking part is not enough: person data is the `basis` category of the matrix.
    expectProblem(await cop.get(`/api/v1/persons/${p.id}`), 404);
    expect((await search(cop, 'Wijkbewoner')).total).toBe(0);
    await setMatrix(app, t, [{ partner: 'politie', category: 'basis', access: 'read' }]);
    expect((await cop.get(`/api/v1/persons/${p.id}`)).statusCode).toBe(200);
    expect((await search(cop, 'Wijkbewoner')).total).toBe(1);
    const own = await createPerson(cop, { firstName: 'Eigen', lastName: 'Registratie' });
    expect((await cop.get(`/api/v1/persons/${own.id}`)).statusCode).toBe(200);
    const person = bodyOf(await cop.get(`/api/v1/persons/${p.id}`), personDetailSchema);
    expect(person.cases).toHaveLength(1);
  });

  it('admin and auditor may not use persons; no session 401; other tenants 404', async () => {
    const p = await createPerson(reg);
    for (const u of [t.admin, t.auditor]) {
      const c = await loggedIn(app, u);
      expectProblem(await c.get(`/api/v1/persons/${p.id}`), 403);
      expectProblem(await c.post('/api/v1/persons', { firstName: 'A', lastName: 'B' }), 403);
    }
    expectProblem(await new Client(app).get('/api/v1/persons?q=a'), 401);
    const o = await loggedIn(app, other.regisseur);
    expectProblem(await o.get(`/api/v1/persons/${p.id}`), 404);
    expect((await search(o, 'Test')).items.map((x) => x.id)).not.toContain(p.id);
    expectProblem(await reg.get('/api/v1/persons/not-a-uuid'), 400, ['id']);
  });

  it('every read and search of a person is audited', async () => {
    const p = await createPerson(reg, { firstName: 'Geaudit', lastName: 'Persoon' });
    await reg.get(`/api/v1/persons/${p.id}`);
    await search(reg, 'Geaudit');
    const audit = bodyOf(await reg.get(`/api/v1/audit?objectId=${p.id}`), auditListSchema);
    const actions = audit.items.map((i) => `${i.action}:${i.objectType}`);
    expect(actions).toEqual(expect.arrayContaining(['create:person', 'read:person', 'search:person']));
  });
});

describe('households, groups, locations, relations', () => {
  it('a household has members (as relations) and a contact who is a member', async () => {
    const a = await createPerson(reg);
    const b = await createPerson(reg);
    expectProblem(
      await reg.post('/api/v1/households', { name: 'Gezin', memberIds: [a.id], contactPersonId: b.id }),
      400,
      ['contactPersonId'],
    );
    expectProblem(
      await reg.post('/api/v1/households', { name: 'Gezin', memberIds: [], contactPersonId: a.id }),
      400,
      ['memberIds'],
    );
    const foreign = await createPerson(await loggedIn(app, other.regisseur));
    expectProblem(
      await reg.post('/api/v1/households', {
        name: 'Gezin',
        memberIds: [a.id, foreign.id],
        contactPersonId: a.id,
      }),
      400,
      ['memberIds.1'],
    );
    const res = await reg.post('/api/v1/households', {
      name: 'Gezin De Boer',
      memberIds: [a.id, b.id],
      contactPersonId: a.id,
    });
    expect(res.statusCode).toBe(201);
    const hh = bodyOf(res, subjectSchema, 201);
    expect(hh.details.contactPersonId).toBe(a.id);
    const detail = bodyOf(await reg.get(`/api/v1/households/${hh.id}`), subjectDetailSchema);
    expect(
      detail.relations
        .filter((r) => r.type === 'member_of')
        .map((r) => r.from.id)
        .sort(),
    ).toEqual([a.id, b.id].sort());
    // Linked, not copied: the person shows the relation too.
    const person = bodyOf(await reg.get(`/api/v1/persons/${b.id}`), personDetailSchema);
    expect(person.relations).toEqual([
      expect.objectContaining({ type: 'member_of', to: { kind: 'household', id: hh.id } }),
    ]);
  });

  it('a youth group has a classification, members and meeting places; a location gets its buurt from the point', async () => {
    const db = await testDb();
    const area = await oneRow(
      db,
      idRow,
      `INSERT INTO areas (tenant_id, kind, code, name, geometry) VALUES ($1, 'buurt', $2, 'Testbuurt', $3::jsonb) RETURNING id`,
      [
        t.id,
        `BU${Date.now() % 100000000}`,
        JSON.stringify({
          type: 'Polygon',
          coordinates: [
            [
              [5.0, 52.0],
              [5.1, 52.0],
              [5.1, 52.1],
              [5.0, 52.1],
              [5.0, 52.0],
            ],
          ],
        }),
      ],
    );
    const loc = await reg.post('/api/v1/locations', { name: 'Speeltuin', lat: 52.05, lng: 5.05 });
    expect(loc.statusCode).toBe(201);
    const location = bodyOf(loc, subjectSchema, 201);
    expect(location.details.areaId).toBe(area.id);
    expectProblem(await reg.post('/api/v1/locations', { name: 'Nergens' }), 400, ['address']);
    expectProblem(await reg.post('/api/v1/locations', { name: 'Half', lat: 52.05 }), 400, ['lng']);
    expectProblem(await reg.post('/api/v1/locations', { name: 'Parijs', lat: 48.85, lng: 2.35 }), 400, [
      'lat',
    ]);

    const m = await createPerson(reg);
    expectProblem(
      await reg.post('/api/v1/groups', { name: 'Jeugdgroep', classification: 'gevaarlijk' }),
      400,
      ['classification'],
    );
    const g = await reg.post('/api/v1/groups', {
      name: 'Jeugdgroep Plein',
      classification: 'overlastgevend',
      memberIds: [m.id],
      meetingPlaceIds: [location.id],
    });
    expect(g.statusCode).toBe(201);
    const group = bodyOf(g, subjectSchema, 201);
    expect(group.details.classification).toBe('overlastgevend');
    const detail = bodyOf(await reg.get(`/api/v1/groups/${group.id}`), subjectDetailSchema);
    expect(detail.relations.map((r) => r.type).sort()).toEqual(['meets_at', 'member_of']);
  });

  it('relations follow their kind rules', async () => {
    const parent = await createPerson(reg);
    const child = await createPerson(reg);
    const ok = await reg.post('/api/v1/relations', {
      from: { kind: 'person', id: parent.id },
      type: 'parent_of',
      to: { kind: 'person', id: child.id },
    });
    expect(ok.statusCode).toBe(201);
    expectProblem(
      await reg.post('/api/v1/relations', {
        from: { kind: 'person', id: parent.id },
        type: 'meets_at',
        to: { kind: 'person', id: child.id },
      }),
      400,
      ['from.kind'],
    );
    expectProblem(
      await reg.post('/api/v1/relations', {
        from: { kind: 'person', id: parent.id },
        type: 'parent_of',
        to: { kind: 'person', id: parent.id },
      }),
      400,
      ['to.id'],
    );
    expectProblem(
      await reg.post('/api/v1/relations', {
        from: { kind: 'person', id: parent.id },
        type: 'parent_of',
        to: { kind: 'person', id: crypto.randomUUID() },
      }),
      400,
      ['to.id'],
    );
    const cop = await loggedIn(app, t.professional);
    expectProblem(
      await cop.post('/api/v1/relations', {
        from: { kind: 'person', id: parent.id },
        type: 'parent_of',
        to: { kind: 'person', id: child.id },
      }),
      400,
      ['from.id'],
    );
    expectProblem(
      await (await loggedIn(app, t.auditor)).post('/api/v1/relations', {
        from: { kind: 'person', id: parent.id },
        type: 'parent_of',
        to: { kind: 'person', id: child.id },
      }),
      403,
    );
  });
});
