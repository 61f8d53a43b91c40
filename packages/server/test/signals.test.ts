import {
  alertListSchema,
  caseFromSignalSchema,
  type Signal,
  signalDetailSchema,
  signalListSchema,
  signalRouteSchema,
  signalSchema,
  visitSchema,
  worklistSchema,
} from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { idRow, oneRow } from '../src/db/rows.js';
import { addDays, amsterdamDate } from '../src/lib/time.js';
import { addWorkingDays } from '../src/lib/workdays.js';
import { alertOverdueSignals } from '../src/modules/signals/alert-overdue-signals.js';
import {
  bodyOf,
  type Client,
  createCase,
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
let cop: TestUser; // politie
let care: TestUser; // wijkteam
let debt: TestUser; // schuldhulp
let buurtId: string;
let buurtPoint: { lat: number; lng: number };
const today = amsterdamDate();

async function signal(c: Client, body: Record<string, unknown> = {}): Promise<Signal> {
  const res = await c.post('/api/v1/signals', {
    category: 'woonoverlast',
    description: 'Harde muziek tot diep in de nacht',
    source: 'professional',
    ...body,
  });
  return bodyOf(res, signalSchema, 201);
}

beforeAll(async () => {
  app = await testApp();
  t = await newTenant(['gemeente', 'politie', 'wijkteam', 'schuldhulp']);
  other = await newTenant(['gemeente', 'politie']);
  reg = await loggedIn(app, t.regisseur);
  cop = t.professional;
  care = await t.addUser('wijkteam', ['professional']);
  debt = await t.addUser('schuldhulp', ['professional']);
  // One wijk with one square buurt, for routing by place.
  const db = await testDb();
  const square = (x: number, y: number, d: number) => ({
    type: 'Polygon',
    coordinates: [
      [
        [x, y],
        [x + d, y],
        [x + d, y + d],
        [x, y + d],
        [x, y],
      ],
    ],
  });
  const wijk = await oneRow(
    db,
    idRow,
    `INSERT INTO areas (tenant_id, kind, code, name, geometry) VALUES ($1, 'wijk', 'WK000101', 'Noord', $2::jsonb) RETURNING id`,
    [t.id, JSON.stringify(square(5, 52, 0.1))],
  );
  const buurt = await oneRow(
    db,
    idRow,
    `INSERT INTO areas (tenant_id, kind, code, name, parent_id, geometry)
     VALUES ($1, 'buurt', 'BU00010101', 'Molenbuurt', $2, $3::jsonb) RETURNING id`,
    [t.id, wijk.id, JSON.stringify(square(5, 52, 0.05))],
  );
  buurtId = buurt.id;
  buurtPoint = { lat: 52.02, lng: 5.02 };
});

describe('intake and routing', () => {
  it('routes by category and place, says why, and sets the first-contact deadline', async () => {
    expect(
      (await reg.post('/api/v1/signal-routes', { category: 'woonoverlast', partnerId: t.partners.wijkteam }))
        .statusCode,
    ).toBe(201);
    expect(
      (
        await reg.post('/api/v1/signal-routes', {
          category: 'woonoverlast',
          areaId: buurtId,
          partnerId: t.partners.politie,
        })
      ).statusCode,
    ).toBe(201);
    const c = await loggedIn(app, care);
    const anywhere = await signal(c);
    expect(anywhere.routedPartnerId).toBe(t.partners.wijkteam);
    expect(anywhere.routingReason).toContain('hele gemeente');
    const inBuurt = await signal(c, { location: { ...buurtPoint, street: 'Molenstraat', houseNumber: '3' } });
    expect(inBuurt.areaId).toBe(buurtId);
    expect(inBuurt.routedPartnerId).toBe(t.partners.politie);
    expect(inBuurt.routingReason).toContain('Molenbuurt');
    expect(inBuurt.firstContactDue).toBe(addWorkingDays(today, 10));
    const arrears = await signal(c, { category: 'achterstand_huur', description: 'Huurachterstand' });
    expect(arrears.firstContactDue).toBe(addDays(today, 28));
    expect(arrears.routedPartnerId).toBeNull();
    expect(arrears.routingReason).toMatch(/regisseur/);
  });

  it('rejects bad input naming the field and creates nothing', async () => {
    const c = await loggedIn(app, care);
    const count = async () => bodyOf(await reg.get('/api/v1/signals'), signalListSchema).total;
    const before = await count();
    expectProblem(
      await c.post('/api/v1/signals', { category: 'bestaat_niet', description: 'x', source: 'professional' }),
      400,
      ['category'],
    );
    expectProblem(
      await c.post('/api/v1/signals', { category: 'woonoverlast', description: '', source: 'professional' }),
      400,
      ['description'],
    );
    expectProblem(
      await c.post('/api/v1/signals', { category: 'woonoverlast', description: 'x', source: 'buurman' }),
      400,
      ['source'],
    );
    expectProblem(
      await c.post('/api/v1/signals', {
        category: 'woonoverlast',
        description: 'x',
        source: 'professional',
        location: { postalCode: '123' },
      }),
      400,
      ['location.postalCode'],
    );
    expectProblem(
      await c.post('/api/v1/signals', {
        category: 'woonoverlast',
        description: 'x',
        source: 'professional',
        personIds: [crypto.randomUUID()],
      }),
      400,
      ['personIds.0'],
    );
    expect(await count()).toBe(before);
    expectProblem(
      await (await loggedIn(app, t.auditor)).post('/api/v1/signals', {
        category: 'woonoverlast',
        description: 'x',
        source: 'professional',
      }),
      403,
    );
    expect((await app.inject({ method: 'GET', url: '/api/v1/signals' })).statusCode).toBe(401);
  });
});

describe('who sees a signal', () => {
  it('regisseurs, the reporting partner and the partner it is routed to — lists and counts agree', async () => {
    const d = await loggedIn(app, debt);
    const s = await signal(d, { category: 'zorgen_persoon', description: 'Zorgen om buurvrouw' });
    expect(s.routedPartnerId).toBeNull();
    const copC = await loggedIn(app, cop);
    expectProblem(await copC.get(`/api/v1/signals/${s.id}`), 404);
    const list = bodyOf(await copC.get('/api/v1/signals?limit=200'), signalListSchema);
    expect(list.items.map((x) => x.id)).not.toContain(s.id);
    expect(list.total).toBe(list.items.length);
    expect((await d.get(`/api/v1/signals/${s.id}`)).statusCode).toBe(200);
    expect((await reg.get(`/api/v1/signals/${s.id}`)).statusCode).toBe(200);
    expectProblem(await (await loggedIn(app, other.regisseur)).get(`/api/v1/signals/${s.id}`), 404);
    // Routed later (rule added afterwards does not re-route), the routed partner sees new ones.
    await reg.post('/api/v1/signal-routes', { category: 'zorgen_persoon', partnerId: t.partners.politie });
    const s2 = await signal(d, { category: 'zorgen_persoon', description: 'Nog een zorg' });
    expect((await copC.get(`/api/v1/signals/${s2.id}`)).statusCode).toBe(200);
  });
});

describe('triage', () => {
  it('follows the status flow: dismiss needs a reason, a wrong step is 409, only regisseur reopens', async () => {
    const s = await signal(await loggedIn(app, care));
    const url = `/api/v1/signals/${s.id}`;
    expectProblem(await reg.patch(url, { status: 'dismissed' }), 400, ['outcome']);
    expect((await reg.patch(url, { status: 'triage' })).json()).toMatchObject({ status: 'triage' });
    expectProblem(await reg.patch(url, { status: 'new' }), 409);
    expect(
      (await reg.patch(url, { status: 'dismissed', outcome: 'Eenmalig, geen verdere actie nodig' })).json(),
    ).toMatchObject({ status: 'dismissed', outcome: 'Eenmalig, geen verdere actie nodig' });
    // The reporting partner (wijkteam) is not the routed one here? It is: woonoverlast → wijkteam.
    const c = await loggedIn(app, care);
    expectProblem(await c.patch(url, { status: 'triage' }), 403); // reopening is for the regisseur
    expect((await reg.patch(url, { status: 'triage' })).statusCode).toBe(200);
    expectProblem(await reg.patch(url, { status: 'klaar' }), 400, ['status']);
  });

  it('the reporting partner that is not the routed one may not triage', async () => {
    const d = await loggedIn(app, debt);
    const s = await signal(d); // woonoverlast → wijkteam
    expectProblem(await d.patch(`/api/v1/signals/${s.id}`, { status: 'triage' }), 403);
    expect(
      (await (await loggedIn(app, care)).patch(`/api/v1/signals/${s.id}`, { status: 'triage' })).statusCode,
    ).toBe(200);
  });

  it('attaches to a visible case, or starts a case with the signal persons', async () => {
    const person = await createPerson(reg, { firstName: 'Anna', lastName: 'de Wit' });
    const s = await signal(reg, { personIds: [person.id] });
    const hidden = await createCase(reg, { title: 'Alleen gemeente', partnerIds: [] });
    const c = await loggedIn(app, care);
    expectProblem(await c.patch(`/api/v1/signals/${s.id}`, { caseId: hidden.id }), 400, ['caseId']);
    const res = await reg.post(`/api/v1/signals/${s.id}/case`, {
      title: 'Zorgen om mevrouw de Wit',
      type: 'person',
      partnerIds: [t.partners.wijkteam],
    });
    expect(res.statusCode).toBe(201);
    const body = bodyOf(res, caseFromSignalSchema, 201);
    expect(body.signal.caseId).toBe(body.case.id);
    expect(body.case.subjects.map((x) => x.id)).toEqual([person.id]);
    expectProblem(
      await reg.post(`/api/v1/signals/${s.id}/case`, { title: 'Nog een', type: 'person', partnerIds: [] }),
      409,
    );
  });

  it('suggests likely duplicates and merges them, keeping both histories', async () => {
    const c = await loggedIn(app, care);
    const loc = { street: 'Kerkstraat', houseNumber: '8', postalCode: '1234 ab', ...buurtPoint };
    const a = await signal(c, { category: 'verwaarlozing', description: 'Tuin vol afval', location: loc });
    const b = await signal(c, {
      category: 'verwaarlozing',
      description: 'Afval in tuin, ratten',
      location: loc,
    });
    const far = await signal(c, {
      category: 'verwaarlozing',
      description: 'Elders',
      location: { lat: 52.09, lng: 5.09 },
    });
    const dups = bodyOf(await reg.get(`/api/v1/signals/${b.id}/duplicates`), signalListSchema);
    expect(dups.items.map((x) => x.id)).toContain(a.id);
    expect(dups.items.map((x) => x.id)).not.toContain(far.id);
    expectProblem(await reg.post(`/api/v1/signals/${b.id}/merge`, { intoId: b.id }), 400, ['intoId']);
    const merged = await reg.post(`/api/v1/signals/${b.id}/merge`, { intoId: a.id });
    expect(merged.statusCode).toBe(200);
    const bAfter = bodyOf(await reg.get(`/api/v1/signals/${b.id}`), signalDetailSchema);
    expect(bAfter).toMatchObject({ mergedIntoId: a.id, status: 'closed' });
    expect(bAfter.history.length).toBeGreaterThanOrEqual(2);
    const aAfter = bodyOf(await reg.get(`/api/v1/signals/${a.id}`), signalDetailSchema);
    expect(aAfter.history.some((h) => h.change.merged === b.id)).toBe(true);
    expectProblem(await reg.post(`/api/v1/signals/${b.id}/merge`, { intoId: a.id }), 409);
  });
});

describe('outreach', () => {
  it('plans visits, orders the day as a route, records outcomes as history', async () => {
    const c = await loggedIn(app, care);
    const points = [
      // Outside the Molenbuurt, so routed to the wijkteam (the rule for the whole municipality).
      { lat: 52.07, lng: 5.07 },
      { lat: 52.099, lng: 5.099 },
      { lat: 52.071, lng: 5.071 },
    ];
    const ids: string[] = [];
    for (const [i, p] of points.entries()) {
      const s = await signal(c, {
        description: `Bezoek ${i}`,
        location: { ...p, street: 'Laan', houseNumber: String(i + 1) },
      });
      const v = await c.post(`/api/v1/signals/${s.id}/visits`, {
        plannedDate: today,
        visitorUserId: care.id,
      });
      expect(v.statusCode).toBe(201);
      ids.push(bodyOf(v, visitSchema, 201).id);
    }
    const list = bodyOf(await c.get(`/api/v1/outreach/worklist?date=${today}`), worklistSchema);
    // Nearest neighbour from the first: 0 → 2 (close by) → 1 (far away).
    expect(list.items.map((x) => x.visitId)).toEqual([ids[0], ids[2], ids[1]]);
    expect(list.items[0]!.reason).toContain('Woonoverlast');
    const first = ids[0]!;
    const notHome = await c.post(`/api/v1/visits/${first}/outcome`, {
      outcome: 'not_home',
      nextStep: 'Briefje achtergelaten',
      nextDate: addDays(today, 2),
    });
    expect(notHome.statusCode).toBe(200);
    expectProblem(await c.post(`/api/v1/visits/${first}/outcome`, { outcome: 'contact' }), 409);
    expectProblem(await c.post(`/api/v1/visits/${ids[1]}/outcome`, { outcome: 'referred' }), 400, [
      'referredPartnerId',
    ]);
    expectProblem(await c.post(`/api/v1/visits/${ids[1]}/outcome`, { outcome: 'thuis' }), 400, ['outcome']);
    const ok = await c.post(`/api/v1/visits/${ids[1]}/outcome`, {
      outcome: 'referred',
      referredPartnerId: t.partners.schuldhulp,
    });
    expect(ok.statusCode).toBe(200);
    const later = bodyOf(await c.get(`/api/v1/outreach/worklist?date=${addDays(today, 2)}`), worklistSchema);
    expect(later.items).toHaveLength(1); // the next attempt
    expectProblem(
      await (await loggedIn(app, cop)).post(`/api/v1/visits/${first}/outcome`, { outcome: 'contact' }),
      404,
    );
  });
});

describe('export and monitor', () => {
  it('exports exactly the filtered list as CSV', async () => {
    const c = await loggedIn(app, care);
    await signal(c, { category: 'overlast_jeugd', description: '=SUM(A1) jongeren bij de skatebaan' });
    const json = bodyOf(await reg.get('/api/v1/signals?category=overlast_jeugd&limit=200'), signalListSchema);
    const res = await reg.get('/api/v1/signals/export?category=overlast_jeugd');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines.length - 1).toBe(json.total);
    expect(res.body).toContain("'=SUM(A1)"); // no formula injection in spreadsheets
    expectProblem(await (await loggedIn(app, t.auditor)).get('/api/v1/signals/export'), 403);
  });

  it('counts the funnel per creditor type and month', async () => {
    const res = await reg.get('/api/v1/signals/monitor');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toHaveProperty('items');
    const csv = await reg.get('/api/v1/signals/monitor?format=csv');
    expect(csv.body).toContain('hulp geaccepteerd');
    expectProblem(await reg.get('/api/v1/signals/monitor?from=2026-13-01'), 400, ['from']);
    expectProblem(await (await loggedIn(app, t.admin)).get('/api/v1/signals/monitor'), 403);
  });
});

