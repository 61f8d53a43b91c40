import { randomUUID } from 'node:crypto';
import { type Outcomes, outcomesSchema } from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { col, execute, idRow, oneRow, rows } from '../src/db/rows.js';
import { addDays, amsterdamDate, amsterdamMidnight } from '../src/lib/time.js';
import {
  bodyOf,
  Client,
  expectProblem,
  loggedIn,
  newTenant,
  type TestTenant,
  testApp,
  testDb,
} from './helpers.js';

/*
 * Results across cases (`GET /outcomes`): per life domain, the persons with two or more scores in the
 * period, first against last; the closed cases by outcome; a wijk or buurt narrows both. The tenant is
 * made by hand through SQL, so every count below is known.
 */

let app: FastifyInstance;
let t: TestTenant;
let recent: TestTenant;
let reg: Client;
const areas: Record<string, string> = {};

const square = {
  type: 'Polygon',
  coordinates: [
    [
      [5, 52],
      [5.1, 52],
      [5.1, 52.1],
      [5, 52.1],
      [5, 52],
    ],
  ],
};

async function area(tenant: TestTenant, kind: 'wijk' | 'buurt', code: string, parent?: string) {
  const db = await testDb();
  const found = await oneRow(
    db,
    idRow,
    `INSERT INTO areas (tenant_id, kind, code, name, parent_id, geometry)
     VALUES ($1, $2, $3, $3, $4, $5::jsonb) RETURNING id`,
    [tenant.id, kind, code, parent ?? null, JSON.stringify(square)],
  );
  return found.id;
}

let caseSeq = 0;
/** A case by hand: open unless `closed` gives its outcome and moment. */
async function caseIn(
  tenant: TestTenant,
  areaId: string | null,
  closed?: { outcome: string | null; at: Date },
): Promise<string> {
  const db = await testDb();
  return (
    await oneRow(
      db,
      idRow,
      `INSERT INTO cases (tenant_id, reference, type, title, status, result, area_id, created_by_user_id, closed_at)
       VALUES ($1, $2, 'person', 'Testcasus', $3, $4, $5, $6, $7) RETURNING id`,
      [
        tenant.id,
        `2025-${String(++caseSeq).padStart(4, '0')}`,
        closed ? 'closed' : 'execution',
        closed?.outcome ?? null,
        areaId,
        tenant.regisseur.id,
        closed?.at ?? null,
      ],
    )
  ).id;
}

async function person(tenant: TestTenant, name: string): Promise<string> {
  const db = await testDb();
  return (
    await oneRow(
      db,
      idRow,
      `INSERT INTO persons (tenant_id, first_name, last_name, created_by_user_id, created_by_partner_id)
       VALUES ($1, $2, 'Uitkomst', $3, $4) RETURNING id`,
      [tenant.id, name, tenant.regisseur.id, tenant.regisseur.partnerId],
    )
  ).id;
}

/** An assessment of `personId` in `caseId` on `date` with the given scores; `createdAt` orders a day's two. */
async function assess(
  tenant: TestTenant,
  personId: string,
  caseId: string,
  date: string,
  scores: Record<string, number>,
  createdAt?: Date,
) {
  const db = await testDb();
  const a = await oneRow(
    db,
    idRow,
    `INSERT INTO assessments (tenant_id, person_id, case_id, assessed_on, author_user_id, created_at)
     VALUES ($1, $2, $3, $4::date, $5, coalesce($6::timestamptz, clock_timestamp())) RETURNING id`,
    [tenant.id, personId, caseId, date, tenant.regisseur.id, createdAt ?? null],
  );
  await execute(
    db,
    `INSERT INTO assessment_scores (tenant_id, assessment_id, domain, score)
     SELECT $1, $2, s.key, s.value::smallint FROM jsonb_each_text($3::jsonb) AS s`,
    [tenant.id, a.id, JSON.stringify(scores)],
  );
}

const domain = (o: Outcomes, key: string) => o.domains.find((d) => d.domain === key);
const closed = (o: Outcomes) => Object.fromEntries(o.closedCases.map((c) => [c.outcome, c.count]));

async function outcomes(query = '', client = reg): Promise<Outcomes> {
  return bodyOf(await client.get(`/api/v1/outcomes${query}`), outcomesSchema);
}

