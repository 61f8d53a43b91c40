import { randomUUID } from 'node:crypto';
import {
  approachSchema,
  indicatorSchema,
  publicSurveySchema,
  SURVEY_QUESTIONS,
  type Survey,
  surveyContactListSchema,
  surveyListSchema,
  surveyResponseReceiptSchema,
  surveyResultsSchema,
  surveySchema,
} from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { col, execute, rows } from '../src/db/rows.js';
import { amsterdamDate } from '../src/lib/time.js';
import { publishSurveys } from '../src/modules/surveys/publish-surveys.js';
import {
  bodyOf,
  type Client,
  expectProblem,
  loadMap,
  loggedIn,
  newTenant,
  type TestTenant,
  testApp,
  testDb,
} from './helpers.js';

/*
 * The neighbourhood survey (issue 14): the regisseur opens it, residents answer without an account on
 * its public code (rate-limited, once per browser), the results per buurt are suppressed under 10
 * responses and compared with the previous survey, the contact emails stay apart from the answers, the
 * job publishes a closed survey once with a webhook event, and an approach indicator takes its series
 * from the published surveys.
 */

let app: FastifyInstance;
let t: TestTenant;
let reg: Client;
let wijk: string;
let buurtA: string;
let buurtB: string;
let other: string;

const DAY = 86_400_000;
const iso = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString();

beforeAll(async () => {
  app = await testApp();
  t = await newTenant();
  const tag = randomUUID().slice(0, 4).toUpperCase();
  const ids = await loadMap(app, t, { code: `WK${tag}`, name: 'Zuidhoek', box: [5.3, 52.3, 0.03] }, [
    { code: `BU${tag}1`, name: 'Aabuurt', box: [5.3, 52.3, 0.01] },
    { code: `BU${tag}2`, name: 'Beebuurt', box: [5.31, 52.3, 0.01] },
  ]);
  const wijk2 = await loadMap(app, t, { code: `WX${tag}`, name: 'Noordhoek', box: [5.4, 52.4, 0.02] }, [
    { code: `BX${tag}1`, name: 'Elders', box: [5.4, 52.4, 0.01] },
  ]);
  wijk = ids[`WK${tag}`] ?? '';
  buurtA = ids[`BU${tag}1`] ?? '';
  buurtB = ids[`BU${tag}2`] ?? '';
  other = wijk2[`BX${tag}1`] ?? '';
  reg = await loggedIn(app, t.regisseur);
});

/** Every standard question answered: never unsafe, marks 7 and 8, cohesion 7.5, efficacy 5, not willing. */
const answers = (over: Record<string, string | number> = {}) => ({
  unsafeFeeling: 'never',
  safetyMark: 7,
  liveabilityMark: 8,
  cohesion1: 4,
  cohesion2: 2,
  cohesion3: 4,
  cohesion4: 2,
  cohesion5: 4,
  efficacy1: 3,
  efficacy2: 3,
  efficacy3: 3,
  efficacy4: 3,
  efficacy5: 3,
  willingToAct: 'no',
  ...over,
});

let ipCount = 0;
/** A resident on an address of their own (so the address limit does not interfere), without cookies. */
const respond = (code: string, body: unknown, headers: Record<string, string> = {}, ip?: string) =>
  app.inject({
    method: 'POST',
    url: `/api/public/v1/surveys/${code}/responses`,
    payload: body as object,
    headers,
    remoteAddress: ip ?? `10.${Math.floor(++ipCount / 250) % 250}.${ipCount % 250}.${(ipCount * 7) % 250}`,
  });

const createSurvey = async (body: Record<string, unknown>): Promise<Survey> =>
  bodyOf(
    await reg.post('/api/v1/surveys', {
      title: 'Veiligheid en samenhang',
      opensAt: iso(-1),
      closesAt: iso(14),
      ...body,
    }),
    surveySchema,
    201,
  );

/** Moves a survey's period into the past (closed `closedDaysAgo` days ago). */
async function close(id: string, closedDaysAgo = 0): Promise<void> {
  await execute(
    await testDb(),
    `UPDATE surveys SET opens_at = now() - make_interval(days => $2 + 10),
                        closes_at = now() - make_interval(days => $2) - interval '1 second'
      WHERE tenant_id = $1 AND id = $3`,
    [t.id, closedDaysAgo, id],
  );
}

