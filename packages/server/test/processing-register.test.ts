import {
  auditListSchema,
  auditVerifySchema,
  caseDetailSchema,
  caseSchema,
  DEFAULT_PROCESSING_ACTIVITIES,
  type ProcessingActivity,
  processingActivityListSchema,
  processingActivitySchema,
  signalSchema,
} from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { col, rows } from '../src/db/rows.js';
import { chainHash, GENESIS_HASH } from '../src/modules/audit/chain.js';
import {
  bodyOf,
  type Client,
  createCase,
  createPerson,
  expectProblem,
  loggedIn,
  newTenant,
  setMatrix,
  TEST_AUDIT_KEY,
  type TestTenant,
  testApp,
  testDb,
} from './helpers.js';

/*
 * The register of processing activities (issue 15, point 1): every staff member reads it, the admin
 * keeps it; every case and signal is under one activity (default by case type / signal source), which
 * a regisseur changes with a reason; audit records carry the activity and the request's trace id, and
 * the chain still verifies.
 */

const URL = '/api/v1/processing-activities';

let app: FastifyInstance;
let t: TestTenant;
let admin: Client;
let reg: Client;
let prof: Client;
let auditor: Client;
let register: ProcessingActivity[];

const byName = (name: string) => {
  const found = register.find((a) => a.name === name);
  if (!found) throw new Error(`no activity ${name}`);
  return found;
};

const newActivity = {
  name: 'Huisvesting statushouders',
  purpose: 'Huisvesting en begeleiding van statushouders.',
  legalBasis: 'AVG art. 6 lid 1 sub c (wettelijke verplichting)',
  retentionDays: 1095,
  categories: ['basis', 'wonen'],
  lawReference: 'Huisvestingswet 2014 art. 28',
};

beforeAll(async () => {
  app = await testApp();
  t = await newTenant();
  admin = await loggedIn(app, t.admin);
  reg = await loggedIn(app, t.regisseur);
  prof = await loggedIn(app, t.professional);
  auditor = await loggedIn(app, t.auditor);
  register = bodyOf(await prof.get(URL), processingActivityListSchema).items;
});
afterAll(async () => {
  await app.close();
});