beforeAll(async () => {
  app = await testApp();
  t = await newTenant(['gemeente', 'wijkteam']);
  recent = await newTenant(['gemeente', 'wijkteam']);
  reg = await loggedIn(app, t.regisseur);

  // Wijk W with buurten B1 and B2; wijk V with buurt C1.
  areas.W = await area(t, 'wijk', 'WK-W');
  areas.B1 = await area(t, 'buurt', 'BU-B1', areas.W);
  areas.B2 = await area(t, 'buurt', 'BU-B2', areas.W);
  areas.V = await area(t, 'wijk', 'WK-V');
  areas.C1 = await area(t, 'buurt', 'BU-C1', areas.V);

  // P1 in B1: financiën 2 → 3 → 4, huisvesting 3 → 3.
  const p1 = await person(t, 'P1');
  const k1 = await caseIn(t, areas.B1);
  await assess(t, p1, k1, '2025-02-01', { financien: 2, huisvesting: 3 });
  await assess(t, p1, k1, '2025-05-01', { financien: 3 });
  await assess(t, p1, k1, '2025-09-01', { financien: 4, huisvesting: 3 });
  // P2 in B2: financiën 3 → 2; huisvesting once (not counted).
  const p2 = await person(t, 'P2');
  const k2 = await caseIn(t, areas.B2);
  await assess(t, p2, k2, '2025-03-01', { financien: 3, huisvesting: 2 });
  await assess(t, p2, k2, '2025-10-01', { financien: 2 });
  // P3 in C1: financiën 1 → 3.
  const p3 = await person(t, 'P3');
  const k3 = await caseIn(t, areas.C1);
  await assess(t, p3, k3, '2025-04-01', { financien: 1 });
  await assess(t, p3, k3, '2025-11-01', { financien: 3 });
  // P4 in B1: financiën 4 in 2024, 2 in 2025 — once in 2025 (not counted), twice from December 2024.
  const p4 = await person(t, 'P4');
  const k4 = await caseIn(t, areas.B1);
  await assess(t, p4, k4, '2024-12-15', { financien: 4 });
  await assess(t, p4, k4, '2025-03-01', { financien: 2 });
  // P5 moved: first scored in a case in C1, last in a case in B1 — lies in W now; financiën 2 → 2.
  const p5 = await person(t, 'P5');
  await assess(t, p5, await caseIn(t, areas.C1), '2025-02-15', { financien: 2 });
  await assess(t, p5, await caseIn(t, areas.B1), '2025-08-01', { financien: 2 });
  // P6 in C1: two assessments on one day, the later recorded one counts as the last: 4 → 3.
  const p6 = await person(t, 'P6');
  const k6 = await caseIn(t, areas.C1);
  await assess(t, p6, k6, '2025-06-01', { financien: 4 }, new Date('2025-06-01T09:00:00Z'));
  await assess(t, p6, k6, '2025-06-01', { financien: 3 }, new Date('2025-06-01T15:00:00Z'));
  // P7 in a case without an area: counted without an area filter only; ondermijning 1 → 2.
  const p7 = await person(t, 'P7');
  const k7 = await caseIn(t, null);
  await assess(t, p7, k7, '2025-01-10', { ondermijning: 1 });
  await assess(t, p7, k7, '2025-12-31', { ondermijning: 2 });

  // Closed cases; the period's ends are Amsterdam days.
  await caseIn(t, areas.B1, { outcome: 'goals_achieved', at: new Date('2025-06-10T10:00:00Z') });
  await caseIn(t, areas.C1, { outcome: 'stopped', at: new Date('2025-07-01T10:00:00Z') });
  await caseIn(t, areas.B2, { outcome: 'goals_achieved', at: new Date('2024-11-01T10:00:00Z') });
  // 31 December 23:30 in Amsterdam: still 2025.
  await caseIn(t, areas.B1, { outcome: 'partly_achieved', at: new Date('2025-12-31T22:30:00Z') });
  // 1 January 00:30 in Amsterdam (31 December in UTC): 2026.
  await caseIn(t, areas.B2, { outcome: 'not_achieved', at: new Date('2025-12-31T23:30:00Z') });
  // Closed without a result: counted under no outcome.
  await caseIn(t, areas.B1, { outcome: null, at: new Date('2025-03-03T10:00:00Z') });
});