describe('routing rules', () => {
  it('are for the regisseur and admin, with checked references', async () => {
    expectProblem(await (await loggedIn(app, cop)).get('/api/v1/signal-routes'), 403);
    expectProblem(
      await reg.post('/api/v1/signal-routes', { category: 'x_y', partnerId: other.partners.politie }),
      400,
      ['category', 'partnerId'],
    );
    const created = await reg.post('/api/v1/signal-routes', {
      category: 'overig',
      partnerId: t.partners.gemeente,
    });
    expect(created.statusCode).toBe(201);
    expectProblem(
      await reg.post('/api/v1/signal-routes', { category: 'overig', partnerId: t.partners.politie }),
      409,
    );
    const id = bodyOf(created, signalRouteSchema, 201).id;
    expect((await reg.delete(`/api/v1/signal-routes/${id}`)).statusCode).toBe(204);
    expectProblem(await reg.delete(`/api/v1/signal-routes/${id}`), 404);
  });
});

describe('first-contact deadline', () => {
  it('alerts the routed partner once when the deadline passes, and nobody else', async () => {
    const c = await loggedIn(app, care);
    const s = await signal(c); // woonoverlast → wijkteam
    const db = await testDb();
    await db.query('UPDATE signals SET first_contact_due = $2 WHERE id = $1', [s.id, addDays(today, -1)]);
    expect(bodyOf(await c.get(`/api/v1/signals/${s.id}`), signalDetailSchema).overdue).toBe(true);
    await alertOverdueSignals(db, 'http://localhost:3000');
    await alertOverdueSignals(db, 'http://localhost:3000');
    const mine = bodyOf(await c.get('/api/v1/alerts?limit=200'), alertListSchema);
    const overdue = mine.items.filter((a) => a.kind === 'signal_overdue' && a.signalId === s.id);
    expect(overdue).toHaveLength(1);
    expect(overdue[0]!.caseId).toBeNull();
    const copAlerts = bodyOf(
      await (await loggedIn(app, cop)).get('/api/v1/alerts?limit=200'),
      alertListSchema,
    );
    expect(copAlerts.items.some((a) => a.signalId === s.id)).toBe(false);
    const overdueList = bodyOf(await c.get('/api/v1/signals?overdue=true&limit=200'), signalListSchema);
    expect(overdueList.items.map((x) => x.id)).toContain(s.id);
  });
});

