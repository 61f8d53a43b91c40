import {
  groupMemberSchema,
  groupReportListSchema,
  groupReportReceiptSchema,
  publicReportStatusSchema,
  residentGroupListSchema,
  residentGroupSchema,
  signalListSchema,
  signalSchema,
} from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { col, rows } from '../src/db/rows.js';
import {
  bodyOf,
  type Client,
  expectProblem,
  loadMap,
  loggedIn,
  newTenant,
  type TestTenant,
  type TestUser,
  testApp,
  testDb,
} from './helpers.js';

/*
 * Resident groups (issue 14): a group with its areas, coordinator and members, whose contact data only
 * the regisseur and the coordinator read; a group's report goes into the signal inbox marked with the
 * group and its urgency, and the group follows it with a tracking code.
 */

let app: FastifyInstance;
let t: TestTenant;
let other: TestTenant;
let reg: Client;
let prof: Client;
let coordinator: TestUser;
let coord: Client;
let wijk: string;
let buurt: string;

beforeAll(async () => {
  // Webhooks to a local address: the test only looks at the deliveries written in the intake's transaction.
  app = await testApp({ webhookAllowPrivate: true });
  t = await newTenant(['gemeente', 'politie', 'wijkteam']);
  other = await newTenant();
  const ids = await loadMap(app, t, { code: 'WK7', name: 'Zevenhoek', box: [5.3, 52.3, 0.02] }, [
    { code: 'BU71', name: 'Lindeplein', box: [5.3, 52.3, 0.01] },
  ]);
  [wijk, buurt] = [ids.WK7 ?? '', ids.BU71 ?? ''];
  coordinator = await t.addUser('wijkteam', ['professional']);
  reg = await loggedIn(app, t.regisseur);
  prof = await loggedIn(app, t.professional);
  coord = await loggedIn(app, coordinator);
});

const groupBody = (extra: Record<string, unknown> = {}) => ({
  name: 'Buurtpreventie Lindeplein',
  kind: 'buurtpreventie',
  areaIds: [buurt],
  contactEmail: 'Preventie@Lindeplein.example',
  coordinatorUserId: coordinator.id,
  ...extra,
});

async function newGroup(extra: Record<string, unknown> = {}) {
  return bodyOf(await reg.post('/api/v1/resident-groups', groupBody(extra)), residentGroupSchema, 201);
}

async function groupRows(groupId: string) {
  const db = await testDb();
  return rows(
    db,
    z.object({ n: col.int }),
    'SELECT count(*) AS n FROM resident_group_members WHERE group_id = $1',
    [groupId],
  );
}