describe('the register', () => {
  it('starts with the default register and is read by every staff role, not without a session', async () => {
    expect(register.map((a) => a.name)).toEqual(DEFAULT_PROCESSING_ACTIVITIES.map((a) => a.name));
    const schulden = byName('Vroegsignalering schulden');
    expect(schulden.legalBasis).toMatch(/AVG art\. 6 lid 1 sub e/);
    expect(schulden.lawReference).toMatch(/Wet gemeentelijke schuldhulpverlening/);
    expect(schulden.defaultForSignalSources).toContain('creditor');
    for (const c of [admin, reg, auditor]) bodyOf(await c.get(URL), processingActivityListSchema);
    const body = (await prof.get(URL)).json() as { items: Record<string, unknown>[] };
    expect(Object.keys(body)).toEqual(['items']);
    for (const key of ['id', 'name', 'purpose', 'legalBasis', 'retentionDays', 'categories']) {
      expect(body.items[0]).toHaveProperty(key);
    }
    expectProblem(await app.inject({ method: 'GET', url: URL }), 401);
  });

  it('only the admin adds and changes activities', async () => {
    for (const c of [reg, prof, auditor]) {
      expectProblem(await c.post(URL, newActivity), 403);
      expectProblem(await c.patch(`${URL}/${register[0]!.id}`, { retentionDays: 10 }), 403);
    }
    expectProblem(await app.inject({ method: 'POST', url: URL, payload: newActivity }), 401);
    expect(bodyOf(await prof.get(URL), processingActivityListSchema).items).toEqual(register);
  });

  it('the admin adds one; it is audited', async () => {
    const created = bodyOf(await admin.post(URL, newActivity), processingActivitySchema, 201);
    expect(created).toMatchObject({ ...newActivity, recipients: null, defaultForCaseTypes: [] });
    const list = bodyOf(await prof.get(URL), processingActivityListSchema).items;
    expect(list.at(-1)).toEqual(created);
    const log = bodyOf(await auditor.get(`/api/v1/audit?objectId=${created.id}`), auditListSchema);
    expect(log.items.map((i) => [i.action, i.objectType])).toContainEqual(['create', 'processing_activity']);
  });

  it('refuses bad input naming the field, and changes nothing', async () => {
    const before = bodyOf(await prof.get(URL), processingActivityListSchema).items;
    const bad: [Record<string, unknown>, string][] = [
      [{ ...newActivity, name: ' ' }, 'name'],
      [{ ...newActivity, name: 'Anders', purpose: '' }, 'purpose'],
      [{ ...newActivity, name: 'Anders', legalBasis: undefined }, 'legalBasis'],
      [{ ...newActivity, name: 'Anders', retentionDays: 0 }, 'retentionDays'],
      [{ ...newActivity, name: 'Anders', retentionDays: 2.5 }, 'retentionDays'],
      [{ ...newActivity, name: 'Anders', retentionDays: '30' }, 'retentionDays'],
      [{ ...newActivity, name: 'Anders', categories: ['basis', 'bestaat_niet'] }, 'categories'],
      [{ ...newActivity, name: 'Anders', categories: 'basis' }, 'categories'],
      [{ ...newActivity, name: 'Anders', defaultForCaseTypes: ['vliegtuig'] }, 'defaultForCaseTypes.0'],
      [{ ...newActivity, name: 'Anders', extra: 1 }, 'extra'],
    ];
    for (const [body, field] of bad) {
      const res = await admin.post(URL, body);
      const problem = expectProblem(res, 400);
      expect(problem.errors?.map((e) => e.path).join(' ')).toContain(field);
    }
    expectProblem(await admin.post(URL, { ...newActivity }), 409, ['name']);
    const id = register[0]!.id;
    expectProblem(await admin.patch(`${URL}/${id}`, { retentionDays: -1 }), 400, ['retentionDays']);
    expectProblem(await admin.patch(`${URL}/${id}`, { categories: ['nope'] }), 400, ['categories']);
    expectProblem(await admin.patch(`${URL}/${id}`, {}), 400);
    expectProblem(await admin.patch(`${URL}/${id}`, { name: register[1]!.name }), 409, ['name']);
    expectProblem(
      await admin.patch(`${URL}/00000000-0000-4000-8000-000000000000`, { retentionDays: 5 }),
      404,
    );
    expectProblem(await admin.patch(`${URL}/nope`, { retentionDays: 5 }), 400);
    expect(bodyOf(await prof.get(URL), processingActivityListSchema).items).toEqual(before);
  });

  it('the admin changes fields; a default moves from the activity that had it', async () => {
    const jeugd = byName('Jeugd');
    const changed = bodyOf(
      await admin.patch(`${URL}/${jeugd.id}`, { retentionDays: 7305, defaultForCaseTypes: ['household'] }),
      processingActivitySchema,
    );
    expect(changed).toMatchObject({ retentionDays: 7305, defaultForCaseTypes: ['household'] });
    const list = bodyOf(await prof.get(URL), processingActivityListSchema).items;
    expect(list.find((a) => a.name === 'Gezinsaanpak')?.defaultForCaseTypes).toEqual([]);
    const household = bodyOf(
      await reg.post('/api/v1/cases', { type: 'household', title: 'Gezin' }),
      caseSchema,
      201,
    );
    expect(household.processingActivityId).toBe(jeugd.id);
    // Put back, for the other tests.
    bodyOf(
      await admin.patch(`${URL}/${byName('Gezinsaanpak').id}`, { defaultForCaseTypes: ['household'] }),
      processingActivitySchema,
    );
  });

  it('another municipality neither sees nor changes the register', async () => {
    const other = await newTenant();
    const otherAdmin = await loggedIn(app, other.admin);
    const theirs = bodyOf(await otherAdmin.get(URL), processingActivityListSchema).items;
    expect(theirs.map((a) => a.id).some((id) => register.some((r) => r.id === id))).toBe(false);
    const target = register[0]!;
    expectProblem(await otherAdmin.patch(`${URL}/${target.id}`, { retentionDays: 1 }), 404);
    expect(bodyOf(await prof.get(URL), processingActivityListSchema).items[0]).toEqual(target);
    // Nor may a case of theirs be put under an activity of ours.
    const otherReg = await loggedIn(app, other.regisseur);
    const theirCase = await createCase(otherReg, {});
    expectProblem(
      await otherReg.put(`/api/v1/cases/${theirCase.id}/processing-activity`, {
        processingActivityId: target.id,
        reason: 'test',
      }),
      400,
      ['processingActivityId'],
    );
  });
});

