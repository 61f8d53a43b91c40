import {
  type Alert,
  alertListSchema,
  alertSchema,
  approachSchema,
  auditListSchema,
  indicatorSchema,
  meetingSchema,
  signalSchema,
} from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { col, rows } from '../src/db/rows.js';
import { addDays, amsterdamDate } from '../src/lib/time.js';
import { sendDigests } from '../src/modules/alerts/send-digests.js';
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
  type TestUser,
  testApp,
  testDb,
} from './helpers.js';
import { AlertStream } from './sse.js';

/*
 * The area approach's links and alerts (issue 13): cases, signals and meetings tied to the approach, shown
 * only as far as the caller may open them; a change to the approach alerts its coordinator like a case
 * director, in the app and by email, never the one who made the change.
 */

let app: FastifyInstance;
let t: TestTenant;
let reg: Client;
let wijk: string;
const NOBODY = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  app = await testApp();
  t = await newTenant(['gemeente', 'politie', 'wijkteam', 'ggz']);
  const ids = await loadMap(app, t, { code: 'WK7', name: 'Zevensprong', box: [5.3, 52.3, 0.02] }, [
    { code: 'BU71', name: 'Kruispunt', box: [5.3, 52.3, 0.01] },
  ]);
  wijk = ids.WK7 ?? '';
  reg = await loggedIn(app, t.regisseur);
});

const approachBody = (extra: Record<string, unknown> = {}) => ({
  areaId: wijk,
  title: 'Samen rond de Zevensprong',
  jointGoal: 'Minder woonoverlast en meer contact tussen buren',
  startDate: addDays(amsterdamDate(), -60),
  partnerIds: [t.partners.politie, t.partners.wijkteam],
  commitments: [{ partnerId: t.partners.politie, text: 'Wekelijks een buurtronde' }],
  ...extra,
});

async function newApproach(c: Client = reg, extra: Record<string, unknown> = {}) {
  return bodyOf(await c.post('/api/v1/approaches', approachBody(extra)), approachSchema, 201);
}

/** A case of the wijkteam (the politie does not take part), a signal and a meeting only the gemeente sees. */
async function targets() {
  const kase = await createCase(reg, { title: 'Woonoverlast Kruispunt', partnerIds: [t.partners.wijkteam] });
  const signal = bodyOf(
    await reg.post('/api/v1/signals', {
      category: 'woonoverlast',
      description: 'Geluidsoverlast in de avond',
      source: 'professional',
    }),
    signalSchema,
    201,
  );
  const meeting = bodyOf(
    await reg.post('/api/v1/meetings', {
      title: 'Wijkoverleg Zevensprong',
      kind: 'area',
      startsAt: `${addDays(amsterdamDate(), 7)}T09:00:00.000Z`,
      chairUserId: t.regisseur.id,
      partnerIds: [t.partners.wijkteam],
      caseIds: [],
    }),
    meetingSchema,
    201,
  );
  return { kase, signal, meeting };
}

async function alertsOf(u: TestUser, approachId: string): Promise<Alert[]> {
  const list = bodyOf(await (await loggedIn(app, u)).get('/api/v1/alerts?limit=200'), alertListSchema);
  return list.items.filter((a) => a.approachId === approachId);
}

async function emailsOf(userId: string) {
  return rows(
    await testDb(),
    z.object({
      idempotency_key: col.text,
      subject: col.text,
      body_text: col.text,
      case_id: col.uuid.nullable(),
    }),
    'SELECT idempotency_key, subject, body_text, case_id FROM email_outbox WHERE user_id = $1 ORDER BY created_at',
    [userId],
  );
}

const manualIndicator = {
  name: 'Buren die elkaar kennen',
  unit: '%',
  baseline: 30,
  target: 50,
  direction: 'up',
  source: 'manual',
};