describe('opening a survey', () => {
  it('gives the regisseur a survey with the standard questions and a public code', async () => {
    const s = await createSurvey({ areaIds: [wijk] });
    expect(s.status).toBe('open');
    expect(s.publicCode).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    expect(s.areaIds).toEqual([wijk]);
    expect(s.responses).toBe(0);
    const keys = s.questions.map((q) => q.key);
    expect(keys).toEqual(SURVEY_QUESTIONS.map((q) => q.key));
    expect(keys).toEqual(
      expect.arrayContaining(['unsafeFeeling', 'safetyMark', 'liveabilityMark', 'willingToAct']),
    );
    expect(keys.filter((k) => k.startsWith('cohesion'))).toHaveLength(5);
    expect(keys.filter((k) => k.startsWith('efficacy'))).toHaveLength(5);
    const unsafe = s.questions.find((q) => q.key === 'unsafeFeeling');
    expect(unsafe?.kind).toBe('choice');
    expect(s.questions.find((q) => q.key === 'safetyMark')).toMatchObject({ kind: 'scale', min: 1, max: 10 });

    const list = bodyOf(await (await loggedIn(app, t.professional)).get('/api/v1/surveys'), surveyListSchema);
    expect(list.items.map((i) => i.id)).toContain(s.id);
    const one = bodyOf(await (await loggedIn(app, t.auditor)).get(`/api/v1/surveys/${s.id}`), surveySchema);
    expect(one.publicCode).toBe(s.publicCode);
    const future = await createSurvey({ areaIds: [buurtA], opensAt: iso(3), closesAt: iso(10) });
    expect(future.status).toBe('planned');
  });

  it('is refused to everyone but the regisseur (403) and without a login (401)', async () => {
    for (const user of [t.professional, t.admin, t.auditor]) {
      const c = await loggedIn(app, user);
      expectProblem(
        await c.post('/api/v1/surveys', { title: 'X', areaIds: [wijk], opensAt: iso(0), closesAt: iso(1) }),
        403,
      );
    }
    expectProblem(await app.inject({ method: 'GET', url: '/api/v1/surveys' }), 401);
    const before = bodyOf(await reg.get('/api/v1/surveys'), surveyListSchema).items.length;
    expectProblem(
      await app.inject({
        method: 'POST',
        url: '/api/v1/surveys',
        payload: { title: 'X', areaIds: [wijk], opensAt: iso(0), closesAt: iso(1) },
      }),
      401,
    );
    expect(bodyOf(await reg.get('/api/v1/surveys'), surveyListSchema).items).toHaveLength(before);
  });

  it('names the field of bad input (400) and stores nothing', async () => {
    const before = bodyOf(await reg.get('/api/v1/surveys'), surveyListSchema).items.length;
    const ok = { title: 'X', areaIds: [wijk], opensAt: iso(0), closesAt: iso(1) };
    expectProblem(await reg.post('/api/v1/surveys', { ...ok, title: '' }), 400, ['title']);
    expectProblem(await reg.post('/api/v1/surveys', { ...ok, areaIds: [] }), 400, ['areaIds']);
    expectProblem(await reg.post('/api/v1/surveys', { ...ok, areaIds: [randomUUID()] }), 400, ['areaIds']);
    expectProblem(await reg.post('/api/v1/surveys', { ...ok, closesAt: iso(-1) }), 400, ['closesAt']);
    expectProblem(await reg.post('/api/v1/surveys', { ...ok, opensAt: 'morgen' }), 400, ['opensAt']);
    expectProblem(await reg.post('/api/v1/surveys', { ...ok, extra: 1 }), 400, ['extra']);
    expect(bodyOf(await reg.get('/api/v1/surveys'), surveyListSchema).items).toHaveLength(before);
  });

  it('answers 404 for a survey of another municipality or none', async () => {
    const s = await createSurvey({ areaIds: [wijk] });
    const t2 = await newTenant();
    const c2 = await loggedIn(app, t2.regisseur);
    expectProblem(await c2.get(`/api/v1/surveys/${s.id}`), 404);
    expectProblem(await c2.get(`/api/v1/surveys/${s.id}/results`), 404);
    expectProblem(await c2.get(`/api/v1/surveys/${s.id}/contacts`), 404);
    expect(bodyOf(await c2.get('/api/v1/surveys'), surveyListSchema).items).toEqual([]);
    expectProblem(await reg.get(`/api/v1/surveys/${randomUUID()}`), 404);
  });
});