describe('resident groups', () => {
  it('a regisseur registers a group with areas and a coordinator; everybody logged in lists and reads it', async () => {
    const g = await newGroup();
    expect(g).toMatchObject({
      name: 'Buurtpreventie Lindeplein',
      kind: 'buurtpreventie',
      contactEmail: 'preventie@lindeplein.example',
      coordinator: { id: coordinator.id },
      areas: [{ id: buurt, name: 'Lindeplein' }],
      memberCount: 0,
      members: [],
      manages: true,
    });
    for (const user of [t.professional, t.admin, t.auditor]) {
      const c = await loggedIn(app, user);
      const got = bodyOf(await c.get(`/api/v1/resident-groups/${g.id}`), residentGroupSchema);
      expect(got.name).toBe(g.name);
      expect(got.manages).toBe(false);
      const list = bodyOf(await c.get('/api/v1/resident-groups'), residentGroupListSchema);
      expect(list.items.map((i) => i.id)).toContain(g.id);
    }
    // The wijk finds the groups of its buurten; another tenant's area finds nothing of this one.
    const byWijk = bodyOf(await prof.get(`/api/v1/resident-groups?areaId=${wijk}`), residentGroupListSchema);
    expect(byWijk.items.map((i) => i.id)).toContain(g.id);
    const byBuurt = bodyOf(
      await prof.get(`/api/v1/resident-groups?areaId=${buurt}`),
      residentGroupListSchema,
    );
    expect(byBuurt.items.map((i) => i.id)).toContain(g.id);
  });

  it('the coordinator defaults to the creating regisseur', async () => {
    const { coordinatorUserId: _c, ...body } = groupBody({ name: 'Wijkraad Zevenhoek', kind: 'wijkraad' });
    const g = bodyOf(await reg.post('/api/v1/resident-groups', body), residentGroupSchema, 201);
    expect(g.coordinator.id).toBe(t.regisseur.id);
  });

  it('only a regisseur registers a group (others 403, nothing stored)', async () => {
    for (const user of [t.professional, t.admin, t.auditor, coordinator]) {
      const c = await loggedIn(app, user);
      expectProblem(await c.post('/api/v1/resident-groups', groupBody({ name: `Niet ${user.id}` })), 403);
    }
    const list = bodyOf(await reg.get('/api/v1/resident-groups'), residentGroupListSchema);
    expect(list.items.some((i) => i.name.startsWith('Niet '))).toBe(false);
    const anonymous = await app.inject({ method: 'GET', url: '/api/v1/resident-groups' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('answers 400 naming the field for bad input, and stores nothing', async () => {
    const before = bodyOf(await reg.get('/api/v1/resident-groups'), residentGroupListSchema).total;
    expectProblem(
      await reg.post('/api/v1/resident-groups', {
        name: '',
        kind: 'club',
        areaIds: [],
        contactEmail: 'geen',
      }),
      400,
      ['name', 'kind', 'areaIds', 'contactEmail'],
    );
    expectProblem(await reg.post('/api/v1/resident-groups', groupBody({ extra: 1 })), 400);
    const [otherArea] = Object.values(
      await loadMap(app, other, { code: 'WK8', name: 'Elders', box: [5.5, 52.5, 0.02] }, []),
    );
    expectProblem(
      await reg.post('/api/v1/resident-groups', groupBody({ areaIds: [buurt, otherArea] })),
      400,
      ['areaIds.1'],
    );
    expectProblem(
      await reg.post('/api/v1/resident-groups', groupBody({ coordinatorUserId: t.auditor.id })),
      400,
      ['coordinatorUserId'],
    );
    expectProblem(
      await reg.post('/api/v1/resident-groups', groupBody({ coordinatorUserId: other.professional.id })),
      400,
      ['coordinatorUserId'],
    );
    expectProblem(await reg.get('/api/v1/resident-groups?areaId=geen'), 400, ['areaId']);
    expectProblem(await reg.get('/api/v1/resident-groups/geen-id'), 400, ['id']);
    const after = bodyOf(await reg.get('/api/v1/resident-groups'), residentGroupListSchema).total;
    expect(after).toBe(before);
  });

  it("another municipality's group does not exist (404), and is not in its lists", async () => {
    const g = await newGroup({ name: 'Bewonerscommissie Linde', kind: 'bewonerscommissie' });
    const stranger = await loggedIn(app, other.regisseur);
    expectProblem(await stranger.get(`/api/v1/resident-groups/${g.id}`), 404);
    expectProblem(
      await stranger.post(`/api/v1/resident-groups/${g.id}/members`, {
        name: 'X',
        email: 'x@x.nl',
        role: 'lid',
      }),
      404,
    );
    expectProblem(
      await stranger.post(`/api/v1/resident-groups/${g.id}/reports`, {
        category: 'overig',
        description: 'Iets aan de hand',
      }),
      404,
    );
    expectProblem(await stranger.get(`/api/v1/resident-groups/${g.id}/reports`), 404);
    const list = bodyOf(await stranger.get('/api/v1/resident-groups'), residentGroupListSchema);
    expect(list.items.map((i) => i.id)).not.toContain(g.id);
    expect((await groupRows(g.id))[0]?.n).toBe(0);
  });
});

describe('members and their contact data', () => {
  it('the regisseur and the coordinator add members and read their contact data; others read names and roles only', async () => {
    const g = await newGroup({ name: 'Buurtpreventie Eikenlaan' });
    const m1 = bodyOf(
      await coord.post(`/api/v1/resident-groups/${g.id}/members`, {
        name: 'Fatima el Amrani',
        email: 'fatima@example.nl',
        phone: '06-12345678',
        role: 'lid',
      }),
      groupMemberSchema,
      201,
    );
    expect(m1).toMatchObject({ name: 'Fatima el Amrani', email: 'fatima@example.nl', phone: '06-12345678' });
    bodyOf(
      await reg.post(`/api/v1/resident-groups/${g.id}/members`, {
        name: 'Kees de Vries',
        email: 'kees@example.nl',
        role: 'voorzitter',
      }),
      groupMemberSchema,
      201,
    );
    for (const c of [reg, coord]) {
      const got = bodyOf(await c.get(`/api/v1/resident-groups/${g.id}`), residentGroupSchema);
      expect(got.manages).toBe(true);
      expect(got.memberCount).toBe(2);
      expect(got.members.map((m) => m.email).sort()).toEqual(['fatima@example.nl', 'kees@example.nl']);
      expect(got.members.find((m) => m.name === 'Fatima el Amrani')?.phone).toBe('06-12345678');
    }
    for (const user of [t.professional, t.admin, t.auditor]) {
      const c = await loggedIn(app, user);
      const res = await c.get(`/api/v1/resident-groups/${g.id}`);
      const got = bodyOf(res, residentGroupSchema);
      expect(got.members.map((m) => [m.name, m.role])).toEqual([
        ['Fatima el Amrani', 'lid'],
        ['Kees de Vries', 'voorzitter'],
      ]);
      expect(res.body).not.toContain('fatima@example.nl');
      expect(res.body).not.toContain('06-12345678');
      expect(res.body).not.toContain('kees@example.nl');
    }
  });

  it('others may not add or remove members (403, nothing changes); bad input is 400 naming the field', async () => {
    const g = await newGroup({ name: 'Bewonerscommissie Beuk', kind: 'bewonerscommissie' });
    const member = { name: 'Anna', email: 'anna@example.nl', role: 'lid' };
    for (const user of [t.professional, t.admin, t.auditor]) {
      const c = await loggedIn(app, user);
      expectProblem(await c.post(`/api/v1/resident-groups/${g.id}/members`, member), 403);
    }
    const added = bodyOf(
      await coord.post(`/api/v1/resident-groups/${g.id}/members`, member),
      groupMemberSchema,
      201,
    );
    expectProblem(await prof.delete(`/api/v1/resident-groups/${g.id}/members/${added.id}`), 403);
    expectProblem(
      await coord.post(`/api/v1/resident-groups/${g.id}/members`, {
        name: '',
        email: 'nee',
        phone: 'bel me',
        role: '',
      }),
      400,
      ['name', 'email', 'phone', 'role'],
    );
    expectProblem(
      await coord.post(`/api/v1/resident-groups/${g.id}/members`, { ...member, extra: true }),
      400,
    );
    expect((await groupRows(g.id))[0]?.n).toBe(1);
    // The coordinator removes the member; a second time it is gone (404).
    expect((await coord.delete(`/api/v1/resident-groups/${g.id}/members/${added.id}`)).statusCode).toBe(204);
    expectProblem(await coord.delete(`/api/v1/resident-groups/${g.id}/members/${added.id}`), 404);
    expect((await groupRows(g.id))[0]?.n).toBe(0);
    expectProblem(await reg.post(`/api/v1/resident-groups/${crypto.randomUUID()}/members`, member), 404);
  });
});

describe("a group's reports", () => {
  it('become signals with source resident and the group, in the inbox, followed with a tracking code', async () => {
    const g = await newGroup({ name: 'Buurtpreventie Kastanje' });
    const report = bodyOf(
      await coord.post(`/api/v1/resident-groups/${g.id}/reports`, {
        category: 'overlast_jeugd',
        description: 'Groep jongeren bij de speeltuin, vernielingen aan de bankjes',
        location: { street: 'Lindeplein', houseNumber: '4', lat: 52.3, lng: 5.3 },
        occurredAt: '2026-11-30T21:15:00+01:00',
        urgency: 'hoog',
      }),
      groupReportReceiptSchema,
      201,
    );
    expect(report).toMatchObject({
      source: 'resident',
      residentGroupId: g.id,
      residentGroupName: 'Buurtpreventie Kastanje',
      urgency: 'hoog',
      status: 'new',
      areaId: buurt,
      reporterPartnerId: t.partners.wijkteam,
    });
    expect(report.occurredAt).toBe('2026-11-30T20:15:00.000Z');
    expect(report.trackingCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);

    // The inbox: the regisseur sees it, filtered by the group, with group and urgency.
    const inbox = bodyOf(
      await reg.get(`/api/v1/signals?residentGroupId=${g.id}&source=resident`),
      signalListSchema,
    );
    expect(inbox.items.map((s) => [s.id, s.residentGroupName, s.urgency])).toEqual([
      [report.id, 'Buurtpreventie Kastanje', 'hoog'],
    ]);
    const one = bodyOf(await reg.get(`/api/v1/signals/${report.id}`), signalSchema);
    expect(one.residentGroupId).toBe(g.id);
    expect(JSON.stringify(one)).not.toContain(report.trackingCode);

    // The group follows it on the public tracking page.
    const tracked = bodyOf(
      await app.inject({ method: 'GET', url: `/api/public/v1/reports/${report.trackingCode}` }),
      publicReportStatusSchema,
    );
    expect(tracked.status).toBe('new');
    expect(tracked.updates.map((u) => u.text)).toEqual(['De melding van uw groep is ontvangen.']);

    // The group's list of reports, for its managers.
    const list = bodyOf(await coord.get(`/api/v1/resident-groups/${g.id}/reports`), groupReportListSchema);
    expect(list.items).toEqual([
      expect.objectContaining({
        signalId: report.id,
        urgency: 'hoog',
        status: 'new',
        statusText: 'Ontvangen',
        trackingCode: report.trackingCode,
      }),
    ]);
  });

  it('go through the intake: routing, first-contact deadline and the webhook event signal.received', async () => {
    const admin = await loggedIn(app, t.admin);
    const hook = await admin.post('/api/v1/webhooks', {
      url: 'http://127.0.0.1:9/groep',
      events: ['nl.wijkregie.signal.received'],
      secret: 'een-geheim-van-minstens-16',
    });
    expect(hook.statusCode).toBe(201);
    expect(
      (
        await admin.post('/api/v1/signal-routes', {
          category: 'verwaarlozing',
          areaId: buurt,
          partnerId: t.partners.wijkteam,
        })
      ).statusCode,
    ).toBe(201);
    const g = await newGroup({ name: 'Bewonerscommissie Route' });
    const report = bodyOf(
      await reg.post(`/api/v1/resident-groups/${g.id}/reports`, {
        category: 'verwaarlozing',
        description: 'De tuin van nummer 3 groeit dicht, de bewoner is al weken niet gezien',
        location: { lat: 52.3, lng: 5.3 },
        urgency: 'spoed',
      }),
      groupReportReceiptSchema,
      201,
    );
    expect(report.routedPartnerId).toBe(t.partners.wijkteam);
    expect(report.routingReason).toContain('Routeringsregel');
    expect(report.firstContactDue).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const db = await testDb();
    const events = await rows(
      db,
      z.object({ data: col.json }),
      `SELECT data FROM webhook_deliveries WHERE tenant_id = $1 AND event_type = 'nl.wijkregie.signal.received'`,
      [t.id],
    );
    expect(events.map((e) => e.data)).toContainEqual(
      expect.objectContaining({ signalId: report.id, status: 'new', areaId: buurt }),
    );
    // The event carries no text about the report or the group.
    expect(JSON.stringify(events)).not.toContain('Bewonerscommissie Route');
    expect(JSON.stringify(events)).not.toContain('tuin');
  });

  it('a professional takes a report by phone; urgency defaults to normaal; others may not (403)', async () => {
    const g = await newGroup({ name: 'WhatsApp Lindeplein', kind: 'whatsapp' });
    const report = bodyOf(
      await prof.post(`/api/v1/resident-groups/${g.id}/reports`, {
        category: 'woonoverlast',
        description: 'Harde muziek elke nacht op nummer 12',
      }),
      groupReportReceiptSchema,
      201,
    );
    expect(report).toMatchObject({
      urgency: 'normaal',
      residentGroupId: g.id,
      reporterPartnerId: t.partners.politie,
    });
    for (const user of [t.admin, t.auditor]) {
      const c = await loggedIn(app, user);
      expectProblem(
        await c.post(`/api/v1/resident-groups/${g.id}/reports`, { category: 'overig', description: 'Iets' }),
        403,
      );
    }
    // Only the regisseur and the coordinator follow the group's list of reports.
    expectProblem(await prof.get(`/api/v1/resident-groups/${g.id}/reports`), 403);
    const list = bodyOf(await reg.get(`/api/v1/resident-groups/${g.id}/reports`), groupReportListSchema);
    expect(list.total).toBe(1);
    // The coordinator's partner neither reported nor is routed to the signal: its id is held back.
    const seen = bodyOf(await coord.get(`/api/v1/resident-groups/${g.id}/reports`), groupReportListSchema);
    expect(seen.items[0]?.signalId).toBeNull();
    expect(seen.items[0]?.trackingCode).toBe(report.trackingCode);
  });

  it('answers 400 naming the field and stores no signal', async () => {
    const g = await newGroup({ name: 'Buurtpreventie Wilg' });
    expectProblem(
      await coord.post(`/api/v1/resident-groups/${g.id}/reports`, {
        category: '',
        description: '',
        urgency: 'heel erg',
        occurredAt: 'gisteren',
        location: { postalCode: '12' },
      }),
      400,
      ['category', 'description', 'urgency', 'occurredAt', 'location.postalCode'],
    );
    expectProblem(
      await coord.post(`/api/v1/resident-groups/${g.id}/reports`, {
        category: 'achterstand_energie',
        description: 'Geen onderwerp voor bewoners',
      }),
      400,
      ['category'],
    );
    expectProblem(
      await coord.post(`/api/v1/resident-groups/${g.id}/reports`, {
        category: 'overig',
        description: 'Met\u0000nul',
      }),
      400,
      ['description'],
    );
    const inbox = bodyOf(await reg.get(`/api/v1/signals?residentGroupId=${g.id}`), signalListSchema);
    expect(inbox.total).toBe(0);
    expectProblem(await reg.get('/api/v1/signals?residentGroupId=geen'), 400, ['residentGroupId']);
  });
});