describe('the coordinator of an approach', () => {
  it('is the regisseur who started it, or the active regisseur named', async () => {
    expect((await newApproach()).coordinatorUserId).toBe(t.regisseur.id);
    const other = await t.addUser('gemeente', ['regisseur']);
    const a = await newApproach(reg, { coordinatorUserId: other.id });
    expect(a).toMatchObject({ coordinatorUserId: other.id, coordinatorName: other.name });
    expect(bodyOf(await reg.get(`/api/v1/approaches/${a.id}`), approachSchema).coordinatorUserId).toBe(
      other.id,
    );
  });

  it('must be an active regisseur of the municipality (400 naming coordinatorUserId)', async () => {
    const gone = await t.addUser('gemeente', ['regisseur']);
    const admin = await loggedIn(app, t.admin);
    expect((await admin.patch(`/api/v1/users/${gone.id}`, { active: false })).statusCode).toBe(200);
    const elsewhere = await newTenant();
    for (const id of [t.professional.id, t.admin.id, gone.id, elsewhere.regisseur.id, NOBODY, 'geen-id']) {
      expectProblem(await reg.post('/api/v1/approaches', approachBody({ coordinatorUserId: id })), 400, [
        'coordinatorUserId',
      ]);
    }
  });
});

describe('cases, signals and meetings tied to an approach', () => {
  it('links each kind; the answer and GET show them by reference, status and time, without names', async () => {
    const a = await newApproach();
    expect(a.links).toEqual({ cases: [], signals: [], meetings: [] });
    const { kase, signal, meeting } = await targets();
    bodyOf(
      await reg.post(`/api/v1/approaches/${a.id}/links`, { kind: 'case', id: kase.id }),
      approachSchema,
      201,
    );
    bodyOf(
      await reg.post(`/api/v1/approaches/${a.id}/links`, { kind: 'signal', id: signal.id }),
      approachSchema,
      201,
    );
    const linked = bodyOf(
      await reg.post(`/api/v1/approaches/${a.id}/links`, { kind: 'meeting', id: meeting.id }),
      approachSchema,
      201,
    );
    const expected = {
      cases: [{ id: kase.id, reference: kase.reference, status: kase.status }],
      signals: [{ id: signal.id, status: signal.status, receivedAt: signal.createdAt }],
      meetings: [{ id: meeting.id, title: meeting.title, startsAt: meeting.startsAt, status: 'planned' }],
    };
    expect(linked.links).toEqual(expected);
    const res = await reg.get(`/api/v1/approaches/${a.id}`);
    expect(bodyOf(res, approachSchema).links).toEqual(expected);
    expect(res.body).not.toContain(kase.title);
    expect(res.body).not.toContain('Geluidsoverlast');
  });

  it('shows each caller only what they may open', async () => {
    const a = await newApproach();
    const { kase, signal, meeting } = await targets();
    for (const [kind, id] of [
      ['case', kase.id],
      ['signal', signal.id],
      ['meeting', meeting.id],
    ] as const) {
      expect((await reg.post(`/api/v1/approaches/${a.id}/links`, { kind, id })).statusCode).toBe(201);
    }
    // The politie takes part in the approach, not in the case, the signal or the meeting.
    const cop = await loggedIn(app, t.professional);
    const copRes = await cop.get(`/api/v1/approaches/${a.id}`);
    expect(bodyOf(copRes, approachSchema).links).toEqual({ cases: [], signals: [], meetings: [] });
    for (const hidden of [kase.id, kase.reference, signal.id, meeting.id, meeting.title]) {
      expect(copRes.body).not.toContain(hidden);
    }
    // The wijkteam takes part in the case and is invited to the meeting; the signal is the gemeente's.
    const care = await loggedIn(app, await t.addUser('wijkteam', ['professional']));
    const seen = bodyOf(await care.get(`/api/v1/approaches/${a.id}`), approachSchema).links;
    expect(seen.cases.map((c) => c.reference)).toEqual([kase.reference]);
    expect(seen.signals).toEqual([]);
    expect(seen.meetings.map((m) => m.id)).toEqual([meeting.id]);
  });

  it('answers 404 for an approach or target of another municipality or unknown, 409 when linked already', async () => {
    const a = await newApproach();
    const { kase } = await targets();
    const other = await newTenant();
    const theirReg = await loggedIn(app, other.regisseur);
    const theirCase = await createCase(theirReg, { title: 'Elders' });
    const theirs = bodyOf(
      await theirReg.post('/api/v1/approaches', {
        ...approachBody(),
        areaId: (await loadMap(app, other, { code: 'WK9', name: 'Elders', box: [5.5, 52.5, 0.02] }, [])).WK9,
        partnerIds: [other.partners.politie],
        commitments: [],
      }),
      approachSchema,
      201,
    );
    expectProblem(
      await theirReg.post(`/api/v1/approaches/${a.id}/links`, { kind: 'case', id: theirCase.id }),
      404,
    );
    expectProblem(
      await reg.post(`/api/v1/approaches/${theirs.id}/links`, { kind: 'case', id: kase.id }),
      404,
    );
    expectProblem(
      await reg.post(`/api/v1/approaches/${a.id}/links`, { kind: 'case', id: theirCase.id }),
      404,
    );
    expectProblem(await reg.post(`/api/v1/approaches/${NOBODY}/links`, { kind: 'case', id: kase.id }), 404);
    for (const kind of ['case', 'signal', 'meeting']) {
      expectProblem(await reg.post(`/api/v1/approaches/${a.id}/links`, { kind, id: NOBODY }), 404);
    }
    // A case is not a meeting.
    expectProblem(await reg.post(`/api/v1/approaches/${a.id}/links`, { kind: 'meeting', id: kase.id }), 404);

    expect(
      (await reg.post(`/api/v1/approaches/${a.id}/links`, { kind: 'case', id: kase.id })).statusCode,
    ).toBe(201);
    expectProblem(await reg.post(`/api/v1/approaches/${a.id}/links`, { kind: 'case', id: kase.id }), 409);
    expect(bodyOf(await reg.get(`/api/v1/approaches/${a.id}`), approachSchema).links.cases).toHaveLength(1);
    // The other municipality cannot undo it either.
    expectProblem(await theirReg.delete(`/api/v1/approaches/${a.id}/links/case/${kase.id}`), 404);
  });

  it('names what is wrong in a link', async () => {
    const a = await newApproach();
    const { kase } = await targets();
    const url = `/api/v1/approaches/${a.id}/links`;
    expectProblem(await reg.post(url, { kind: 'person', id: kase.id }), 400, ['kind']);
    expectProblem(await reg.post(url, { id: kase.id }), 400, ['kind']);
    expectProblem(await reg.post(url, { kind: 'case', id: 'geen-id' }), 400, ['id']);
    expectProblem(await reg.post(url, { kind: 'case', id: kase.id, note: 'x' }), 400);
    expectProblem(await reg.delete(`${url}/person/${kase.id}`), 400, ['kind']);
    expectProblem(await reg.delete(`${url}/case/geen-id`), 400, ['targetId']);
    expect(bodyOf(await reg.get(`/api/v1/approaches/${a.id}`), approachSchema).links.cases).toEqual([]);
  });

  it('is linked and unlinked by the regisseur only', async () => {
    const a = await newApproach();
    const { kase } = await targets();
    const url = `/api/v1/approaches/${a.id}/links`;
    for (const user of [t.professional, t.admin, t.auditor]) {
      const c = await loggedIn(app, user);
      expectProblem(await c.post(url, { kind: 'case', id: kase.id }), 403);
    }
    expectProblem(await new Anonymous(app).post(url, { kind: 'case', id: kase.id }), 401);
    expect((await reg.post(url, { kind: 'case', id: kase.id })).statusCode).toBe(201);
    expectProblem(await (await loggedIn(app, t.professional)).delete(`${url}/case/${kase.id}`), 403);
    expectProblem(await new Anonymous(app).delete(`${url}/case/${kase.id}`), 401);
    expect(bodyOf(await reg.get(`/api/v1/approaches/${a.id}`), approachSchema).links.cases).toHaveLength(1);
  });

  it('unlinks (204), then the link is gone (404 a second time); both are audited', async () => {
    const a = await newApproach();
    const { kase, meeting } = await targets();
    const url = `/api/v1/approaches/${a.id}/links`;
    expect((await reg.post(url, { kind: 'case', id: kase.id })).statusCode).toBe(201);
    expect((await reg.post(url, { kind: 'meeting', id: meeting.id })).statusCode).toBe(201);
    expect((await reg.delete(`${url}/case/${kase.id}`)).statusCode).toBe(204);
    const after = bodyOf(await reg.get(`/api/v1/approaches/${a.id}`), approachSchema);
    expect(after.links.cases).toEqual([]);
    expect(after.links.meetings.map((m) => m.id)).toEqual([meeting.id]);
    expectProblem(await reg.delete(`${url}/case/${kase.id}`), 404);
    expectProblem(await reg.delete(`${url}/signal/${meeting.id}`), 404);
    expectProblem(await reg.delete(`/api/v1/approaches/${NOBODY}/links/case/${kase.id}`), 404);
    // Linked again after unlinking: no conflict.
    expect((await reg.post(url, { kind: 'case', id: kase.id })).statusCode).toBe(201);

    const log = bodyOf(
      await (await loggedIn(app, t.auditor)).get(`/api/v1/audit?objectId=${a.id}`),
      auditListSchema,
    );
    const writes = log.items.filter(
      (i) =>
        i.objectType === 'approach' && i.userId === t.regisseur.id && ['create', 'update'].includes(i.action),
    );
    expect(writes.map((i) => i.action).sort()).toEqual(['create', 'update', 'update', 'update', 'update']);
  });
});

