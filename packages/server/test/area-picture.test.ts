import { areaPictureSchema, incidentSchema } from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { amsterdamDate } from '../src/lib/time.js';
import {
  Client as Anonymous,
  bodyOf,
  type Client,
  createCase,
  expectProblem,
  loadMap,
  loggedIn,
  newTenant,
  pdfText,
  type TestTenant,
  testApp,
} from './helpers.js';

/*
 * The picture of a wijk or buurt (issue 13): incidents exact, counts about people under five withheld
 * (null), per month, per kind, per buurt, and where incidents cluster.
 */

let app: FastifyInstance;
let t: TestTenant;
let reg: Client;
let wijk: string;
let buurtA: string;
let buurtB: string;

const IN_A = { lat: 52.105, lng: 5.105 };
const IN_B = { lat: 52.105, lng: 5.115 };
const thisMonth = amsterdamDate().slice(0, 7);

beforeAll(async () => {
  app = await testApp();
  t = await newTenant();
  const ids = await loadMap(app, t, { code: 'WK7', name: 'Zevenhoven', box: [5.1, 52.1, 0.02, 0.01] }, [
    { code: 'BU71', name: 'Aa-buurt', box: [5.1, 52.1, 0.01, 0.01] },
    { code: 'BU72', name: 'Bee-buurt', box: [5.11, 52.1, 0.01, 0.01] },
  ]);
  reg = await loggedIn(app, t.regisseur);
  [wijk, buurtA, buurtB] = [ids.WK7 ?? '', ids.BU71 ?? '', ids.BU72 ?? ''];

  const cop = await loggedIn(app, t.professional);
  const incident = async (category: string, occurredAt: string, at: { lat: number; lng: number }) =>
    bodyOf(
      await cop.post('/api/v1/incidents', { category, occurredAt, ...at, source: 'politie' }),
      incidentSchema,
      201,
    );
  await incident('overlast_jeugd', '2026-10-03T21:00:00+02:00', IN_A);
  await incident('overlast_jeugd', '2026-10-17T22:30:00+02:00', { lat: IN_A.lat + 0.0001, lng: IN_A.lng });
  await incident('vernieling', '2026-10-31T23:30:00+01:00', { lat: 52.108, lng: 5.102 });
  await incident('inbraak', '2026-11-12T03:00:00+01:00', IN_B);
  // Just before the period (Amsterdam time): 30 September.
  await incident('inbraak', '2026-09-30T23:30:00+02:00', IN_A);

  const signal = (at: { lat: number; lng: number }) =>
    reg.post('/api/v1/signals', {
      category: 'woonoverlast',
      description: 'Overlast',
      source: 'professional',
      location: at,
    });
  for (let i = 0; i < 6; i++) expect((await signal(IN_A)).statusCode).toBe(201);
  for (let i = 0; i < 2; i++) expect((await signal(IN_B)).statusCode).toBe(201);
  await createCase(reg, { areaId: buurtA, title: 'Aanpak winkelcentrum' });
});

