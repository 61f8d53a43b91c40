import { meetingSchema, socialMapEntrySchema, socialMapSchema } from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { col, rows } from '../src/db/rows.js';
import {
  Client as Anonymous,
  bodyOf,
  type Client,
  createCase,
  expectProblem,
  loadMap,
  loggedIn,
  newTenant,
  type TestTenant,
  testApp,
  testDb,
} from './helpers.js';

/*
 * The sociale kaart (issue 14): who works in a wijk or buurt, searchable; every logged-in user reads it,
 * a professional keeps the people of their own partner current, the regisseur everybody's.
 */

let app: FastifyInstance;
let t: TestTenant;
let reg: Client;
let police: Client;
let wijkteam: Client;
let auditor: Client;
let wijk: string;
let buurtA: string;
let buurtB: string;
let otherWijk: string;

beforeAll(async () => {
  app = await testApp();
  t = await newTenant(['gemeente', 'politie', 'wijkteam']);
  const ids = await loadMap(app, t, { code: 'WK7', name: 'Zevenhoek', box: [5.1, 52.1, 0.02] }, [
    { code: 'BU71', name: 'Molenbuurt', box: [5.1, 52.1, 0.01] },
    { code: 'BU72', name: 'Havenbuurt', box: [5.11, 52.1, 0.01] },
  ]);
  const more = await loadMap(app, t, { code: 'WK8', name: 'Achterhoek', box: [5.2, 52.1, 0.02] }, []);
  [wijk, buurtA, buurtB, otherWijk] = [ids.WK7 ?? '', ids.BU71 ?? '', ids.BU72 ?? '', more.WK8 ?? ''];
  reg = await loggedIn(app, t.regisseur);
  police = await loggedIn(app, t.professional); // the professional of the tenant is of the politie
  wijkteam = await loggedIn(app, await t.addUser('wijkteam', ['professional']));
  auditor = await loggedIn(app, t.auditor);
});

const person = (extra: Record<string, unknown> = {}) => ({
  name: 'Sanne de Wit',
  partnerId: t.partners.politie,
  role: 'wijkagent',
  areaIds: [wijk],
  phone: '0900-8844',
  email: 'Sanne.de.wit@politie.example',
  availability: 'di en do 9–17 uur, spreekuur wijkcentrum wo 10–12',
  ...extra,
});

const ids = (map: { items: { id: string }[] }) => map.items.map((i) => i.id);
const list = async (c: Client, query: string) =>
  bodyOf(await c.get(`/api/v1/social-map?${query}`), socialMapSchema);

