import { type Meeting, meetingListSchema, meetingSchema } from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db/db.js';
import {
  auditUpdates,
  bodyOf,
  type CaseJson,
  type Client,
  createCase,
  createPerson,
  expectProblem,
  loggedIn,
  newTenant,
  type TestTenant,
  type TestUser,
  testApp,
  testDb,
} from './helpers.js';

/**
 * `PATCH /meetings/:id` as issue 11 has it: edit, move, cancel, agenda add/remove and attendance;
 * who may not, bad input that changes nothing, and the audit record of each change.
 */

let app: FastifyInstance;
let db: Db;
let t: TestTenant;
let other: TestTenant;
let reg: Client;
let chair: TestUser;
let cop: TestUser;
let care: TestUser;
let outsider: TestUser;
let policeCase: CaseJson; // politie + wijkteam
let careCase: CaseJson; // wijkteam only
let otherCase: CaseJson; // gemeente only: the chair (wijkteam) cannot see it
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString();

async function newMeeting(body: Record<string, unknown> = {}): Promise<Meeting> {
  const res = await reg.post('/api/v1/meetings', {
    title: 'Casusoverleg Zuid',
    kind: 'case',
    startsAt: inDays(1),
    chairUserId: chair.id,
    partnerIds: [t.partners.politie, t.partners.wijkteam],
    caseIds: [],
    ...body,
  });
  return bodyOf(res, meetingSchema, 201);
}

const meetingOf = async (c: Client, id: string) =>
  bodyOf(await c.get(`/api/v1/meetings/${id}`), meetingSchema);

const auditDetails = async (objectId: string) =>
  (await auditUpdates(db, t.id, objectId)).map((r) => r.details);
const auditRecords = async (objectId: string) =>
  (await auditUpdates(db, t.id, objectId)).map(({ userId, objectIds }) => ({ userId, objectIds }));

beforeAll(async () => {
  app = await testApp();
  db = await testDb();
  t = await newTenant(['gemeente', 'politie', 'wijkteam', 'ggz']);
  other = await newTenant(['gemeente', 'politie']);
  reg = await loggedIn(app, t.regisseur);
  chair = await t.addUser('wijkteam', ['professional']);
  cop = t.professional;
  care = await t.addUser('wijkteam', ['professional']);
  outsider = await t.addUser('ggz', ['professional']);
  policeCase = await createCase(reg, {
    title: 'Overlast Kerkplein',
    partnerIds: [t.partners.politie, t.partners.wijkteam],
    subjects: [{ kind: 'person', id: (await createPerson(reg)).id }],
  });
  careCase = await createCase(reg, {
    title: 'Gezin Lindelaan',
    partnerIds: [t.partners.wijkteam],
    subjects: [{ kind: 'person', id: (await createPerson(reg)).id }],
  });
  otherCase = await createCase(reg, {
    title: 'Leegstand Dorpsstraat',
    partnerIds: [t.partners.gemeente],
    subjects: [{ kind: 'person', id: (await createPerson(reg)).id }],
  });
});