describe('alerts about an approach', () => {
  it('reach the coordinator in the app and by email when another user measures, never the one who measured', async () => {
    const a = await newApproach();
    const indicator = bodyOf(
      await reg.post(`/api/v1/approaches/${a.id}/indicators`, manualIndicator),
      indicatorSchema,
      201,
    );
    // The coordinator added the indicator: no alert to themselves.
    expect(await alertsOf(t.regisseur, a.id)).toEqual([]);
    const emailsBefore = (await emailsOf(t.regisseur.id)).length;

    const cop = await loggedIn(app, t.professional);
    bodyOf(
      await cop.post(`/api/v1/indicators/${indicator.id}/measurements`, {
        date: addDays(amsterdamDate(), -3),
        value: 35,
      }),
      indicatorSchema,
      201,
    );
    const alerts = await alertsOf(t.regisseur, a.id);
    expect(alerts).toMatchObject([
      { kind: 'indicator_measured', approachId: a.id, caseId: null, caseReference: null, signalId: null },
    ]);
    expect(await alertsOf(t.professional, a.id)).toEqual([]);

    const emails = await emailsOf(t.regisseur.id);
    expect(emails).toHaveLength(emailsBefore + 1);
    const email = emails.at(-1);
    expect(email).toMatchObject({ idempotency_key: `alert:${alerts[0]?.id}`, case_id: null });
    expect(email?.body_text).toContain(`http://localhost:3000/wijkbeeld/aanpak/${a.id}`);
    // The approach's id is in the link; anything else from the approach or the measurement must not be.
    const text = `${email?.subject} ${email?.body_text}`.replaceAll(a.id, '<id>');
    for (const secret of [t.professional.name, t.regisseur.name, a.title, manualIndicator.name, '35']) {
      expect(text).not.toContain(secret);
    }

    // The coordinator measures themselves: nothing new.
    bodyOf(
      await reg.post(`/api/v1/indicators/${indicator.id}/measurements`, {
        date: addDays(amsterdamDate(), -1),
        value: 38,
      }),
      indicatorSchema,
      201,
    );
    expect(await alertsOf(t.regisseur, a.id)).toHaveLength(1);
    expect(await emailsOf(t.regisseur.id)).toHaveLength(emailsBefore + 1);

    // Read and marked read like any other alert.
    const me = await loggedIn(app, t.regisseur);
    expect((await me.post(`/api/v1/alerts/${alerts[0]?.id}/read`)).statusCode).toBe(204);
    expect((await alertsOf(t.regisseur, a.id))[0]?.readAt).not.toBeNull();
  });

  it('tell a coordinator who is not the changer of an indicator and a link; per their email choice', async () => {
    const coordinator = await t.addUser('gemeente', ['regisseur']);
    const a = await newApproach(reg, { coordinatorUserId: coordinator.id });
    const mine = await loggedIn(app, coordinator);
    expect((await mine.put('/api/v1/me/preferences', { email: 'off' })).statusCode).toBe(200);
    const { kase } = await targets();

    expect((await reg.post(`/api/v1/approaches/${a.id}/indicators`, manualIndicator)).statusCode).toBe(201);
    expect(
      (await reg.post(`/api/v1/approaches/${a.id}/links`, { kind: 'case', id: kase.id })).statusCode,
    ).toBe(201);
    expect((await reg.delete(`/api/v1/approaches/${a.id}/links/case/${kase.id}`)).statusCode).toBe(204);
    const alerts = await alertsOf(coordinator, a.id);
    expect(alerts.map((x) => x.kind)).toEqual(['approach_changed', 'approach_changed', 'approach_changed']);
    // No case reference travels in an alert about the approach.
    expect(alerts.every((x) => x.caseId === null && x.caseReference === null)).toBe(true);
    // Email off: in the app only.
    expect(await emailsOf(coordinator.id)).toEqual([]);
    // The regisseur who made the changes hears nothing of them.
    expect(await alertsOf(t.regisseur, a.id)).toEqual([]);
  });

  it('never reach a deactivated coordinator', async () => {
    const coordinator = await t.addUser('gemeente', ['regisseur']);
    const a = await newApproach(reg, { coordinatorUserId: coordinator.id });
    const admin = await loggedIn(app, t.admin);
    expect((await admin.patch(`/api/v1/users/${coordinator.id}`, { active: false })).statusCode).toBe(200);
    expect((await reg.post(`/api/v1/approaches/${a.id}/indicators`, manualIndicator)).statusCode).toBe(201);
    const stored = await rows(
      await testDb(),
      z.object({ n: col.int }),
      'SELECT count(*)::int AS n FROM alerts WHERE approach_id = $1',
      [a.id],
    );
    expect(stored[0]?.n).toBe(0);
    expect(await emailsOf(coordinator.id)).toEqual([]);
  });

  it("arrive live on the coordinator's stream, linking to the approach", async () => {
    const a = await newApproach();
    const indicator = bodyOf(
      await reg.post(`/api/v1/approaches/${a.id}/indicators`, manualIndicator),
      indicatorSchema,
      201,
    );
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    const stream = await AlertStream.open(base, (await loggedIn(app, t.regisseur)).cookie);
    try {
      const cop = await loggedIn(app, t.professional);
      expect(
        (
          await cop.post(`/api/v1/indicators/${indicator.id}/measurements`, {
            date: amsterdamDate(),
            value: 40,
          })
        ).statusCode,
      ).toBe(201);
      const [live] = await stream.waitFor(1);
      expect(alertSchema.parse(live)).toMatchObject({ kind: 'indicator_measured', approachId: a.id });
    } finally {
      stream.close();
    }
  });

  it('go into the daily digest of a coordinator who chose one', async () => {
    const coordinator = await t.addUser('gemeente', ['regisseur']);
    const a = await newApproach(reg, { coordinatorUserId: coordinator.id });
    const mine = await loggedIn(app, coordinator);
    expect((await mine.put('/api/v1/me/preferences', { email: 'daily' })).statusCode).toBe(200);
    expect((await reg.post(`/api/v1/approaches/${a.id}/indicators`, manualIndicator)).statusCode).toBe(201);
    expect((await reg.post(`/api/v1/approaches/${a.id}/indicators`, manualIndicator)).statusCode).toBe(201);
    expect(await emailsOf(coordinator.id)).toEqual([]);
    await sendDigests(await testDb(), 'http://localhost:3000', amsterdamDate());
    const [digest] = await emailsOf(coordinator.id);
    expect(digest?.body_text).toContain('Wijkaanpak: wijkaanpak gewijzigd (2×)');
    expect(digest?.body_text).not.toContain(a.title);
  });
});