describe('the sociale kaart', () => {
  it('lists a buurt with its wijk and a wijk with its buurten; every logged-in user reads it', async () => {
    const agent = bodyOf(await police.post('/api/v1/social-map', person()), socialMapEntrySchema, 201);
    expect(agent).toMatchObject({
      name: 'Sanne de Wit',
      partnerId: t.partners.politie,
      role: 'wijkagent',
      email: 'sanne.de.wit@politie.example',
      phone: '0900-8844',
      areas: [{ id: wijk, name: 'Zevenhoek', kind: 'wijk' }],
    });
    expect(agent.partnerName).toMatch(/^politie /);
    const worker = bodyOf(
      await wijkteam.post('/api/v1/social-map', {
        name: 'Ahmed Yilmaz',
        partnerId: t.partners.wijkteam,
        role: 'wijkteam',
        areaIds: [buurtA],
      }),
      socialMapEntrySchema,
      201,
    );
    expect(worker).not.toHaveProperty('phone');
    expect(worker).not.toHaveProperty('email');
    const elsewhere = bodyOf(
      await reg.post('/api/v1/social-map', person({ name: 'Kees Bakker', areaIds: [otherWijk] })),
      socialMapEntrySchema,
      201,
    );

    // The wijk: its own people and those of its buurten.
    const ofWijk = await list(auditor, `areaId=${wijk}`);
    expect(ids(ofWijk)).toEqual([agent.id, worker.id]); // grouped by role: wijkagent before wijkteam
    expect(ofWijk.total).toBe(2);
    // Buurt A: its own people and the wijk's; buurt B only the wijk's.
    expect(ids(await list(wijkteam, `areaId=${buurtA}`))).toEqual([agent.id, worker.id]);
    expect(ids(await list(police, `areaId=${buurtB}`))).toEqual([agent.id]);
    expect(ids(await list(reg, `areaId=${otherWijk}`))).toEqual([elsewhere.id]);
    // Without an area: the whole municipality.
    expect(ids(await list(await loggedIn(app, t.admin), ''))).toEqual(
      expect.arrayContaining([agent.id, worker.id, elsewhere.id]),
    );
  });

  it('searches name, role (its Dutch name too) and organisation', async () => {
    const youth = bodyOf(
      await reg.post('/api/v1/social-map', {
        name: 'Jip Jansen',
        partnerId: t.partners.gemeente,
        role: 'jongerenwerker',
        areaIds: [buurtB],
      }),
      socialMapEntrySchema,
      201,
    );
    expect(ids(await list(reg, `areaId=${wijk}&q=jansen`))).toEqual([youth.id]);
    expect(ids(await list(reg, `areaId=${wijk}&q=${encodeURIComponent('JONGEREN')}`))).toEqual([youth.id]);
    const byOrganisation = await list(reg, `areaId=${wijk}&q=wijkteam`);
    expect(byOrganisation.items.map((i) => i.name)).toEqual(['Ahmed Yilmaz']);
    expect((await list(reg, `areaId=${wijk}&q=${encodeURIComponent('%')}`)).items).toEqual([]);
    expect(ids(await list(reg, `areaId=${wijk}&role=jongerenwerker`))).toEqual([youth.id]);
  });

  it('lets a professional keep only their own partner’s people; the regisseur all', async () => {
    const agent = bodyOf(
      await police.post('/api/v1/social-map', person({ name: 'Eva Smit' })),
      socialMapEntrySchema,
      201,
    );
    // Of another partner: 403, and nothing changes.
    expectProblem(await wijkteam.post('/api/v1/social-map', person({ name: 'Nep' })), 403);
    expectProblem(await wijkteam.patch(`/api/v1/social-map/${agent.id}`, { name: 'Anders' }), 403);
    expectProblem(await wijkteam.delete(`/api/v1/social-map/${agent.id}`), 403);
    // Nor may one move one's own person to another partner.
    expectProblem(
      await police.patch(`/api/v1/social-map/${agent.id}`, { partnerId: t.partners.wijkteam }),
      403,
    );
    expect((await list(reg, 'q=Eva')).items.map((i) => [i.name, i.partnerId])).toEqual([
      ['Eva Smit', t.partners.politie],
    ]);
    // The own partner's: changed, cleared, moved to other areas.
    const changed = bodyOf(
      await police.patch(`/api/v1/social-map/${agent.id}`, {
        phone: null,
        availability: 'ma t/m vr 8–16 uur',
        areaIds: [buurtB, buurtB],
      }),
      socialMapEntrySchema,
    );
    expect(changed).toMatchObject({ availability: 'ma t/m vr 8–16 uur', areas: [{ id: buurtB }] });
    expect(changed).not.toHaveProperty('phone');
    // The regisseur changes anybody's, and may move them to another partner.
    const moved = bodyOf(
      await reg.patch(`/api/v1/social-map/${agent.id}`, { partnerId: t.partners.wijkteam, role: 'wijkteam' }),
      socialMapEntrySchema,
    );
    expect(moved).toMatchObject({ partnerId: t.partners.wijkteam, role: 'wijkteam', name: 'Eva Smit' });
    // Now the wijkteam keeps her; the police no longer.
    expectProblem(await police.delete(`/api/v1/social-map/${agent.id}`), 403);
    expect((await wijkteam.delete(`/api/v1/social-map/${agent.id}`)).statusCode).toBe(204);
    expect((await list(reg, 'q=Eva')).items).toEqual([]);
    expectProblem(await reg.patch(`/api/v1/social-map/${agent.id}`, { name: 'Weg' }), 404);
    expectProblem(await reg.delete(`/api/v1/social-map/${agent.id}`), 404);
    // Every change is in the audit log.
    const db = await testDb();
    const actions = await rows(
      db,
      z.object({ action: col.text, user_id: col.uuid }),
      `SELECT action, user_id FROM audit_log WHERE tenant_id = $1 AND object_type = 'social_map_entry'
          AND object_id = $2 ORDER BY seq`,
      [t.id, agent.id],
    );
    expect(actions.map((a) => a.action)).toEqual(['create', 'update', 'update', 'delete']);
    expect(actions.map((a) => a.user_id)).toEqual([
      t.professional.id,
      t.professional.id,
      t.regisseur.id,
      expect.any(String),
    ]);
  });

  it('shows for a meeting the wijken of the cases on its agenda that the caller sees', async () => {
    const inBuurt = await createCase(reg, {
      type: 'area',
      title: 'Overlast Molenbuurt',
      areaId: buurtA,
      partnerIds: [t.partners.politie],
    });
    const elsewhereCase = await createCase(reg, { type: 'area', title: 'Achterhoek', areaId: otherWijk });
    const noArea = await createCase(reg, { type: 'area', title: 'Zonder gebied' });
    const meeting = async (caseIds: string[]) =>
      bodyOf(
        await reg.post('/api/v1/meetings', {
          title: 'Casusoverleg',
          kind: 'case',
          startsAt: new Date(Date.now() + 86_400_000).toISOString(),
          chairUserId: t.regisseur.id,
          partnerIds: [t.partners.politie],
          caseIds,
        }),
        meetingSchema,
        201,
      );
    const m = await meeting([inBuurt.id, elsewhereCase.id, noArea.id]);
    const forReg = await list(reg, `meetingId=${m.id}`);
    expect(forReg.areas?.map((a) => a.id).sort()).toEqual([wijk, otherWijk].sort());
    expect(forReg.items.map((i) => i.areas.map((a) => a.id))).toContainEqual([otherWijk]);
    // The police sees only the case in the Molenbuurt: the map of Zevenhoek (the wijk, with its buurten).
    const forPolice = await list(police, `meetingId=${m.id}`);
    expect(forPolice.areas).toEqual([{ id: wijk, name: 'Zevenhoek', kind: 'wijk' }]);
    expect(forPolice.items.map((i) => i.name)).toContain('Ahmed Yilmaz');
    expect(forPolice.items.flatMap((i) => i.areas.map((a) => a.id))).not.toContain(otherWijk);
    // A meeting without cases with an area: no areas, nobody.
    expect(await list(reg, `meetingId=${(await meeting([noArea.id])).id}`)).toEqual({
      items: [],
      total: 0,
      areas: [],
    });
    // A meeting the caller does not see, or may not: 404; area and meeting together: 400.
    expectProblem(await wijkteam.get(`/api/v1/social-map?meetingId=${m.id}`), 404);
    expectProblem(await auditor.get(`/api/v1/social-map?meetingId=${m.id}`), 404);
    expectProblem(await reg.get(`/api/v1/social-map?meetingId=${crypto.randomUUID()}`), 404);
    expectProblem(await reg.get(`/api/v1/social-map?meetingId=${m.id}&areaId=${wijk}`), 400, ['meetingId']);
  });

  it('refuses the auditor and the admin maintenance, and an anonymous caller everything', async () => {
    expectProblem(await auditor.post('/api/v1/social-map', person()), 403);
    const admin = await loggedIn(app, t.admin);
    expectProblem(await admin.post('/api/v1/social-map', person({ partnerId: t.partners.gemeente })), 403);
    const agent = bodyOf(
      await reg.post('/api/v1/social-map', person({ name: 'Bas Vos' })),
      socialMapEntrySchema,
      201,
    );
    expectProblem(await auditor.patch(`/api/v1/social-map/${agent.id}`, { name: 'X' }), 403);
    expectProblem(await admin.delete(`/api/v1/social-map/${agent.id}`), 403);
    const anonymous = new Anonymous(app);
    expectProblem(await anonymous.get(`/api/v1/social-map?areaId=${wijk}`), 401);
    expectProblem(await anonymous.post('/api/v1/social-map', person()), 401);
    expectProblem(await anonymous.patch(`/api/v1/social-map/${agent.id}`, { name: 'X' }), 401);
    expectProblem(await anonymous.delete(`/api/v1/social-map/${agent.id}`), 401);
    expect((await list(reg, 'q=Bas')).items.map((i) => i.name)).toEqual(['Bas Vos']);
  });

  it('keeps municipalities apart: another’s people and areas are unknown (404) or invalid (400)', async () => {
    const other = await newTenant(['gemeente', 'politie']);
    const otherIds = await loadMap(app, other, { code: 'WK9', name: 'Elders', box: [6.1, 52.1, 0.02] }, []);
    const otherReg = await loggedIn(app, other.regisseur);
    const theirs = bodyOf(
      await otherReg.post('/api/v1/social-map', {
        name: 'Ander Mens',
        partnerId: other.partners.politie,
        role: 'wijkagent',
        areaIds: [otherIds.WK9],
      }),
      socialMapEntrySchema,
      201,
    );
    expectProblem(await reg.patch(`/api/v1/social-map/${theirs.id}`, { name: 'Overgenomen' }), 404);
    expectProblem(await reg.delete(`/api/v1/social-map/${theirs.id}`), 404);
    expectProblem(await reg.get(`/api/v1/social-map?areaId=${otherIds.WK9}`), 404);
    expectProblem(await reg.post('/api/v1/social-map', person({ areaIds: [wijk, otherIds.WK9] })), 400, [
      'areaIds.1',
    ]);
    expectProblem(await reg.post('/api/v1/social-map', person({ partnerId: other.partners.politie })), 400, [
      'partnerId',
    ]);
    expect((await list(reg, 'q=Ander')).items).toEqual([]);
    expect((await list(otherReg, '')).items.map((i) => i.name)).toEqual(['Ander Mens']);
  });

  it('answers bad input with 400 naming the field, and changes nothing', async () => {
    const before = (await list(reg, '')).total;
    const cases: [Record<string, unknown>, string][] = [
      [person({ email: 'geen-adres' }), 'email'],
      [person({ phone: 'bel me' }), 'phone'],
      [person({ role: 'burgemeester' }), 'role'],
      [person({ areaIds: [] }), 'areaIds'],
      [person({ areaIds: ['niet-een-id'] }), 'areaIds.0'],
      [person({ name: '  ' }), 'name'],
      [person({ partnerId: 'x' }), 'partnerId'],
      [person({ extra: 1 }), 'extra'],
    ];
    for (const [body, field] of cases)
      expectProblem(await reg.post('/api/v1/social-map', body), 400, [field]);
    expectProblem(await reg.post('/api/v1/social-map', person({ areaIds: [crypto.randomUUID()] })), 400, [
      'areaIds.0',
    ]);
    const agent = bodyOf(
      await reg.post('/api/v1/social-map', person({ name: 'Tom Klein' })),
      socialMapEntrySchema,
      201,
    );
    expectProblem(await reg.patch(`/api/v1/social-map/${agent.id}`, {}), 400);
    expectProblem(await reg.patch(`/api/v1/social-map/${agent.id}`, { email: 'x@' }), 400, ['email']);
    expectProblem(await reg.patch('/api/v1/social-map/geen-id', { name: 'X' }), 400, ['id']);
    expectProblem(await reg.get('/api/v1/social-map?areaId=nope'), 400, ['areaId']);
    expectProblem(await reg.get(`/api/v1/social-map?areaId=${crypto.randomUUID()}`), 404);
    expectProblem(await reg.get('/api/v1/social-map?role=burgemeester'), 400, ['role']);
    expect((await list(reg, '')).total).toBe(before + 1);
    expect((await list(reg, 'q=Tom')).items[0]).toMatchObject({
      name: 'Tom Klein',
      email: 'sanne.de.wit@politie.example',
    });
  });
});
