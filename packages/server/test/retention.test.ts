import {
  auditListSchema,
  auditVerifySchema,
  retentionRunSchema,
  retentionStatusSchema,
} from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Db } from '../src/db/db.js';
import { col, execute, oneRow, rows } from '../src/db/rows.js';
import { verifyChain } from '../src/modules/audit/repository.js';
import { anonymiseDueRecords } from '../src/modules/retention/anonymise-due-records.js';
import {
  bodyOf,
  type Client,
  createCase,
  createPerson,
  expectProblem,
  loggedIn,
  newTenant,
  setMatrix,
  type TestTenant,
  testApp,
  testDb,
} from './helpers.js';

/*
 * Retention (issue 15, point 2): closed cases past their activity's retention, signals without a case
 * past theirs and persons with nothing left inside retention are anonymised; references, dates,
 * categories and the audit chain stay; a second run changes nothing; only the admin runs it, for the
 * own municipality.
 */

const RUN = '/api/v1/admin/retention/run';
const STATUS = '/api/v1/admin/retention';

let app: FastifyInstance;
let db: Db;
let t: TestTenant;
let other: TestTenant;
let admin: Client;
let reg: Client;
let auditor: Client;
let otherReg: Client;

const caseRow = z.object({
  title: col.text,
  reference: col.text,
  type: col.text,
  status: col.text,
  result: col.text.nullable(),
  closed_at: col.timestamp.nullable(),
  area_id: col.uuid.nullable(),
  anonymised_at: col.timestamp.nullable(),
});
const readCase = (id: string) =>
  oneRow(
    db,
    caseRow,
    'SELECT title, reference, type, status, result, closed_at, area_id, anonymised_at FROM cases WHERE id = $1',
    [id],
  );
const personRow = z.object({
  first_name: col.text,
  last_name: col.text,
  bsn: col.text.nullable(),
  street: col.text.nullable(),
  birth_date: col.date.nullable(),
  anonymised_at: col.timestamp.nullable(),
});
const readPerson = (id: string) =>
  oneRow(
    db,
    personRow,
    'SELECT first_name, last_name, bsn, street, birth_date::text, anonymised_at FROM persons WHERE id = $1',
    [id],
  );

/** A case closed `daysAgo` days ago (through SQL: the lifecycle is not what is tested here). */
async function closedCase(
  c: Client,
  subjects: { kind: string; id: string }[],
  daysAgo: number,
  title: string,
  whileOpen?: (id: string) => Promise<void>,
) {
  const made = await createCase(c, { type: subjects[0]?.kind ?? 'area', subjects, title });
  await whileOpen?.(made.id);
  await execute(
    db,
    `UPDATE cases SET status = 'closed', result = 'goals_achieved', result_text = 'Afgesloten met de familie',
            closed_at = now() - make_interval(days => $2) WHERE id = $1`,
    [made.id, daysAgo],
  );
  return made;
}

const backdate = (table: 'persons' | 'households', id: string, days = 4000) =>
  execute(db, `UPDATE ${table} SET created_at = now() - make_interval(days => $2) WHERE id = $1`, [id, days]);

const address = { street: 'Dorpsstraat', houseNumber: '12', postalCode: '1234AB', city: 'Voorbeeldstad' };

/** Everything of a tenant the job may touch, as text, to compare before and after a second run. */
async function snapshot(tenantId: string): Promise<string[]> {
  const tables = [
    'cases',
    'persons',
    'households',
    'entries',
    'goals',
    'evaluations',
    'actions',
    'signals',
    'attachments',
    'subject_changes',
    'audit_log',
  ];
  const out: string[] = [];
  for (const table of tables) {
    const found = await rows(
      db,
      z.object({ j: col.text }),
      `SELECT to_jsonb(x)::text AS j FROM ${table} x WHERE tenant_id = $1 ORDER BY to_jsonb(x)::text`,
      [tenantId],
    );
    out.push(...found.map((r) => `${table} ${r.j}`));
  }
  return out;
}

let oldCase: { id: string; reference: string };
let householdCase: { id: string };
let insideCase: { id: string };
let openCase: { id: string };
let otherOld: { id: string };
let alone: { id: string };
let member1: { id: string };
let member2: { id: string };
let insidePerson: { id: string };
let signalId: string;
let insideSignalId: string;
let entryId: string;

