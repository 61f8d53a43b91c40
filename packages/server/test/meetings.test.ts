import {
  actionListSchema,
  actionSchema,
  entryListSchema,
  entrySchema,
  type Meeting,
  meetingListSchema,
  meetingSchema,
} from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, amsterdamDate } from '../src/lib/time.js';
import {
  bodyOf,
  type CaseJson,
  type Client,
  createCase,
  expectProblem,
  loggedIn,
  newTenant,
  pdfText,
  setMatrix,
  type TestTenant,
  type TestUser,
  testApp,
} from './helpers.js';

let app: FastifyInstance;
let t: TestTenant;
let other: TestTenant;
let reg: Client;
let chair: TestUser;
let cop: TestUser;
let care: TestUser;
let ggz: TestUser;
let policeCase: CaseJson; // politie + wijkteam
let careCase: CaseJson; // wijkteam only
const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString();

async function newMeeting(c: Client, body: Record<string, unknown>): Promise<Meeting> {
  const res = await c.post('/api/v1/meetings', {
    title: 'Casusoverleg Noord',
    kind: 'case',
    startsAt: tomorrow(),
    chairUserId: chair.id,
    partnerIds: [t.partners.politie, t.partners.wijkteam],
    caseIds: [],
    ...body,
  });
  return bodyOf(res, meetingSchema, 201);
}

beforeAll(async () => {
  app = await testApp();
  t = await newTenant(['gemeente', 'politie', 'wijkteam', 'ggz']);
  other = await newTenant(['gemeente', 'politie']);
  reg = await loggedIn(app, t.regisseur);
  chair = await t.addUser('ggz', ['professional']); // ggz is in none of the cases
  cop = t.professional;
  care = await t.addUser('wijkteam', ['professional']);
  ggz = await t.addUser('ggz', ['professional']);
  await setMatrix(app, t, [
    { partner: 'politie', category: 'politie', access: 'write' },
    { partner: 'wijkteam', category: 'zorg', access: 'write' },
    { partner: 'wijkteam', category: 'politie', access: 'read' },
    { partner: 'gemeente', category: 'veiligheid', access: 'write' },
  ]);
  policeCase = await createCase(reg, {
    title: 'Overlast Havenstraat',
    partnerIds: [t.partners.politie, t.partners.wijkteam],
  });
  careCase = await createCase(reg, { title: 'Gezin in de knel', partnerIds: [t.partners.wijkteam] });
});

