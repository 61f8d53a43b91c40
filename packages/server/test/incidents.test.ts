import {
  areaImportResultSchema,
  areaListSchema,
  incidentCategoryListSchema,
  incidentSchema,
} from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { col, oneRow } from '../src/db/rows.js';
import { bodyOf, Client, expectProblem, loggedIn, newTenant, testApp, testDb } from './helpers.js';

/*
 * Incidents (issue 13): place-based events entered by hand. A place, never a person; the buurt comes from
 * the point; the same registration of a source twice is one incident.
 */

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});

const square = (lng: number, lat: number, size = 0.01) => ({
  type: 'Polygon',
  coordinates: [
    [
      [lng, lat],
      [lng + size, lat],
      [lng + size, lat + size],
      [lng, lat + size],
      [lng, lat],
    ],
  ],
});

async function incidentsOf(tenantId: string): Promise<number> {
  const { n } = await oneRow(
    await testDb(),
    z.object({ n: col.int }),
    'SELECT count(*)::int AS n FROM incidents WHERE tenant_id = $1',
    [tenantId],
  );
  return n;
}

describe('incidents', () => {
  it('records an incident with its buurt from the point, or without a buurt by address only', async () => {
    const t = await newTenant();
    const admin = await loggedIn(app, t.admin);
    bodyOf(
      await admin.post('/api/v1/areas/import', {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { wijkcode: 'WK1', wijknaam: 'Noord' },
            geometry: square(5.1, 52.1, 0.02),
          },
          {
            type: 'Feature',
            properties: { buurtcode: 'BU11', buurtnaam: 'Kern', wijkcode: 'WK1' },
            geometry: square(5.1, 52.1),
          },
        ],
      }),
      areaImportResultSchema,
    );
    const kern = bodyOf(
      await (await loggedIn(app, t.regisseur)).get('/api/v1/areas'),
      areaListSchema,
    ).items.find((a) => a.code === 'BU11');

    const cop = await loggedIn(app, t.professional);
    const atPoint = bodyOf(
      await cop.post('/api/v1/incidents', {
        category: 'overlast_jeugd',
        occurredAt: '2026-11-20T22:15:00+01:00',
        lat: 52.105,
        lng: 5.105,
        description: 'Groep jongeren bij het winkelcentrum, vuurwerk',
        source: 'politie-bvh',
        externalId: 'PL0900-2026112001',
      }),
      incidentSchema,
      201,
    );
    expect(atPoint).toMatchObject({
      category: 'overlast_jeugd',
      areaId: kern?.id,
      externalId: 'PL0900-2026112001',
    });
    expect(atPoint.occurredAt).toBe('2026-11-20T21:15:00.000Z');
    // In the wijk but outside its only buurt: the wijk.
    const inWijk = bodyOf(
      await cop.post('/api/v1/incidents', {
        category: 'vernieling',
        occurredAt: '2026-11-21T10:00:00Z',
        lat: 52.115,
        lng: 5.115,
        source: 'handhaving',
      }),
      incidentSchema,
      201,
    );
    expect(inWijk.areaId).not.toBe(kern?.id);
    expect(inWijk.areaId).not.toBeNull();
    const byAddress = bodyOf(
      await (await loggedIn(app, t.regisseur)).post('/api/v1/incidents', {
        category: 'leegstand',
        occurredAt: '2026-11-01T09:00:00Z',
        address: 'Kerkstraat 12, 9991 AB Voorbeeldstad',
        source: 'gemeente',
      }),
      incidentSchema,
      201,
    );
    expect(byAddress).toMatchObject({
      lat: null,
      lng: null,
      areaId: null,
      address: 'Kerkstraat 12, 9991 AB Voorbeeldstad',
    });

    // The same registration again is refused and not stored twice.
    const before = await incidentsOf(t.id);
    expectProblem(
      await cop.post('/api/v1/incidents', {
        category: 'overlast_jeugd',
        occurredAt: '2026-11-20T22:15:00+01:00',
        lat: 52.105,
        lng: 5.105,
        source: 'politie-bvh',
        externalId: 'PL0900-2026112001',
      }),
      409,
      ['externalId'],
    );
    expect(await incidentsOf(t.id)).toBe(before);
  });

  it('names the wrong field and stores nothing', async () => {
    const t = await newTenant();
    const cop = await loggedIn(app, t.professional);
    const ok = {
      category: 'inbraak',
      occurredAt: '2026-11-01T02:00:00Z',
      lat: 52.1,
      lng: 5.1,
      source: 'politie',
    };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...ok, category: 'moord_en_brand' }, 'category'],
      [{ ...ok, occurredAt: 'gisteren' }, 'occurredAt'],
      [{ ...ok, occurredAt: new Date(Date.now() + 86_400_000).toISOString() }, 'occurredAt'],
      [{ ...ok, lng: undefined }, 'lng'],
      [{ ...ok, lat: 95 }, 'lat'],
      [{ category: 'inbraak', occurredAt: ok.occurredAt, source: 'politie' }, 'address'],
      [{ ...ok, source: '' }, 'source'],
      [{ ...ok, personId: '00000000-0000-4000-8000-000000000000' }, 'personId'],
    ];
    for (const [body, field] of cases) {
      expectProblem(await cop.post('/api/v1/incidents', body), 400, [field]);
    }
    expect(await incidentsOf(t.id)).toBe(0);
  });

  it('is for the professionals and the regisseur; the kinds are for every logged-in user', async () => {
    const t = await newTenant();
    const body = {
      category: 'drugs',
      occurredAt: '2026-11-01T02:00:00Z',
      lat: 52.1,
      lng: 5.1,
      source: 'politie',
    };
    for (const user of [t.admin, t.auditor]) {
      expectProblem(await (await loggedIn(app, user)).post('/api/v1/incidents', body), 403);
    }
    expectProblem(await new Client(app).post('/api/v1/incidents', body), 401);
    expect(await incidentsOf(t.id)).toBe(0);

    for (const user of [t.admin, t.regisseur, t.professional, t.auditor]) {
      const kinds = bodyOf(
        await (await loggedIn(app, user)).get('/api/v1/incident-categories'),
        incidentCategoryListSchema,
      );
      expect(kinds.items.map((k) => k.key)).toContain('overlast_jeugd');
      expect(kinds.items.find((k) => k.key === 'hennep')?.label).toBe('Hennepkwekerij');
    }
    expectProblem(await new Client(app).get('/api/v1/incident-categories'), 401);
  });
});
