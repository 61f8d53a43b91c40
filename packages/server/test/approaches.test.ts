import {
  approachListSchema,
  approachSchema,
  indicatorSchema,
  observationListSchema,
  observationSchema,
} from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, amsterdamDate } from '../src/lib/time.js';
import {
  Client as Anonymous,
  bodyOf,
  type Client,
  expectProblem,
  loadMap,
  loggedIn,
  newTenant,
  type TestTenant,
  testApp,
} from './helpers.js';

/*
 * The area approach (issue 13): a joint goal with partners and their commitments, indicators measured by
 * hand or counted from incidents, progress from baseline to target; and field notes without names.
 */

let app: FastifyInstance;
let t: TestTenant;
let reg: Client;
let wijk: string;
let buurt: string;

/** `YYYY-MM-15T12:00:00Z` of the month `back` months before this one. */
function midMonth(back: number): string {
  const today = amsterdamDate();
  const d = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1 - back, 15, 12));
  return d.toISOString();
}

beforeAll(async () => {
  app = await testApp();
  t = await newTenant(['gemeente', 'politie', 'wijkteam', 'ggz']);
  const ids = await loadMap(app, t, { code: 'WK5', name: 'Vijfhoek', box: [5.1, 52.1, 0.02] }, [
    { code: 'BU51', name: 'Plein', box: [5.1, 52.1, 0.01] },
  ]);
  reg = await loggedIn(app, t.regisseur);
  [wijk, buurt] = [ids.WK5 ?? '', ids.BU51 ?? ''];
});

const approachBody = () => ({
  areaId: wijk,
  title: 'Veilig rond het Plein',
  jointGoal: 'Minder overlast van jongeren en bewoners die zich weer veilig voelen op het Plein',
  startDate: `${midMonth(3).slice(0, 8)}01`,
  partnerIds: [t.partners.politie, t.partners.wijkteam],
  commitments: [
    { partnerId: t.partners.politie, text: 'Twee avonden per week extra surveillance' },
    { partnerId: t.partners.wijkteam, text: 'Gesprekken met de ouders van de groep' },
  ],
});

