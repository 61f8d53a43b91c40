import {
  caseDetailSchema,
  caseFromSignalSchema,
  entryListSchema,
  type Signal,
  signalSchema,
} from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  bodyOf,
  type Client,
  createPerson,
  expectProblem,
  loggedIn,
  newTenant,
  setMatrix,
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
  await setMatrix(app, t, [
    { partner: 'gemeente', category: 'basis', access: 'write' },
    { partner: 'wijkteam', category: 'basis', access: 'read' },
  ]);
});

async function signal(body: Record<string, unknown> = {}): Promise<Signal> {
  const res = await reg.post('/api/v1/signals', {
    category: 'woonoverlast',
    description: 'Buren horen al dagen geschreeuw op de bovenverdieping.',
    source: 'professional',
    location: { street: 'Kastanjelaan', houseNumber: '12', postalCode: '1234AB', city: 'Voorbeeldstad' },
    ...body,
  });
  return bodyOf(res, signalSchema, 201);
}

describe('a case started from a signal keeps its context', () => {
  it('takes the persons, area, a director, the text as first note, and links back to the signal', async () => {
    const person = await createPerson(reg, { firstName: 'Sanne', lastName: 'Signaal' });
    const s = await signal({ personIds: [person.id] });
    const started = bodyOf(
      await reg.post(`/api/v1/signals/${s.id}/case`, {
        title: 'Zorgen om Sanne',
        type: 'person',
        partnerIds: [t.partners.wijkteam],
      }),
      caseFromSignalSchema,
      201,
    );
    const c = started.case;
    expect(c.subjects.map((x) => x.id)).toEqual([person.id]);
    expect(c.areaId).toBe(s.areaId);
    // Nobody chosen: the one who starts it directs it.
    expect(c.directorUserId).toBe(t.regisseur.id);

    const detail = bodyOf(await reg.get(`/api/v1/cases/${c.id}`), caseDetailSchema);
    expect(detail.signalIds).toEqual([s.id]);

    const journal = bodyOf(await reg.get(`/api/v1/cases/${c.id}/entries`), entryListSchema);
    expect(journal.items).toHaveLength(1);
    expect(journal.items[0]).toMatchObject({ category: 'basis', authorUserId: t.regisseur.id });
    expect(journal.items[0]?.text).toContain(s.description);
    expect(journal.items[0]?.text).toContain('Kastanjelaan 12');
    expect(journal.items[0]?.text).toMatch(/^Gestart vanuit signaal/);

    // A partner of the case who reads `basis` reads it too; the link back only for who may open the signal.
    const wijkteam = await loggedIn(app, await t.addUser('wijkteam', ['professional']));
    const seen = bodyOf(await wijkteam.get(`/api/v1/cases/${c.id}/entries`), entryListSchema);
    expect(seen.items.map((e) => e.text)).toEqual(journal.items.map((e) => e.text));
    expect(bodyOf(await wijkteam.get(`/api/v1/cases/${c.id}`), caseDetailSchema).signalIds).toEqual([]);
  });

  it('keeps a chosen director', async () => {
    const person = await createPerson(reg);
    const s = await signal({ personIds: [person.id] });
    const director = await t.addUser('gemeente', ['regisseur']);
    const started = bodyOf(
      await reg.post(`/api/v1/signals/${s.id}/case`, {
        title: 'Met regisseur',
        type: 'person',
        directorUserId: director.id,
      }),
      caseFromSignalSchema,
      201,
    );
    expect(started.case.directorUserId).toBe(director.id);
  });

  it('a person case without a person is 400 naming subjects, from a signal or not, and nothing is made', async () => {
    const s = await signal();
    expectProblem(await reg.post(`/api/v1/signals/${s.id}/case`, { title: 'Niemand', type: 'person' }), 400, [
      'subjects',
    ]);
    expect(bodyOf(await reg.get(`/api/v1/signals/${s.id}`), signalSchema).caseId).toBeNull();
    expectProblem(await reg.post('/api/v1/cases', { title: 'Niemand', type: 'person' }), 400, ['subjects']);
    expectProblem(await reg.post('/api/v1/cases', { title: 'Niemand', type: 'person', subjects: [] }), 400, [
      'subjects',
    ]);
    // An area case from the same signal is fine: it is about the place.
    const area = bodyOf(
      await reg.post(`/api/v1/signals/${s.id}/case`, { title: 'De straat', type: 'area' }),
      caseFromSignalSchema,
      201,
    );
    expect(area.case.subjects).toEqual([]);
  });
});
