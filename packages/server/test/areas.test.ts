import {
  type AreaGeometry,
  areaGeometrySchema,
  areaImportResultSchema,
  areaListSchema,
  areaSchema,
  observationSchema,
  signalSchema,
  subjectSchema,
} from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { col, rows } from '../src/db/rows.js';
import { toWgs84 } from '../src/lib/geo.js';
import { bodyOf, Client, expectProblem, loggedIn, newTenant, rectangle, testApp, testDb } from './helpers.js';

/*
 * The municipality's own map (issue 13): wijken and buurten drawn by the administrator or loaded from
 * the CBS Wijk- en Buurtkaart in RD New or WGS84; every point (signal, location, incident) gets the buurt
 * it lies in.
 */

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});

/** A rectangle in RD New metres, as CBS publishes outlines. */
const rdBox = (x0: number, y0: number, x1: number, y1: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
      [x0, y0],
    ],
  ],
});

/** A point given in RD New, in WGS84 (lat, lng). */
function rdPoint(x: number, y: number): { lat: number; lng: number } {
  const g = toWgs84({ type: 'Polygon', coordinates: [[[x, y]]] });
  const [lng, lat] = g.type === 'Polygon' ? (g.coordinates[0]?.[0] ?? [0, 0]) : [0, 0];
  return { lat, lng };
}

/** A wijk of two buurten near Amsterdam's centre (RD x 120–122 km, y 487–489 km). */
const cbsFile = (wijkName = 'Centrum') => ({
  type: 'FeatureCollection',
  crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } },
  features: [
    {
      type: 'Feature',
      properties: {
        buurtcode: 'BU03630001',
        buurtnaam: 'Oost',
        wijkcode: 'WK036300',
        gemeentecode: 'GM0363',
      },
      geometry: rdBox(121000, 487000, 122000, 489000),
    },
    {
      type: 'Feature',
      properties: { wijkcode: 'WK036300', wijknaam: wijkName, gemeentecode: 'GM0363' },
      geometry: rdBox(120000, 487000, 122000, 489000),
    },
    {
      type: 'Feature',
      properties: { buurtcode: 'BU03630000', buurtnaam: 'West', wijkcode: 'WK036300' },
      geometry: rdBox(120000, 487000, 121000, 489000),
    },
    { type: 'Feature', properties: { naam: 'zonder code' }, geometry: rdBox(0, 300000, 1, 300001) },
    {
      type: 'Feature',
      properties: { buurtcode: 'BU03630002', buurtnaam: 'Leeg', wijkcode: 'WK036300' },
      geometry: null,
    },
    {
      type: 'Feature',
      properties: { buurtcode: 'BU03639900', buurtnaam: 'Elders', wijkcode: 'WK036399' },
      geometry: rdBox(130000, 487000, 131000, 488000),
    },
    {
      type: 'Feature',
      properties: { buurtcode: 'BU03630000', buurtnaam: 'West weer', wijkcode: 'WK036300' },
      geometry: rdBox(120000, 487000, 121000, 489000),
    },
  ],
});

async function areaOfRow(table: 'locations' | 'signals' | 'observations', id: string) {
  const db = await testDb();
  const found = await rows(
    db,
    z.object({ area_id: col.uuid.nullable() }),
    `SELECT area_id FROM ${table} WHERE id = $1`,
    [id],
  );
  return found[0]?.area_id ?? null;
}