describe('the area approach', () => {
  it('starts with a joint goal, partners and commitments; the regisseur coordinates', async () => {
    const a = bodyOf(await reg.post('/api/v1/approaches', approachBody()), approachSchema, 201);
    expect(a).toMatchObject({
      areaId: wijk,
      areaName: 'Vijfhoek',
      coordinatorUserId: t.regisseur.id,
      endDate: null,
      indicators: [],
    });
    expect(a.partners.map((p) => p.commitment).sort()).toEqual([
      'Gesprekken met de ouders van de groep',
      'Twee avonden per week extra surveillance',
    ]);
    // Found from the wijk and from its buurt.
    for (const area of [wijk, buurt]) {
      const list = bodyOf(await reg.get(`/api/v1/approaches?areaId=${area}`), approachListSchema);
      expect(list.items.map((x) => x.id)).toContain(a.id);
    }
  });

  it('measures by hand and counts incidents per complete month; progress runs from baseline to target', async () => {
    const a = bodyOf(await reg.post('/api/v1/approaches', approachBody()), approachSchema, 201);
    const felt = bodyOf(
      await reg.post(`/api/v1/approaches/${a.id}/indicators`, {
        name: 'Voelt zich veilig op het Plein',
        unit: '%',
        baseline: 60,
        target: 75,
        direction: 'up',
        source: 'manual',
      }),
      indicatorSchema,
      201,
    );
    const nuisance = bodyOf(
      await reg.post(`/api/v1/approaches/${a.id}/indicators`, {
        name: 'Meldingen overlast jeugd per maand',
        unit: 'meldingen',
        baseline: 4,
        target: 0,
        direction: 'down',
        source: 'incidents',
        incidentCategory: 'overlast_jeugd',
      }),
      indicatorSchema,
      201,
    );
    // A police officer (partner in the approach) measures; the wijkteam too.
    const cop = await loggedIn(app, t.professional);
    const measured = bodyOf(
      await cop.post(`/api/v1/indicators/${felt.id}/measurements`, {
        date: addDays(amsterdamDate(), -20),
        value: 65,
      }),
      indicatorSchema,
      201,
    );
    expect(measured).toMatchObject({ latest: 65, progress: 0.333 });
    expectProblem(
      await cop.post(`/api/v1/indicators/${felt.id}/measurements`, {
        date: addDays(amsterdamDate(), -20),
        value: 70,
      }),
      409,
      ['date'],
    );
    expectProblem(
      await cop.post(`/api/v1/indicators/${felt.id}/measurements`, {
        date: addDays(amsterdamDate(), 1),
        value: 70,
      }),
      400,
      ['date'],
    );
    expectProblem(
      await cop.post(`/api/v1/indicators/${nuisance.id}/measurements`, { date: amsterdamDate(), value: 3 }),
      409,
    );
    // GGZ is not in the approach.
    const ggz = await loggedIn(app, await t.addUser('ggz', ['professional']));
    expectProblem(
      await ggz.post(`/api/v1/indicators/${felt.id}/measurements`, { date: amsterdamDate(), value: 70 }),
      403,
    );

    // Youth nuisance in the wijk: 3, 2 and 1 in the three complete months since the start; this month's
    // does not count yet, nor one of another kind.
    const incident = (category: string, occurredAt: string) =>
      cop.post('/api/v1/incidents', { category, occurredAt, lat: 52.105, lng: 5.105, source: 'politie' });
    for (const [back, n] of [
      [3, 3],
      [2, 2],
      [1, 1],
    ] as const) {
      for (let k = 0; k < n; k++)
        expect((await incident('overlast_jeugd', midMonth(back))).statusCode).toBe(201);
    }
    expect((await incident('inbraak', midMonth(1))).statusCode).toBe(201);
    if (amsterdamDate().slice(8) !== '01') {
      expect((await incident('overlast_jeugd', `${amsterdamDate()}T00:30:00+01:00`)).statusCode).toBe(201);
    }

    const seen = bodyOf(
      await (await loggedIn(app, t.admin)).get(`/api/v1/approaches/${a.id}`),
      approachSchema,
    );
    const counted = seen.indicators.find((i) => i.id === nuisance.id);
    expect(counted?.series.map((p) => p.value)).toEqual([3, 2, 1]);
    expect(counted?.series[0]?.date).toBe(a.startDate);
    expect(counted).toMatchObject({ latest: 1, progress: 0.75 });
    expect(seen.indicators.map((i) => i.name)).toEqual([
      'Voelt zich veilig op het Plein',
      'Meldingen overlast jeugd per maand',
    ]);
  });

  it('names what is wrong and stores nothing', async () => {
    const bad: [Record<string, unknown>, string][] = [
      [{ ...approachBody(), areaId: '00000000-0000-4000-8000-000000000000' }, 'areaId'],
      [{ ...approachBody(), endDate: '2000-01-01' }, 'endDate'],
      [{ ...approachBody(), partnerIds: [] }, 'partnerIds'],
      [
        {
          ...approachBody(),
          partnerIds: [t.partners.politie, '00000000-0000-4000-8000-000000000000'],
          commitments: [],
        },
        'partnerIds.1',
      ],
      [
        {
          ...approachBody(),
          partnerIds: [t.partners.politie],
          commitments: [{ partnerId: t.partners.ggz, text: 'x' }],
        },
        'commitments.0.partnerId',
      ],
      [{ ...approachBody(), jointGoal: ' ' }, 'jointGoal'],
    ];
    const before = bodyOf(await reg.get('/api/v1/approaches'), approachListSchema).items.length;
    for (const [body, field] of bad) expectProblem(await reg.post('/api/v1/approaches', body), 400, [field]);
    expect(bodyOf(await reg.get('/api/v1/approaches'), approachListSchema).items).toHaveLength(before);

    const a = bodyOf(await reg.post('/api/v1/approaches', approachBody()), approachSchema, 201);
    const indicator = { name: 'X', unit: '%', baseline: 10, target: 20, direction: 'up', source: 'manual' };
    for (const [body, field] of [
      [{ ...indicator, target: 5 }, 'target'],
      [{ ...indicator, direction: 'down' }, 'target'],
      [{ ...indicator, source: 'incidents' }, 'incidentCategory'],
      [{ ...indicator, source: 'incidents', incidentCategory: 'bestaat_niet' }, 'incidentCategory'],
      [{ ...indicator, source: 'survey' }, 'surveyIndicator'],
    ] as const) {
      expectProblem(await reg.post(`/api/v1/approaches/${a.id}/indicators`, body), 400, [field]);
    }
    expect(bodyOf(await reg.get(`/api/v1/approaches/${a.id}`), approachSchema).indicators).toHaveLength(0);
    expectProblem(
      await reg.post('/api/v1/approaches/00000000-0000-4000-8000-000000000000/indicators', indicator),
      404,
    );
  });

  it('is started by the regisseur only, and read by every logged-in user of the municipality', async () => {
    for (const user of [t.professional, t.admin, t.auditor]) {
      expectProblem(await (await loggedIn(app, user)).post('/api/v1/approaches', approachBody()), 403);
    }
    const a = bodyOf(await reg.post('/api/v1/approaches', approachBody()), approachSchema, 201);
    expectProblem(
      await (await loggedIn(app, t.professional)).post(`/api/v1/approaches/${a.id}/indicators`, {
        name: 'X',
        unit: '%',
        baseline: 1,
        target: 2,
        direction: 'up',
        source: 'manual',
      }),
      403,
    );
    expectProblem(await new Anonymous(app).get(`/api/v1/approaches/${a.id}`), 401);
    expectProblem(await new Anonymous(app).get('/api/v1/approaches'), 401);
    const other = await newTenant();
    expectProblem(await (await loggedIn(app, other.regisseur)).get(`/api/v1/approaches/${a.id}`), 404);
  });
});

