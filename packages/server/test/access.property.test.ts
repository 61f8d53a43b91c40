import {
  assessmentListSchema,
  caseDetailSchema,
  caseListSchema,
  entryListSchema,
  personListSchema,
  planSchema,
} from '@wijkregie/shared';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { idRow, oneRow } from '../src/db/rows.js';
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
 * API — detail, lists, counts, person search, the journal, the plan's goals and scores, a person's
 * assessment history, and writes (entries, goals and their changes, scores) — is exactly what the
 * rule allows. The oracle below is written from the authorisation rules (ARCHITECTURE.md, "Authorisation"), independently of the server's code.
 */

const PARTNERS = ['gemeente', 'politie', 'wijkteam', 'ggz'] as const;
const CATEGORIES = ['basis', 'zorg', 'politie'] as const;
type Level = 'none' | 'read' | 'write';
/** Life domains and the category each belongs to by default (scores and goals follow it). */
const DOMAINS = { werk_opleiding: 'zorg', criminaliteit: 'politie' } as const;
type Domain = keyof typeof DOMAINS;
const DOMAIN_KEYS = Object.keys(DOMAINS) as Domain[];

const scenario = fc.record({
  matrix: fc.array(fc.constantFrom<Level>('none', 'read', 'write'), { minLength: 12, maxLength: 12 }),
  cases: fc.array(
    fc.record({
      partners: fc.subarray([...PARTNERS]),
      director: fc.option(fc.constantFrom(0, 1, 2, 3), { nil: null }),
      entries: fc.subarray([...CATEGORIES]),
      scores: fc.subarray(DOMAIN_KEYS),
      goals: fc.subarray(DOMAIN_KEYS),
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
          /** The domains of each assessment of the person, oldest first. */
          assessments: Domain[][];
          goals: Domain[];
          goalIds: { id: string; domain: Domain }[];
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
          if (c.scores.length) {
            const a = await oneRow(
              db,
              idRow,
              `INSERT INTO assessments (tenant_id, person_id, case_id, assessed_on, author_user_id, author_partner_id)
               VALUES ($1, $2, $3, '2026-01-01', $4, $5) RETURNING id`,
              [t.id, person.id, created.id, t.regisseur.id, t.partners.gemeente],
            );
            for (const domain of c.scores) {
              await db.query(
                `INSERT INTO assessment_scores (tenant_id, assessment_id, domain, score) VALUES ($1, $2, $3, 2)`,
                [t.id, a.id, domain],
              );
            }
          }
          const goalIds: { id: string; domain: Domain }[] = [];
          for (const domain of c.goals) {
            const g = await oneRow(
              db,
              idRow,
              `INSERT INTO goals (tenant_id, case_id, domain, subject_kind, subject_id, text)
               VALUES ($1, $2, $3, 'person', $4, 'fixture') RETURNING id`,
              [t.id, created.id, domain, person.id],
            );
            goalIds.push({ id: g.id, domain });
          }
          cases.push({
            id: created.id,
            personId: person.id,
            partners,
            director,
            entries: [...c.entries],
            assessments: c.scores.length ? [[...c.scores]] : [],
            goals: [...c.goals],
            goalIds,
          });
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
          const readsDomain = (d: Domain) => level(partner, DOMAINS[d]) !== 'none';
          // A person: registered by the gemeente (all of them), or of a case seen with `basis` read.
          const basis = level(partner, 'basis') !== 'none';
          const opensPerson = (x: (typeof cases)[number]) =>
            regisseur || partner === 'gemeente' || (basis && sees(x));

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

            // The plan: goals and latest scores only of readable domains; the person's id only if
            // the caller may open the person.
            const plan = bodyOf(await c.get(`/api/v1/cases/${x.id}/plan`), planSchema);
            expect(plan.goals.map((g) => g.domain).sort()).toEqual(x.goals.filter(readsDomain).sort());
            const scored = [...new Set(x.assessments.flat())].filter(readsDomain).sort();
            expect(plan.latestScores.map((l) => l.domain).sort()).toEqual(scored);
            const subject = opensPerson(x) ? x.personId : null;
            for (const g of plan.goals) expect(g.subjectId).toBe(subject);
            for (const l of plan.latestScores) expect(l.subjectId).toBe(subject);
          }

          // A person's assessment history: the person must be visible; assessments of cases the
          // caller sees, each with only readable scores, and none without any.
          for (const x of cases) {
            const history = await c.get(`/api/v1/persons/${x.personId}/assessments`);
            if (!opensPerson(x)) {
              expect(history.statusCode).toBe(404);
              continue;
            }
            const expectedHistory = (sees(x) ? x.assessments : [])
              .map((a) => a.filter(readsDomain).sort())
              .filter((a) => a.length > 0);
            const got = bodyOf(history, assessmentListSchema).items.map((a) =>
              a.scores.map((sc) => sc.domain).sort(),
            );
            expect(got).toEqual(expectedHistory);
          }

          // Person search: a professional sees the persons their partner registered (the gemeente registered
          // them all) and, when their partner may read `basis`, the persons of cases they see.
          const persons = bodyOf(await c.get('/api/v1/persons?q=Test&limit=200'), personListSchema);
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
            // Changing a goal: its case unseen or its domain unreadable, it does not exist (404).
            for (const g of x.goalIds) {
              const res = await c.patch(`/api/v1/goals/${g.id}`, { text: 'wijzigpoging' });
              const want =
                !sees(x) || !readsDomain(g.domain)
                  ? 404
                  : level(partner, DOMAINS[g.domain]) === 'write'
                    ? 200
                    : 403;
              expect(res.statusCode, `change goal ${partner} ${g.domain}`).toBe(want);
            }
            for (const domain of DOMAIN_KEYS) {
              const write = level(partner, DOMAINS[domain]) === 'write';
              const goal = await c.post(`/api/v1/cases/${x.id}/goals`, {
                domain,
                subjectId: x.personId,
                text: 'doelpoging',
              });
              expect(goal.statusCode, `goal ${partner} ${domain}`).toBe(!sees(x) ? 404 : write ? 201 : 403);
              if (goal.statusCode === 201) {
                x.goals.push(domain);
                x.goalIds.push({ id: (goal.json() as { id: string }).id, domain });
              }
              const scored = await c.post(`/api/v1/persons/${x.personId}/assessments`, {
                caseId: x.id,
                date: '2026-02-01',
                scores: [{ domain, score: 3 }],
              });
              // The person first (404), then the case (400 caseId), then the domain's category.
              const want = !opensPerson(x) ? 404 : !sees(x) ? 400 : write ? 201 : 403;
              expect(scored.statusCode, `score ${partner} ${domain}`).toBe(want);
              if (scored.statusCode === 201) x.assessments.push([domain]);
            }
          }
        }
      }),
      { numRuns: 15 },
    );
  }, 300_000);
});