describe('loading the Wijk- en Buurtkaart', () => {
  it('creates wijken and buurten from RD New, reports what it cannot read, and updates on a second load', async () => {
    const t = await newTenant();
    const admin = await loggedIn(app, t.admin);
    const reg = await loggedIn(app, t.regisseur);
    const inWest = rdPoint(120500, 488000);
    // A location registered before the map existed: no buurt yet.
    const loc = bodyOf(
      await reg.post('/api/v1/locations', { name: 'Speeltuin West', ...inWest }),
      subjectSchema,
      201,
    );
    expect(await areaOfRow('locations', loc.id)).toBeNull();

    const first = bodyOf(await admin.post('/api/v1/areas/import', cbsFile()), areaImportResultSchema);
    expect(first.created).toBe(3);
    expect(first.updated).toBe(0);
    expect(first.rejected.map((r) => r.feature)).toEqual([4, 5, 6, 7]);
    expect(first.rejected[0]?.message).toMatch(/geen wijkcode of buurtcode/);
    expect(first.rejected[1]?.message).toMatch(/geen geometrie/);
    expect(first.rejected[2]?.message).toMatch(/wijk WK036399 bestaat niet/);
    expect(first.rejected[3]?.message).toMatch(/dubbel/);

    const areas = bodyOf(await reg.get('/api/v1/areas'), areaListSchema).items;
    const wijk = areas.find((a) => a.code === 'WK036300');
    const west = areas.find((a) => a.code === 'BU03630000');
    expect(wijk).toMatchObject({ kind: 'wijk', name: 'Centrum', parentId: null });
    expect(west).toMatchObject({ kind: 'buurt', name: 'West', parentId: wijk?.id });
    // Stored in WGS84: Amsterdam's centre lies about 52.37 N, 4.9 E.
    const outline = areaGeometrySchema.parse(west?.geometry) as AreaGeometry;
    const [lng, lat] = outline.type === 'Polygon' ? (outline.coordinates[0]?.[0] ?? []) : [];
    expect(lat).toBeGreaterThan(52.3);
    expect(lat).toBeLessThan(52.4);
    expect(lng).toBeGreaterThan(4.85);
    expect(lng).toBeLessThan(4.95);

    // The location now lies in buurt West; a new signal at the same point gets it too.
    expect(await areaOfRow('locations', loc.id)).toBe(west?.id);
    const signal = bodyOf(
      await reg.post('/api/v1/signals', {
        category: 'woonoverlast',
        description: 'Geluid',
        source: 'professional',
        location: inWest,
      }),
      signalSchema,
      201,
    );
    expect(signal.areaId).toBe(west?.id);

    // The same file again: the areas are updated, not doubled; a new name is taken over.
    const again = bodyOf(
      await admin.post('/api/v1/areas/import', cbsFile('Binnenstad')),
      areaImportResultSchema,
    );
    expect(again).toMatchObject({ created: 0, updated: 3 });
    const after = bodyOf(await reg.get('/api/v1/areas'), areaListSchema).items;
    expect(after.filter((a) => a.code.startsWith('WK0363') || a.code.startsWith('BU0363'))).toHaveLength(3);
    expect(after.find((a) => a.code === 'WK036300')?.name).toBe('Binnenstad');
  });

  it('accepts WGS84 and the older CBS property names (BU_CODE, WK_NAAM…)', async () => {
    const t = await newTenant();
    const admin = await loggedIn(app, t.admin);
    const result = bodyOf(
      await admin.post('/api/v1/areas/import', {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { WK_CODE: 'WK099901', WK_NAAM: 'Noord' },
            geometry: rectangle(5.1, 52.1, 0.01),
          },
          {
            type: 'Feature',
            properties: { BU_CODE: 'BU09990101', BU_NAAM: 'Kern', WK_CODE: 'WK099901' },
            geometry: rectangle(5.1, 52.1, 0.01),
          },
        ],
      }),
      areaImportResultSchema,
    );
    expect(result).toEqual({ created: 2, updated: 0, rejected: [] });
  });

  it('is for the administrator only, and refuses what is not a FeatureCollection', async () => {
    const t = await newTenant();
    for (const user of [t.regisseur, t.professional, t.auditor]) {
      expectProblem(await (await loggedIn(app, user)).post('/api/v1/areas/import', cbsFile()), 403);
    }
    expectProblem(await new Client(app).post('/api/v1/areas/import', cbsFile()), 401);
    const admin = await loggedIn(app, t.admin);
    expectProblem(await admin.post('/api/v1/areas/import', { type: 'Feature', features: [] }), 400, ['type']);
    expectProblem(await admin.post('/api/v1/areas/import', { type: 'FeatureCollection' }), 400, ['features']);
    expect(bodyOf(await admin.get('/api/v1/areas'), areaListSchema).items).toHaveLength(0);
  });
});

