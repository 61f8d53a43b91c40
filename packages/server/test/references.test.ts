import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { amsterdamDate } from '../src/lib/time.js';
import {
  type Client,
  createCase,
  createPerson,
  loggedIn,
  newTenant,
  setMatrix,
  type TestTenant,
  type TestUser,
  testApp,
} from './helpers.js';

/**
 * Nothing in an answer points at something the caller cannot open: for each kind of reference, a
 * caller who may open the referring object but not the referenced one never gets the referenced
 * id (checked on the raw body), and a caller who may open both does.
 */

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});

interface World {
  t: TestTenant;
  reg: Client;
  cop: TestUser; // politie
  care: TestUser; // wijkteam
  debt: TestUser; // schuldhulp
}

async function world(): Promise<World> {
  const t = await newTenant(['gemeente', 'politie', 'wijkteam', 'schuldhulp', 'ggz']);
  return {
    t,
    reg: await loggedIn(app, t.regisseur),
    cop: t.professional,
    care: await t.addUser('wijkteam', ['professional']),
    debt: await t.addUser('schuldhulp', ['professional']),
  };
}

function ok(res: LightMyRequestResponse, status = 200): string {
  if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body}`);
  return res.body;
}
const as = (u: TestUser) => loggedIn(app, u);

describe('subject relations and members', () => {
  it('a person read lists only relations whose other end the caller may open', async () => {
    const { t, reg, care } = await world();
    const c = await as(care);
    const child = await createPerson(c); // registered by wijkteam: care may open it
    const parent = await createPerson(reg); // registered by the gemeente
    ok(
      await reg.post('/api/v1/relations', {
        from: { kind: 'person', id: parent.id },
        type: 'parent_of',
        to: { kind: 'person', id: child.id },
      }),
      201,
    );
    expect((await c.get(`/api/v1/persons/${parent.id}`)).statusCode).toBe(404);
    expect(ok(await c.get(`/api/v1/persons/${child.id}`))).not.toContain(parent.id);
    expect(ok(await reg.get(`/api/v1/persons/${child.id}`))).toContain(parent.id);

    // Once care may open the parent too (basis, and a case of the parent they take part in), they get it.
    await setMatrix(app, t, [{ partner: 'wijkteam', category: 'basis', access: 'read' }]);
    await createCase(reg, {
      subjects: [{ kind: 'person', id: parent.id }],
      partnerIds: [t.partners.wijkteam],
    });
    ok(await c.get(`/api/v1/persons/${parent.id}`));
    expect(ok(await c.get(`/api/v1/persons/${child.id}`))).toContain(parent.id);
  });

  it('a household read and list leave out a member and contact person the caller may not open', async () => {
    const { t, reg, care } = await world();
    await setMatrix(app, t, [{ partner: 'wijkteam', category: 'basis', access: 'read' }]);
    const c = await as(care);
    const member = await createPerson(reg);
    const memberCase = await createCase(reg, {
      subjects: [{ kind: 'person', id: member.id }],
      partnerIds: [t.partners.wijkteam],
    });
    // While wijkteam takes part in the member's case, care registers the household with them in it.
    const hh = await c.post('/api/v1/households', {
      name: 'Huishouden Zicht',
      memberIds: [member.id],
      contactPersonId: member.id,
    });
    const household = JSON.parse(ok(hh, 201)) as { id: string };
    expect(ok(await c.get(`/api/v1/households/${household.id}`))).toContain(member.id);

    // Wijkteam leaves the case: the household stays theirs, the member is no longer visible to them.
    ok(await reg.patch(`/api/v1/cases/${memberCase.id}`, { partnerIds: [t.partners.gemeente] }));
    expect((await c.get(`/api/v1/persons/${member.id}`)).statusCode).toBe(404);
    const read = ok(await c.get(`/api/v1/households/${household.id}`));
    expect(read).not.toContain(member.id);
    expect(JSON.parse(read)).toMatchObject({ details: { contactPersonId: null }, relations: [] });
    const list = ok(await c.get('/api/v1/households?q=Zicht'));
    expect(list).toContain(household.id);
    expect(list).not.toContain(member.id);

    expect(ok(await reg.get(`/api/v1/households/${household.id}`))).toContain(member.id);
    expect(ok(await reg.get('/api/v1/households?q=Zicht'))).toContain(member.id);
  });
});

describe('case subjects', () => {
  it('a case gives the id only of subjects the caller may open; related cases name only visible members', async () => {
    const { t, reg, care } = await world();
    const c = await as(care);
    const member = await createPerson(reg);
    const hh = JSON.parse(
      ok(
        await reg.post('/api/v1/households', {
          name: 'Huishouden Casus',
          memberIds: [member.id],
          contactPersonId: member.id,
        }),
        201,
      ),
    ) as { id: string };
    const householdCase = await createCase(reg, {
      type: 'household',
      subjects: [{ kind: 'household', id: hh.id }],
      partnerIds: [t.partners.wijkteam],
    });
    const memberCase = await createCase(reg, {
      subjects: [{ kind: 'person', id: member.id }],
      partnerIds: [t.partners.wijkteam],
    });

    // Wijkteam sees both cases but may not read `basis`: it may open neither the household nor the member.
    expect((await c.get(`/api/v1/households/${hh.id}`)).statusCode).toBe(404);
    expect((await c.get(`/api/v1/persons/${member.id}`)).statusCode).toBe(404);
    const detail = ok(await c.get(`/api/v1/cases/${householdCase.id}`));
    expect(detail).not.toContain(hh.id);
    expect(detail).not.toContain(member.id);
    expect(detail).toContain(memberCase.id); // the related case itself is visible
    expect(JSON.parse(detail)).toMatchObject({
      subjects: [{ kind: 'household', id: null }],
      relatedCases: [{ id: memberCase.id, viaPersonId: null }],
    });
    expect(ok(await c.get(`/api/v1/cases/${memberCase.id}`))).not.toContain(member.id);
    const list = ok(await c.get('/api/v1/cases?limit=100'));
    expect(list).toContain(householdCase.id);
    expect(list).not.toContain(hh.id);
    expect(list).not.toContain(member.id);
    // A subject wijkteam registered itself it may open, `basis` or not.
    const own = await createPerson(c);
    const ownCase = await createCase(reg, {
      subjects: [
        { kind: 'person', id: own.id },
        { kind: 'person', id: member.id },
      ],
      partnerIds: [t.partners.wijkteam],
    });
    const mixed = ok(await c.get(`/api/v1/cases/${ownCase.id}`));
    expect(JSON.parse(mixed)).toMatchObject({
      subjects: [
        { kind: 'person', id: own.id },
        { kind: 'person', id: null },
      ],
    });
    expect(mixed).not.toContain(member.id);

    await setMatrix(app, t, [{ partner: 'wijkteam', category: 'basis', access: 'read' }]);
    const after = ok(await c.get(`/api/v1/cases/${householdCase.id}`));
    expect(after).toContain(hh.id);
    expect(after).toContain(member.id);
    expect((JSON.parse(after) as { relatedCases: unknown[] }).relatedCases).toContainEqual(
      expect.objectContaining({ id: memberCase.id, viaPersonId: member.id }),
    );
    expect(ok(await c.get('/api/v1/cases?limit=100'))).toContain(member.id);
  });
});

/** A case of politie and wijkteam, on the agenda of a meeting to which only politie is invited. */
async function meetingWorld() {
  const w = await world();
  const { t, reg } = w;
  const person = await createPerson(reg);
  const kase = await createCase(reg, {
    subjects: [{ kind: 'person', id: person.id }],
    partnerIds: [t.partners.politie, t.partners.wijkteam],
  });
  const chair = await t.addUser('ggz', ['professional']);
  const m = ok(
    await reg.post('/api/v1/meetings', {
      title: 'Overleg politie',
      kind: 'case',
      startsAt: new Date(Date.now() + 86_400_000).toISOString(),
      chairUserId: chair.id,
      partnerIds: [t.partners.politie],
      caseIds: [kase.id],
    }),
    201,
  );
  const meeting = JSON.parse(m) as { id: string };
  return { ...w, kase, meeting };
}

describe('meetingId', () => {
  it('on actions: null for whoever may not open the meeting, in every answer', async () => {
    const { t, reg, cop, care, kase, meeting } = await meetingWorld();
    const action = JSON.parse(
      ok(
        await reg.post(`/api/v1/cases/${kase.id}/actions`, {
          title: 'Huisbezoek',
          ownerPartnerId: t.partners.wijkteam,
          dueDate: '2099-01-01',
          meetingId: meeting.id,
        }),
        201,
      ),
    ) as { id: string };
    const c = await as(care);
    expect((await c.get(`/api/v1/meetings/${meeting.id}`)).statusCode).toBe(404);
    for (const url of [
      '/api/v1/actions',
      `/api/v1/actions?caseId=${kase.id}`,
      `/api/v1/actions/${action.id}`,
    ]) {
      const body = ok(await c.get(url));
      expect(body, url).toContain(action.id);
      expect(body, url).not.toContain(meeting.id);
    }
    const patched = ok(await c.patch(`/api/v1/actions/${action.id}`, { result: 'Gesproken' }));
    expect(patched).not.toContain(meeting.id);
    expect(JSON.parse(patched)).toMatchObject({ id: action.id, meetingId: null });
    // Filtering by a meeting the caller cannot open finds nothing.
    const filtered = JSON.parse(ok(await c.get(`/api/v1/actions?meetingId=${meeting.id}`))) as {
      total: number;
    };
    expect(filtered.total).toBe(0);

    const p = await as(cop);
    for (const url of ['/api/v1/actions', `/api/v1/actions/${action.id}`]) {
      expect(ok(await p.get(url)), url).toContain(meeting.id);
    }
    expect(ok(await reg.patch(`/api/v1/actions/${action.id}`, { result: 'Gezien' }))).toContain(meeting.id);
    expect(JSON.parse(ok(await p.get(`/api/v1/actions?meetingId=${meeting.id}`)))).toMatchObject({
      total: 1,
    });
  });

  it('on entries: the journal of a case gives minutes of a hidden meeting without its id', async () => {
    const { t, cop, care, kase, meeting } = await meetingWorld();
    await setMatrix(app, t, [
      { partner: 'politie', category: 'zorg', access: 'write' },
      { partner: 'wijkteam', category: 'zorg', access: 'read' },
    ]);
    const p = await as(cop);
    const minutes = JSON.parse(
      ok(
        await p.post(`/api/v1/meetings/${meeting.id}/minutes`, {
          caseId: kase.id,
          category: 'zorg',
          text: 'Afgesproken: huisbezoek',
        }),
        201,
      ),
    ) as { id: string; meetingId: string };
    expect(minutes.meetingId).toBe(meeting.id);

    const journal = ok(await (await as(care)).get(`/api/v1/cases/${kase.id}/entries`));
    expect(journal).toContain(minutes.id);
    expect(journal).not.toContain(meeting.id);
    expect(ok(await p.get(`/api/v1/cases/${kase.id}/entries`))).toContain(meeting.id);
  });
});

describe('signals', () => {
  async function signalWorld() {
    const w = await world();
    // Woonoverlast goes to wijkteam; schuldhulp reports.
    ok(
      await w.reg.post('/api/v1/signal-routes', {
        category: 'woonoverlast',
        partnerId: w.t.partners.wijkteam,
      }),
      201,
    );
    return w;
  }
  async function signal(c: Client, body: Record<string, unknown> = {}) {
    const res = await c.post('/api/v1/signals', {
      category: 'woonoverlast',
      description: 'Geluidsoverlast',
      source: 'professional',
      location: { street: 'Dorpsstraat', houseNumber: '7', postalCode: '9999AB', city: 'Voorbeeldstad' },
      ...body,
    });
    return JSON.parse(ok(res, 201)) as { id: string };
  }

  it('caseId and its history: hidden from reporter and routed partner who do not see the case', async () => {
    const { t, reg, care, debt, cop } = await signalWorld();
    const d = await as(debt);
    const s = await signal(d);
    const person = await createPerson(reg);
    const kase = await createCase(reg, {
      subjects: [{ kind: 'person', id: person.id }],
      partnerIds: [t.partners.politie],
    });
    const attached = ok(await reg.patch(`/api/v1/signals/${s.id}`, { caseId: kase.id }));
    expect(attached).toContain(kase.id);

    const c = await as(care);
    for (const who of [d, c]) {
      expect((await who.get(`/api/v1/cases/${kase.id}`)).statusCode).toBe(404);
      const read = ok(await who.get(`/api/v1/signals/${s.id}`));
      expect(read).not.toContain(kase.id);
      expect(JSON.parse(read)).toMatchObject({ id: s.id, caseId: null });
      const list = ok(await who.get('/api/v1/signals?limit=100'));
      expect(list).toContain(s.id);
      expect(list).not.toContain(kase.id);
    }
    // The routed partner's own change answers without the case too.
    const patched = ok(await c.patch(`/api/v1/signals/${s.id}`, { status: 'triage' }));
    expect(patched).not.toContain(kase.id);
    // A duplicate listed to the reporter does not carry it either.
    const dup = await signal(d);
    const dups = ok(await d.get(`/api/v1/signals/${dup.id}/duplicates`));
    expect(dups).toContain(s.id);
    expect(dups).not.toContain(kase.id);

    expect(ok(await reg.get(`/api/v1/signals/${s.id}`))).toContain(kase.id);
    // Politie takes part in the case: a signal it reported, attached to the case, shows it.
    const own = await signal(await as(cop));
    ok(await reg.patch(`/api/v1/signals/${own.id}`, { caseId: kase.id }));
    expect(ok(await (await as(cop)).get(`/api/v1/signals/${own.id}`))).toContain(kase.id);
  });

  it('personIds: only persons the caller may open', async () => {
    const { debt, care } = await signalWorld();
    const d = await as(debt);
    const person = await createPerson(d); // registered by schuldhulp
    const s = await signal(d, { personIds: [person.id] });
    const c = await as(care);
    expect((await c.get(`/api/v1/persons/${person.id}`)).statusCode).toBe(404);
    const read = ok(await c.get(`/api/v1/signals/${s.id}`));
    expect(read).not.toContain(person.id);
    expect(JSON.parse(read)).toMatchObject({ personIds: [] });
    expect(ok(await c.get('/api/v1/signals?limit=100'))).not.toContain(person.id);
    expect(ok(await c.patch(`/api/v1/signals/${s.id}`, { status: 'triage' }))).not.toContain(person.id);

    expect(ok(await d.get(`/api/v1/signals/${s.id}`))).toContain(person.id);
    expect(ok(await d.get('/api/v1/signals?limit=100'))).toContain(person.id);
  });

  it('mergedIntoId and the merge history: hidden from the reporter who cannot open the other signal', async () => {
    const { reg, debt, cop, care } = await signalWorld();
    const d = await as(debt);
    const dup = await signal(d);
    const into = await signal(await as(cop));
    ok(await reg.post(`/api/v1/signals/${dup.id}/merge`, { intoId: into.id }));
    expect((await d.get(`/api/v1/signals/${into.id}`)).statusCode).toBe(404);
    const read = ok(await d.get(`/api/v1/signals/${dup.id}`));
    expect(read).not.toContain(into.id);
    expect(JSON.parse(read)).toMatchObject({ mergedIntoId: null, status: 'closed' });
    expect(ok(await d.get('/api/v1/signals?limit=100'))).not.toContain(into.id);

    // The reporter of the other signal cannot open the duplicate: its history names it not.
    const p = await as(cop);
    expect((await p.get(`/api/v1/signals/${dup.id}`)).statusCode).toBe(404);
    expect(ok(await p.get(`/api/v1/signals/${into.id}`))).not.toContain(dup.id);

    // The routed partner sees both.
    const c = await as(care);
    expect(ok(await c.get(`/api/v1/signals/${dup.id}`))).toContain(into.id);
    expect(ok(await c.get(`/api/v1/signals/${into.id}`))).toContain(dup.id);
  });

  it('bundleId: the earlier signal at the address only for whoever may open it', async () => {
    const { debt, cop, care } = await signalWorld();
    const first = await signal(await as(cop)); // heads the bundle of the address
    const d = await as(debt);
    const second = await signal(d);
    expect((await d.get(`/api/v1/signals/${first.id}`)).statusCode).toBe(404);
    const read = ok(await d.get(`/api/v1/signals/${second.id}`));
    expect(read).not.toContain(first.id);
    expect(JSON.parse(read)).toMatchObject({ id: second.id, bundleId: null });
    expect(ok(await d.get('/api/v1/signals?limit=100'))).not.toContain(first.id);

    const c = await as(care);
    expect(JSON.parse(ok(await c.get(`/api/v1/signals/${second.id}`)))).toMatchObject({ bundleId: first.id });
  });

  it('the outreach worklist does not link a visit to a signal the visitor cannot open', async () => {
    const { t, reg, debt } = await signalWorld();
    const s = await signal(await as(debt));
    const visitor = await t.addUser('ggz', ['professional']);
    const date = amsterdamDate();
    ok(
      await reg.post(`/api/v1/signals/${s.id}/visits`, { plannedDate: date, visitorUserId: visitor.id }),
      201,
    );
    const v = await as(visitor);
    expect((await v.get(`/api/v1/signals/${s.id}`)).statusCode).toBe(404);
    const list = ok(await v.get(`/api/v1/outreach/worklist?date=${date}`));
    expect(JSON.parse(list)).toMatchObject({ total: 1, items: [{ signalId: null }] });
    expect(list).not.toContain(s.id);

    // A visitor of the routed partner may open it and gets the link.
    const care = await t.addUser('wijkteam', ['professional']);
    ok(await reg.post(`/api/v1/signals/${s.id}/visits`, { plannedDate: date, visitorUserId: care.id }), 201);
    expect(ok(await (await as(care)).get(`/api/v1/outreach/worklist?date=${date}`))).toContain(s.id);
  });
});

describe('the plan of approach', () => {
  it('a goal, score or linked case names its subject only for whoever may open it; an action its goal only with the domain', async () => {
    const { t, reg, care, debt } = await world();
    // Wijkteam reads zorg but not `basis`; schuldhulp reads neither.
    await setMatrix(app, t, [
      { partner: 'gemeente', category: 'zorg', access: 'write' },
      { partner: 'wijkteam', category: 'zorg', access: 'read' },
    ]);
    const member = await createPerson(reg);
    const hh = JSON.parse(
      ok(await reg.post('/api/v1/households', { name: 'Huishouden Plan', memberIds: [member.id] }), 201),
    ) as { id: string };
    const partnerIds = [t.partners.wijkteam, t.partners.schuldhulp];
    const householdCase = await createCase(reg, {
      type: 'household',
      subjects: [{ kind: 'household', id: hh.id }],
      partnerIds,
    });
    const memberCase = await createCase(reg, { subjects: [{ kind: 'person', id: member.id }], partnerIds });
    const goal = JSON.parse(
      ok(
        await reg.post(`/api/v1/cases/${memberCase.id}/goals`, {
          domain: 'sociaal_netwerk',
          subjectId: member.id,
          text: 'Contact met de buren',
        }),
        201,
      ),
    ) as { id: string };
    ok(
      await reg.post(`/api/v1/persons/${member.id}/assessments`, {
        caseId: memberCase.id,
        date: '2026-02-01',
        scores: [{ domain: 'sociaal_netwerk', score: 2 }],
      }),
      201,
    );
    const action = JSON.parse(
      ok(
        await reg.post(`/api/v1/cases/${memberCase.id}/actions`, {
          title: 'Buurtkamer bezoeken',
          ownerPartnerId: t.partners.wijkteam,
          dueDate: amsterdamDate(),
          goalId: goal.id,
        }),
        201,
      ),
    ) as { id: string };

    const c = await as(care);
    expect((await c.get(`/api/v1/persons/${member.id}`)).statusCode).toBe(404);
    const plan = ok(await c.get(`/api/v1/cases/${memberCase.id}/plan`));
    expect(plan).not.toContain(member.id);
    expect(JSON.parse(plan)).toMatchObject({
      goals: [{ id: goal.id, subjectId: null }],
      latestScores: [{ domain: 'sociaal_netwerk', subjectId: null }],
      householdCases: [{ id: householdCase.id, subjectId: null }],
    });
    const hhPlan = ok(await c.get(`/api/v1/cases/${householdCase.id}/plan`));
    expect(hhPlan).not.toContain(member.id);
    expect(hhPlan).not.toContain(hh.id);
    expect(JSON.parse(hhPlan)).toMatchObject({
      linkedCases: [{ id: memberCase.id, subjectId: null }],
      linkedGoals: [{ id: goal.id }],
    });
    expect(JSON.parse(ok(await c.get(`/api/v1/actions/${action.id}`)))).toMatchObject({ goalId: goal.id });

    // Schuldhulp sees the cases but may read no zorg: no goal, and the action without its goal.
    const d = await as(debt);
    const debtPlan = ok(await d.get(`/api/v1/cases/${memberCase.id}/plan`));
    expect(debtPlan).not.toContain(goal.id);
    expect(JSON.parse(ok(await d.get(`/api/v1/actions/${action.id}`)))).toMatchObject({ goalId: null });
    expect(ok(await d.get(`/api/v1/actions?caseId=${memberCase.id}`))).not.toContain(goal.id);

    // A member's case about two members: it names the one wijkteam may open (the one it registered).
    const own = await createPerson(c);
    const both = await createCase(reg, {
      subjects: [
        { kind: 'person', id: member.id },
        { kind: 'person', id: own.id },
      ],
      partnerIds,
    });
    ok(
      await reg.post('/api/v1/relations', {
        from: { kind: 'person', id: own.id },
        type: 'member_of',
        to: { kind: 'household', id: hh.id },
      }),
      201,
    );
    expect(
      (JSON.parse(ok(await c.get(`/api/v1/cases/${householdCase.id}/plan`))) as { linkedCases: unknown[] })
        .linkedCases,
    ).toContainEqual({ id: both.id, reference: both.reference, subjectId: own.id });

    // With `basis`, wijkteam gets the ids.
    await setMatrix(app, t, [{ partner: 'wijkteam', category: 'basis', access: 'read' }]);
    expect(
      (JSON.parse(ok(await c.get(`/api/v1/cases/${householdCase.id}/plan`))) as { linkedCases: unknown[] })
        .linkedCases,
    ).toContainEqual({ id: memberCase.id, reference: memberCase.reference, subjectId: member.id });
    expect(JSON.parse(ok(await c.get(`/api/v1/cases/${memberCase.id}/plan`)))).toMatchObject({
      goals: [{ id: goal.id, subjectId: member.id }],
      householdCases: [{ id: householdCase.id, subjectId: hh.id }],
    });
  });
});