describe('cases and signals', () => {
  it('a new case gets the default of its type', async () => {
    const person = await createPerson(reg);
    const personCase = await createCase(reg, { subjects: [{ kind: 'person', id: person.id }] });
    expect(personCase.processingActivityId).toBe(byName('Persoonsgerichte aanpak').id);
    const areaCase = await createCase(reg, {});
    expect(areaCase.processingActivityId).toBe(byName('Wijkaanpak en bewonersmeldingen').id);
    const undermining = bodyOf(
      await reg.post('/api/v1/cases', { type: 'undermining', title: 'Pand' }),
      caseSchema,
      201,
    );
    expect(undermining.processingActivityId).toBe(byName('Aanpak ondermijning').id);
  });

  it('a new signal gets the default of its source', async () => {
    const make = async (c: Client, source: string) =>
      bodyOf(
        await c.post('/api/v1/signals', { category: 'woonoverlast', description: 'Overlast', source }),
        signalSchema,
        201,
      );
    expect((await make(reg, 'professional')).processingActivityId).toBe(byName('Persoonsgerichte aanpak').id);
    expect((await make(reg, 'resident')).processingActivityId).toBe(
      byName('Wijkaanpak en bewonersmeldingen').id,
    );
    expect((await make(reg, 'outreach')).processingActivityId).toBe(byName('Vroegsignalering schulden').id);
  });

  it('the regisseur changes a case’s activity with a reason, audited with it; others get 403', async () => {
    const person = await createPerson(reg);
    const c = await createCase(reg, {
      subjects: [{ kind: 'person', id: person.id }],
      partnerIds: [t.partners.politie],
    });
    const jeugd = byName('Jeugd');
    const url = `/api/v1/cases/${c.id}/processing-activity`;
    for (const other of [admin, prof, auditor]) {
      expectProblem(await other.put(url, { processingActivityId: jeugd.id, reason: 'Minderjarige' }), 403);
    }
    expectProblem(await reg.put(url, { processingActivityId: jeugd.id }), 400, ['reason']);
    expectProblem(await reg.put(url, { processingActivityId: jeugd.id, reason: '  ' }), 400, ['reason']);
    expectProblem(await reg.put(url, { processingActivityId: 'x', reason: 'r' }), 400, [
      'processingActivityId',
    ]);
    expectProblem(
      await reg.put(url, { processingActivityId: '00000000-0000-4000-8000-000000000000', reason: 'r' }),
      400,
      ['processingActivityId'],
    );
    expectProblem(
      await reg.put('/api/v1/cases/00000000-0000-4000-8000-000000000000/processing-activity', {
        processingActivityId: jeugd.id,
        reason: 'r',
      }),
      404,
    );
    const unchanged = bodyOf(await reg.get(`/api/v1/cases/${c.id}`), caseDetailSchema);
    expect(unchanged.processingActivityId).toBe(byName('Persoonsgerichte aanpak').id);

    const changed = bodyOf(
      await reg.put(url, { processingActivityId: jeugd.id, reason: 'Het gaat om een minderjarige' }),
      caseSchema,
    );
    expect(changed.processingActivityId).toBe(jeugd.id);
    const db = await testDb();
    const records = await rows(
      db,
      z.object({ details: col.json, processing_activity_id: col.uuid.nullable(), person_ids: col.textArray }),
      `SELECT details, processing_activity_id, person_ids FROM audit_log
        WHERE tenant_id = $1 AND object_id = $2 AND action = 'update' ORDER BY seq`,
      [t.id, c.id],
    );
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      processing_activity_id: jeugd.id,
      person_ids: [person.id],
      details: {
        processingActivity: { from: byName('Persoonsgerichte aanpak').id, to: jeugd.id },
        reason: 'Het gaat om een minderjarige',
      },
    });
  });

  it('the regisseur changes a signal’s activity with a reason; others get 403', async () => {
    const sig = bodyOf(
      await prof.post('/api/v1/signals', {
        category: 'woonoverlast',
        description: 'Schulden',
        source: 'professional',
      }),
      signalSchema,
      201,
    );
    const url = `/api/v1/signals/${sig.id}/processing-activity`;
    const schulden = byName('Vroegsignalering schulden');
    expectProblem(
      await prof.put(url, { processingActivityId: schulden.id, reason: 'Betreft schulden' }),
      403,
    );
    expectProblem(await reg.put(url, { processingActivityId: schulden.id, reason: '' }), 400, ['reason']);
    const changed = bodyOf(
      await reg.put(url, { processingActivityId: schulden.id, reason: 'Betreft schulden' }),
      signalSchema,
    );
    expect(changed.processingActivityId).toBe(schulden.id);
    const log = bodyOf(await auditor.get(`/api/v1/audit?objectId=${sig.id}`), auditListSchema);
    expect(log.items.find((i) => i.action === 'update')?.processingActivityId).toBe(schulden.id);
  });
});

