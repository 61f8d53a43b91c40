import {
  auditListSchema,
  endedRelationSchema,
  personListSchema,
  personPageSchema,
  personSchema,
  relationSchema,
  subjectPageSchema,
  subjectSchema,
} from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { execute } from '../src/db/rows.js';
import { amsterdamDate } from '../src/lib/time.js';
import {
  bodyOf,
  type Client,
  createPerson,
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
/** A professional of the police, whose organisation may read `basis` but not write it. */
let cop: Client;
/** A professional of the wijkteam, whose organisation may write `basis`. */
let worker: Client;
let workerUser: TestUser;

beforeAll(async () => {
  app = await testApp();
  t = await newTenant(['gemeente', 'politie', 'wijkteam']);
  other = await newTenant(['gemeente', 'politie']);
  reg = await loggedIn(app, t.regisseur);
  cop = await loggedIn(app, t.professional);
  workerUser = await t.addUser('wijkteam', ['professional']);
  worker = await loggedIn(app, workerUser);
  await setMatrix(app, t, [
    { partner: 'politie', category: 'basis', access: 'read' },
    { partner: 'wijkteam', category: 'basis', access: 'write' },
  ]);
});

const personPage = async (c: Client, id: string) =>
  bodyOf(await c.get(`/api/v1/persons/${id}`), personPageSchema);
const auditOf = async (id: string) =>
  bodyOf(await reg.get(`/api/v1/audit?objectId=${id}`), auditListSchema).items.map(
    (i) => `${i.action}:${i.objectType}`,
  );

describe('editing a person', () => {
  it('changes the fields given, keeps the rest, and keeps what they were in the history', async () => {
    const p = await createPerson(reg, {
      firstName: 'Sanne',
      lastName: 'Jansen',
      birthDate: '1990-05-01',
      address: { street: 'Kerkstraat', houseNumber: '1', postalCode: '1234 AB', city: 'Voorbeeldstad' },
    });
    const res = await reg.patch(`/api/v1/persons/${p.id}`, {
      lastName: 'de Vries',
      address: { street: 'Marktplein', houseNumber: '7b', postalCode: '4321 cd', city: 'Voorbeeldstad' },
    });
    const changed = bodyOf(res, personSchema);
    expect(changed).toMatchObject({
      firstName: 'Sanne',
      lastName: 'de Vries',
      birthDate: '1990-05-01',
      address: { street: 'Marktplein', houseNumber: '7b', postalCode: '4321CD', city: 'Voorbeeldstad' },
    });
    const page = await personPage(reg, p.id);
    expect(page.lastName).toBe('de Vries');
    expect(page.history).toHaveLength(1);
    expect(page.history[0]).toMatchObject({
      by: t.regisseur.name,
      changes: [
        { field: 'lastName', from: 'Jansen', to: 'de Vries' },
        {
          field: 'address',
          from: { street: 'Kerkstraat', houseNumber: '1', postalCode: '1234AB', city: 'Voorbeeldstad' },
          to: { street: 'Marktplein', houseNumber: '7b', postalCode: '4321CD', city: 'Voorbeeldstad' },
        },
      ],
    });
    expect(page.history[0]?.organisation).toMatch(/^gemeente /);
    // The new name is found by search.
    const found = bodyOf(await reg.get('/api/v1/persons?q=sanne%20de%20vries'), personListSchema);
    expect(found.items.map((x) => x.id)).toContain(p.id);
    expect(await auditOf(p.id)).toEqual(expect.arrayContaining(['create:person', 'update:person']));
  });

  it('clears what may be empty with null, and a change to nothing new writes nothing', async () => {
    const p = await createPerson(reg, { birthDate: '1980-01-02', bsn: '200000007' });
    const cleared = bodyOf(await reg.patch(`/api/v1/persons/${p.id}`, { birthDate: null }), personSchema);
    expect(cleared.birthDate).toBeNull();
    bodyOf(await reg.patch(`/api/v1/persons/${p.id}`, { firstName: p.firstName }), personSchema);
    bodyOf(await reg.patch(`/api/v1/persons/${p.id}`, {}), personSchema);
    const page = await personPage(reg, p.id);
    expect(page.history).toEqual([
      expect.objectContaining({ changes: [{ field: 'birthDate', from: '1980-01-02', to: null }] }),
    ]);
    expect((await auditOf(p.id)).filter((a) => a === 'update:person')).toHaveLength(1);
  });

  it('keeps the name of who changed it as it was then, after the user is renamed', async () => {
    const editor = await t.addUser('wijkteam', ['professional']);
    const c = await loggedIn(app, editor);
    const p = await createPerson(c);
    bodyOf(await c.patch(`/api/v1/persons/${p.id}`, { firstName: 'Nieuw' }), personSchema);
    const db = await testDb();
    await execute(db, 'UPDATE users SET name = $2 WHERE tenant_id = $1 AND id = $3', [
      t.id,
      'Heel Andere Naam',
      editor.id,
    ]);
    const page = await personPage(reg, p.id);
    expect(page.history[0]?.by).toBe(editor.name);
  });

  it('needs write access to basis: 403 with only read access, nothing changed', async () => {
    const own = await createPerson(cop, { firstName: 'Politie', lastName: 'Registratie' });
    expectProblem(await cop.patch(`/api/v1/persons/${own.id}`, { lastName: 'Anders' }), 403);
    const page = await personPage(cop, own.id);
    expect(page.lastName).toBe('Registratie');
    expect(page.history).toEqual([]);
    // An organisation with write access changes what it sees; a regisseur anything.
    const mine = await createPerson(worker);
    bodyOf(await worker.patch(`/api/v1/persons/${mine.id}`, { lastName: 'Gewijzigd' }), personSchema);
    bodyOf(await reg.patch(`/api/v1/persons/${own.id}`, { lastName: 'Door regie' }), personSchema);
    // Roles without subjects.write do not get that far.
    for (const u of [t.auditor, t.admin]) {
      expectProblem(
        await (await loggedIn(app, u)).patch(`/api/v1/persons/${own.id}`, { lastName: 'X' }),
        403,
      );
    }
  });

  it('answers 404 for a person the caller cannot see, also with write access', async () => {
    const hidden = await createPerson(reg, { lastName: 'Verborgen' });
    expectProblem(await worker.patch(`/api/v1/persons/${hidden.id}`, { lastName: 'Gevonden' }), 404);
    const foreign = await createPerson(await loggedIn(app, other.regisseur));
    expectProblem(await reg.patch(`/api/v1/persons/${foreign.id}`, { lastName: 'Gevonden' }), 404);
    expect((await personPage(reg, hidden.id)).lastName).toBe('Verborgen');
  });

  it('refuses bad input naming the field, and changes nothing', async () => {
    const p = await createPerson(reg, { bsn: '123456782' });
    const taken = await createPerson(reg, { bsn: '111222333' });
    for (const [body, field] of [
      [{ bsn: '123456789' }, 'bsn'],
      [{ birthDate: '31-12-1999' }, 'birthDate'],
      [{ firstName: '   ' }, 'firstName'],
      [{ lastName: null }, 'lastName'],
      [
        { address: { street: 'Straat', houseNumber: '1', postalCode: '0123 AB', city: 'X' } },
        'address.postalCode',
      ],
      [{ nickname: 'Sjaak' }, ''],
    ] as const) {
      const res = await reg.patch(`/api/v1/persons/${p.id}`, body);
      expectProblem(res, 400, field ? [field] : []);
    }
    expectProblem(await reg.patch(`/api/v1/persons/${p.id}`, { bsn: taken.bsn }), 409, ['bsn']);
    const page = await personPage(reg, p.id);
    expect(page).toMatchObject({ firstName: p.firstName, lastName: p.lastName, bsn: p.bsn });
    expect(page.history).toEqual([]);
    expectProblem(await reg.patch('/api/v1/persons/not-a-uuid', { lastName: 'X' }), 400);
  });
});

describe('households, groups and locations', () => {
  it('registers a household with only a name, then changes name, address and contact person', async () => {
    const hh = bodyOf(await reg.post('/api/v1/households', { name: 'Gezin Bakker' }), subjectSchema, 201);
    expect(hh.details.contactPersonId).toBeNull();
    const withAddress = bodyOf(
      await reg.post('/api/v1/households', {
        name: 'Gezin Smit',
        address: { street: 'Laan', houseNumber: '3', postalCode: '1234 AB', city: 'Voorbeeldstad' },
      }),
      subjectSchema,
      201,
    );
    expect(withAddress.details.address).toMatchObject({ postalCode: '1234AB' });

    const a = await createPerson(reg);
    // Not a member (yet): refused, nothing changed.
    expectProblem(await reg.patch(`/api/v1/households/${hh.id}`, { contactPersonId: a.id }), 400, [
      'contactPersonId',
    ]);
    bodyOf(
      await reg.post('/api/v1/relations', {
        from: { kind: 'person', id: a.id },
        type: 'member_of',
        to: { kind: 'household', id: hh.id },
      }),
      relationSchema,
      201,
    );
    const changed = bodyOf(
      await reg.patch(`/api/v1/households/${hh.id}`, {
        name: 'Gezin Bakker-de Wit',
        contactPersonId: a.id,
        address: { street: 'Dorpsweg', houseNumber: '9', postalCode: '9999 ZZ', city: 'Voorbeeldstad' },
      }),
      subjectSchema,
    );
    expect(changed).toMatchObject({ name: 'Gezin Bakker-de Wit', details: { contactPersonId: a.id } });
    const page = bodyOf(await reg.get(`/api/v1/households/${hh.id}`), subjectPageSchema);
    expect(page.history[0]?.changes).toEqual([
      { field: 'name', from: 'Gezin Bakker', to: 'Gezin Bakker-de Wit' },
      {
        field: 'address',
        from: null,
        to: { street: 'Dorpsweg', houseNumber: '9', postalCode: '9999ZZ', city: 'Voorbeeldstad' },
      },
      { field: 'contactPersonId', from: null, to: 'ingesteld' },
    ]);
    expect(await auditOf(hh.id)).toEqual(expect.arrayContaining(['create:household', 'update:household']));
    expectProblem(await reg.patch(`/api/v1/households/${hh.id}`, { name: '' }), 400, ['name']);
    expectProblem(await cop.patch(`/api/v1/households/${hh.id}`, { name: 'Politie' }), 404);
  });

  it('registers a group with only a name and classifies it later', async () => {
    const g = bodyOf(
      await worker.post('/api/v1/groups', { name: 'Groep bij het plein' }),
      subjectSchema,
      201,
    );
    expect(g.details.classification).toBeNull();
    expectProblem(await worker.patch(`/api/v1/groups/${g.id}`, { classification: 'gevaarlijk' }), 400, [
      'classification',
    ]);
    const changed = bodyOf(
      await worker.patch(`/api/v1/groups/${g.id}`, { classification: 'hinderlijk' }),
      subjectSchema,
    );
    expect(changed.details.classification).toBe('hinderlijk');
    const page = bodyOf(await worker.get(`/api/v1/groups/${g.id}`), subjectPageSchema);
    expect(page.history).toEqual([
      expect.objectContaining({
        by: workerUser.name,
        changes: [{ field: 'classification', from: null, to: 'hinderlijk' }],
      }),
    ]);
    expectProblem(await cop.patch(`/api/v1/groups/${g.id}`, { name: 'X' }), 404);
  });

  it('changes a location: point as a whole, and it keeps an address or a point', async () => {
    const loc = bodyOf(
      await reg.post('/api/v1/locations', { name: 'Speeltuin', lat: 52.1, lng: 5.1 }),
      subjectSchema,
      201,
    );
    expectProblem(await reg.patch(`/api/v1/locations/${loc.id}`, { lat: 52.2 }), 400, ['lng']);
    expectProblem(await reg.patch(`/api/v1/locations/${loc.id}`, { lat: null, lng: null }), 400, ['address']);
    expectProblem(await reg.patch(`/api/v1/locations/${loc.id}`, { lat: 40, lng: 5 }), 400, ['lat']);
    const moved = bodyOf(
      await reg.patch(`/api/v1/locations/${loc.id}`, {
        name: 'Speeltuin Noord',
        lat: 52.2,
        lng: 5.2,
        address: { street: 'Parkweg', houseNumber: '1', postalCode: '1234 AB', city: 'Voorbeeldstad' },
      }),
      subjectSchema,
    );
    expect(moved.details).toMatchObject({ lat: 52.2, lng: 5.2 });
    const noPoint = bodyOf(
      await reg.patch(`/api/v1/locations/${loc.id}`, { lat: null, lng: null }),
      subjectSchema,
    );
    expect(noPoint.details).toMatchObject({ lat: null, lng: null, areaId: null });
    const page = bodyOf(await reg.get(`/api/v1/locations/${loc.id}`), subjectPageSchema);
    expect(page.history.map((h) => h.changes.map((c) => c.field))).toEqual([
      ['point'],
      ['name', 'address', 'point'],
    ]);
    expect(page.history[1]?.changes[2]).toEqual({
      field: 'point',
      from: { lat: 52.1, lng: 5.1 },
      to: { lat: 52.2, lng: 5.2 },
    });
    expectProblem(await cop.patch(`/api/v1/locations/${loc.id}`, { name: 'X' }), 404);
  });
});

describe('ending relations', () => {
  it('ends a relation: it no longer holds, stays visible as ended, and may be added again', async () => {
    const p = await createPerson(reg);
    const hh = bodyOf(
      await reg.post('/api/v1/households', { name: 'Gezin Eind', memberIds: [p.id], contactPersonId: p.id }),
      subjectSchema,
      201,
    );
    const [relation] = (await personPage(reg, p.id)).relations;
    if (!relation) throw new Error('no relation');

    expectProblem(await reg.patch(`/api/v1/relations/${relation.id}`, { endedOn: '2999-01-01' }), 400, [
      'endedOn',
    ]);
    expectProblem(await reg.patch(`/api/v1/relations/${relation.id}`, { endedOn: 'gisteren' }), 400, [
      'endedOn',
    ]);
    expectProblem(await reg.patch(`/api/v1/relations/${relation.id}`, { endedAt: '2024-01-01' }), 400);
    expect((await personPage(reg, p.id)).relations).toHaveLength(1);

    const ended = bodyOf(await reg.patch(`/api/v1/relations/${relation.id}`, {}), endedRelationSchema);
    expect(ended).toMatchObject({
      id: relation.id,
      type: 'member_of',
      endedOn: amsterdamDate(),
      endedBy: t.regisseur.name,
    });
    const page = await personPage(reg, p.id);
    expect(page.relations).toEqual([]);
    expect(page.endedRelations).toEqual([
      expect.objectContaining({ id: relation.id, endedOn: amsterdamDate() }),
    ]);
    const household = bodyOf(await reg.get(`/api/v1/households/${hh.id}`), subjectPageSchema);
    expect(household.endedRelations.map((r) => r.id)).toEqual([relation.id]);
    // Its contact person left: the household has none now, and says so in its history.
    expect(household.details.contactPersonId).toBeNull();
    expect(household.history[0]?.changes).toEqual([
      { field: 'contactPersonId', from: 'ingesteld', to: null },
    ]);
    expect(await auditOf(relation.id)).toEqual(expect.arrayContaining(['update:relation']));

    // Ended is ended: a second end is 404; the same relation can hold again as a new one.
    expectProblem(await reg.patch(`/api/v1/relations/${relation.id}`, {}), 404);
    const again = bodyOf(
      await reg.post('/api/v1/relations', {
        from: { kind: 'person', id: p.id },
        type: 'member_of',
        to: { kind: 'household', id: hh.id },
      }),
      relationSchema,
      201,
    );
    expect(again.id).not.toBe(relation.id);
    const after = await personPage(reg, p.id);
    expect(after.relations.map((r) => r.id)).toEqual([again.id]);
    expect(after.endedRelations.map((r) => r.id)).toEqual([relation.id]);
  });

  it('ends on a given day in the past', async () => {
    const p = await createPerson(worker);
    const loc = bodyOf(
      await worker.post('/api/v1/locations', { name: 'Oude woning', lat: 52.1, lng: 5.1 }),
      subjectSchema,
      201,
    );
    const rel = bodyOf(
      await worker.post('/api/v1/relations', {
        from: { kind: 'person', id: p.id },
        type: 'lives_at',
        to: { kind: 'location', id: loc.id },
      }),
      relationSchema,
      201,
    );
    const ended = bodyOf(
      await worker.patch(`/api/v1/relations/${rel.id}`, { endedOn: '2024-03-01' }),
      endedRelationSchema,
    );
    expect(ended.endedOn).toBe('2024-03-01');
    expect((await personPage(worker, p.id)).endedRelations).toEqual([
      expect.objectContaining({ id: rel.id, endedOn: '2024-03-01', endedBy: workerUser.name }),
    ]);
  });

  it('needs write access to basis (403) and both ends visible (404); nothing changes', async () => {
    const a = await createPerson(cop);
    const b = await createPerson(cop);
    const rel = bodyOf(
      await cop.post('/api/v1/relations', {
        from: { kind: 'person', id: a.id },
        type: 'parent_of',
        to: { kind: 'person', id: b.id },
      }),
      relationSchema,
      201,
    );
    expectProblem(await cop.patch(`/api/v1/relations/${rel.id}`, {}), 403);
    expectProblem(await worker.patch(`/api/v1/relations/${rel.id}`, {}), 404);
    const foreign = await loggedIn(app, other.regisseur);
    expectProblem(await foreign.patch(`/api/v1/relations/${rel.id}`, {}), 404);
    expect((await personPage(cop, a.id)).relations.map((r) => r.id)).toEqual([rel.id]);
    expect((await personPage(cop, a.id)).endedRelations).toEqual([]);
  });
});