describe('meetings', () => {
  it('each invited partner sees only the agenda items of cases it takes part in', async () => {
    const m = await newMeeting(reg, { caseIds: [policeCase.id, careCase.id] });
    expect(m.agenda.map((a) => a.caseId)).toEqual([policeCase.id, careCase.id]);
    const asCop = bodyOf(await (await loggedIn(app, cop)).get(`/api/v1/meetings/${m.id}`), meetingSchema);
    expect(asCop.agenda.map((a) => a.caseId)).toEqual([policeCase.id]);
    const asCare = bodyOf(await (await loggedIn(app, care)).get(`/api/v1/meetings/${m.id}`), meetingSchema);
    expect(asCare.agenda.map((a) => a.caseId)).toEqual([policeCase.id, careCase.id]);
    // The chair (ggz, not in these cases) sees the meeting but not the items.
    const asChair = bodyOf(await (await loggedIn(app, chair)).get(`/api/v1/meetings/${m.id}`), meetingSchema);
    expect(asChair.agenda).toEqual([]);
    // Not invited: the meeting does not exist for them, and is not listed.
    const g = await loggedIn(app, ggz);
    expectProblem(await g.get(`/api/v1/meetings/${m.id}`), 404);
    const list = bodyOf(await g.get('/api/v1/meetings'), meetingListSchema);
    expect(list.items.map((x) => x.id)).not.toContain(m.id);
    expectProblem(await (await loggedIn(app, other.regisseur)).get(`/api/v1/meetings/${m.id}`), 404);
  });

  it('puts only cases the creator may see on the agenda, and rejects bad input creating nothing', async () => {
    const c = await loggedIn(app, cop);
    const before = bodyOf(await c.get('/api/v1/meetings'), meetingListSchema).total;
    const base = {
      title: 'Overleg',
      kind: 'case',
      startsAt: tomorrow(),
      chairUserId: chair.id,
      partnerIds: [t.partners.politie],
      caseIds: [],
    };
    expectProblem(await c.post('/api/v1/meetings', { ...base, caseIds: [careCase.id] }), 400, ['caseIds.0']);
    expectProblem(await c.post('/api/v1/meetings', { ...base, kind: 'borrel' }), 400, ['kind']);
    expectProblem(await c.post('/api/v1/meetings', { ...base, startsAt: 'dinsdag' }), 400, ['startsAt']);
    expectProblem(await c.post('/api/v1/meetings', { ...base, chairUserId: other.regisseur.id }), 400, [
      'chairUserId',
    ]);
    expectProblem(await c.post('/api/v1/meetings', { ...base, partnerIds: [other.partners.politie] }), 400, [
      'partnerIds.0',
    ]);
    expectProblem(
      await c.post('/api/v1/meetings', { ...base, recurrence: { intervalWeeks: 2, count: 500 } }),
      400,
      ['recurrence.count'],
    );
    expect(bodyOf(await c.get('/api/v1/meetings'), meetingListSchema).total).toBe(before);
    const auditor = await loggedIn(app, t.auditor);
    expectProblem(await auditor.post('/api/v1/meetings', base), 403);
    expectProblem(await auditor.get('/api/v1/meetings'), 403);
  });

  it('plans a recurring series every other week at the same local time', async () => {
    const startsAt = '2027-03-16T09:00:00Z'; // Tuesday 10:00 in Amsterdam (winter time)
    const m = await newMeeting(reg, { startsAt, recurrence: { intervalWeeks: 2, count: 4 } });
    expect(m.seriesId).toBeTruthy();
    const all = bodyOf(await reg.get('/api/v1/meetings?limit=200'), meetingListSchema);
    const series = all.items.filter((x) => x.seriesId === m.seriesId).map((x) => x.startsAt);
    // 30 March is after the switch to summer time: still 10:00 local, so 08:00 UTC.
    expect(series).toEqual([
      '2027-03-16T09:00:00.000Z',
      '2027-03-30T08:00:00.000Z',
      '2027-04-13T08:00:00.000Z',
      '2027-04-27T08:00:00.000Z',
    ]);
  });

  it('minutes and decisions are entries of the case under the same matrix', async () => {
    const m = await newMeeting(reg, { caseIds: [policeCase.id, careCase.id] });
    const c = await loggedIn(app, cop);
    const url = `/api/v1/meetings/${m.id}/minutes`;
    const ok = await c.post(url, {
      caseId: policeCase.id,
      category: 'politie',
      text: 'Twee meldingen deze week',
      kind: 'decision',
    });
    expect(bodyOf(ok, entrySchema, 201)).toMatchObject({
      kind: 'decision',
      meetingId: m.id,
      caseId: policeCase.id,
      category: 'politie',
    });
    // No write access to zorg: 403. A case not visible / not on the agenda: 400 on caseId.
    expectProblem(await c.post(url, { caseId: policeCase.id, category: 'zorg', text: 'x' }), 403);
    expectProblem(await c.post(url, { caseId: careCase.id, category: 'politie', text: 'x' }), 400, [
      'caseId',
    ]);
    const offAgenda = await createCase(reg, { title: 'Los', partnerIds: [t.partners.politie] });
    expectProblem(await c.post(url, { caseId: offAgenda.id, category: 'politie', text: 'x' }), 400, [
      'caseId',
    ]);
    expectProblem(await c.post(url, { caseId: policeCase.id, category: 'politie', text: '' }), 400, ['text']);
    const cc = await loggedIn(app, care);
    expect(
      (await cc.post(url, { caseId: careCase.id, category: 'zorg', text: 'Schulden bij energieleverancier' }))
        .statusCode,
    ).toBe(201);
    // The police reads only its own minutes; the wijkteam reads politie (read) and zorg.
    const asCop = bodyOf(await c.get(url), entryListSchema);
    expect(asCop.items.map((e) => e.text)).toEqual(['Twee meldingen deze week']);
    const asCare = bodyOf(await cc.get(url), entryListSchema);
    expect(asCare.items.map((e) => e.text).sort()).toEqual(
      ['Schulden bij energieleverancier', 'Twee meldingen deze week'].sort(),
    );
    // And the minutes are in the case journal.
    const journal = bodyOf(await cc.get(`/api/v1/cases/${careCase.id}/entries`), entryListSchema);
    expect(journal.items[0]?.meetingId).toBe(m.id);
    expectProblem(
      await (await loggedIn(app, ggz)).post(url, { caseId: policeCase.id, category: 'politie', text: 'x' }),
      404,
    );
  });

  it('prints agenda and minutes as a PDF per partner, each with only what that partner may see', async () => {
    const m = await newMeeting(reg, { title: 'Wijkoverleg Zuid', caseIds: [policeCase.id, careCase.id] });
    const url = `/api/v1/meetings/${m.id}/minutes`;
    await (await loggedIn(app, cop)).post(url, {
      caseId: policeCase.id,
      category: 'politie',
      text: 'Inval gepland XQZ',
    });
    await (await loggedIn(app, care)).post(url, {
      caseId: careCase.id,
      category: 'zorg',
      text: 'Depressie moeder KWV',
    });
    const res = await (await loggedIn(app, cop)).get(`/api/v1/meetings/${m.id}/pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const copText = pdfText(res.rawPayload);
    expect(copText).toContain('Wijkoverleg Zuid');
    expect(copText).toContain('Inval gepland XQZ');
    expect(copText).toContain(policeCase.reference);
    expect(copText).not.toContain('Depressie moeder KWV');
    expect(copText).not.toContain(careCase.reference);
    const careText = pdfText(
      (await (await loggedIn(app, care)).get(`/api/v1/meetings/${m.id}/pdf`)).rawPayload,
    );
    expect(careText).toContain('Depressie moeder KWV');
    expect(careText).toContain('Inval gepland XQZ'); // wijkteam may read politie
    // The regisseur prints the police's version: the regisseur's wider view does not leak into it.
    const forPolice = await reg.get(`/api/v1/meetings/${m.id}/pdf?partnerId=${t.partners.politie}`);
    expect(forPolice.statusCode).toBe(200);
    expect(pdfText(forPolice.rawPayload)).not.toContain('Depressie moeder KWV');
    // Only a regisseur may print another partner's version; a partner not invited is 400.
    expectProblem(
      await (await loggedIn(app, care)).get(`/api/v1/meetings/${m.id}/pdf?partnerId=${t.partners.politie}`),
      403,
    );
    expectProblem(await reg.get(`/api/v1/meetings/${m.id}/pdf?partnerId=${t.partners.ggz}`), 400, [
      'partnerId',
    ]);
    expectProblem(await (await loggedIn(app, ggz)).get(`/api/v1/meetings/${m.id}/pdf`), 404);
  });

  it('only the chair, the planner or a regisseur changes a meeting', async () => {
    const m = await newMeeting(reg, { caseIds: [policeCase.id] });
    const c = await loggedIn(app, cop);
    expectProblem(await c.patch(`/api/v1/meetings/${m.id}`, { title: 'Anders' }), 403);
    const ch = await loggedIn(app, chair);
    const res = await ch.patch(`/api/v1/meetings/${m.id}`, { place: 'Wijkcentrum De Brug' });
    expect(bodyOf(res, meetingSchema)).toMatchObject({ place: 'Wijkcentrum De Brug' });
    // The chair cannot see policeCase; changing the agenda keeps that hidden item.
    await ch.patch(`/api/v1/meetings/${m.id}`, { caseIds: [] });
    const again = bodyOf(await reg.get(`/api/v1/meetings/${m.id}`), meetingSchema);
    expect(again.agenda.map((a) => a.caseId)).toEqual([policeCase.id]);
    expectProblem(await ch.patch(`/api/v1/meetings/${m.id}`, { startsAt: 'gisteren' }), 400, ['startsAt']);
  });

  it('actions agreed in a meeting remember it and are listed with it', async () => {
    const m = await newMeeting(reg, { caseIds: [policeCase.id] });
    const res = await reg.post(`/api/v1/cases/${policeCase.id}/actions`, {
      title: 'Buurtbewoners informeren',
      ownerPartnerId: t.partners.politie,
      dueDate: addDays(amsterdamDate(), 5),
      meetingId: m.id,
    });
    bodyOf(res, actionSchema, 201);
    const list = bodyOf(
      await (await loggedIn(app, cop)).get(`/api/v1/actions?meetingId=${m.id}`),
      actionListSchema,
    );
    expect(list.items.map((a) => a.meetingId)).toEqual([m.id]);
    // A case that is not on that meeting's agenda cannot claim it.
    expectProblem(
      await reg.post(`/api/v1/cases/${careCase.id}/actions`, {
        title: 'x',
        ownerPartnerId: t.partners.wijkteam,
        dueDate: amsterdamDate(),
        meetingId: m.id,
      }),
      400,
      ['meetingId'],
    );
  });
});
