import {
  type Case,
  meetingSchema,
  type SearchItem,
  type SearchKind,
  searchResultSchema,
  signalSchema,
  subjectSchema,
} from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { col, rows } from '../src/db/rows.js';
import {
  bodyOf,
  Client,
  createCase,
  createPerson,
  expectProblem,
  loggedIn,
  newTenant,
  type TestTenant,
  type TestUser,
  testApp,
  testDb,
} from './helpers.js';

const auditRecordRow = z.object({
  object_type: col.text,
  object_ids: col.textArray.nullable(),
  person_ids: col.textArray,
  purpose: col.text,
});

let app: FastifyInstance;
let t: TestTenant;
let other: TestTenant;
let reg: Client;
let cop: Client; // politie
let care: Client; // wijkteam
let careUser: TestUser;
const ids: Record<string, string> = {};
let copCase: Case;

const address = { street: 'Dorpsstraat', houseNumber: '12', postalCode: '1234AB', city: 'Voorbeeldstad' };

async function search(c: Client, q: string): Promise<SearchItem[]> {
  return bodyOf(await c.get(`/api/v1/search?q=${encodeURIComponent(q)}`), searchResultSchema).items;
}
const idsOf = (items: SearchItem[], kind: SearchKind) =>
  items.filter((i) => i.kind === kind).map((i) => i.id);

beforeAll(async () => {
  app = await testApp();
  t = await newTenant(['gemeente', 'politie', 'wijkteam']);
  other = await newTenant(['gemeente', 'politie']);
  reg = await loggedIn(app, t.regisseur);
  cop = await loggedIn(app, t.professional);
  careUser = await t.addUser('wijkteam', ['professional']);
  care = await loggedIn(app, careUser);

  // Politie registers a person, a location and a signal; wijkteam a person of its own.
  ids.pieter = (await createPerson(cop, { firstName: 'Pieter', lastName: 'Pimpernel', address })).id;
  ids.truus = (await createPerson(care, { firstName: 'Truus', lastName: 'Pimpernel' })).id;
  const loc = await cop.post('/api/v1/locations', { name: 'Buurthuis Pimpernel', address });
  ids.location = bodyOf(loc, subjectSchema, 201).id;
  const sig = await cop.post('/api/v1/signals', {
    category: 'woonoverlast',
    description: 'Geluidsoverlast bij familie Pimpernel, al weken',
    source: 'professional',
    location: { street: 'Dorpsstraat', houseNumber: '14', city: 'Voorbeeldstad' },
  });
  ids.signal = bodyOf(sig, signalSchema, 201).id;
  // A case with politie, one with wijkteam only; a meeting politie is invited to.
  copCase = await createCase(reg, { title: 'Pimpernel overlast', partnerIds: [t.partners.politie] });
  ids.copCase = copCase.id;
  ids.careCase = (await createCase(reg, { title: 'Pimpernel zorg', partnerIds: [t.partners.wijkteam] })).id;
  const meeting = await reg.post('/api/v1/meetings', {
    title: 'Casusoverleg Pimpernel',
    kind: 'case',
    startsAt: '2030-03-12T09:00:00.000Z',
    chairUserId: t.regisseur.id,
    partnerIds: [t.partners.politie],
    caseIds: [],
  });
  ids.meeting = bodyOf(meeting, meetingSchema, 201).id;

  // Another municipality with the same words: never found from t.
  const otherReg = await loggedIn(app, other.regisseur);
  ids.otherPerson = (await createPerson(otherReg, { firstName: 'Pieter', lastName: 'Pimpernel' })).id;
  ids.otherCase = (await createCase(otherReg, { title: 'Pimpernel overlast' })).id;
});