describe('editing a meeting', () => {
  it('the chair renames and moves it; the answer and a fresh read show the change; it is audited', async () => {
    const m = await newMeeting();
    const ch = await loggedIn(app, chair);
    const later = inDays(3);
    const res = await ch.patch(`/api/v1/meetings/${m.id}`, {
      title: 'Casusoverleg Zuid (verplaatst)',
      startsAt: later,
    });
    const changed = bodyOf(res, meetingSchema);
    expect(changed).toMatchObject({
      title: 'Casusoverleg Zuid (verplaatst)',
      status: 'planned',
      cancelledAt: null,
    });
    expect(new Date(changed.startsAt).toISOString()).toBe(later);
    expect(await meetingOf(reg, m.id)).toMatchObject({ title: 'Casusoverleg Zuid (verplaatst)' });
    expect((await auditRecords(m.id)).map((a) => a.userId)).toContain(chair.id);
    const [details] = (await auditDetails(m.id)).slice(-1);
    expect(details).toMatchObject({ startsAt: { from: m.startsAt, to: later } });
  });

  it('adds and removes cases on the agenda; a case added must be visible to the caller; hidden items stay', async () => {
    const m = await newMeeting({ caseIds: [policeCase.id, otherCase.id] });
    const ch = await loggedIn(app, chair);
    // The chair (wijkteam) sees policeCase and careCase, not otherCase.
    expect((await meetingOf(ch, m.id)).agenda.map((a) => a.caseId)).toEqual([policeCase.id]);
    const added = bodyOf(
      await ch.patch(`/api/v1/meetings/${m.id}`, { caseIds: [policeCase.id, careCase.id] }),
      meetingSchema,
    );
    expect(added.agenda.map((a) => a.caseId)).toEqual([policeCase.id, careCase.id]);
    const removed = bodyOf(
      await ch.patch(`/api/v1/meetings/${m.id}`, { caseIds: [careCase.id] }),
      meetingSchema,
    );
    expect(removed.agenda.map((a) => a.caseId)).toEqual([careCase.id]);
    // The regisseur still sees the item the chair could not see.
    expect((await meetingOf(reg, m.id)).agenda.map((a) => a.caseId).sort()).toEqual(
      [careCase.id, otherCase.id].sort(),
    );
    // A case the chair cannot see cannot be added by them (the same answer as a missing one).
    const before = await meetingOf(reg, m.id);
    expectProblem(await ch.patch(`/api/v1/meetings/${m.id}`, { caseIds: [careCase.id, otherCase.id] }), 400, [
      'caseIds.1',
    ]);
    expectProblem(await ch.patch(`/api/v1/meetings/${m.id}`, { caseIds: [other.partners.politie] }), 400, [
      'caseIds.0',
    ]);
    expect(await meetingOf(reg, m.id)).toEqual(before);
    // The audit names what came and went, and records the cases among the objects.
    const details = await auditDetails(m.id);
    expect(details).toContainEqual(
      expect.objectContaining({ agenda: { added: [careCase.id], removed: [] } }),
    );
    expect(details).toContainEqual(
      expect.objectContaining({ agenda: { added: [], removed: [policeCase.id] } }),
    );
    expect((await auditRecords(m.id)).some((a) => a.objectIds.includes(policeCase.id))).toBe(true);
  });

  it('records attendance: the chair and users of invited partners, present or absent; others keep theirs', async () => {
    const m = await newMeeting({ caseIds: [policeCase.id] });
    const ch = await loggedIn(app, chair);
    const first = bodyOf(
      await ch.patch(`/api/v1/meetings/${m.id}`, {
        attendance: [
          { userId: chair.id, present: true },
          { userId: cop.id, present: true },
          { userId: care.id, present: false },
        ],
      }),
      meetingSchema,
    );
    expect(first.attendance.map((a) => [a.userId, a.present]).sort()).toEqual(
      [
        [chair.id, true],
        [cop.id, true],
        [care.id, false],
      ].sort(),
    );
    expect(first.attendance.find((a) => a.userId === cop.id)).toMatchObject({
      name: cop.name,
      partnerId: cop.partnerId,
    });
    // Correct one person; the others stay as recorded.
    const second = bodyOf(
      await ch.patch(`/api/v1/meetings/${m.id}`, { attendance: [{ userId: care.id, present: true }] }),
      meetingSchema,
    );
    expect(
      second.attendance
        .filter((a) => a.present)
        .map((a) => a.userId)
        .sort(),
    ).toEqual([chair.id, cop.id, care.id].sort());
    // Every invitee who sees the meeting sees the list.
    expect((await meetingOf(await loggedIn(app, cop), m.id)).attendance).toHaveLength(3);
    // Lists show it too.
    const list = bodyOf(await ch.get('/api/v1/meetings?upcoming=true'), meetingListSchema);
    expect(list.items.find((x) => x.id === m.id)?.attendance).toHaveLength(3);
    // Somebody of a partner that was not invited, another tenant's user, a duplicate: 400, nothing changes.
    const before = await meetingOf(reg, m.id);
    expectProblem(
      await ch.patch(`/api/v1/meetings/${m.id}`, { attendance: [{ userId: outsider.id, present: true }] }),
      400,
      ['attendance.0.userId'],
    );
    expectProblem(
      await ch.patch(`/api/v1/meetings/${m.id}`, {
        attendance: [
          { userId: cop.id, present: false },
          { userId: other.regisseur.id, present: true },
        ],
      }),
      400,
      ['attendance.1.userId'],
    );
    expectProblem(
      await ch.patch(`/api/v1/meetings/${m.id}`, {
        attendance: [
          { userId: cop.id, present: false },
          { userId: cop.id, present: true },
        ],
      }),
      400,
      ['attendance'],
    );
    expectProblem(await ch.patch(`/api/v1/meetings/${m.id}`, { attendance: [{ userId: cop.id }] }), 400, [
      'attendance.0.present',
    ]);
    expect(await meetingOf(reg, m.id)).toEqual(before);
    expect(await auditDetails(m.id)).toContainEqual(
      expect.objectContaining({ attendance: [{ userId: care.id, present: true }] }),
    );
  });

  it('cancels a meeting: it stays, shown as cancelled, and can no longer be changed (409)', async () => {
    const m = await newMeeting({ caseIds: [policeCase.id] });
    const ch = await loggedIn(app, chair);
    const cancelled = bodyOf(
      await ch.patch(`/api/v1/meetings/${m.id}`, { status: 'cancelled' }),
      meetingSchema,
    );
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.cancelledAt).not.toBeNull();
    expect(cancelled.agenda.map((a) => a.caseId)).toEqual([policeCase.id]);
    const asCop = await meetingOf(await loggedIn(app, cop), m.id);
    expect(asCop.status).toBe('cancelled');
    expectProblem(await ch.patch(`/api/v1/meetings/${m.id}`, { title: 'Toch wel' }), 409);
    expectProblem(await reg.patch(`/api/v1/meetings/${m.id}`, { status: 'cancelled' }), 409);
    expect(await meetingOf(reg, m.id)).toMatchObject({ title: m.title, status: 'cancelled' });
    expect(await auditDetails(m.id)).toContainEqual(expect.objectContaining({ cancelled: true }));
  });

  it('only the chair, the planner or a regisseur; an invitee gets 403, who cannot see it 404, nothing changes', async () => {
    const m = await newMeeting({ caseIds: [policeCase.id] });
    const before = await meetingOf(reg, m.id);
    for (const body of [
      { title: 'Anders' },
      { status: 'cancelled' },
      { attendance: [{ userId: cop.id, present: true }] },
    ]) {
      expectProblem(await (await loggedIn(app, cop)).patch(`/api/v1/meetings/${m.id}`, body), 403);
      expectProblem(await (await loggedIn(app, outsider)).patch(`/api/v1/meetings/${m.id}`, body), 404);
      expectProblem(
        await (await loggedIn(app, other.regisseur)).patch(`/api/v1/meetings/${m.id}`, body),
        404,
      );
    }
    // Roles without meetings at all: 403 before anything is looked up.
    expectProblem(
      await (await loggedIn(app, t.admin)).patch(`/api/v1/meetings/${m.id}`, { title: 'X' }),
      403,
    );
    expectProblem(
      await (await loggedIn(app, t.auditor)).patch(`/api/v1/meetings/${m.id}`, { title: 'X' }),
      403,
    );
    expect(await meetingOf(reg, m.id)).toEqual(before);
    // A regisseur who is not the chair may.
    expect(
      bodyOf(await reg.patch(`/api/v1/meetings/${m.id}`, { title: 'Door de regisseur' }), meetingSchema)
        .title,
    ).toBe('Door de regisseur');
  });

  it('rejects bad input with 400 naming the field, and changes nothing', async () => {
    const m = await newMeeting({ caseIds: [policeCase.id] });
    const before = await meetingOf(reg, m.id);
    const bad: [Record<string, unknown>, string][] = [
      [{}, '(body)'],
      [{ title: '' }, 'title'],
      [{ title: 'x'.repeat(201) }, 'title'],
      [{ startsAt: 'volgende week' }, 'startsAt'],
      [{ status: 'planned' }, 'status'],
      [{ status: 'afgelast' }, 'status'],
      [{ caseIds: ['geen-id'] }, 'caseIds.0'],
      [{ attendance: 'iedereen' }, 'attendance'],
      [{ attendance: [{ userId: 'x', present: true }] }, 'attendance.0.userId'],
      [{ chairUserId: chair.id }, 'chairUserId'],
      [{ title: 'Goed', status: 'cancelled', extra: 1 }, 'extra'],
    ];
    for (const [body, field] of bad) {
      expectProblem(await reg.patch(`/api/v1/meetings/${m.id}`, body), 400, [field]);
    }
    expectProblem(await reg.patch('/api/v1/meetings/geen-id', { title: 'X' }), 400, ['id']);
    expect(await meetingOf(reg, m.id)).toEqual(before);
  });

  it('a deactivated partner cannot be newly invited; one already invited may stay', async () => {
    const admin = await loggedIn(app, t.admin);
    const m = await newMeeting({ partnerIds: [t.partners.politie, t.partners.wijkteam, t.partners.ggz] });
    expect((await admin.patch(`/api/v1/partners/${t.partners.ggz}`, { active: false })).statusCode).toBe(200);
    try {
      // Still invited: the meeting can be edited with it in the list.
      const kept = bodyOf(
        await reg.patch(`/api/v1/meetings/${m.id}`, {
          partnerIds: [t.partners.politie, t.partners.wijkteam, t.partners.ggz],
          title: 'Met GGZ',
        }),
        meetingSchema,
      );
      expect(kept.partnerIds).toContain(t.partners.ggz);
      // Not invited yet: refused, for a change and for a new meeting.
      const n = await newMeeting({ partnerIds: [t.partners.politie] });
      expectProblem(
        await reg.patch(`/api/v1/meetings/${n.id}`, { partnerIds: [t.partners.politie, t.partners.ggz] }),
        400,
        ['partnerIds.1'],
      );
      expectProblem(
        await reg.post('/api/v1/meetings', {
          title: 'Nieuw',
          kind: 'case',
          startsAt: inDays(2),
          chairUserId: chair.id,
          partnerIds: [t.partners.ggz],
          caseIds: [],
        }),
        400,
        ['partnerIds.0'],
      );
    } finally {
      expect((await admin.patch(`/api/v1/partners/${t.partners.ggz}`, { active: true })).statusCode).toBe(
        200,
      );
    }
  });
});