describe('only that, never what', () => {
  it('two partners reporting about the same person learn of each other and the regisseur, not the content', async () => {
    await setMatrix(app, t, [
      { partner: 'politie', category: 'basis', access: 'read' },
      { partner: 'wijkteam', category: 'basis', access: 'read' },
    ]);
    const p = await createPerson(reg, { firstName: 'Kim', lastName: 'Verhoef', birthDate: '1990-04-12' });
    await createCase(reg, {
      title: 'Verhoef',
      subjects: [{ kind: 'person', id: p.id }],
      partnerIds: [t.partners.politie, t.partners.wijkteam],
    });
    const copC = await loggedIn(app, cop);
    const careC = await loggedIn(app, care);
    const fromPolice = await signal(copC, {
      category: 'zorgen_persoon',
      description: 'Aangifte van bedreiging door ex-partner',
      personIds: [p.id],
    });
    const fromCare = await signal(careC, {
      category: 'verwaarlozing',
      description: 'Woning vervuild',
      personIds: [p.id],
    });
    const seenRes = await careC.get(`/api/v1/signals/${fromCare.id}`);
    const seen = bodyOf(seenRes, signalDetailSchema);
    expect(seen.involvement?.partners).toEqual([expect.stringContaining('politie')]);
    expect(seen.involvement?.coordinator).toMatch(/regisseur/);
    expect(seen.matches).toBeNull(); // matches are for the regisseur
    expect(seenRes.body).not.toContain('bedreiging');
    // And the police signal itself stays invisible to the wijkteam.
    expectProblem(await careC.get(`/api/v1/signals/${fromPolice.id}`), 404);
    const policeView = bodyOf(await copC.get(`/api/v1/signals/${fromPolice.id}`), signalDetailSchema);
    expect(policeView.involvement?.partners).toEqual([expect.stringContaining('wijkteam')]);
    // Who reported it, by name (issue 11, fault 6: not "Een bewoner of import").
    expect(policeView.reporterName).toBe(cop.name);
    expect(seen.reporterName).toBe(care.name);
  });
});

