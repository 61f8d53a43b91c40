import { caseDetailSchema, caseListSchema, entryListSchema, personListSchema } from '@wijkregie/shared';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  bodyOf,
  type Client,
  createCase,
  createPerson,
  loggedIn,
  newTenant,
  setMatrix,
  type TestUser,
  testApp,
  testDb,
} from './helpers.js';

/**
 * Property: for random matrices, participation and directors, everything a user gets through the
 * API — detail, lists, counts, person search, the journal, and writes — is exactly what the rule
 * allows. The oracle below is written from the authorisation rules (ARCHITECTURE.md, "Authorisation"), independently of the server's code.
 */

const PARTNERS = ['gemeente', 'politie', 'wijkteam', 'ggz'] as const;
const CATEGORIES = ['basis', 'zorg', 'politie'] as const;
type Level = 'none' | 'read' | 'write';

const scenario = fc.record({
  matrix: fc.array(fc.constantFrom<Level>('none', 'read', 'write'), { minLength: 12, maxLength: 12 }),
  cases: fc.array(
    fc.record({
      partners: fc.subarray([...PARTNERS]),
      director: fc.option(fc.constantFrom(0, 1, 2, 3), { nil: null }),
      entries: fc.subarray([...CATEGORIES]),
    }),
    { minLength: 1, maxLength: 4 },
  ),
});

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});

describe('authorisation properties', () => {
  it('every read and write through the API equals what matrix and participation allow', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (sc) => {
        const t = await newTenant([...PARTNERS]);
        const db = await testDb();
        const pros: TestUser[] = [];
        for (const p of PARTNERS) pros.push(await t.addUser(p, ['professional']));
        const level = (partner: string, category: string): Level =>
          sc.matrix[
            PARTNERS.indexOf(partner as (typeof PARTNERS)[number]) * 3 +
              CATEGORIES.indexOf(category as (typeof CATEGORIES)[number])
          ]!;
        await setMatrix(
          app,
          t,
          PARTNERS.flatMap((p) => CATEGORIES.map((c) => ({ partner: p, category: c, access: level(p, c) }))),
        );

        const reg = await loggedIn(app, t.regisseur);
        const cases: {
          id: string;
          personId: string;
          partners: string[];
          director: string | null;
          entries: string[];
        }[] = [];
        for (const c of sc.cases) {
          const person = await createPerson(reg);
          // The creator's partner (gemeente) always takes part.
          const partners = [...new Set(['gemeente', ...c.partners])];
          const director = c.director === null ? null : pros[c.director]!.id;
          const created = await createCase(reg, {
            subjects: [{ kind: 'person', id: person.id }],
            partnerIds: partners.map((p) => t.partners[p]),
            directorUserId: director,
          });
          for (const category of c.entries) {
            await db.query(
              `INSERT INTO entries (tenant_id, case_id, category, text, author_user_id, partner_id)
               VALUES ($1, $2, $3, 'fixture', $4, $5)`,
              [t.id, created.id, category, t.regisseur.id, t.partners.gemeente],
            );
          }
          cases.push({ id: created.id, personId: person.id, partners, director, entries: [...c.entries] });
        }

        const users = [
          ...pros.map((u, i) => ({ u, partner: PARTNERS[i]!, regisseur: false })),
          { u: t.regisseur, partner: 'gemeente', regisseur: true },
        ];
        for (const { u, partner, regisseur } of users) {
          const c: Client = await loggedIn(app, u);
          const sees = (x: (typeof cases)[number]) =>
            regisseur || x.partners.includes(partner) || x.director === u.id;
          const readable = (x: (typeof cases)[number]) =>
            x.entries.filter((cat) => level(partner, cat) !== 'none');

          const list = bodyOf(await c.get('/api/v1/cases?limit=200'), caseListSchema);
          const expected = cases
            .filter(sees)
            .map((x) => x.id)
            .sort();
          expect(list.items.map((x) => x.id).sort()).toEqual(expected);
          expect(list.total).toBe(expected.length);

          for (const x of cases) {
            const detail = await c.get(`/api/v1/cases/${x.id}`);
            expect(detail.statusCode).toBe(sees(x) ? 200 : 404);
            if (sees(x)) {
              // Subject names only for a regisseur or with `basis` read access.
              const [subject] = bodyOf(detail, caseDetailSchema).subjects;
              expect(subject?.label !== undefined).toBe(regisseur || level(partner, 'basis') !== 'none');
            }
            const entries = await c.get(`/api/v1/cases/${x.id}/entries`);
            if (!sees(x)) {
              expect(entries.statusCode).toBe(404);
              continue;
            }
            const body = bodyOf(entries, entryListSchema);
            expect(body.items.map((e) => e.category).sort()).toEqual(readable(x).sort());
            expect(body.total).toBe(readable(x).length);
          }

          // Person search: a professional sees the persons their partner registered (the gemeente registered
          // them all) and, when their partner may read `basis`, the persons of cases they see.
          const persons = bodyOf(await c.get('/api/v1/persons?q=Test&limit=200'), personListSchema);
          const basis = level(partner, 'basis') !== 'none';
          const visiblePersons = cases
            .filter((x) => regisseur || partner === 'gemeente' || (basis && sees(x)))
            .map((x) => x.personId)
            .sort();
          expect(persons.items.map((p) => p.id).sort()).toEqual(visiblePersons);
          expect(persons.total).toBe(visiblePersons.length);

          for (const x of cases) {
            for (const category of CATEGORIES) {
              const res = await c.post(`/api/v1/cases/${x.id}/entries`, { category, text: 'schrijfpoging' });
              const want = !sees(x) ? 404 : level(partner, category) === 'write' ? 201 : 403;
              expect(res.statusCode, `${partner} ${category}`).toBe(want);
              if (res.statusCode === 201) x.entries.push(category); // later readers must see it
            }
          }
        }
      }),
      { numRuns: 15 },
    );
  }, 300_000);
});