describe('the audit records (Logboek Dataverwerkingen)', () => {
  it('a read of a case names its activity, its persons and the trace of the request', async () => {
    const person = await createPerson(reg);
    const c = await createCase(reg, { subjects: [{ kind: 'person', id: person.id }] });
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const res = await reg.request({
      method: 'GET',
      url: `/api/v1/cases/${c.id}`,
      headers: { traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
    });
    bodyOf(res, caseDetailSchema);
    await setMatrix(app, t, [{ partner: 'gemeente', category: 'basis', access: 'write' }]);
    const entry = await reg.post(`/api/v1/cases/${c.id}/entries`, {
      category: 'basis',
      text: 'Eerste gesprek',
    });
    expect(entry.statusCode).toBe(201);
    bodyOf(await reg.get(`/api/v1/cases/${c.id}/entries`), z.object({ items: z.array(z.unknown()) }));
    const log = bodyOf(await auditor.get(`/api/v1/audit?objectId=${c.id}`), auditListSchema);
    const reads = log.items.filter((i) => i.action === 'read' && i.objectType === 'case');
    expect(reads.length).toBeGreaterThanOrEqual(1);
    const traced = reads.find((i) => i.traceId === traceId);
    expect(traced).toMatchObject({ processingActivityId: c.processingActivityId, personIds: [person.id] });
    // A request without traceparent gets a trace id of its own, in the same form.
    for (const i of log.items) expect(i.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(log.items.map((i) => i.traceId)).size).toBeGreaterThan(1);
    // An entries read names the activity too.
    expect(log.items.some((i) => i.objectType === 'entry' && i.action === 'read')).toBe(true);
    const aboutCase = log.items.filter((i) => i.objectType === 'entry' || i.objectType === 'case');
    for (const i of aboutCase) expect(i.processingActivityId).toBe(c.processingActivityId);
    // The CSV export carries both, per record.
    const csv = await auditor.get(`/api/v1/audit?objectId=${c.id}&format=csv`);
    expect(csv.statusCode).toBe(200);
    const [header, ...lines] = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(header?.split(';').slice(-2)).toEqual(['verwerking-id', 'trace-id']);
    expect(lines.some((l) => l.endsWith(`;${c.processingActivityId};${traceId}`))).toBe(true);
  });

  it('an invalid traceparent is not taken over', async () => {
    const c = await createCase(reg, {});
    await reg.request({
      method: 'GET',
      url: `/api/v1/cases/${c.id}`,
      headers: { traceparent: `00-${'0'.repeat(32)}-00f067aa0ba902b7-01` },
    });
    const log = bodyOf(await auditor.get(`/api/v1/audit?objectId=${c.id}`), auditListSchema);
    for (const i of log.items) expect(i.traceId).not.toBe('0'.repeat(32));
  });

  it('a record without the new fields hashes as before migration 029; with them, they are covered', () => {
    const old = {
      id: '00000000-0000-4000-8000-000000000001',
      tenantId: t.id,
      seq: 1,
      at: '2026-01-01T00:00:00.000Z',
      userId: null,
      partnerId: null,
      action: 'create',
      objectType: 'tenant',
      objectId: t.id,
      objectIds: null,
      personIds: [],
      purpose: 'test',
      details: null,
    };
    const key = TEST_AUDIT_KEY;
    const stored = { ...old, processingActivityId: undefined, traceId: undefined };
    expect(chainHash(key, GENESIS_HASH, stored)).toBe(chainHash(key, GENESIS_HASH, old));
    const traced = { ...old, traceId: 'a'.repeat(32) };
    expect(chainHash(key, GENESIS_HASH, traced)).not.toBe(chainHash(key, GENESIS_HASH, old));
    const filed = { ...old, processingActivityId: register[0]!.id };
    expect(chainHash(key, GENESIS_HASH, filed)).not.toBe(chainHash(key, GENESIS_HASH, old));
  });

  it('the chain with the new fields still verifies', async () => {
    const result = bodyOf(await auditor.get('/api/v1/audit/verify'), auditVerifySchema);
    expect(result).toMatchObject({ valid: true });
    expect(result.count).toBeGreaterThan(10);
  });
});
