import {
  publicCategoryListSchema,
  publicReportReceiptSchema,
  publicReportStatusSchema,
  signalListSchema,
} from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { bodyOf, expectProblem, loggedIn, newTenant, type TestTenant, testApp } from './helpers.js';

let app: FastifyInstance;
let t: TestTenant;
let n = 0;
/**
 * Each test call comes from its own address, so the rate limit (kept in the database) couples
 * neither tests nor runs on one PostgreSQL database.
 */
const run = `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
const post = (payload: object, ip = `${run}.${++n}`) =>
  app.inject({
    method: 'POST',
    url: `/api/public/v1/reports?gemeente=${t.id}`,
    payload,
    remoteAddress: ip,
  });

beforeAll(async () => {
  app = await testApp();
  t = await newTenant(['gemeente', 'politie', 'wijkteam']);
});

describe('resident reports', () => {
  it('become a resident signal in the inbox; the resident follows it by code and sees no names', async () => {
    const res = await post({
      category: 'overlast_jeugd',
      description: 'Elke avond jongeren met scooters bij het speelveld, <script>alert(1)</script>',
      location: { street: 'Parkweg', houseNumber: '12', postalCode: '1234AB', city: 'Voorbeeldstad' },
      contact: { name: 'Jan Buurman', email: 'jan@example.nl' },
    });
    expect(res.statusCode).toBe(201);
    const { trackingCode } = bodyOf(res, publicReportReceiptSchema, 201);
    expect(trackingCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const reg = await loggedIn(app, t.regisseur);
    const inboxRes = await reg.get('/api/v1/signals?source=resident');
    const inbox = bodyOf(inboxRes, signalListSchema);
    const sig = inbox.items.find((s) => s.description.startsWith('Elke avond'))!;
    expect(sig.source).toBe('resident');
    // Stored as text; the API never returns the tracking code to staff.
    expect(sig.description).toContain('<script>');
    expect(inboxRes.body).not.toContain(trackingCode);
    await reg.patch(`/api/v1/signals/${sig.id}`, {
      status: 'triage',
      publicUpdate: 'De wijkagent en het jongerenwerk gaan in gesprek met de jongeren.',
    });
    const track = await app.inject({
      method: 'GET',
      url: `/api/public/v1/reports/${trackingCode}`,
      remoteAddress: '10.1.0.1',
    });
    expect(track.statusCode).toBe(200);
    const body = bodyOf(track, publicReportStatusSchema);
    expect(body.status).toBe('triage');
    expect(body.updates.map((u) => u.text)).toEqual([
      'Uw melding is ontvangen.',
      'De wijkagent en het jongerenwerk gaan in gesprek met de jongeren.',
    ]);
    expect(track.body).not.toContain(t.regisseur.name);
    expect(track.body).not.toContain('Jan Buurman');
    expect(track.body).not.toMatch(/politie|wijkteam/);
    expectProblem(await app.inject({ method: 'GET', url: '/api/public/v1/reports/AAAA-BBBB-CCCC' }), 404);
  });

  it('validates, limits length, and rejects unknown fields and staff-only categories', async () => {
    expectProblem(await post({ category: 'overlast_jeugd', description: 'kort' }), 400, ['description']);
    expectProblem(await post({ category: 'overlast_jeugd', description: 'x'.repeat(2001) }), 400, [
      'description',
    ]);
    expectProblem(
      await post({ category: 'achterstand_huur', description: 'Mijn buren betalen hun huur niet' }),
      400,
      ['category'],
    );
    expectProblem(
      await post({ category: 'overlast_jeugd', description: 'Lang genoeg verhaal', admin: true }),
      400,
      ['admin'],
    );
    expectProblem(
      await post({
        category: 'overlast_jeugd',
        description: 'Lang genoeg verhaal',
        contact: { email: 'geen-mail' },
      }),
      400,
      ['contact.email'],
    );
    expectProblem(
      await app.inject({
        method: 'POST',
        url: '/api/public/v1/reports?gemeente=00000000-0000-4000-8000-000000000000',
        payload: { category: 'overlast_jeugd', description: 'Lang genoeg verhaal' },
      }),
      400,
      ['gemeente'],
    );
  });

  it('a filled honeypot gets a receipt but stores nothing', async () => {
    const reg = await loggedIn(app, t.regisseur);
    const before = bodyOf(await reg.get('/api/v1/signals?source=resident'), signalListSchema).total;
    const res = await post({
      category: 'overig',
      description: 'Koop goedkope horloges hier',
      website: 'http://spam.example',
    });
    expect(res.statusCode).toBe(201);
    const code = bodyOf(res, publicReportReceiptSchema, 201).trackingCode;
    expect(bodyOf(await reg.get('/api/v1/signals?source=resident'), signalListSchema).total).toBe(before);
    expectProblem(
      await app.inject({ method: 'GET', url: `/api/public/v1/reports/${code}`, remoteAddress: '10.2.0.1' }),
      404,
    );
  });

  it('limits reports per address', async () => {
    const ip = `11.${run.slice(3)}.1`;
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push(
        (
          await post(
            { category: 'overig', description: `Melding nummer ${i} van dezelfde`, website: 'x' },
            ip,
          )
        ).statusCode,
      );
    }
    expect(statuses.slice(0, 5)).toEqual([201, 201, 201, 201, 201]);
    expectProblem(await post({ category: 'overig', description: 'Nog een melding van dezelfde' }, ip), 429);
  });

  it('lists only the categories residents may choose', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/public/v1/categories?gemeente=${t.id}` });
    const keys = bodyOf(res, publicCategoryListSchema).items.map((c) => c.key);
    expect(keys).toContain('overlast_jeugd');
    expect(keys).not.toContain('achterstand_huur');
  });
});

describe('contact details', () => {
  it('may be free text or parts, and are never shown on the tracking page', async () => {
    const res = await post({
      category: 'overig',
      description: 'Kapotte lantaarnpaal al een week',
      contact: '06-12345678',
    });
    expect(res.statusCode).toBe(201);
    const code = bodyOf(res, publicReportReceiptSchema, 201).trackingCode;
    const track = await app.inject({
      method: 'GET',
      url: `/api/public/v1/reports/${code}`,
      remoteAddress: '10.3.0.1',
    });
    expect(track.body).not.toContain('06-12345678');
  });
});

describe('the map', () => {
  it('shows the public boundaries of wijken and buurten without login', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/public/v1/areas?gemeente=${t.id}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toHaveProperty('items');
    expectProblem(await app.inject({ method: 'GET', url: '/api/public/v1/areas?gemeente=geen-id' }), 400, [
      'gemeente',
    ]);
  });
});
