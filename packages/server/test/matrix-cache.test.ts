import { caseListSchema, entryListSchema } from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { execute } from '../src/db/rows.js';
import {
  bodyOf,
  type Client,
  createCase,
  createPerson,
  loggedIn,
  newTenant,
  setMatrix,
  type TestTenant,
  testApp,
  testDb,
} from './helpers.js';

/**
 * Partners' matrix rows are kept in memory and forgotten when the tenant's matrix changes, by whatever
 * path: the announcement comes from the database (migration 034), so a change made by another instance,
 * or straight in SQL, reaches this one too.
 */

let app: FastifyInstance;
let other: FastifyInstance;
let t: TestTenant;
let prof: Client;

/** The name of the case's person as the professional's case list shows it (only with `basis`). */
const labelInList = async (caseId: string) => {
  const page = bodyOf(await prof.get('/api/v1/cases?limit=200'), caseListSchema);
  return page.items.find((c) => c.id === caseId)?.subjects[0]?.label;
};

/** Polls until `read` answers `want` or a second has passed; answers the last value read. */
async function within1s<T>(read: () => Promise<T>, want: T): Promise<T> {
  const until = Date.now() + 1000;
  let last = await read();
  while (last !== want && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 20));
    last = await read();
  }
  return last;
}

let caseId = '';

beforeAll(async () => {
  app = await testApp();
  other = await testApp(); // a second instance on the same database
  t = await newTenant(['gemeente', 'politie', 'wijkteam']);
  const reg = await loggedIn(app, t.regisseur);
  prof = await loggedIn(app, t.professional);
  const person = await createPerson(reg, { firstName: 'Mirjam', lastName: 'Cachetest' });
  const profPartner = t.professional.partnerId;
  const partnerKey = Object.keys(t.partners).find((k) => t.partners[k] === profPartner) ?? '';
  await setMatrix(app, t, [{ partner: partnerKey, category: 'basis', access: 'read' }]);
  caseId = (
    await createCase(reg, { subjects: [{ kind: 'person', id: person.id }], partnerIds: [profPartner] })
  ).id;
});

describe('the matrix in memory', () => {
  it('a change made on another instance reaches this one at once', async () => {
    expect(await labelInList(caseId)).toBe('Mirjam Cachetest');
    const partnerKey = Object.keys(t.partners).find((k) => t.partners[k] === t.professional.partnerId) ?? '';
    await setMatrix(other, t, [{ partner: partnerKey, category: 'basis', access: 'none' }]);
    expect(await within1s(() => labelInList(caseId), undefined)).toBeUndefined();
    await setMatrix(other, t, [{ partner: partnerKey, category: 'basis', access: 'read' }]);
    expect(await within1s(() => labelInList(caseId), 'Mirjam Cachetest')).toBe('Mirjam Cachetest');
  });

  it('a change made straight in the database is announced too', async () => {
    expect(await labelInList(caseId)).toBe('Mirjam Cachetest');
    const db = await testDb();
    await execute(
      db,
      "DELETE FROM access_matrix WHERE tenant_id = $1 AND partner_id = $2 AND category = 'basis'",
      [t.id, t.professional.partnerId],
    );
    expect(await within1s(() => labelInList(caseId), undefined)).toBeUndefined();
  });

  it('the journal hides a category at once when the matrix changes on another instance', async () => {
    const partnerKey = Object.keys(t.partners).find((k) => t.partners[k] === t.professional.partnerId) ?? '';
    await setMatrix(app, t, [{ partner: partnerKey, category: 'basis', access: 'write' }]);
    const entries = async () =>
      bodyOf(await prof.get(`/api/v1/cases/${caseId}/entries`), entryListSchema).items.map((e) => e.text);
    const added = await prof.post(`/api/v1/cases/${caseId}/entries`, {
      category: 'basis',
      text: 'Huisbezoek gedaan.',
    });
    expect(added.statusCode).toBe(201);
    expect(await entries()).toEqual(['Huisbezoek gedaan.']);
    await setMatrix(other, t, [{ partner: partnerKey, category: 'basis', access: 'none' }]);
    const after = await within1s(async () => (await entries()).length, 0);
    expect(after).toBe(0);
  });

  it('without a session the case list is refused', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/cases' });
    expect(res.statusCode).toBe(401);
  });
});