describe('drawing an area', () => {
  it('creates a wijk and a buurt in it; RD New is converted; a taken code is 409', async () => {
    const t = await newTenant();
    const admin = await loggedIn(app, t.admin);
    const wijk = bodyOf(
      await admin.post('/api/v1/areas', {
        name: 'Zuid',
        kind: 'wijk',
        geometry: rdBox(150000, 460000, 152000, 462000),
      }),
      areaSchema,
      201,
    );
    expect(wijk.code).toMatch(/^WRW\d{4}$/);
    const buurt = bodyOf(
      await admin.post('/api/v1/areas', {
        name: 'Zuid-Oost',
        kind: 'buurt',
        code: 'BUZ1',
        parentId: wijk.id,
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [5.35, 52.14],
              [5.36, 52.14],
              [5.36, 52.15],
              [5.35, 52.14],
            ],
          ],
        },
      }),
      areaSchema,
      201,
    );
    expect(buurt).toMatchObject({ kind: 'buurt', code: 'BUZ1', parentId: wijk.id });
    const g = areaGeometrySchema.parse(wijk.geometry);
    const first = g.type === 'Polygon' ? g.coordinates[0]?.[0] : undefined;
    expect(first?.[1]).toBeGreaterThan(52.1);
    expect(first?.[1]).toBeLessThan(52.2);

    expectProblem(
      await admin.post('/api/v1/areas', {
        name: 'Nog een',
        kind: 'wijk',
        code: 'BUZ1',
        geometry: rdBox(1, 300000, 2, 300001),
      }),
      409,
      ['code'],
    );
  });

  it('names the field that is wrong and stores nothing; only the administrator may', async () => {
    const t = await newTenant();
    const admin = await loggedIn(app, t.admin);
    const geometry = rdBox(150000, 460000, 152000, 462000);
    expectProblem(await admin.post('/api/v1/areas', { name: 'B', kind: 'buurt', geometry }), 400, [
      'parentId',
    ]);
    expectProblem(await admin.post('/api/v1/areas', { name: '', kind: 'wijk', geometry }), 400, ['name']);
    expectProblem(
      await admin.post('/api/v1/areas', {
        name: 'W',
        kind: 'wijk',
        geometry: { type: 'Point', coordinates: [5, 52] },
      }),
      400,
      ['geometry.type'],
    );
    expectProblem(
      await admin.post('/api/v1/areas', {
        name: 'B',
        kind: 'buurt',
        parentId: '00000000-0000-4000-8000-000000000000',
        geometry,
      }),
      400,
      ['parentId'],
    );
    expect(bodyOf(await admin.get('/api/v1/areas'), areaListSchema).items).toHaveLength(0);
    for (const user of [t.regisseur, t.professional]) {
      expectProblem(
        await (await loggedIn(app, user)).post('/api/v1/areas', { name: 'W', kind: 'wijk', geometry }),
        403,
      );
    }
  });

  it('moves a field note with a pin into the buurt drawn around it; a note outside every buurt keeps its area', async () => {
    const t = await newTenant();
    const admin = await loggedIn(app, t.admin);
    const reg = await loggedIn(app, t.regisseur);
    const wijk = bodyOf(
      await admin.post('/api/v1/areas', { name: 'Oost', kind: 'wijk', geometry: rectangle(5.2, 52.2, 0.02) }),
      areaSchema,
      201,
    );
    const note = (lat: number, lng: number) =>
      reg.post('/api/v1/observations', {
        areaId: wijk.id,
        date: '2026-11-30',
        kind: 'walk',
        topics: ['verlichting'],
        text: 'Lantaarnpalen kapot langs het fietspad',
        lat,
        lng,
      });
    const inside = bodyOf(await note(52.205, 5.205), observationSchema, 201);
    const elsewhere = bodyOf(await note(52.215, 5.215), observationSchema, 201);
    expect(inside.areaId).toBe(wijk.id);

    const buurt = bodyOf(
      await admin.post('/api/v1/areas', {
        name: 'Oost-Zuid',
        kind: 'buurt',
        parentId: wijk.id,
        geometry: rectangle(5.2, 52.2, 0.01),
      }),
      areaSchema,
      201,
    );
    expect(await areaOfRow('observations', inside.id)).toBe(buurt.id);
    // Outside the new buurt the point lies in the wijk alone: the note goes on belonging to the wijk.
    expect(await areaOfRow('observations', elsewhere.id)).toBe(wijk.id);
  });
});