describe('the picture of a wijk', () => {
  it('counts incidents exactly per month, kind and buurt, and withholds counts of people under five', async () => {
    const p = bodyOf(
      await reg.get(`/api/v1/areas/${wijk}/picture?from=2026-10-01&to=2026-12-31`),
      areaPictureSchema,
    );
    expect(p.area).toMatchObject({ id: wijk, name: 'Zevenhoven' });
    expect(p.months.map((m) => m.month)).toEqual(['2026-10', '2026-11', '2026-12']);
    // 31 October 23:30 in Amsterdam is October, though it is 22:30 UTC.
    expect(p.months.map((m) => m.incidents)).toEqual([3, 1, 0]);
    const now = p.months.find((m) => m.month === thisMonth);
    expect(now?.signals).toBe(8);
    expect(now?.casesOpened).toBeNull();
    expect(p.months.find((m) => m.month === '2026-10')?.signals).toBeNull();
    expect(p.byCategory).toEqual([
      { category: 'overlast_jeugd', count: 2 },
      { category: 'inbraak', count: 1 },
      { category: 'vernieling', count: 1 },
    ]);
    expect(p.buurten).toEqual([
      { id: buurtA, name: 'Aa-buurt', incidents: 3, signals: 6, openCases: null },
      { id: buurtB, name: 'Bee-buurt', incidents: 1, signals: null, openCases: null },
    ]);
    // The two youth incidents about ten metres apart make the one hotspot.
    expect(p.hotspots).toHaveLength(1);
    expect(p.hotspots[0]?.count).toBe(2);
    expect(p.hotspots[0]?.lat).toBeCloseTo(IN_A.lat, 3);
    // Nothing in the answer names a person or a record.
    expect(JSON.stringify(p)).not.toMatch(/Overlast"|description|Aanpak winkelcentrum/);
  });

  it('a buurt alone; without a period the twelve months up to today', async () => {
    const p = bodyOf(await reg.get(`/api/v1/areas/${buurtA}/picture`), areaPictureSchema);
    expect(p.buurten.map((b) => b.id)).toEqual([buurtA]);
    expect(p.months).toHaveLength(12);
    expect(p.months.at(-1)?.month).toBe(thisMonth);
    expect(p.to).toBe(amsterdamDate());
    expect(p.from).toBe(`${p.months[0]?.month}-01`);
  });

  it('is for every logged-in user of the municipality, and only of their own', async () => {
    for (const user of [t.admin, t.auditor, t.professional]) {
      bodyOf(await (await loggedIn(app, user)).get(`/api/v1/areas/${wijk}/picture`), areaPictureSchema);
    }
    expectProblem(await new Anonymous(app).get(`/api/v1/areas/${wijk}/picture`), 401);
    const other = await newTenant();
    expectProblem(await (await loggedIn(app, other.regisseur)).get(`/api/v1/areas/${wijk}/picture`), 404);
  });

  it('with a category counts only incidents of that kind; signals and cases stay as they are', async () => {
    const period = 'from=2026-10-01&to=2026-12-31';
    const youth = bodyOf(
      await reg.get(`/api/v1/areas/${wijk}/picture?${period}&category=overlast_jeugd`),
      areaPictureSchema,
    );
    expect(youth.months.map((m) => m.incidents)).toEqual([2, 0, 0]);
    expect(youth.byCategory).toEqual([{ category: 'overlast_jeugd', count: 2 }]);
    expect(youth.buurten).toEqual([
      { id: buurtA, name: 'Aa-buurt', incidents: 2, signals: 6, openCases: null },
      { id: buurtB, name: 'Bee-buurt', incidents: 0, signals: null, openCases: null },
    ]);
    expect(youth.hotspots.map((h) => h.count)).toEqual([2]);
    expect(youth.months.find((m) => m.month === thisMonth)?.signals).toBe(8);

    const burglary = bodyOf(
      await reg.get(`/api/v1/areas/${wijk}/picture?${period}&category=inbraak`),
      areaPictureSchema,
    );
    // The burglary of 30 September lies before the period: one in November is left.
    expect(burglary.months.map((m) => m.incidents)).toEqual([0, 1, 0]);
    expect(burglary.byCategory).toEqual([{ category: 'inbraak', count: 1 }]);
    expect(burglary.buurten.map((b) => b.incidents)).toEqual([0, 1]);
    expect(burglary.hotspots).toEqual([]);

    // A kind the municipality has but nothing happened of: zeros, not an error.
    const none = bodyOf(
      await reg.get(`/api/v1/areas/${buurtA}/picture?${period}&category=hennep`),
      areaPictureSchema,
    );
    expect(none.months.map((m) => m.incidents)).toEqual([0, 0, 0]);
    expect(none.byCategory).toEqual([]);
    expect(none.buurten).toEqual([
      { id: buurtA, name: 'Aa-buurt', incidents: 0, signals: 6, openCases: null },
    ]);
  });

  it('names an unknown or empty category', async () => {
    expectProblem(await reg.get(`/api/v1/areas/${wijk}/picture?category=onbekend`), 400, ['category']);
    expectProblem(await reg.get(`/api/v1/areas/${wijk}/picture?category=`), 400, ['category']);
    expectProblem(await reg.get(`/api/v1/areas/${wijk}/picture?category=${'x'.repeat(61)}`), 400, [
      'category',
    ]);
  });

  it('names a wrong period or id', async () => {
    expectProblem(await reg.get(`/api/v1/areas/${wijk}/picture?from=gisteren`), 400, ['from']);
    expectProblem(await reg.get(`/api/v1/areas/${wijk}/picture?from=2026-10-01&to=2026-09-01`), 400, ['to']);
    expectProblem(await reg.get(`/api/v1/areas/${wijk}/picture?tot=2026-09-01`), 400, ['tot']);
    expectProblem(await reg.get('/api/v1/areas/geen-id/picture'), 400, ['id']);
    expectProblem(await reg.get('/api/v1/areas/00000000-0000-4000-8000-000000000000/picture'), 404);
  });
});

describe('the neighbourhood report', () => {
  it('is a PDF of the area with its months, kinds, buurten and approach — numbers only, "<5" for few people', async () => {
    await reg.post('/api/v1/approaches', {
      areaId: wijk,
      title: 'Rust in Zevenhoven',
      jointGoal: 'Minder overlast van jongeren bij de winkels',
      startDate: '2026-09-01',
      partnerIds: [t.partners.politie],
      commitments: [{ partnerId: t.partners.politie, text: 'Extra surveillance in het weekend' }],
    });
    const res = await (await loggedIn(app, t.auditor)).get(
      `/api/v1/areas/${wijk}/report.pdf?from=2026-10-01&to=2026-12-31`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="wijkbeeld-WK7-2026-10-01-2026-12-31.pdf"',
    );
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(res.rawPayload);
    expect(text).toContain('Wijkbeeld wijk Zevenhoven');
    expect(text).toContain('Overlast jeugd: 2');
    expect(text).toContain('Aa-buurt: 3 incidenten, 6 signalen, <5 open casussen');
    expect(text).toContain('Bee-buurt: 1 incidenten, <5 signalen');
    expect(text).toContain('Rust in Zevenhoven');
    expect(text).toContain('Extra surveillance in het weekend');
    // No record and no name: not the signals' text, not the case title, not a user.
    expect(text).not.toMatch(/Overlast"|Aanpak winkelcentrum|@/);
  });

  it('is for logged-in users of the municipality only', async () => {
    expectProblem(await new Anonymous(app).get(`/api/v1/areas/${wijk}/report.pdf`), 401);
    const other = await newTenant();
    expectProblem(await (await loggedIn(app, other.regisseur)).get(`/api/v1/areas/${wijk}/report.pdf`), 404);
    expectProblem(await reg.get(`/api/v1/areas/${wijk}/report.pdf?from=morgen`), 400, ['from']);
  });
});
