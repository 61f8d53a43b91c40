import {
  importAnswerSchema,
  importProgressSchema,
  incidentCategoryListSchema,
  incidentSchema,
} from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { col, oneRow, rows } from '../src/db/rows.js';
import { bodyOf, Client, expectProblem, loadMap, loggedIn, newTenant, testApp, testDb } from './helpers.js';

/*
 * Incidents (issue 13): place-based events entered by hand. A place, never a person; the buurt comes from
 * the point; the same registration of a source twice is one incident.
 */

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
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
    const ids = await loadMap(app, t, { code: 'WK1', name: 'Noord', box: [5.1, 52.1, 0.02] }, [
      { code: 'BU11', name: 'Kern', box: [5.1, 52.1, 0.01] },
    ]);
    const kern = { id: ids.BU11 };

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

const HEADER = 'source;externalId;category;occurredAt;street;houseNumber;postalCode;lat;lng;description';
const csv = (...lines: string[]) => `\uFEFF${[HEADER, ...lines].join('\r\n')}\r\n`;
const upload = (c: Client, body: string, type = 'text/csv') =>
  c.request({
    method: 'POST',
    url: '/api/v1/incidents/import',
    headers: { 'content-type': type },
    payload: body,
  });

describe('the incident import', () => {
  it('imports a partner export row by row, with Dutch reasons; the same file again only finds duplicates', async () => {
    const t = await newTenant();
    const ids = await loadMap(app, t, { code: 'WK1', name: 'Noord', box: [5.1, 52.1, 0.01] }, [
      { code: 'BU11', name: 'Kern', box: [5.1, 52.1, 0.01] },
    ]);
    const kern = { id: ids.BU11 };
    const cop = await loggedIn(app, t.professional);
    const file = csv(
      'politie-bvh;A1;overlast_jeugd;2026-11-20T22:15:00+01:00;;;;52,105;5,105;Groep bij de speeltuin',
      'politie-bvh;A2;Hennepkwekerij;20-11-2026 10:30;Kerkstraat;12a;9991 ab;;;',
      'gemeente;;leegstand;2026-10-01;Marktplein;1;;;;Winkel staat leeg',
      'politie-bvh;A3;moord;2026-11-20 10:00;;;;52.1;5.1;',
      'politie-bvh;A4;inbraak;2099-01-01 10:00;;;;52.1;5.1;',
      'politie-bvh;A5;inbraak;2026-11-01 03:00;Dorpsweg;7;12345;;;',
      'politie-bvh;A6;inbraak;2026-11-01 03:00;;;;52.1;;',
      'politie-bvh;A7;inbraak;2026-11-01 03:00;;;;;;',
      'politie-bvh;A1;overlast_jeugd;2026-11-20T22:15:00+01:00;;;;52,105;5,105;dubbel in het bestand',
      'te;weinig;velden',
    );
    const first = bodyOf(await upload(cop, file), importAnswerSchema);
    expect(first.imported).toBe(3);
    expect(first.duplicates).toBe(1);
    expect(first.rejected.map((r) => r.line)).toEqual([5, 6, 7, 8, 9, 11]);
    const reason = (line: number) => first.rejected.find((r) => r.line === line)?.message ?? '';
    expect(reason(5)).toMatch(/soort \(kolom category\): onbekende soort incident/);
    expect(reason(6)).toMatch(/tijdstip \(kolom occurredAt\): ligt in de toekomst/);
    expect(reason(7)).toMatch(/postcode \(kolom postalCode\): geen geldige postcode/);
    expect(reason(8)).toMatch(/geef breedte- en lengtegraad samen/);
    expect(reason(9)).toMatch(/geef een plek/);
    expect(reason(11)).toMatch(/3 velden in plaats van 10/);

    const stored = await rows(
      await testDb(),
      z.object({
        external_id: col.text.nullable(),
        category: col.text,
        area_id: col.uuid.nullable(),
        address: col.text.nullable(),
        occurred_at: col.timestamp,
      }),
      'SELECT external_id, category, area_id, address, occurred_at FROM incidents WHERE tenant_id = $1 ORDER BY occurred_at',
      [t.id],
    );
    expect(stored.map((r) => [r.external_id, r.category])).toEqual([
      [null, 'leegstand'],
      ['A2', 'hennep'],
      ['A1', 'overlast_jeugd'],
    ]);
    expect(stored[2]?.area_id).toBe(kern?.id);
    expect(stored[1]).toMatchObject({ area_id: null, address: 'Kerkstraat 12A, 9991 AB' });
    // "20-11-2026 10:30" is Amsterdam time (UTC+1 in November); a date alone is noon.
    expect(stored[1]?.occurred_at.toISOString()).toBe('2026-11-20T09:30:00.000Z');
    expect(stored[0]?.occurred_at.toISOString()).toBe('2026-10-01T10:00:00.000Z');

    const progress = bodyOf(await cop.get('/api/v1/incidents/imports/current'), importProgressSchema);
    expect(progress).toMatchObject({ status: 'done', lines: 10, imported: 3, duplicates: 1, rejected: 6 });

    // Read again (say after an interruption): the numbered rows are duplicates; the unnumbered one is new.
    const again = bodyOf(await upload(cop, file), importAnswerSchema);
    expect(again).toMatchObject({ imported: 1, duplicates: 3 });
  });

  it('refuses a wrong header, an empty file or another content type, and stores nothing', async () => {
    const t = await newTenant();
    const cop = await loggedIn(app, t.professional);
    const wrong = await upload(cop, 'source;externalId;soort;occurredAt\r\npolitie;1;drugs;2026-11-01\r\n');
    expectProblem(wrong, 400, ['(body)']);
    expect(wrong.json().detail).toMatch(/onbekende kolom "soort".*soort \(kolom category\) ontbreekt/);
    expectProblem(await upload(cop, ''), 400);
    expectProblem(await upload(cop, csv('politie;1;drugs;2026-11-01;;;;52.1;5.1;'), 'application/json'), 400);
    expectProblem(await upload(cop, csv('politie;1;drugs;2026-11-01;;;;52.1;5.1;'), 'text/plain'), 415);
    expect(await incidentsOf(t.id)).toBe(0);
  });

  it('is for the professionals and the regisseur', async () => {
    const t = await newTenant();
    const file = csv('politie;1;drugs;2026-11-01 10:00;;;;52.1;5.1;');
    for (const user of [t.admin, t.auditor]) {
      const c = await loggedIn(app, user);
      expectProblem(await upload(c, file), 403);
      expectProblem(await c.get('/api/v1/incidents/imports/current'), 403);
    }
    expectProblem(await upload(new Client(app), file), 401);
    expect(await incidentsOf(t.id)).toBe(0);
    expectProblem(await (await loggedIn(app, t.regisseur)).get('/api/v1/incidents/imports/current'), 404);
    bodyOf(await upload(await loggedIn(app, t.regisseur), file), importAnswerSchema);
    expect(await incidentsOf(t.id)).toBe(1);
  });
});