beforeAll(async () => {
  app = await testApp();
  db = await testDb();
  t = await newTenant();
  other = await newTenant();
  admin = await loggedIn(app, t.admin);
  reg = await loggedIn(app, t.regisseur);
  auditor = await loggedIn(app, t.auditor);
  otherReg = await loggedIn(app, other.regisseur);

  // A person alone in a case closed long ago, with a journal, a file, a goal, an evaluation and an action.
  alone = await createPerson(reg, {
    firstName: 'Anna',
    lastName: 'Alleman',
    bsn: '111222333',
    birthDate: '1980-05-01',
    address,
  });
  await setMatrix(app, t, [{ partner: 'gemeente', category: 'basis', access: 'write' }]);
  oldCase = await closedCase(
    reg,
    [{ kind: 'person', id: alone.id }],
    2000,
    'Anna Alleman overlast',
    async (id) => {
      const res = await reg.post(`/api/v1/cases/${id}/entries`, {
        category: 'basis',
        text: 'Anna belde over haar buren',
      });
      if (res.statusCode !== 201) throw new Error(`entry: ${res.statusCode} ${res.body}`);
      entryId = (res.json() as { id: string }).id;
    },
  );
  await execute(
    db,
    `INSERT INTO attachments (tenant_id, entry_id, name, content_type, size, sha256, content)
     VALUES ($1, $2, 'brief-anna.pdf', 'application/pdf', 4, encode(sha256('\\x25504446'::bytea), 'hex'), '\\x25504446'::bytea)`,
    [t.id, entryId],
  );
  await execute(
    db,
    `INSERT INTO goals (tenant_id, case_id, domain, subject_kind, subject_id, text)
     SELECT $1, $2, key, 'person', $3, 'Anna betaalt haar huur' FROM life_domains WHERE tenant_id = $1 ORDER BY key LIMIT 1`,
    [t.id, oldCase.id, alone.id],
  );
  await execute(
    db,
    `INSERT INTO evaluations (tenant_id, case_id, evaluated_on, text) VALUES ($1, $2, '2020-01-01', 'Anna gaat vooruit')`,
    [t.id, oldCase.id],
  );
  await execute(
    db,
    `INSERT INTO actions (tenant_id, case_id, title, owner_partner_id, due_date, status, result, created_by_user_id)
     VALUES ($1, $2, 'Bel Anna', $3, '2020-01-01', 'done', 'Anna gesproken', $4)`,
    [t.id, oldCase.id, t.partners.gemeente, t.regisseur.id],
  );
  await execute(
    db,
    `WITH a AS (INSERT INTO areas (tenant_id, kind, code, name, geometry)
                VALUES ($1, 'wijk', 'WK-R', 'Wijk R', '{"type":"Polygon","coordinates":[]}') RETURNING id)
     INSERT INTO observations (tenant_id, area_id, observed_on, kind, text, follow_up, author_user_id,
                               author_partner_id, case_id, category)
     SELECT $1, a.id, '2020-01-01', 'street_talk', 'Anna op straat gesproken', 'Anna terugbellen', $2, $3, $4, 'basis'
       FROM a`,
    [t.id, t.regisseur.id, t.partners.gemeente, oldCase.id],
  );
  await reg.patch(`/api/v1/persons/${alone.id}`, { lastName: 'Alleman-de Wit' });
  await backdate('persons', alone.id);

  // A household closed long ago: one member has an open case of their own and stays, the other goes.
  member1 = await createPerson(reg, { firstName: 'Bram', lastName: 'Bakker', address });
  member2 = await createPerson(reg, { firstName: 'Cato', lastName: 'Bakker', address });
  const household = (
    await reg.post('/api/v1/households', {
      name: 'Gezin Bakker',
      memberIds: [member1.id, member2.id],
      contactPersonId: member1.id,
    })
  ).json() as { id: string };
  householdCase = await closedCase(reg, [{ kind: 'household', id: household.id }], 2000, 'Gezin Bakker');
  openCase = await createCase(reg, {
    type: 'person',
    subjects: [{ kind: 'person', id: member1.id }],
    title: 'Bram Bakker schulden',
  });
  for (const p of [member1, member2]) await backdate('persons', p.id);
  await backdate('households', household.id);

  // A case closed ten days ago stays, and so does its (old) person.
  insidePerson = await createPerson(reg, { firstName: 'Dirk', lastName: 'Dekker' });
  insideCase = await closedCase(reg, [{ kind: 'person', id: insidePerson.id }], 10, 'Dirk Dekker');
  await backdate('persons', insidePerson.id);

  // A signal that never became a case, dismissed long ago; another dismissed yesterday.
  const sig = (
    await reg.post('/api/v1/signals', {
      category: 'woonoverlast',
      description: 'Eva de Vries op nummer 3 schreeuwt',
      source: 'professional',
      personIds: [alone.id],
    })
  ).json() as { id: string };
  signalId = sig.id;
  const sig2 = (
    await reg.post('/api/v1/signals', {
      category: 'woonoverlast',
      description: 'Frank schreeuwt',
      source: 'professional',
    })
  ).json() as { id: string };
  insideSignalId = sig2.id;
  await execute(
    db,
    `UPDATE signals SET status = 'dismissed', street = 'Dorpsstraat', updated_at = now() - interval '2000 days' WHERE id = $1`,
    [signalId],
  );
  await execute(
    db,
    `UPDATE signals SET status = 'dismissed', updated_at = now() - interval '1 day' WHERE id = $1`,
    [insideSignalId],
  );

  // The other municipality has a case past retention too.
  const otherPerson = await createPerson(otherReg, { firstName: 'Gijs', lastName: 'Gerritsen' });
  otherOld = await closedCase(otherReg, [{ kind: 'person', id: otherPerson.id }], 2000, 'Gijs Gerritsen');
});