describe('field notes', () => {
  it('records a street talk in a buurt, found from its wijk; no names asked', async () => {
    const cop = await loggedIn(app, t.professional);
    const note = bodyOf(
      await cop.post('/api/v1/observations', {
        areaId: buurt,
        date: amsterdamDate(),
        kind: 'street_talk',
        topics: ['jongeren', 'verlichting', 'jongeren'],
        text: 'Bewoners bij de bushalte: het Plein is donker na negen uur, de groep is er vooral in het weekend.',
        followUp: 'Gemeente vragen om extra verlichting',
      }),
      observationSchema,
      201,
    );
    expect(note).toMatchObject({ kind: 'street_talk', topics: ['jongeren', 'verlichting'], areaId: buurt });
    const list = bodyOf(
      await (await loggedIn(app, t.auditor)).get(`/api/v1/observations?areaId=${wijk}`),
      observationListSchema,
    );
    expect(list.items.map((o) => o.id)).toContain(note.id);
  });

  it('refuses a note in the future, outside the municipality or by whom may not write', async () => {
    const cop = await loggedIn(app, t.professional);
    const body = { areaId: buurt, date: amsterdamDate(), kind: 'walk', text: 'Wijkschouw' };
    expectProblem(
      await cop.post('/api/v1/observations', { ...body, date: addDays(amsterdamDate(), 2) }),
      400,
      ['date'],
    );
    expectProblem(await cop.post('/api/v1/observations', { ...body, kind: 'feest' }), 400, ['kind']);
    expectProblem(
      await cop.post('/api/v1/observations', { ...body, areaId: '00000000-0000-4000-8000-000000000000' }),
      400,
      ['areaId'],
    );
    for (const user of [t.admin, t.auditor]) {
      expectProblem(await (await loggedIn(app, user)).post('/api/v1/observations', body), 403);
    }
    expectProblem(await new Anonymous(app).get(`/api/v1/observations?areaId=${wijk}`), 401);
    expectProblem(await cop.get('/api/v1/observations?areaId=00000000-0000-4000-8000-000000000000'), 404);
    expectProblem(await cop.get('/api/v1/observations'), 400, ['areaId']);
  });
});