describe('answering on the public page', () => {
  it('shows the questions and the buurten of the survey while open; only its times before and after', async () => {
    const s = await createSurvey({ areaIds: [wijk] });
    const res = await app.inject({ method: 'GET', url: `/api/public/v1/surveys/${s.publicCode}` });
    const pub = bodyOf(res, publicSurveySchema);
    expect(pub.status).toBe('open');
    expect(pub.questions.map((q) => q.key)).toEqual(SURVEY_QUESTIONS.map((q) => q.key));
    expect(pub.buurten).toEqual([
      { id: buurtA, name: 'Aabuurt' },
      { id: buurtB, name: 'Beebuurt' },
    ]);
    expect(JSON.stringify(pub)).not.toContain(t.regisseur.name);

    const planned = await createSurvey({ areaIds: [wijk], opensAt: iso(2), closesAt: iso(3) });
    const p = bodyOf(
      await app.inject({ method: 'GET', url: `/api/public/v1/surveys/${planned.publicCode}` }),
      publicSurveySchema,
    );
    expect(p).toMatchObject({ status: 'planned', questions: [], buurten: [] });
    await close(s.id);
    const c = bodyOf(
      await app.inject({ method: 'GET', url: `/api/public/v1/surveys/${s.publicCode}` }),
      publicSurveySchema,
    );
    expect(c).toMatchObject({ status: 'closed', questions: [], buurten: [] });
    expectProblem(await app.inject({ method: 'GET', url: '/api/public/v1/surveys/ABCDE-FGHJK' }), 404);
    expectProblem(await app.inject({ method: 'GET', url: '/api/public/v1/surveys/%3Cscript%3E' }), 400);
  });

  it('takes a response (201), sets a cookie, and refuses a second one from that browser (409)', async () => {
    const s = await createSurvey({ areaIds: [wijk] });
    const res = await respond(s.publicCode, { buurtId: buurtA, answers: answers() });
    expect(bodyOf(res, surveyResponseReceiptSchema, 201).received).toBe(true);
    const cookie = res.cookies.find((c) => c.name === `wr_survey_${s.publicCode.replace('-', '')}`);
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.value).toBe('1');
    const again = await respond(
      s.publicCode,
      { buurtId: buurtA, answers: answers() },
      { cookie: `${cookie?.name}=${cookie?.value}` },
    );
    const problem = expectProblem(again, 409);
    expect(problem.type).toMatch(/survey-answered$/);
    expect(problem.detail).toMatch(/al ingevuld/);
    expect(bodyOf(await reg.get(`/api/v1/surveys/${s.id}`), surveySchema).responses).toBe(1);
  });

  it('names the answer that is missing, unknown or out of range (400) and stores nothing', async () => {
    const s = await createSurvey({ areaIds: [wijk] });
    const { safetyMark: _, ...withoutMark } = answers();
    const bad: [unknown, string][] = [
      [{ answers: withoutMark }, 'answers.safetyMark'],
      [{ answers: answers({ safetyMark: 11 }) }, 'answers.safetyMark'],
      [{ answers: answers({ safetyMark: 6.5 }) }, 'answers.safetyMark'],
      [{ answers: answers({ cohesion3: 0 }) }, 'answers.cohesion3'],
      [{ answers: answers({ unsafeFeeling: 'altijd' }) }, 'answers.unsafeFeeling'],
      [{ answers: answers({ favouriteColour: 'blauw' }) }, 'answers.favouriteColour'],
      [{ answers: answers(), buurtId: other }, 'buurtId'],
      [{ answers: answers(), buurtId: 'Aabuurt' }, 'buurtId'],
      [{ answers: answers(), postalCode: '12345' }, 'postalCode'],
      [{ answers: answers(), contactEmail: 'iemand@example.org' }, 'contactEmail'],
      [{ answers: answers({ willingToAct: 'yes' }), contactEmail: 'geen-adres' }, 'contactEmail'],
      [{ answers: answers(), name: 'Jan' }, 'name'],
    ];
    for (const [body, field] of bad) expectProblem(await respond(s.publicCode, body), 400, [field]);
    expect(bodyOf(await reg.get(`/api/v1/surveys/${s.id}`), surveySchema).responses).toBe(0);
    expectProblem(await respond('ABCDE-FGHJK', { answers: answers() }), 404);
  });

  it('refuses responses before opening and after closing (409 with a clear title)', async () => {
    const planned = await createSurvey({ areaIds: [wijk], opensAt: iso(2), closesAt: iso(3) });
    const early = expectProblem(await respond(planned.publicCode, { answers: answers() }), 409);
    expect(early.title).toBe('Enquête nog niet geopend');
    const s = await createSurvey({ areaIds: [wijk] });
    await close(s.id);
    const late = expectProblem(await respond(s.publicCode, { answers: answers() }), 409);
    expect(late.title).toBe('Enquête gesloten');
    expect(bodyOf(await reg.get(`/api/v1/surveys/${s.id}`), surveySchema).responses).toBe(0);
  });

  it('limits responses per address (429 after 30 an hour); a filled honeypot stores nothing', async () => {
    const s = await createSurvey({ areaIds: [wijk] });
    const ip = `172.16.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    for (let i = 0; i < 30; i++) {
      const res = await respond(s.publicCode, { answers: answers(), website: 'http://spam.example' }, {}, ip);
      expect(res.statusCode).toBe(201);
    }
    const res = await respond(s.publicCode, { answers: answers() }, {}, ip);
    expectProblem(res, 429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(bodyOf(await reg.get(`/api/v1/surveys/${s.id}`), surveySchema).responses).toBe(0);
    // Another address of the same survey still answers.
    expect((await respond(s.publicCode, { answers: answers() })).statusCode).toBe(201);
  });
});

describe('results, comparison, contacts, publishing and the approach', () => {
  let previous: Survey;
  let current: Survey;
  let approachId: string;

  beforeAll(async () => {
    // The previous survey, for buurt A only: 10 responses, all feeling unsafe often; closed 30 days ago.
    previous = await createSurvey({ title: 'Vorige meting', areaIds: [buurtA] });
    for (let i = 0; i < 10; i++) {
      const res = await respond(previous.publicCode, {
        buurtId: buurtA,
        answers: answers({ unsafeFeeling: 'often' }),
      });
      expect(res.statusCode).toBe(201);
    }
    await close(previous.id, 30);

    // A located address: postal code 1234 AB lies in buurt A.
    const loc = await reg.post('/api/v1/locations', {
      name: 'Buurthuis',
      address: { street: 'Dorpsstraat', houseNumber: '1', postalCode: '1234AB', city: 'Zuidhoek' },
      lat: 52.305,
      lng: 5.305,
    });
    expect(loc.statusCode).toBe(201);

    current = await createSurvey({ title: 'Meting nu', areaIds: [wijk] });
    // Buurt A: 9 by choosing it, 1 by its postal code — 10 in all.
    const a: Record<string, string | number>[] = [];
    for (let i = 0; i < 10; i++) {
      a.push(
        answers({
          unsafeFeeling: i < 3 ? 'sometimes' : i === 3 ? 'often' : 'never',
          safetyMark: i < 5 ? 6 : 8,
          ...(i < 5 && { cohesion1: 5, cohesion2: 1, cohesion3: 5, cohesion4: 1, cohesion5: 5 }),
          ...(i === 0 && { efficacy1: 5, efficacy2: 5, efficacy3: 5, efficacy4: 5, efficacy5: 5 }),
          willingToAct: i < 2 ? 'yes' : i < 5 ? 'maybe' : 'no',
        }),
      );
    }
    for (const [i, ans] of a.entries()) {
      const where = i === 9 ? { postalCode: '1234 ab' } : { buurtId: buurtA };
      const contact = i < 2 ? { contactEmail: `helper${i}@example.org` } : {};
      const res = await respond(current.publicCode, { ...where, ...contact, answers: ans });
      expect(res.statusCode).toBe(201);
    }
    // Buurt B: 9 responses, below the threshold.
    for (let i = 0; i < 9; i++) {
      expect((await respond(current.publicCode, { buurtId: buurtB, answers: answers() })).statusCode).toBe(
        201,
      );
    }
    // A postal code nobody knows: counts in the total only.
    expect((await respond(current.publicCode, { postalCode: '9999ZZ', answers: answers() })).statusCode).toBe(
      201,
    );

    const approach = bodyOf(
      await reg.post('/api/v1/approaches', {
        areaId: wijk,
        title: 'Samen veilig in Zuidhoek',
        jointGoal: 'Minder bewoners die zich onveilig voelen',
        startDate: amsterdamDate(new Date(Date.now() - 60 * DAY)),
        partnerIds: [t.partners.politie],
      }),
      approachSchema,
      201,
    );
    approachId = approach.id;
  });

  it('counts per buurt, suppresses under 10 and computes the indicators (by hand)', async () => {
    const r = bodyOf(await reg.get(`/api/v1/surveys/${current.id}/results`), surveyResultsSchema);
    expect(r.minResponses).toBe(10);
    expect(r.willingToActRulePct).toBe(20);
    const a = r.buurten.find((b) => b.id === buurtA);
    const b = r.buurten.find((x) => x.id === buurtB);
    // 4 of 10 sometimes or often; marks 5×6 + 5×8; cohesion 5×10 + 5×7.5; efficacy 10 + 9×5; 2 of 10 yes.
    expect(a).toMatchObject({
      name: 'Aabuurt',
      n: 10,
      unsafeSometimesPct: 40,
      safetyMark: 7,
      liveabilityMark: 8,
      cohesionScore: 8.8,
      efficacyScore: 5.5,
      willingToActPct: 20,
    });
    expect(b).toMatchObject({
      n: 9,
      unsafeSometimesPct: null,
      safetyMark: null,
      liveabilityMark: null,
      cohesionScore: null,
      efficacyScore: null,
      willingToActPct: null,
    });
    // Total: 20 responses (10 + 9 + 1 without a buurt): 4 of 20 unsafe, 2 of 20 yes.
    expect(r.total).toMatchObject({ n: 20, unsafeSometimesPct: 20, willingToActPct: 10 });
    expect(r.total.safetyMark).toBe(7); // (5×6 + 5×8 + 10×7) / 20
  });

  it('shows the previous survey that covered the buurt, and none where there was none', async () => {
    const r = bodyOf(await reg.get(`/api/v1/surveys/${current.id}/results`), surveyResultsSchema);
    const a = r.buurten.find((b) => b.id === buurtA);
    expect(a?.previous).toMatchObject({
      surveyId: previous.id,
      title: 'Vorige meting',
      n: 10,
      unsafeSometimesPct: 100,
    });
    expect(r.buurten.find((b) => b.id === buurtB)?.previous).toBeNull();
  });

  it('lets every logged-in user read the results, aggregates only', async () => {
    for (const user of [t.professional, t.auditor, t.admin]) {
      const c = await loggedIn(app, user);
      const r = bodyOf(await c.get(`/api/v1/surveys/${current.id}/results`), surveyResultsSchema);
      expect(r.total.n).toBe(20);
      expect(JSON.stringify(r)).not.toContain('@example.org');
    }
    expectProblem(await app.inject({ method: 'GET', url: `/api/v1/surveys/${current.id}/results` }), 401);
  });

  it('gives the contact emails to the regisseur only, audited, and links them to no response', async () => {
    const contacts = bodyOf(await reg.get(`/api/v1/surveys/${current.id}/contacts`), surveyContactListSchema);
    expect(contacts.items).toEqual([{ email: 'helper0@example.org' }, { email: 'helper1@example.org' }]);
    for (const user of [t.professional, t.admin, t.auditor]) {
      expectProblem(await (await loggedIn(app, user)).get(`/api/v1/surveys/${current.id}/contacts`), 403);
    }
    const db = await testDb();
    const stored = await rows(
      db,
      z.object({ answers: col.json }),
      'SELECT answers FROM survey_responses WHERE tenant_id = $1 AND survey_id = $2',
      [t.id, current.id],
    );
    expect(JSON.stringify(stored)).not.toContain('@');
    const columns = await rows(
      db,
      z.object({ column_name: col.text }),
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'survey_contacts' ORDER BY column_name`,
    );
    expect(columns.map((c) => c.column_name)).toEqual(['email', 'id', 'survey_id', 'tenant_id']);
    const responseColumns = await rows(
      db,
      z.object({ column_name: col.text }),
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'survey_responses' ORDER BY column_name`,
    );
    expect(responseColumns.map((c) => c.column_name)).toEqual([
      'answers',
      'buurt_id',
      'id',
      'received_on',
      'survey_id',
      'tenant_id',
    ]);
    const audited = await rows(
      db,
      z.object({ action: col.text }),
      `SELECT action FROM audit_log WHERE tenant_id = $1 AND object_type = 'survey_contact' AND action = 'list'`,
      [t.id],
    );
    expect(audited.length).toBeGreaterThan(0);
  });

  it('publishes a closed survey once, with a webhook event of ids, areas and times only', async () => {
    const admin = await loggedIn(app, t.admin);
    const hook = await admin.post('/api/v1/webhooks', {
      url: 'https://wijkraad.example/hooks',
      events: ['nl.wijkregie.survey.published'],
      secret: 'een-geheim-van-minstens-16',
    });
    expect(hook.statusCode).toBe(201);
    await close(current.id);
    const db = await testDb();
    await publishSurveys(db);
    await publishSurveys(db);
    const s = bodyOf(await reg.get(`/api/v1/surveys/${current.id}`), surveySchema);
    expect(s.status).toBe('closed');
    expect(s.publishedAt).not.toBeNull();
    const deliveries = await rows(
      db,
      z.object({ data: col.json }),
      `SELECT data FROM webhook_deliveries WHERE tenant_id = $1 AND event_type = 'nl.wijkregie.survey.published'`,
      [t.id],
    );
    const mine = deliveries.filter((d) => JSON.stringify(d.data).includes(current.id));
    expect(mine).toHaveLength(1);
    const data = z.record(z.string(), z.string()).parse(mine[0]?.data);
    expect(Object.keys(data).sort()).toEqual(['areaIds', 'closedAt', 'publishedAt', 'surveyId']);
    expect(data.areaIds).toBe(wijk);
    expect(JSON.stringify(data)).not.toMatch(/Meting|Aabuurt|example\.org/);
  });

  it('gives an approach indicator of source survey one point per published survey of its area', async () => {
    const res = await reg.post(`/api/v1/approaches/${approachId}/indicators`, {
      name: 'Voelt zich wel eens onveilig',
      unit: '%',
      baseline: 40,
      target: 20,
      direction: 'down',
      source: 'survey',
      surveyIndicator: 'unsafeSometimesPct',
    });
    const ind = bodyOf(res, indicatorSchema, 201);
    expect(ind.surveyIndicator).toBe('unsafeSometimesPct');
    expectProblem(
      await reg.post(`/api/v1/approaches/${approachId}/indicators`, {
        name: 'X',
        unit: '%',
        baseline: 40,
        target: 20,
        direction: 'down',
        source: 'survey',
        surveyIndicator: 'happiness',
      }),
      400,
      ['surveyIndicator'],
    );
    await publishSurveys(await testDb());
    const a = bodyOf(await reg.get(`/api/v1/approaches/${approachId}`), approachSchema);
    const series = a.indicators.find((i) => i.id === ind.id)?.series ?? [];
    // Previous: buurt A only, 10 of 10 unsafe → 100. Current over the wijk's buurten: 4 of 19 → 21.1.
    expect(series.map((p) => p.value)).toEqual([100, 21.1]);
    expect(series[0]?.date).toBe(amsterdamDate(new Date(Date.now() - 30 * DAY - 1000)));
    // A buurt indicator of buurt B alone: 9 responses, so no point for the current survey.
    const forB = bodyOf(
      await reg.post('/api/v1/approaches', {
        areaId: buurtB,
        title: 'Beebuurt',
        jointGoal: 'Meer samenhang',
        startDate: amsterdamDate(),
        partnerIds: [t.partners.politie],
      }),
      approachSchema,
      201,
    );
    const indB = bodyOf(
      await reg.post(`/api/v1/approaches/${forB.id}/indicators`, {
        name: 'Samenhang',
        unit: 'score',
        baseline: 5,
        target: 7,
        direction: 'up',
        source: 'survey',
        surveyIndicator: 'cohesionScore',
      }),
      indicatorSchema,
      201,
    );
    expect(indB.series).toEqual([]);
    expect(indB.latest).toBeNull();
  });
});