describe('who may run it', () => {
  it('only the admin sees what is due and runs the job', async () => {
    for (const u of [t.regisseur, t.professional, t.auditor]) {
      const c = await loggedIn(app, u);
      expectProblem(await c.get(STATUS), 403);
      expectProblem(await c.post(RUN, {}), 403);
    }
    expectProblem(await app.inject({ method: 'GET', url: STATUS }), 401);
    expectProblem(await app.inject({ method: 'POST', url: RUN }), 401);
    expect((await readCase(oldCase.id)).anonymised_at).toBeNull();
  });
});

describe('the status before the run', () => {
  it('shows per activity the closed cases, what is due and when the next falls due', async () => {
    const status = bodyOf(await admin.get(STATUS), retentionStatusSchema);
    const person = status.activities.find((a) => a.name === 'Persoonsgerichte aanpak');
    expect(person).toMatchObject({ retentionDays: 1825, closedCases: 2, dueCases: 1, dueSignals: 1 });
    const inside = await readCase(insideCase.id);
    const expected = (inside.closed_at?.getTime() ?? 0) + 1825 * 86_400_000;
    expect(Math.abs(new Date(person?.nextCaseDueAt ?? 0).getTime() - expected)).toBeLessThan(1000);
    expect(status.anonymisedCases).toBe(0);
  });
});