describe('GET /outcomes', () => {
  it('compares first and last score per domain over the persons with two scores in the period', async () => {
    const o = await outcomes('?from=2025-01-01&to=2025-12-31');
    expect(domain(o, 'financien')).toEqual({
      domain: 'financien',
      persons: 5,
      improved: 2,
      same: 1,
      worsened: 2,
      averageFirst: 2.4,
      averageLast: 2.8,
    });
    expect(domain(o, 'huisvesting')).toEqual({
      domain: 'huisvesting',
      persons: 1,
      improved: 0,
      same: 1,
      worsened: 0,
      averageFirst: 3,
      averageLast: 3,
    });
    expect(domain(o, 'ondermijning')).toMatchObject({
      persons: 1,
      improved: 1,
      averageFirst: 1,
      averageLast: 2,
    });
    // Every domain of the municipality, in its order; one without persons has no averages.
    expect(o.domains.map((d) => d.domain).slice(0, 4)).toEqual([
      'financien',
      'werk_opleiding',
      'tijdsbesteding',
      'huisvesting',
    ]);
    expect(o.domains).toHaveLength(17);
    expect(domain(o, 'justitie')).toEqual({
      domain: 'justitie',
      persons: 0,
      improved: 0,
      same: 0,
      worsened: 0,
      averageFirst: null,
      averageLast: null,
    });
    expect(o.closedCases.map((c) => c.outcome)).toEqual([
      'goals_achieved',
      'partly_achieved',
      'not_achieved',
      'transferred',
      'stopped',
    ]);
    expect(closed(o)).toEqual({
      goals_achieved: 1,
      partly_achieved: 1,
      not_achieved: 0,
      transferred: 0,
      stopped: 1,
    });
  });

  it('takes only the scores inside the period', async () => {
    const o = await outcomes('?from=2024-12-01&to=2025-05-31');
    // P1 2 → 3, P4 4 → 2; the others have one score in these months.
    expect(domain(o, 'financien')).toMatchObject({
      persons: 2,
      improved: 1,
      same: 0,
      worsened: 1,
      averageFirst: 3,
      averageLast: 2.5,
    });
    expect(domain(o, 'huisvesting')?.persons).toBe(0);
    // Closed 1 November 2024 and 10 June 2025: both outside.
    expect(closed(o)).toMatchObject({ goals_achieved: 0, partly_achieved: 0, stopped: 0 });
    // One day: nobody has two scores, except P6's two on 1 June.
    const day = await outcomes('?from=2025-06-01&to=2025-06-01');
    expect(domain(day, 'financien')).toMatchObject({
      persons: 1,
      worsened: 1,
      averageFirst: 4,
      averageLast: 3,
    });
    // The turn of the year counts in Amsterdam: 00:30 on 1 January is 2026.
    expect(closed(await outcomes('?from=2026-01-01&to=2026-01-31'))).toMatchObject({ not_achieved: 1 });
  });

  it('narrows to a wijk (its buurten) or a buurt: the area of the case of the latest assessment', async () => {
    const w = await outcomes(`?from=2025-01-01&to=2025-12-31&areaId=${areas.W}`);
    // P1 improved, P2 worsened, P5 (moved into B1) the same; P7's case has no area.
    expect(domain(w, 'financien')).toEqual({
      domain: 'financien',
      persons: 3,
      improved: 1,
      same: 1,
      worsened: 1,
      averageFirst: 2.33,
      averageLast: 2.67,
    });
    expect(domain(w, 'ondermijning')?.persons).toBe(0);
    expect(closed(w)).toMatchObject({ goals_achieved: 1, partly_achieved: 1, stopped: 0 });

    const b2 = await outcomes(`?from=2025-01-01&to=2025-12-31&areaId=${areas.B2}`);
    expect(domain(b2, 'financien')).toMatchObject({
      persons: 1,
      worsened: 1,
      averageFirst: 3,
      averageLast: 2,
    });
    expect(closed(b2)).toMatchObject({ goals_achieved: 0, partly_achieved: 0 });

    const v = await outcomes(`?from=2025-01-01&to=2025-12-31&areaId=${areas.V}`);
    // P3 improved, P6 worsened; P5 lies in W now.
    expect(domain(v, 'financien')).toMatchObject({
      persons: 2,
      improved: 1,
      worsened: 1,
      averageFirst: 2.5,
      averageLast: 3,
    });
    expect(closed(v)).toMatchObject({ goals_achieved: 0, stopped: 1 });
  });

  it('audits the read as a list with its period and area', async () => {
    await outcomes(`?from=2025-01-01&to=2025-12-31&areaId=${areas.B2}`);
    const found = await rows(
      await testDb(),
      z.object({ action: col.text, object_type: col.text, details: col.json }),
      `SELECT action, object_type, details FROM audit_log
        WHERE tenant_id = $1 AND user_id = $2 AND details->>'view' = 'outcomes' ORDER BY seq DESC LIMIT 1`,
      [t.id, t.regisseur.id],
    );
    expect(found[0]).toMatchObject({
      action: 'list',
      object_type: 'assessment',
      details: { view: 'outcomes', from: '2025-01-01', to: '2025-12-31', areaId: areas.B2, persons: 1 },
    });
  });

  it('defaults to the twelve months up to today (Europe/Amsterdam)', async () => {
    const today = amsterdamDate();
    const p = await person(recent, 'Recent');
    const k = await caseIn(recent, null);
    await assess(recent, p, k, addDays(today, -400), { financien: 1 });
    await assess(recent, p, k, addDays(today, -300), { financien: 2 });
    await assess(recent, p, k, today, { financien: 4 });
    await caseIn(recent, null, { outcome: 'stopped', at: amsterdamMidnight(addDays(today, -360)) });
    await caseIn(recent, null, { outcome: 'transferred', at: amsterdamMidnight(addDays(today, -370)) });
    const client = await loggedIn(app, recent.regisseur);

    const o = await outcomes('', client);
    expect(domain(o, 'financien')).toMatchObject({
      persons: 1,
      improved: 1,
      averageFirst: 2,
      averageLast: 4,
    });
    expect(closed(o)).toMatchObject({ stopped: 1, transferred: 0 });
    // Only `to`: the year before it.
    const earlier = await outcomes(`?to=${addDays(today, -200)}`, client);
    expect(domain(earlier, 'financien')).toMatchObject({ persons: 1, averageFirst: 1, averageLast: 2 });
    expect(closed(earlier)).toMatchObject({ stopped: 1, transferred: 1 });
    // Only `from`: up to today.
    const later = await outcomes(`?from=${addDays(today, -300)}`, client);
    expect(domain(later, 'financien')).toMatchObject({ persons: 1, averageFirst: 2, averageLast: 4 });
  });

  it('is for the regisseur only', async () => {
    for (const u of [t.professional, t.admin, t.auditor]) {
      expectProblem(await (await loggedIn(app, u)).get('/api/v1/outcomes'), 403);
    }
    expectProblem(await new Client(app).get('/api/v1/outcomes'), 401);
  });

  it('names the field of bad input', async () => {
    expectProblem(await reg.get('/api/v1/outcomes?from=2025-02-30'), 400, ['from']);
    expectProblem(await reg.get('/api/v1/outcomes?to=gisteren'), 400, ['to']);
    expectProblem(await reg.get('/api/v1/outcomes?areaId=wijk-1'), 400, ['areaId']);
    expectProblem(await reg.get('/api/v1/outcomes?from=2025-06-01&to=2025-05-31'), 400, ['from']);
    expectProblem(await reg.get(`/api/v1/outcomes?from=${addDays(amsterdamDate(), 1)}`), 400, ['from']);
    expectProblem(await reg.get('/api/v1/outcomes?extra=1'), 400);
    // An area of no municipality, or of another one, is unknown here.
    expectProblem(await reg.get(`/api/v1/outcomes?areaId=${randomUUID()}`), 400, ['areaId']);
    const theirs = await area(recent, 'buurt', 'BU-X');
    expectProblem(await reg.get(`/api/v1/outcomes?areaId=${theirs}`), 400, ['areaId']);
  });
});
