import { caseListSchema } from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { execute } from '../src/db/rows.js';
import { bodyOf, type Client, loggedIn, newTenant, type TestTenant, testApp, testDb } from './helpers.js';

/**
 * A professional's case list is found two ways (modules/cases/repository.ts `casesPage`): past a few
 * thousand visible cases by walking the tenant's cases in order and checking each, below that — and for
 * other sorts and filters — from the partner's own cases. Both must answer exactly the visible cases, in
 * order, with the exact total. The tenant here gets 3,000 cases straight in the database (the API would
 * take minutes), many changed in the same instant so that the id decides the order.
 */

let app: FastifyInstance;
let t: TestTenant;
let cop: Client;
interface Made {
  id: string;
  reference: string;
  updatedAt: string;
  visible: boolean;
}
let made: Made[];

beforeAll(async () => {
  app = await testApp();
  t = await newTenant(['gemeente', 'politie', 'wijkteam']);
  const db = await testDb();
  // Case n: politie takes part unless n % 4 = 0; of the others the professional directs those with n % 7 = 1
  // (without politie), and gemeente (n % 8 = 0) or wijkteam takes part. Ten cases share each instant.
  await execute(
    db,
    `WITH made AS (
       INSERT INTO cases (tenant_id, reference, type, title, status, director_user_id, created_by_user_id, created_at, updated_at)
       SELECT $1::uuid, 'L-' || lpad(n::text, 5, '0'), 'person', 'Lijstcasus ' || n, 'registered',
              CASE WHEN n % 7 = 1 AND n % 4 = 0 THEN $2::uuid END, $3::uuid,
              timestamptz '2026-01-01' + (n / 10) * interval '1 minute', timestamptz '2026-01-01' + (n / 10) * interval '1 minute'
         FROM generate_series(1, 3000) n
       RETURNING id, reference)
     INSERT INTO case_partners (tenant_id, case_id, partner_id)
     SELECT $1::uuid, m.id,
            CASE WHEN split_part(m.reference, '-', 2)::int % 4 <> 0 THEN $4::uuid
                 WHEN split_part(m.reference, '-', 2)::int % 8 = 0 THEN $5::uuid ELSE $6::uuid END
       FROM made m`,
    [t.id, t.professional.id, t.regisseur.id, t.partners.politie, t.partners.gemeente, t.partners.wijkteam],
  );
  made = [];
  for (let n = 1; n <= 3000; n++) {
    made.push({
      id: '',
      reference: `L-${String(n).padStart(5, '0')}`,
      updatedAt: new Date(Date.parse('2026-01-01T00:00:00Z') + Math.floor(n / 10) * 60_000).toISOString(),
      visible: n % 4 !== 0 || n % 7 === 1,
    });
  }
  const reg = await loggedIn(app, t.regisseur);
  const all = bodyOf(await reg.get('/api/v1/cases?limit=200&sort=reference&order=asc'), caseListSchema);
  expect(all.total).toBe(3000);
  // The ids come from the database; read them all by reference (15 pages of 200).
  const ids = new Map<string, string>();
  for (let offset = 0; offset < 3000; offset += 200) {
    const page = bodyOf(
      await reg.get(`/api/v1/cases?limit=200&offset=${offset}&sort=reference&order=asc`),
      caseListSchema,
    );
    for (const c of page.items) ids.set(c.reference, c.id);
  }
  for (const m of made) m.id = ids.get(m.reference) ?? '';
  cop = await loggedIn(app, t.professional);
}, 120_000);

const visibleInOrder = () =>
  made
    .filter((m) => m.visible)
    .sort((a, b) =>
      a.updatedAt === b.updatedAt ? (a.id < b.id ? -1 : 1) : a.updatedAt < b.updatedAt ? 1 : -1,
    );

describe("a professional's case list over thousands of cases", () => {
  it('walks in order: the visible cases, last changed first, ties by id, with the exact total', async () => {
    const expected = visibleInOrder();
    expect(expected.length).toBeGreaterThan(2000); // the walking path
    for (const offset of [0, 50, 450, expected.length - 20]) {
      const page = bodyOf(await cop.get(`/api/v1/cases?limit=50&offset=${offset}`), caseListSchema);
      expect(page.total).toBe(expected.length);
      expect(page.items.map((c) => c.id)).toEqual(expected.slice(offset, offset + 50).map((m) => m.id));
    }
  });

  it('from the partner’s cases (a filter, another sort): the same cases and total', async () => {
    const expected = visibleInOrder();
    const filtered = bodyOf(
      await cop.get('/api/v1/cases?limit=50&offset=100&status=registered'),
      caseListSchema,
    );
    expect(filtered.total).toBe(expected.length);
    expect(filtered.items.map((c) => c.id)).toEqual(expected.slice(100, 150).map((m) => m.id));
    const byReference = [...expected].sort((a, b) => (a.reference < b.reference ? -1 : 1));
    const sorted = bodyOf(
      await cop.get('/api/v1/cases?limit=50&offset=200&sort=reference&order=asc'),
      caseListSchema,
    );
    expect(sorted.total).toBe(expected.length);
    expect(sorted.items.map((c) => c.reference)).toEqual(byReference.slice(200, 250).map((m) => m.reference));
  });

  it("another partner's professional finds only their partner's cases; `mine` counts the directed ones", async () => {
    const stranger = await loggedIn(app, await t.addUser('wijkteam', ['professional']));
    const none = bodyOf(await stranger.get('/api/v1/cases?q=L-0000'), caseListSchema);
    // Of L-00001 … L-00009 wijkteam takes part in L-00004 only.
    expect(none.items.map((c) => c.reference)).toEqual(['L-00004']);
    const mine = bodyOf(await cop.get('/api/v1/cases?mine=true&limit=200'), caseListSchema);
    expect(mine.total).toBe(made.filter((_, i) => (i + 1) % 7 === 1 && (i + 1) % 4 === 0).length);
  });
});
