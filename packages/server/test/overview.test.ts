import { meetingSchema, OVERVIEW_ITEMS, type Overview, overviewSchema } from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { col, oneRow, rows } from '../src/db/rows.js';
import { addDays, amsterdamDate, weekOf } from '../src/lib/time.js';
import {
  bodyOf,
  type CaseJson,
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

/*
 * The start page: per role only what the caller may see and use; the regisseur gets the whole
 * municipality and the monitor's figures.
 */

let app: FastifyInstance;
let t: TestTenant;
let other: TestTenant;
let reg: Client;
let cop: TestUser; // a wijkagent: professional of the police
let care: TestUser; // a professional of the wijkteam
let careCase: CaseJson; // the wijkteam's case (the police is not in it)
let copCase: CaseJson; // the police's case
const today = amsterdamDate();

async function overviewOf(u: TestUser): Promise<Overview> {
  return bodyOf(await (await loggedIn(app, u)).get('/api/v1/overview'), overviewSchema);
}

async function action(
  caseId: string,
  title: string,
  ownerPartnerId: string,
  dueDate: string,
  assignee?: string,
) {
  const res = await reg.post(`/api/v1/cases/${caseId}/actions`, {
    title,
    ownerPartnerId,
    dueDate,
    ...(assignee ? { assigneeUserId: assignee } : {}),
  });
  if (res.statusCode !== 201) throw new Error(`action ${res.statusCode} ${res.body}`);
}

/** A signal as intake leaves it: routed, with its first-contact deadline (routing has its own tests). */
async function signal(tenantId: string, routedPartnerId: string | null, due: string, description: string) {
  const db = await testDb();
  return (
    await oneRow(
      db,
      z.object({ id: col.uuid }),
      `INSERT INTO signals (tenant_id, category, description, source, routed_partner_id, first_contact_due)
       VALUES ($1, 'overig', $2, 'professional', $3, $4::date) RETURNING id`,
      [tenantId, description, routedPartnerId, due],
    )
  ).id;
}

beforeAll(async () => {
  app = await testApp();
  t = await newTenant(['gemeente', 'politie', 'wijkteam']);
  other = await newTenant(['gemeente', 'politie']);
  reg = await loggedIn(app, t.regisseur);
  cop = t.professional;
  care = await t.addUser('wijkteam', ['professional']);
  await setMatrix(app, t, [
    { partner: 'wijkteam', category: 'zorg', access: 'write' },
    { partner: 'politie', category: 'politie', access: 'write' },
    { partner: 'gemeente', category: 'zorg', access: 'read' },
  ]);
  const person = await createPerson(reg, { firstName: 'Anna', lastName: 'de Vries' });
  careCase = await createCase(reg, {
    title: 'Zorgen om de Vries',
    subjects: [{ kind: 'person', id: person.id }],
    partnerIds: [t.partners.wijkteam],
  });
  copCase = await createCase(reg, {
    type: 'area',
    title: 'Overlast portiek',
    partnerIds: [t.partners.politie],
  });

  // Actions: overdue and this week for the wijkteam, one for the police, one far ahead.
  await action(careCase.id, 'Huisbezoek plannen', t.partners.wijkteam!, addDays(today, -2), care.id);
  await action(careCase.id, 'Huisarts bellen', t.partners.wijkteam!, today);
  await action(careCase.id, 'Evaluatie', t.partners.wijkteam!, addDays(today, 40));
  await action(copCase.id, 'Buurtonderzoek', t.partners.politie!, addDays(today, -1), cop.id);

  // Signals: two routed to the wijkteam (one overdue), one to the police, one unrouted, one handled.
  await signal(t.id, t.partners.wijkteam!, addDays(today, -3), 'Deurwaarder gezien');
  await signal(t.id, t.partners.wijkteam!, addDays(today, 5), 'Post stapelt zich op');
  await signal(t.id, t.partners.politie!, addDays(today, 2), 'Hennepgeur');
  await signal(t.id, null, addDays(today, 1), 'Niet gerouteerd');
  const handled = await signal(t.id, t.partners.wijkteam!, addDays(today, -5), 'Al gesproken');
  await (await testDb()).query("UPDATE signals SET status = 'contacted' WHERE id = $1", [handled]);
  // Another municipality's signal for nobody here.
  await signal(other.id, other.partners.politie!, addDays(today, -3), 'Elders');

  // A meeting in three days with both cases on the agenda; the police is invited, the wijkteam not.
  const meeting = await reg.post('/api/v1/meetings', {
    title: 'Casusoverleg Noord',
    kind: 'case',
    startsAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
    chairUserId: t.regisseur.id,
    partnerIds: [t.partners.politie],
    caseIds: [careCase.id, copCase.id],
  });
  expect(meeting.statusCode).toBe(201);

  // News in the wijkteam's case by somebody else, and a creditor signal of this month.
  const c = await loggedIn(app, care);
  expect(
    (await c.post(`/api/v1/cases/${careCase.id}/entries`, { category: 'zorg', text: 'Gesprek gehad' }))
      .statusCode,
  ).toBe(201);
  await (await testDb()).query(
    `INSERT INTO signals (tenant_id, category, description, source, creditor_type, signal_date, address_key, status)
     VALUES ($1, 'achterstand_energie', 'Energie', 'creditor', 'energie', $2::date, '1234AB1', 'contacted'),
            ($1, 'achterstand_water', 'Water', 'creditor', 'water', $2::date, '1234AB1', 'referred'),
            ($1, 'achterstand_huur', 'Huur', 'creditor', 'huur', $2::date, '9999ZZ9', 'new')`,
    [t.id, today],
  );
});

describe('the start page', () => {
  it('answers 401 without a session', async () => {
    expectProblem(await app.inject({ method: 'GET', url: '/api/v1/overview' }), 401);
  });

  it('a professional: their own and their organisation’s actions, signals routed to them, only cases they see', async () => {
    const o = await overviewOf(care);
    expect(o.scope).toBe('own');
    expect(o.today).toBe(today);
    expect(o.actions).toMatchObject({ overdue: 1, dueThisWeek: 1 });
    expect(o.actions!.items.map((a) => a.title)).toEqual(['Huisbezoek plannen', 'Huisarts bellen']);
    expect(o.actions!.items[0]).toMatchObject({ overdue: true, caseReference: careCase.reference });

    expect(o.signals).toMatchObject({ awaiting: 2, overdue: 1 });
    expect(o.signals!.items[0]).toMatchObject({ overdue: true, categoryLabel: expect.any(String) });

    // The meeting: the wijkteam is not invited, so it is not theirs.
    expect(o.meetings).toEqual({ upcoming: 0, items: [] });
    // Their own entry is no news to them (the regisseur's new actions in the case are).
    expect(o.cases!.items.find((c) => c.id === careCase.id)?.newEntries ?? 0).toBe(0);
    expect(o.monitor).toBeNull();
    expect(o.audit).toBeNull();
    expect(o.outbox).toBeNull();
    expect(JSON.stringify(o)).not.toMatch(/Overlast portiek|Hennepgeur|Buurtonderzoek|Elders/);
  });

  it('the wijkagent: the police’s work; the meeting’s agenda without the case they may not see', async () => {
    const o = await overviewOf(cop);
    expect(o.actions!.items.map((a) => a.title)).toEqual(['Buurtonderzoek']);
    expect(o.signals).toMatchObject({ awaiting: 1, overdue: 0 });
    expect(o.meetings!.upcoming).toBe(1);
    const [m] = o.meetings!.items;
    expect(m).toMatchObject({ title: 'Casusoverleg Noord', otherItems: 1 });
    expect(m!.agenda).toEqual([
      { caseId: copCase.id, caseReference: copCase.reference, caseTitle: 'Overlast portiek' },
    ]);
    // The entry in the wijkteam's case is in a case (and a category) the police does not see.
    expect(o.cases!.items.map((c) => c.id)).not.toContain(careCase.id);
    expect(JSON.stringify(o)).not.toMatch(/Zorgen om de Vries|Huisbezoek|Deurwaarder/);
  });

  it('a case someone else wrote in shows as changed for whoever sees it — until they look', async () => {
    const director = await t.addUser('wijkteam', ['professional']);
    const o = await overviewOf(director);
    const mine = o.cases!.items.find((c) => c.id === careCase.id);
    expect(mine).toMatchObject({ reference: careCase.reference, newEntries: 1, previousLookAt: null });
    expect(
      (await (await loggedIn(app, director)).get(`/api/v1/cases/${careCase.id}/situation`)).statusCode,
    ).toBe(200);
    const after = await overviewOf(director);
    expect(after.cases!.items.map((c) => c.id)).not.toContain(careCase.id);
  });

  it('news older than a week counts only for a case looked at before it (then since that look, up to 30 days)', async () => {
    const looked = await t.addUser('wijkteam', ['professional']);
    const never = await t.addUser('wijkteam', ['professional']);
    const db = await testDb();
    // A look 20 days ago, a note by somebody else 10 days ago (besides the case's note of today), one 40 days ago.
    await db.query(
      "INSERT INTO case_looks (tenant_id, case_id, user_id, at) VALUES ($1, $2, $3, now() - interval '20 days')",
      [t.id, careCase.id, looked.id],
    );
    for (const days of [10, 40])
      await db.query(
        `INSERT INTO entries (tenant_id, case_id, category, text, author_user_id, partner_id, created_at)
         SELECT tenant_id, case_id, category, 'Eerder genoteerd', author_user_id, partner_id, now() - make_interval(days => $2)
           FROM entries WHERE tenant_id = $3 AND case_id = $1 ORDER BY created_at LIMIT 1`,
        [careCase.id, days, t.id],
      );
    const seen = (await overviewOf(looked)).cases!.items.find((c) => c.id === careCase.id);
    expect(seen).toMatchObject({ newEntries: 2, previousLookAt: expect.any(String) });
    const fresh = (await overviewOf(never)).cases!.items.find((c) => c.id === careCase.id);
    expect(fresh).toMatchObject({ newEntries: 1, previousLookAt: null });
  });

  it('the regisseur: the whole municipality, and the monitor’s figures of this month', async () => {
    const o = await overviewOf(t.regisseur);
    expect(o.scope).toBe('municipality');
    expect(o.actions).toMatchObject({ overdue: 2, dueThisWeek: 1 });
    // Every open signal of the municipality, the unrouted one too; the creditor one without a deadline as well.
    expect(o.signals).toMatchObject({ awaiting: 5, overdue: 1 });
    expect(o.signals!.items.map((s) => s.routedPartnerName)).toContain(null);
    expect(o.meetings!.items[0]!.agenda.map((a) => a.caseId)).toEqual([careCase.id, copCase.id]);
    expect(o.meetings!.items[0]!.otherItems).toBe(0);
    expect(o.cases!.items.map((c) => c.id)).toContain(careCase.id);
    expect(o.monitor).toEqual({
      month: today.slice(0, 7),
      signals: 3,
      households: 2,
      contacted: 2,
      referred: 1,
    });
    expect(o.audit).toBeNull();
    expect(o.outbox).toBeNull();
    expect(JSON.stringify(o)).not.toMatch(/Elders/);
  });

  it('the administrator: the email outbox only', async () => {
    const o = await overviewOf(t.admin);
    expect(o).toMatchObject({
      actions: null,
      signals: null,
      meetings: null,
      cases: null,
      alerts: null,
      monitor: null,
    });
    expect(o.audit).toBeNull();
    expect(o.outbox).toEqual({ failed: expect.any(Number), pending: expect.any(Number) });
  });

  it('the privacy officer: refused attempts of the last week, nothing of case work', async () => {
    // A refused look at a case (audited as denied).
    expectProblem(await (await loggedIn(app, cop)).get(`/api/v1/cases/${careCase.id}`), 404);
    const o = await overviewOf(t.auditor);
    expect(o).toMatchObject({
      actions: null,
      signals: null,
      meetings: null,
      cases: null,
      alerts: null,
      outbox: null,
    });
    expect(o.audit!.deniedLastWeek).toBeGreaterThanOrEqual(1);
    expect(o.audit!.items[0]).toMatchObject({ action: 'denied', userName: cop.name });
    // Another municipality's privacy officer sees none of it.
    const theirs = await overviewOf(other.auditor);
    expect(theirs.audit!.items.map((a) => a.userName)).not.toContain(cop.name);
  });

  it('unread alerts, with a bundle counted', async () => {
    const follower = await t.addUser('wijkteam', ['professional']);
    expect(
      (await (await loggedIn(app, follower)).post(`/api/v1/cases/${careCase.id}/follow`)).statusCode,
    ).toBe(204);
    for (const text of ['een', 'twee']) {
      expect(
        (
          await (
            await loggedIn(app, care)
          ).post(`/api/v1/cases/${careCase.id}/entries`, { category: 'zorg', text })
        ).statusCode,
      ).toBe(201);
    }
    const o = await overviewOf(follower);
    expect(o.alerts!.unread).toBe(1);
    expect(o.alerts!.items[0]).toMatchObject({ kind: 'entry_added', count: 2, caseId: careCase.id });
  });

  it('leaves a cancelled meeting out of the coming meetings', async () => {
    const chair = await loggedIn(app, t.regisseur);
    const cancelled = await chair.post('/api/v1/meetings', {
      title: 'Afgelast wijkoverleg',
      kind: 'case',
      startsAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
      chairUserId: t.regisseur.id,
      partnerIds: [t.partners.politie],
      caseIds: [copCase.id],
    });
    const id = bodyOf(cancelled, meetingSchema, 201).id;
    const titles = async () => (await overviewOf(cop)).meetings!.items.map((m) => m.title);
    expect(await titles()).toContain('Afgelast wijkoverleg');
    expect((await chair.patch(`/api/v1/meetings/${id}`, { status: 'cancelled' })).statusCode).toBe(200);
    expect(await titles()).not.toContain('Afgelast wijkoverleg');
    expect((await overviewOf(cop)).meetings!.upcoming).toBe(1);
  });

  it('counts every awaiting signal and due action, beyond the first ones it shows, in their order', async () => {
    const city = await newTenant(['gemeente', 'wijkteam']);
    const regisseur = await loggedIn(app, city.regisseur);
    const many = OVERVIEW_ITEMS + 3;
    for (let i = 0; i < many; i++)
      await signal(city.id, i % 2 ? city.partners.wijkteam! : null, addDays(today, i - 4), `Signaal ${i}`);
    const made = await regisseur.post('/api/v1/cases', {
      type: 'area',
      title: 'Veel acties',
      partnerIds: [],
    });
    const caseId = bodyOf(made, z.object({ id: z.string() }), 201).id;
    for (let i = 0; i < many; i++) {
      const res = await regisseur.post(`/api/v1/cases/${caseId}/actions`, {
        title: `Actie ${i}`,
        ownerPartnerId: city.partners.gemeente,
        dueDate: addDays(today, i - 4),
      });
      expect(res.statusCode).toBe(201);
    }
    const o = bodyOf(await regisseur.get('/api/v1/overview'), overviewSchema, 200);
    // Deadlines from four days ago on: four overdue, the rest from today within this week.
    expect(o.signals).toMatchObject({ awaiting: many, overdue: 4 });
    expect(o.signals!.items.map((x) => x.firstContactDue)).toEqual(
      Array.from({ length: OVERVIEW_ITEMS }, (_, i) => addDays(today, i - 4)),
    );
    const inWeek = Array.from({ length: many - 4 }, (_, i) => addDays(today, i)).filter(
      (d) => d <= weekOf(today).to,
    );
    expect(o.actions).toMatchObject({ overdue: 4, dueThisWeek: inWeek.length });
    expect(o.actions!.items.map((x) => x.dueDate)).toEqual(
      Array.from({ length: OVERVIEW_ITEMS }, (_, i) => addDays(today, i - 4)),
    );
  });

  it('is audited as the lists it shows', async () => {
    await overviewOf(t.regisseur);
    const found = await rows(
      await testDb(),
      z.object({ object_type: col.text }),
      `SELECT object_type FROM audit_log WHERE tenant_id = $1 AND user_id = $2 AND action = 'list'
          AND details->>'view' = 'overview'`,
      [t.id, t.regisseur.id],
    );
    expect(new Set(found.map((r) => r.object_type))).toEqual(
      new Set(['case', 'action', 'signal', 'meeting']),
    );
  });
});