describe('the run', () => {
  let before: Awaited<ReturnType<typeof readCase>>;
  let otherBefore: string[];

  it('anonymises the cases past retention and the persons with nothing left', async () => {
    before = await readCase(oldCase.id);
    otherBefore = await snapshot(other.id);
    const insideBefore = await readCase(insideCase.id);
    const openBefore = await readCase(openCase.id);
    const done = bodyOf(await admin.post(RUN, {}), retentionRunSchema);
    expect(done).toEqual({ anonymisedCases: 2, anonymisedPersons: 2 });

    const after = await readCase(oldCase.id);
    expect(after.title).toBe('Geanonimiseerd');
    expect(after.anonymised_at).not.toBeNull();
    expect({ ...after, title: '', anonymised_at: null }).toEqual({
      ...before,
      title: '',
      anonymised_at: null,
    });
    expect(await readCase(insideCase.id)).toEqual(insideBefore);
    expect(await readCase(openCase.id)).toEqual(openBefore);
    expect((await readCase(householdCase.id)).title).toBe('Geanonimiseerd');
  });

  it('empties the texts and files of the case, keeping categories and dates', async () => {
    const texts = await rows(
      db,
      z.object({ t: col.text }),
      `SELECT text AS t FROM entries WHERE case_id = $1
       UNION ALL SELECT text FROM goals WHERE case_id = $1
       UNION ALL SELECT text FROM evaluations WHERE case_id = $1
       UNION ALL SELECT title || coalesce(result, '') FROM actions WHERE case_id = $1
       UNION ALL SELECT text || coalesce(follow_up, '') FROM observations WHERE case_id = $1
       UNION ALL SELECT coalesce(result_text, '') FROM cases WHERE id = $1`,
      [oldCase.id],
    );
    expect(texts).toHaveLength(6);
    expect(texts.map((r) => r.t).join(' ')).not.toMatch(/Anna/);
    const entry = await oneRow(
      db,
      z.object({ category: col.text, created_at: col.timestamp }),
      'SELECT category, created_at FROM entries WHERE id = $1',
      [entryId],
    );
    expect(entry.category).toBe('basis');
    const file = await oneRow(
      db,
      z.object({ name: col.text, size: col.int }),
      'SELECT name, size FROM attachments WHERE entry_id = $1',
      [entryId],
    );
    expect(file).toEqual({ name: 'geanonimiseerd', size: 0 });
  });

  it('anonymises the person alone and the household member without another case; the one with an open case stays', async () => {
    const a = await readPerson(alone.id);
    expect(a).toMatchObject({
      first_name: 'Geanonimiseerd',
      last_name: '',
      bsn: null,
      street: null,
      birth_date: null,
    });
    const history = await rows(
      db,
      z.object({ j: col.text }),
      `SELECT changes::text AS j FROM subject_changes WHERE subject_id = $1`,
      [alone.id],
    );
    expect(history.length).toBeGreaterThan(0);
    expect(history.map((h) => h.j).join()).not.toMatch(/Alleman/);
    expect((await readPerson(member2.id)).first_name).toBe('Geanonimiseerd');
    expect(await readPerson(member1.id)).toMatchObject({
      first_name: 'Bram',
      last_name: 'Bakker',
      anonymised_at: null,
    });
    expect((await readPerson(insidePerson.id)).first_name).toBe('Dirk');
  });

  it('anonymises the signal without a case past retention, not the recent one', async () => {
    const sig = (id: string) =>
      oneRow(
        db,
        z.object({ description: col.text, street: col.text.nullable(), category: col.text }),
        'SELECT description, street, category FROM signals WHERE id = $1',
        [id],
      );
    expect(await sig(signalId)).toEqual({
      description: 'Geanonimiseerd',
      street: null,
      category: 'woonoverlast',
    });
    expect((await sig(insideSignalId)).description).toBe('Frank schreeuwt');
  });

  it('audits every anonymisation and the chain still verifies', async () => {
    const log = bodyOf(await auditor.get(`/api/v1/audit?objectId=${oldCase.id}`), auditListSchema);
    expect(log.items.map((i) => i.action)).toContain('anonymise');
    expect(JSON.stringify(log.items)).not.toMatch(/Anna/);
    expect(bodyOf(await auditor.get('/api/v1/audit/verify'), auditVerifySchema).valid).toBe(true);
  });

  it('leaves the other municipality untouched, and its admin sees only its own figures', async () => {
    expect(await snapshot(other.id)).toEqual(otherBefore);
    expect((await readCase(otherOld.id)).title).toBe('Gijs Gerritsen');
    const otherAdmin = await loggedIn(app, other.admin);
    const status = bodyOf(await otherAdmin.get(STATUS), retentionStatusSchema);
    expect(status.activities.find((a) => a.name === 'Persoonsgerichte aanpak')).toMatchObject({
      closedCases: 1,
      dueCases: 1,
    });
    expect(status).toMatchObject({ anonymisedCases: 0, anonymisedPersons: 0, anonymisedSignals: 0 });
    expect(status.activities.map((a) => a.id)).not.toContain(
      bodyOf(await admin.get(STATUS), retentionStatusSchema).activities[0]?.id,
    );
  });

  it('a second run changes nothing more', async () => {
    const snap = await snapshot(t.id);
    expect(bodyOf(await admin.post(RUN, {}), retentionRunSchema)).toEqual({
      anonymisedCases: 0,
      anonymisedPersons: 0,
    });
    expect(await snapshot(t.id)).toEqual(snap);
    const status = bodyOf(await admin.get(STATUS), retentionStatusSchema);
    expect(status.activities.reduce((n, a) => n + a.dueCases + a.dueSignals, 0)).toBe(0);
    expect(status).toMatchObject({
      duePersons: 0,
      anonymisedCases: 2,
      anonymisedPersons: 2,
      anonymisedSignals: 1,
    });
  });

  it('the scheduled job does the same for every municipality, in its own chain', async () => {
    const done = await anonymiseDueRecords(db);
    expect(done.anonymisedCases).toBeGreaterThanOrEqual(1);
    expect((await readCase(otherOld.id)).title).toBe('Geanonimiseerd');
    expect((await verifyChain(db, other.id)).valid).toBe(true);
    expect((await verifyChain(db, t.id)).valid).toBe(true);
  });
});

describe('the append-only tables', () => {
  it('stay append-only outside the retention job, and inside it allow only emptying texts', async () => {
    await expect(execute(db, `UPDATE entries SET text = 'x' WHERE id = $1`, [entryId])).rejects.toThrow(
      /append-only/,
    );
    await expect(
      db.transaction(async (tx) => {
        await execute(tx, `SELECT set_config('wijkregie.retention', 'on', true)`);
        await execute(tx, `UPDATE entries SET category = 'zorg' WHERE id = $1`, [entryId]);
      }),
    ).rejects.toThrow(/append-only/);
    await expect(
      db.transaction(async (tx) => {
        await execute(tx, `SELECT set_config('wijkregie.retention', 'on', true)`);
        await execute(tx, `UPDATE audit_log SET details = NULL WHERE tenant_id = $1`, [t.id]);
      }),
    ).rejects.toThrow(/append-only/);
  });
});