describe('signal categories', () => {
  it('are configurable per municipality by the regisseur or admin, with their deadline', async () => {
    const body = {
      key: 'stookoverlast',
      label: 'Stookoverlast',
      publicReport: true,
      deadlineDays: 5,
      deadlineWorking: true,
    };
    expectProblem(await (await loggedIn(app, care)).post('/api/v1/signal-categories', body), 403);
    expectProblem(await reg.post('/api/v1/signal-categories', { ...body, key: 'Fout!' }), 400, ['key']);
    expectProblem(await reg.post('/api/v1/signal-categories', { ...body, deadlineDays: -1 }), 400, [
      'deadlineDays',
    ]);
    expect((await reg.post('/api/v1/signal-categories', body)).statusCode).toBe(201);
    expectProblem(await reg.post('/api/v1/signal-categories', body), 409);
    const s = await signal(await loggedIn(app, care), { category: 'stookoverlast', description: 'Houtrook' });
    expect(s.firstContactDue).toBe(addWorkingDays(today, 5));
    const changed = await (await loggedIn(app, t.admin)).patch('/api/v1/signal-categories/stookoverlast', {
      deadlineDays: 2,
      deadlineWorking: false,
    });
    expect(changed.json()).toEqual({
      key: 'stookoverlast',
      label: 'Stookoverlast',
      publicReport: true, // not given, so unchanged
      deadlineDays: 2,
      deadlineWorking: false,
    });
    expect(
      (await signal(await loggedIn(app, care), { category: 'stookoverlast', description: 'Weer rook' }))
        .firstContactDue,
    ).toBe(addDays(today, 2));
    expectProblem(await reg.patch('/api/v1/signal-categories/bestaat_niet', { label: 'x' }), 404);
    expectProblem(await reg.patch('/api/v1/signal-categories/stookoverlast', {}), 400);
    // Another municipality does not have it.
    expectProblem(
      await (await loggedIn(app, other.regisseur)).post('/api/v1/signals', {
        category: 'stookoverlast',
        description: 'x',
        source: 'professional',
      }),
      400,
      ['category'],
    );
  });
});