describe('GET /search', () => {
  it('finds each kind for a regisseur, and nothing of another municipality', async () => {
    const items = await search(reg, 'pimpernel');
    expect(idsOf(items, 'person').sort()).toEqual([ids.pieter, ids.truus].sort());
    expect(idsOf(items, 'case').sort()).toEqual([ids.copCase, ids.careCase].sort());
    expect(idsOf(items, 'signal')).toEqual([ids.signal]);
    expect(idsOf(items, 'meeting')).toEqual([ids.meeting]);
    expect(idsOf(items, 'location')).toEqual([ids.location]);
    const all = items.map((i) => i.id);
    expect(all).not.toContain(ids.otherPerson);
    expect(all).not.toContain(ids.otherCase);
    const meeting = items.find((i) => i.kind === 'meeting');
    // The label says when, in Amsterdam time (09:00 UTC in March is 10:00 there).
    expect(meeting?.label).toMatch(/^Casusoverleg Pimpernel · 12 mrt\.? 2030,? 10:00$/);
    expect(items.find((i) => i.id === ids.pieter)?.label).toBe(
      'Pieter Pimpernel · Dorpsstraat 12, Voorbeeldstad',
    );
  });

  it('finds for a professional only what they may open', async () => {
    const copItems = await search(cop, 'pimpernel');
    expect(idsOf(copItems, 'person')).toEqual([ids.pieter]);
    expect(idsOf(copItems, 'case')).toEqual([ids.copCase]);
    expect(idsOf(copItems, 'signal')).toEqual([ids.signal]);
    expect(idsOf(copItems, 'meeting')).toEqual([ids.meeting]);
    expect(idsOf(copItems, 'location')).toEqual([ids.location]);

    // Wijkteam: its own person and case; not politie's person, location, signal or meeting.
    const careItems = await search(care, 'pimpernel');
    expect(idsOf(careItems, 'person')).toEqual([ids.truus]);
    expect(idsOf(careItems, 'case')).toEqual([ids.careCase]);
    expect(idsOf(careItems, 'signal')).toEqual([]);
    expect(idsOf(careItems, 'meeting')).toEqual([]);
    expect(idsOf(careItems, 'location')).toEqual([]);
  });

  it('forgives a typo in a name, and finds by case reference and by address', async () => {
    expect(idsOf(await search(cop, 'Pieter Pimpernal'), 'person')).toEqual([ids.pieter]);
    const byReference = await search(reg, copCase.reference);
    expect(byReference[0]).toMatchObject({ kind: 'case', id: ids.copCase });
    expect(byReference.find((i) => i.kind === 'case')?.label).toBe(`${copCase.reference} Pimpernel overlast`);
    const byAddress = await search(cop, 'dorpsstraat 12');
    expect(idsOf(byAddress, 'person')).toEqual([ids.pieter]);
    expect(idsOf(byAddress, 'location')).toEqual([ids.location]);
    expect(idsOf(byAddress, 'signal')).toEqual([]); // number 14
    expect(idsOf(await search(cop, 'Dorpsstraat'), 'signal')).toEqual([ids.signal]);
    expect(await search(cop, 'Zzyzxqwv')).toEqual([]);
  });

  it('gives users without access to records (admin, privacy officer) an empty answer', async () => {
    expect(await search(await loggedIn(app, t.admin), 'pimpernel')).toEqual([]);
    expect(await search(await loggedIn(app, t.auditor), 'pimpernel')).toEqual([]);
  });

  it('is audited as a search of the persons it returns, with its purpose', async () => {
    await search(cop, 'Pieter Pimpernel');
    // Read from the table: the audit's own list is not what is tested here.
    const records = await rows(
      await testDb(),
      auditRecordRow,
      `SELECT object_type, object_ids, person_ids, purpose FROM audit_log
        WHERE tenant_id = $1 AND user_id = $2 AND action = 'search' ORDER BY seq DESC`,
      [t.id, t.professional.id],
    );
    const person = records.find((r) => r.object_type === 'person' && r.person_ids.includes(ids.pieter!));
    expect(person?.object_ids).toEqual([ids.pieter]);
    expect(person?.purpose).toBe('Casusregie integrale wijkaanpak: zoeken');
  });

  it('is 400 naming q when it is missing, too short or too long, and 400 on unknown parameters', async () => {
    expectProblem(await reg.get('/api/v1/search'), 400, ['q']);
    expectProblem(await reg.get('/api/v1/search?q='), 400, ['q']);
    expectProblem(await reg.get('/api/v1/search?q=%20a%20'), 400, ['q']);
    expectProblem(await reg.get(`/api/v1/search?q=${'x'.repeat(201)}`), 400, ['q']);
    expectProblem(await reg.get('/api/v1/search?q=pimpernel&kind=case'), 400);
  });

  it('is 401 without a session', async () => {
    expectProblem(await new Client(app).get('/api/v1/search?q=pimpernel'), 401);
  });
});
