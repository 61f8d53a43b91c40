import { randomUUID } from 'node:crypto';
import {
  actionSchema,
  alertListSchema,
  assessmentListSchema,
  assessmentSchema,
  auditListSchema,
  evaluationSchema,
  goalSchema,
  lifeDomainListSchema,
  lifeDomainSchema,
  meetingSchema,
  overviewSchema,
  planSchema,
} from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { userSeesCaseSql } from '../src/access/cases.js';
import { claimDueEmails } from '../src/background/outbox-repository.js';
import { col, rows } from '../src/db/rows.js';
import { alertEmailAllowedSql } from '../src/modules/alerts/repository.js';
import {
  bodyOf,
  type Client,
  createCase,
  createPerson,
  expectProblem,
  loggedIn,
  newTenant,
  pdfText,
  setMatrix,
  type TestTenant,
  type TestUser,
  testApp,
  testDb,
} from './helpers.js';

/**
 * The plan of approach (issue 12): life domains, assessments, goals, evaluations, the plan and its
 * PDF, the agenda and the alerts — and above all who may not: a partner without the category of a
 * domain sees neither its scores nor its goals anywhere.
 */

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});

interface World {
  t: TestTenant;
  reg: Client;
  /** wijkteam: basis read, zorg write, financien read. */
  care: Client;
  careUser: TestUser;
  /** politie: basis read, politie write (criminaliteit), no zorg. */
  cop: Client;
  copUser: TestUser;
  /** schuldhulp: financien write, no basis. */
  debt: Client;
  /** ggz: not in the case. */
  outsider: Client;
  person: { id: string };
  caseId: string;
}

async function world(): Promise<World> {
  const t = await newTenant(['gemeente', 'politie', 'wijkteam', 'schuldhulp', 'ggz']);
  await setMatrix(app, t, [
    { partner: 'gemeente', category: 'basis', access: 'write' },
    { partner: 'gemeente', category: 'zorg', access: 'write' },
    { partner: 'gemeente', category: 'financien', access: 'write' },
    { partner: 'gemeente', category: 'politie', access: 'write' },
    { partner: 'wijkteam', category: 'basis', access: 'read' },
    { partner: 'wijkteam', category: 'zorg', access: 'write' },
    { partner: 'wijkteam', category: 'financien', access: 'read' },
    { partner: 'politie', category: 'basis', access: 'read' },
    { partner: 'politie', category: 'politie', access: 'write' },
    { partner: 'schuldhulp', category: 'financien', access: 'write' },
    { partner: 'ggz', category: 'basis', access: 'read' },
    { partner: 'ggz', category: 'zorg', access: 'write' },
  ]);
  const reg = await loggedIn(app, t.regisseur);
  const careUser = await t.addUser('wijkteam', ['professional']);
  const debtUser = await t.addUser('schuldhulp', ['professional']);
  const ggzUser = await t.addUser('ggz', ['professional']);
  const person = await createPerson(reg);
  const kase = await createCase(reg, {
    subjects: [{ kind: 'person', id: person.id }],
    partnerIds: [t.partners.gemeente, t.partners.politie, t.partners.wijkteam, t.partners.schuldhulp],
  });
  return {
    t,
    reg,
    care: await loggedIn(app, careUser),
    careUser,
    cop: await loggedIn(app, t.professional),
    copUser: t.professional,
    debt: await loggedIn(app, debtUser),
    outsider: await loggedIn(app, ggzUser),
    person,
    caseId: kase.id,
  };
}

const scoresOf = (items: { scores: { domain: string }[] }[]) =>
  items.flatMap((a) => a.scores.map((x) => x.domain)).sort();

async function storedCount(table: string, tenantId: string): Promise<number> {
  const db = await testDb();
  const [r] = await rows(
    db,
    z.object({ n: col.int }),
    `SELECT count(*) AS n FROM ${table} WHERE tenant_id = $1`,
    [tenantId],
  );
  return r?.n ?? 0;
}

describe('life domains', () => {
  it('lists the defaults in order; a regisseur adds and changes one; audited', async () => {
    const { t, reg, care } = await world();
    const list = bodyOf(await care.get('/api/v1/life-domains'), lifeDomainListSchema);
    expect(list.items).toHaveLength(17);
    expect(list.items[0]).toEqual({
      key: 'financien',
      label: 'Financiën',
      group: 'zrm',
      category: 'financien',
    });
    expect(list.items.at(-1)?.key).toBe('ondermijning');

    const created = bodyOf(
      await reg.post('/api/v1/life-domains', {
        key: 'opvoeding',
        label: 'Opvoeding',
        group: 'zrm',
        category: 'jeugd',
      }),
      lifeDomainSchema,
      201,
    );
    expect(created).toEqual({ key: 'opvoeding', label: 'Opvoeding', group: 'zrm', category: 'jeugd' });
    const after = bodyOf(await reg.get('/api/v1/life-domains'), lifeDomainListSchema);
    expect(after.items.at(-1)?.key).toBe('opvoeding');

    expectProblem(
      await reg.post('/api/v1/life-domains', {
        key: 'opvoeding',
        label: 'Nog eens',
        group: 'zrm',
        category: 'jeugd',
      }),
      409,
    );
    expectProblem(
      await reg.post('/api/v1/life-domains', {
        key: 'sport',
        label: 'Sport',
        group: 'zrm',
        category: 'geen',
      }),
      400,
      ['category'],
    );
    expectProblem(
      await reg.post('/api/v1/life-domains', { key: 'X', label: 'Sport', group: 'zrm', category: 'zorg' }),
      400,
      ['key'],
    );
    expectProblem(
      await care.post('/api/v1/life-domains', {
        key: 'sport',
        label: 'Sport',
        group: 'zrm',
        category: 'zorg',
      }),
      403,
    );

    const changed = bodyOf(
      await reg.patch('/api/v1/life-domains/opvoeding', { label: 'Opvoeding en gezin', category: 'zorg' }),
      lifeDomainSchema,
    );
    expect(changed).toEqual({
      key: 'opvoeding',
      label: 'Opvoeding en gezin',
      group: 'zrm',
      category: 'zorg',
    });
    expectProblem(await reg.patch('/api/v1/life-domains/bestaatniet', { label: 'X' }), 404);
    expectProblem(await reg.patch('/api/v1/life-domains/opvoeding', { category: 'geen' }), 400, ['category']);
    expectProblem(await reg.patch('/api/v1/life-domains/opvoeding', {}), 400);
    expectProblem(await care.patch('/api/v1/life-domains/opvoeding', { label: 'X' }), 403);
    expectProblem(await new (reg.constructor as typeof Client)(app).get('/api/v1/life-domains'), 401);

    const db = await testDb();
    const audited = await rows(
      db,
      z.object({ action: col.text, details: col.json }),
      `SELECT action, details FROM audit_log WHERE tenant_id = $1 AND object_type = 'life_domain' ORDER BY seq`,
      [t.id],
    );
    expect(audited.map((a) => a.action)).toEqual(['create', 'update']);
  });
});

describe('a domain under another category', () => {
  it('moves who sees its goals and scores at once', async () => {
    const { reg, care, cop, person, caseId } = await world();
    const goal = bodyOf(
      await cop.post(`/api/v1/cases/${caseId}/goals`, {
        domain: 'criminaliteit',
        subjectId: person.id,
        text: 'Geen inbraken',
      }),
      goalSchema,
      201,
    );
    await cop.post(`/api/v1/persons/${person.id}/assessments`, {
      caseId,
      date: '2026-03-01',
      scores: [{ domain: 'criminaliteit', score: 2 }],
    });
    const seenBy = async (c: Client) => {
      const plan = bodyOf(await c.get(`/api/v1/cases/${caseId}/plan`), planSchema);
      return [plan.goals.map((g) => g.id), plan.latestScores.map((x) => x.domain)];
    };
    expect(await seenBy(care)).toEqual([[], []]);
    expect(await seenBy(cop)).toEqual([[goal.id], ['criminaliteit']]);
    bodyOf(await reg.patch('/api/v1/life-domains/criminaliteit', { category: 'zorg' }), lifeDomainSchema);
    expect(await seenBy(care)).toEqual([[goal.id], ['criminaliteit']]);
    expect(await seenBy(cop)).toEqual([[], []]);
    expectProblem(await cop.patch(`/api/v1/goals/${goal.id}`, { status: 'dropped' }), 404);
  });
});

describe('assessments', () => {
  it('scores only domains the partner may write; the history shows only readable scores, oldest first', async () => {
    const w = await world();
    const { t, reg, care, cop, debt, person, caseId } = w;
    const url = `/api/v1/persons/${person.id}/assessments`;

    const later = bodyOf(
      await care.post(url, {
        caseId,
        date: '2026-03-01',
        scores: [
          { domain: 'geestelijke_gezondheid', score: 2, note: 'Somber' },
          { domain: 'werk_opleiding', score: 3 },
        ],
      }),
      assessmentSchema,
      201,
    );
    expect(later).toMatchObject({
      personId: person.id,
      caseId,
      date: '2026-03-01',
      authorUserId: w.careUser.id,
    });
    expect(later.scores).toEqual([
      { domain: 'werk_opleiding', score: 3, note: null },
      { domain: 'geestelijke_gezondheid', score: 2, note: 'Somber' },
    ]);
    // The regisseur scores money and care on an earlier date: the history is by date.
    bodyOf(
      await reg.post(url, {
        caseId,
        date: '2026-01-15',
        scores: [
          { domain: 'financien', score: 1 },
          { domain: 'geestelijke_gezondheid', score: 1 },
        ],
      }),
      assessmentSchema,
      201,
    );
    // The police score crime only.
    bodyOf(
      await cop.post(url, { caseId, date: '2026-02-01', scores: [{ domain: 'criminaliteit', score: 2 }] }),
      assessmentSchema,
      201,
    );

    const forCare = bodyOf(await care.get(url), assessmentListSchema);
    expect(forCare.items.map((a) => a.date)).toEqual(['2026-01-15', '2026-03-01']); // the police one is left out
    expect(scoresOf(forCare.items)).toEqual([
      'financien',
      'geestelijke_gezondheid',
      'geestelijke_gezondheid',
      'werk_opleiding',
    ]);
    const forCop = bodyOf(await cop.get(url), assessmentListSchema);
    expect(forCop.items.map((a) => a.date)).toEqual(['2026-02-01']);
    expect(scoresOf(forCop.items)).toEqual(['criminaliteit']);
    expect(JSON.stringify(forCop)).not.toContain('Somber');
    const forReg = bodyOf(await reg.get(url), assessmentListSchema);
    expect(forReg.items.map((a) => a.date)).toEqual(['2026-01-15', '2026-02-01', '2026-03-01']);
    expect(scoresOf(forReg.items)).toEqual([
      'criminaliteit',
      'financien',
      'geestelijke_gezondheid',
      'geestelijke_gezondheid',
      'werk_opleiding',
    ]);
    // Schuldhulp may not read `basis`: the person does not exist for it.
    expectProblem(await debt.get(url), 404);
    expectProblem(await w.outsider.get(url), 404);

    // Reading is recorded for each assessment handed out.
    const db = await testDb();
    const reads = await rows(
      db,
      z.object({ n: col.int }),
      `SELECT count(*) AS n FROM audit_log WHERE tenant_id = $1 AND action = 'read' AND object_type = 'assessment'
          AND user_id = $2`,
      [t.id, w.careUser.id],
    );
    expect(reads[0]?.n).toBe(2);
  });

  it('refuses what may not be stored, and stores nothing then', async () => {
    const { t, reg, care, cop, person, caseId } = await world();
    const url = `/api/v1/persons/${person.id}/assessments`;
    const before = await storedCount('assessments', t.id);
    // Wijkteam may only read financien: 403, and the writable zorg score beside it is not stored either.
    expectProblem(
      await care.post(url, {
        caseId,
        date: '2026-03-01',
        scores: [
          { domain: 'werk_opleiding', score: 3 },
          { domain: 'financien', score: 2 },
        ],
      }),
      403,
    );
    expectProblem(
      await care.post(url, { caseId, date: '2026-03-01', scores: [{ domain: 'onbekend', score: 3 }] }),
      400,
      ['scores.0.domain'],
    );
    expectProblem(
      await care.post(url, { caseId, date: '2026-03-01', scores: [{ domain: 'werk_opleiding', score: 6 }] }),
      400,
      ['scores.0.score'],
    );
    expectProblem(await care.post(url, { caseId, date: '2026-03-01', scores: [] }), 400, ['scores']);
    expectProblem(
      await care.post(url, { caseId, date: '1 maart', scores: [{ domain: 'werk_opleiding', score: 3 }] }),
      400,
      ['date'],
    );
    // A case that is not about the person, and a case the caller does not see: 400 caseId.
    const other = await createPerson(reg);
    const otherCase = await createCase(reg, {
      subjects: [{ kind: 'person', id: other.id }],
      partnerIds: [t.partners.wijkteam],
    });
    expectProblem(
      await care.post(url, {
        caseId: otherCase.id,
        date: '2026-03-01',
        scores: [{ domain: 'werk_opleiding', score: 3 }],
      }),
      400,
      ['caseId'],
    );
    const hidden = await createCase(reg, {
      subjects: [{ kind: 'person', id: person.id }],
      partnerIds: [t.partners.gemeente],
    });
    expectProblem(
      await care.post(url, {
        caseId: hidden.id,
        date: '2026-03-01',
        scores: [{ domain: 'werk_opleiding', score: 3 }],
      }),
      400,
      ['caseId'],
    );
    // A person the caller may not see: 404; a person of nobody: 404.
    expectProblem(
      await cop.post(`/api/v1/persons/${other.id}/assessments`, {
        caseId,
        date: '2026-03-01',
        scores: [{ domain: 'criminaliteit', score: 3 }],
      }),
      404,
    );
    expectProblem(
      await care.post(`/api/v1/persons/${randomUUID()}/assessments`, {
        caseId,
        date: '2026-03-01',
        scores: [{ domain: 'werk_opleiding', score: 3 }],
      }),
      404,
    );
    expectProblem(
      await care.post(url, {
        caseId,
        date: '2026-03-01',
        scores: [{ domain: 'werk_opleiding', score: 3 }],
        x: 1,
      }),
      400,
      ['x'],
    );
    expect(await storedCount('assessments', t.id)).toBe(before);
    expect(await storedCount('assessment_scores', t.id)).toBe(0);
    const anon = new (care.constructor as typeof Client)(app);
    expectProblem(await anon.get(url), 401);
    expectProblem(
      await anon.post(url, { caseId, date: '2026-03-01', scores: [{ domain: 'werk_opleiding', score: 3 }] }),
      401,
    );
  });
});

describe('goals and the plan', () => {
  it('sets goals per domain, and each partner sees only the goals and scores of its readable domains', async () => {
    const w = await world();
    const { t, reg, care, cop, debt, person, caseId } = w;
    const careGoal = bodyOf(
      await care.post(`/api/v1/cases/${caseId}/goals`, {
        domain: 'geestelijke_gezondheid',
        subjectId: person.id,
        text: 'Behandeling bij de GGZ loopt',
        targetScore: 4,
        dueDate: '2026-09-01',
      }),
      goalSchema,
      201,
    );
    expect(careGoal).toMatchObject({
      caseId,
      domain: 'geestelijke_gezondheid',
      subjectId: person.id,
      status: 'open',
      targetScore: 4,
      dueDate: '2026-09-01',
      actionIds: [],
    });
    const copGoal = bodyOf(
      await cop.post(`/api/v1/cases/${caseId}/goals`, {
        domain: 'criminaliteit',
        subjectId: person.id,
        text: 'Geen nieuwe winkeldiefstal',
      }),
      goalSchema,
      201,
    );
    const moneyGoal = bodyOf(
      await reg.post(`/api/v1/cases/${caseId}/goals`, {
        domain: 'financien',
        subjectId: person.id,
        text: 'Schulden in beeld bij schuldhulp',
      }),
      goalSchema,
      201,
    );
    // An action toward the care goal.
    const action = bodyOf(
      await care.post(`/api/v1/cases/${caseId}/actions`, {
        title: 'Intake GGZ plannen',
        ownerPartnerId: t.partners.wijkteam,
        dueDate: '2026-04-01',
        goalId: careGoal.id,
      }),
      actionSchema,
      201,
    );
    expect(action.goalId).toBe(careGoal.id);
    await care.post(`/api/v1/persons/${person.id}/assessments`, {
      caseId,
      date: '2026-03-01',
      scores: [{ domain: 'geestelijke_gezondheid', score: 2 }],
    });
    await care.post(`/api/v1/persons/${person.id}/assessments`, {
      caseId,
      date: '2026-05-01',
      scores: [{ domain: 'geestelijke_gezondheid', score: 3 }],
    });
    await cop.post(`/api/v1/persons/${person.id}/assessments`, {
      caseId,
      date: '2026-04-01',
      scores: [{ domain: 'criminaliteit', score: 2 }],
    });
    await reg.post(`/api/v1/persons/${person.id}/assessments`, {
      caseId,
      date: '2026-04-01',
      scores: [{ domain: 'financien', score: 1 }],
    });

    const forCare = bodyOf(await care.get(`/api/v1/cases/${caseId}/plan`), planSchema);
    expect(forCare.caseId).toBe(caseId);
    expect(forCare.goals.map((g) => g.id)).toEqual([moneyGoal.id, careGoal.id]); // domain order
    expect(forCare.goals.find((g) => g.id === careGoal.id)?.actionIds).toEqual([action.id]);
    expect(forCare.latestScores).toEqual([
      { subjectId: person.id, domain: 'financien', score: 1, date: '2026-04-01' },
      { subjectId: person.id, domain: 'geestelijke_gezondheid', score: 3, date: '2026-05-01' },
    ]);
    const careText = JSON.stringify(forCare);
    expect(careText).not.toContain('winkeldiefstal');
    expect(careText).not.toContain('criminaliteit');

    const forCop = bodyOf(await cop.get(`/api/v1/cases/${caseId}/plan`), planSchema);
    expect(forCop.goals.map((g) => g.id)).toEqual([copGoal.id]);
    expect(forCop.latestScores).toEqual([
      { subjectId: person.id, domain: 'criminaliteit', score: 2, date: '2026-04-01' },
    ]);
    expect(JSON.stringify(forCop)).not.toContain('GGZ');

    // Schuldhulp reads financien but may not open the person (no `basis`): the goal stays, without the id.
    const forDebt = bodyOf(await debt.get(`/api/v1/cases/${caseId}/plan`), planSchema);
    expect(forDebt.goals).toEqual([expect.objectContaining({ id: moneyGoal.id, subjectId: null })]);
    expect(forDebt.latestScores).toEqual([
      { subjectId: null, domain: 'financien', score: 1, date: '2026-04-01' },
    ]);
    expect(JSON.stringify(forDebt)).not.toContain(person.id);

    const forReg = bodyOf(await reg.get(`/api/v1/cases/${caseId}/plan`), planSchema);
    expect(forReg.goals.map((g) => g.id).sort()).toEqual([careGoal.id, copGoal.id, moneyGoal.id].sort());
    expectProblem(await w.outsider.get(`/api/v1/cases/${caseId}/plan`), 404);
    expectProblem(
      await w.outsider.post(`/api/v1/cases/${caseId}/goals`, {
        domain: 'geestelijke_gezondheid',
        subjectId: person.id,
        text: 'x',
      }),
      404,
    );
    expectProblem(await new (reg.constructor as typeof Client)(app).get(`/api/v1/cases/${caseId}/plan`), 401);

    // The police's goal does not exist for wijkteam; the money goal it may read but not change.
    expectProblem(await care.patch(`/api/v1/goals/${copGoal.id}`, { status: 'achieved' }), 404);
    expectProblem(await care.patch(`/api/v1/goals/${moneyGoal.id}`, { status: 'achieved' }), 403);
    expectProblem(await w.outsider.patch(`/api/v1/goals/${careGoal.id}`, { status: 'achieved' }), 404);
    expectProblem(await care.patch(`/api/v1/goals/${randomUUID()}`, { status: 'achieved' }), 404);
    expectProblem(await care.patch(`/api/v1/goals/${careGoal.id}`, { status: 'klaar' }), 400, ['status']);
    expectProblem(await care.patch(`/api/v1/goals/${careGoal.id}`, { targetScore: 0 }), 400, ['targetScore']);
    const changed = bodyOf(
      await care.patch(`/api/v1/goals/${careGoal.id}`, { text: 'Behandeling gestart', targetScore: null }),
      goalSchema,
    );
    expect(changed).toMatchObject({ text: 'Behandeling gestart', targetScore: null, dueDate: '2026-09-01' });

    // Bad input names the field and stores nothing.
    const goalsBefore = await storedCount('goals', t.id);
    const other = await createPerson(reg);
    expectProblem(
      await care.post(`/api/v1/cases/${caseId}/goals`, {
        domain: 'werk_opleiding',
        subjectId: other.id,
        text: 'x',
      }),
      400,
      ['subjectId'],
    );
    expectProblem(
      await care.post(`/api/v1/cases/${caseId}/goals`, {
        domain: 'onbekend',
        subjectId: person.id,
        text: 'x',
      }),
      400,
      ['domain'],
    );
    expectProblem(
      await care.post(`/api/v1/cases/${caseId}/goals`, {
        domain: 'werk_opleiding',
        subjectId: person.id,
        text: ' ',
      }),
      400,
      ['text'],
    );
    expectProblem(
      await care.post(`/api/v1/cases/${caseId}/goals`, {
        domain: 'financien',
        subjectId: person.id,
        text: 'x',
      }),
      403,
    );
    expectProblem(
      await cop.post(`/api/v1/cases/${caseId}/goals`, {
        domain: 'werk_opleiding',
        subjectId: person.id,
        text: 'x',
      }),
      403,
    );
    expect(await storedCount('goals', t.id)).toBe(goalsBefore);

    // A closed case's plan stays readable and no longer changes.
    const closed = await reg.patch(`/api/v1/cases/${caseId}`, { status: 'closed' });
    if (closed.statusCode !== 200) {
      // Some lifecycles need steps first; walk them.
      for (const status of ['triage', 'analysis', 'plan', 'execution', 'evaluation', 'closed']) {
        await reg.patch(`/api/v1/cases/${caseId}`, { status });
      }
    }
    expectProblem(await care.patch(`/api/v1/goals/${careGoal.id}`, { status: 'achieved' }), 409);
    expectProblem(
      await care.post(`/api/v1/cases/${caseId}/goals`, {
        domain: 'werk_opleiding',
        subjectId: person.id,
        text: 'x',
      }),
      409,
    );
    bodyOf(await care.get(`/api/v1/cases/${caseId}/plan`), planSchema);
  });

  it('a household plan shows the members’ own cases and their goals; a member’s case names the household case', async () => {
    const { t, reg, care, cop } = await world();
    const mother = await createPerson(reg);
    const son = await createPerson(reg);
    const hh = (
      await reg.post('/api/v1/households', { name: 'Gezin Plan', memberIds: [mother.id, son.id] })
    ).json() as {
      id: string;
    };
    const partners = [t.partners.gemeente, t.partners.wijkteam, t.partners.politie];
    const householdCase = await createCase(reg, {
      type: 'household',
      subjects: [{ kind: 'household', id: hh.id }],
      partnerIds: partners,
    });
    const sonCase = await createCase(reg, {
      subjects: [{ kind: 'person', id: son.id }],
      partnerIds: partners,
    });
    const motherCase = await createCase(reg, {
      subjects: [{ kind: 'person', id: mother.id }],
      partnerIds: [t.partners.gemeente],
    });

    // A goal in the household plan for a member, and one in the son's own case.
    const memberGoal = bodyOf(
      await care.post(`/api/v1/cases/${householdCase.id}/goals`, {
        domain: 'huiselijke_relaties',
        subjectId: mother.id,
        text: 'Rust in huis',
      }),
      goalSchema,
      201,
    );
    expect(memberGoal.subjectId).toBe(mother.id);
    const sonGoal = bodyOf(
      await care.post(`/api/v1/cases/${sonCase.id}/goals`, {
        domain: 'werk_opleiding',
        subjectId: son.id,
        text: 'Naar school',
      }),
      goalSchema,
      201,
    );
    const sonCrime = bodyOf(
      await cop.post(`/api/v1/cases/${sonCase.id}/goals`, {
        domain: 'criminaliteit',
        subjectId: son.id,
        text: 'Uit de jeugdgroep',
      }),
      goalSchema,
      201,
    );
    await care.post(`/api/v1/persons/${son.id}/assessments`, {
      caseId: householdCase.id,
      date: '2026-02-01',
      scores: [{ domain: 'werk_opleiding', score: 2 }],
    });

    const plan = bodyOf(await care.get(`/api/v1/cases/${householdCase.id}/plan`), planSchema);
    expect(plan.goals.map((g) => g.id)).toEqual([memberGoal.id]);
    // Wijkteam does not take part in the mother's case: only the son's case is linked.
    expect(plan.linkedCases).toEqual([{ id: sonCase.id, reference: sonCase.reference, subjectId: son.id }]);
    expect(plan.linkedGoals.map((g) => g.id)).toEqual([sonGoal.id]);
    expect(plan.latestScores).toEqual([
      { subjectId: son.id, domain: 'werk_opleiding', score: 2, date: '2026-02-01' },
    ]);
    expect(JSON.stringify(plan)).not.toContain(motherCase.id);
    const forReg = bodyOf(await reg.get(`/api/v1/cases/${householdCase.id}/plan`), planSchema);
    expect(forReg.linkedCases.map((c) => c.id).sort()).toEqual([sonCase.id, motherCase.id].sort());
    expect(forReg.linkedGoals.map((g) => g.id).sort()).toEqual([sonGoal.id, sonCrime.id].sort());
    const forCop = bodyOf(await cop.get(`/api/v1/cases/${householdCase.id}/plan`), planSchema);
    expect(forCop.goals).toEqual([]);
    expect(forCop.linkedGoals.map((g) => g.id)).toEqual([sonCrime.id]);

    const sonPlan = bodyOf(await care.get(`/api/v1/cases/${sonCase.id}/plan`), planSchema);
    expect(sonPlan.householdCases).toEqual([
      { id: householdCase.id, reference: householdCase.reference, subjectId: hh.id },
    ]);
    expect(sonPlan.linkedCases).toEqual([]);
  });
});

describe('evaluations', () => {
  it('records an evaluation with goal statuses; each partner sees only statuses of readable goals', async () => {
    const { t, reg, care, cop, debt, outsider, person, caseId } = await world();
    const careGoal = bodyOf(
      await care.post(`/api/v1/cases/${caseId}/goals`, {
        domain: 'middelengebruik',
        subjectId: person.id,
        text: 'Minder drinken',
      }),
      goalSchema,
      201,
    );
    const copGoal = bodyOf(
      await cop.post(`/api/v1/cases/${caseId}/goals`, {
        domain: 'criminaliteit',
        subjectId: person.id,
        text: 'x',
      }),
      goalSchema,
      201,
    );
    const moneyGoal = bodyOf(
      await reg.post(`/api/v1/cases/${caseId}/goals`, {
        domain: 'financien',
        subjectId: person.id,
        text: 'y',
      }),
      goalSchema,
      201,
    );

    const before = await storedCount('evaluations', t.id);
    expectProblem(
      await care.post(`/api/v1/cases/${caseId}/evaluations`, {
        date: '2026-06-01',
        text: 'Tussenstand',
        goalStatuses: [{ goalId: copGoal.id, status: 'achieved' }],
      }),
      400,
      ['goalStatuses.0.goalId'],
    );
    expectProblem(
      await care.post(`/api/v1/cases/${caseId}/evaluations`, {
        date: '2026-06-01',
        text: 'Tussenstand',
        goalStatuses: [{ goalId: moneyGoal.id, status: 'achieved' }],
      }),
      403,
    );
    expectProblem(
      await care.post(`/api/v1/cases/${caseId}/evaluations`, { date: '2026-06-01', text: '' }),
      400,
      ['text'],
    );
    expectProblem(
      await care.post(`/api/v1/cases/${caseId}/evaluations`, {
        date: '2026-06-01',
        text: 'x',
        goalStatuses: [{ goalId: careGoal.id, status: 'misschien' }],
      }),
      400,
      ['goalStatuses.0.status'],
    );
    expectProblem(
      await outsider.post(`/api/v1/cases/${caseId}/evaluations`, { date: '2026-06-01', text: 'x' }),
      404,
    );
    expect(await storedCount('evaluations', t.id)).toBe(before);

    const evaluation = bodyOf(
      await care.post(`/api/v1/cases/${caseId}/evaluations`, {
        date: '2026-06-01',
        text: 'Drinkt minder, werkt mee',
        goalStatuses: [{ goalId: careGoal.id, status: 'partly_achieved' }],
      }),
      evaluationSchema,
      201,
    );
    expect(evaluation).toMatchObject({
      caseId,
      date: '2026-06-01',
      goalStatuses: [{ goalId: careGoal.id, status: 'partly_achieved' }],
    });
    bodyOf(
      await reg.post(`/api/v1/cases/${caseId}/evaluations`, {
        date: '2026-05-01',
        text: 'Eerder',
        goalStatuses: [
          { goalId: copGoal.id, status: 'open' },
          { goalId: moneyGoal.id, status: 'achieved' },
        ],
      }),
      evaluationSchema,
      201,
    );
    const forCare = bodyOf(await care.get(`/api/v1/cases/${caseId}/plan`), planSchema);
    expect(forCare.evaluations.map((e) => e.date)).toEqual(['2026-05-01', '2026-06-01']);
    expect(forCare.evaluations[0]?.goalStatuses).toEqual([{ goalId: moneyGoal.id, status: 'achieved' }]);
    expect(forCare.goals.find((g) => g.id === careGoal.id)?.status).toBe('partly_achieved');
    expect(forCare.goals.find((g) => g.id === moneyGoal.id)?.status).toBe('achieved');
    const forCop = bodyOf(await cop.get(`/api/v1/cases/${caseId}/plan`), planSchema);
    expect(forCop.evaluations.map((e) => e.goalStatuses)).toEqual([
      [{ goalId: copGoal.id, status: 'open' }],
      [],
    ]);
    expect(JSON.stringify(forCop)).not.toContain(careGoal.id);
    const forDebt = bodyOf(await debt.get(`/api/v1/cases/${caseId}/plan`), planSchema);
    expect(JSON.stringify(forDebt)).not.toContain(careGoal.id);

    // Closed: 409.
    for (const status of ['triage', 'analysis', 'plan', 'execution', 'evaluation', 'closed']) {
      await reg.patch(`/api/v1/cases/${caseId}`, { status });
    }
    expectProblem(
      await care.post(`/api/v1/cases/${caseId}/evaluations`, { date: '2026-07-01', text: 'x' }),
      409,
    );
  });
});

describe('the plan as PDF', () => {
  it('holds only what the partner may read; a regisseur prints a partner’s view', async () => {
    const { t, reg, care, cop, outsider, person, caseId } = await world();
    await care.post(`/api/v1/cases/${caseId}/goals`, {
      domain: 'geestelijke_gezondheid',
      subjectId: person.id,
      text: 'Behandeling GGZ gestart',
    });
    await cop.post(`/api/v1/cases/${caseId}/goals`, {
      domain: 'criminaliteit',
      subjectId: person.id,
      text: 'Geen winkeldiefstal meer',
    });
    await care.post(`/api/v1/persons/${person.id}/assessments`, {
      caseId,
      date: '2026-03-01',
      scores: [{ domain: 'geestelijke_gezondheid', score: 2 }],
    });
    const res = await care.get(`/api/v1/cases/${caseId}/plan.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const careText = pdfText(res.rawPayload, '');
    expect(careText).toContain('Behandeling GGZ gestart');
    expect(careText).toContain('Geestelijke gezondheid');
    expect(careText).not.toContain('winkeldiefstal');
    expect(careText).not.toContain('Criminaliteit');

    const copText = pdfText((await cop.get(`/api/v1/cases/${caseId}/plan.pdf`)).rawPayload, '');
    expect(copText).toContain('winkeldiefstal');
    expect(copText).not.toContain('Behandeling GGZ');
    expect(copText).not.toContain('Geestelijke gezondheid');

    const forPolice = await reg.get(`/api/v1/cases/${caseId}/plan.pdf?partnerId=${t.partners.politie}`);
    expect(forPolice.statusCode).toBe(200);
    expect(pdfText(forPolice.rawPayload, '')).not.toContain('Behandeling GGZ');
    expect(pdfText(forPolice.rawPayload, '')).toContain('winkeldiefstal');
    expectProblem(await care.get(`/api/v1/cases/${caseId}/plan.pdf?partnerId=${t.partners.politie}`), 403);
    expectProblem(await reg.get(`/api/v1/cases/${caseId}/plan.pdf?partnerId=${t.partners.ggz}`), 400, [
      'partnerId',
    ]);
    expectProblem(await reg.get(`/api/v1/cases/${caseId}/plan.pdf?partnerId=nee`), 400, ['partnerId']);
    expectProblem(await outsider.get(`/api/v1/cases/${caseId}/plan.pdf`), 404);

    const db = await testDb();
    const exported = await rows(
      db,
      z.object({ n: col.int }),
      `SELECT count(*) AS n FROM audit_log WHERE tenant_id = $1 AND action = 'export' AND object_type = 'plan'`,
      [t.id],
    );
    expect(exported[0]?.n).toBe(3);
  });
});

describe('alerts and the agenda', () => {
  it('a change to a goal or score reaches only those whose partner may read its domain', async () => {
    const { t, reg, care, cop, person, caseId } = await world();
    // Followers: the police (no zorg) and a second wijkteam user.
    const care2User = await t.addUser('wijkteam', ['professional']);
    const care2 = await loggedIn(app, care2User);
    expect((await cop.post(`/api/v1/cases/${caseId}/follow`)).statusCode).toBe(204);
    expect((await care2.post(`/api/v1/cases/${caseId}/follow`)).statusCode).toBe(204);

    const goal = bodyOf(
      await care.post(`/api/v1/cases/${caseId}/goals`, {
        domain: 'geestelijke_gezondheid',
        subjectId: person.id,
        text: 'Rustiger',
      }),
      goalSchema,
      201,
    );
    await care.patch(`/api/v1/goals/${goal.id}`, { status: 'dropped' });
    await care.post(`/api/v1/persons/${person.id}/assessments`, {
      caseId,
      date: '2026-03-01',
      scores: [{ domain: 'geestelijke_gezondheid', score: 2 }],
    });
    await care.post(`/api/v1/cases/${caseId}/evaluations`, { date: '2026-03-02', text: 'Stand' });
    const kinds = async (c: Client) =>
      bodyOf(await c.get('/api/v1/alerts?limit=50'), alertListSchema)
        .items.map((a) => a.kind)
        .sort();
    expect(await kinds(care2)).toEqual([
      'assessment_added',
      'evaluation_added',
      'plan_changed',
      'plan_changed',
    ]);
    // The police hear of the evaluation (readable to all in the case), not of the care goal or score.
    expect(await kinds(cop)).toEqual(['evaluation_added']);
    // A crime score reaches the police, not wijkteam.
    await reg.post(`/api/v1/persons/${person.id}/assessments`, {
      caseId,
      date: '2026-03-03',
      scores: [{ domain: 'criminaliteit', score: 3 }],
    });
    expect(await kinds(cop)).toEqual(['assessment_added', 'evaluation_added']);
    expect(await kinds(care2)).toHaveLength(4);
    // No content in the alert.
    const raw = (await care2.get('/api/v1/alerts?limit=50')).body;
    expect(raw).not.toContain('Rustiger');
    // Checked again when shown: once wijkteam may no longer read zorg, its alerts about zorg are gone.
    await setMatrix(app, t, [{ partner: 'wijkteam', category: 'zorg', access: 'none' }]);
    expect(await kinds(care2)).toEqual(['evaluation_added']);
    expect(bodyOf(await care2.get('/api/v1/alerts?limit=50'), alertListSchema).unread).toBe(1);
    // And when their emails go out: only the evaluation's is still deliverable.
    const db = await testDb();
    const claimed = (await claimDueEmails(db, 1000, 60_000, userSeesCaseSql, alertEmailAllowedSql)).filter(
      (o) => o.user_id === care2User.id,
    );
    const kindOf = async (key: string) =>
      (
        await rows(db, z.object({ kind: col.text }), 'SELECT kind FROM alerts WHERE id = $1', [
          key.replace('alert:', ''),
        ])
      )[0]?.kind;
    const deliverable = await Promise.all(
      claimed.filter((o) => o.deliverable).map((o) => kindOf(o.idempotency_key)),
    );
    expect(claimed).toHaveLength(4);
    expect(deliverable).toEqual(['evaluation_added']);
  });

  it('the start page counts a change to the plan as news to whoever may read it, not to its author', async () => {
    const { t, reg, care, cop, person, caseId } = await world();
    const care2 = await loggedIn(app, await t.addUser('wijkteam', ['professional']));
    const changed = async (c: Client) =>
      (bodyOf(await c.get('/api/v1/overview'), overviewSchema).cases?.items ?? []).map((x) => x.id);
    const look = async (c: Client) =>
      expect((await c.get(`/api/v1/cases/${caseId}/situation`)).statusCode).toBe(200);
    for (const c of [care, care2, cop]) await look(c);
    expect(await changed(care2)).not.toContain(caseId);

    // A care goal: news to the other wijkteam user, not to its author nor to the police (no zorg).
    const goal = bodyOf(
      await care.post(`/api/v1/cases/${caseId}/goals`, {
        domain: 'geestelijke_gezondheid',
        subjectId: person.id,
        text: 'Rustiger',
      }),
      goalSchema,
      201,
    );
    expect(await changed(care2)).toContain(caseId);
    expect(await changed(care)).not.toContain(caseId);
    expect(await changed(cop)).not.toContain(caseId);

    // A crime score: news to the police, not to wijkteam.
    await look(care2);
    await reg.post(`/api/v1/persons/${person.id}/assessments`, {
      caseId,
      date: '2026-03-03',
      scores: [{ domain: 'criminaliteit', score: 3 }],
    });
    expect(await changed(cop)).toContain(caseId);
    expect(await changed(care2)).not.toContain(caseId);

    // The goal changed by somebody else is news to its author too; an evaluation to everyone in the case.
    await look(cop);
    await look(care);
    await reg.patch(`/api/v1/goals/${goal.id}`, { text: 'Rustiger in huis' });
    expect(await changed(care)).toContain(caseId);
    expect(await changed(cop)).not.toContain(caseId);
    await look(care);
    await care.post(`/api/v1/cases/${caseId}/evaluations`, { date: '2026-03-04', text: 'Stand van zaken' });
    expect(await changed(cop)).toContain(caseId);
    expect(await changed(care)).not.toContain(caseId);
  });

  it('the agenda shows each case’s open goals of readable domains and its overdue actions', async () => {
    const { t, reg, care, cop, person, caseId } = await world();
    const careGoal = bodyOf(
      await care.post(`/api/v1/cases/${caseId}/goals`, {
        domain: 'tijdsbesteding',
        subjectId: person.id,
        text: 'Dagbesteding vinden',
      }),
      goalSchema,
      201,
    );
    const crime = bodyOf(
      await cop.post(`/api/v1/cases/${caseId}/goals`, {
        domain: 'criminaliteit',
        subjectId: person.id,
        text: 'Geen overlast meer',
      }),
      goalSchema,
      201,
    );
    const done = bodyOf(
      await cop.post(`/api/v1/cases/${caseId}/goals`, {
        domain: 'criminaliteit',
        subjectId: person.id,
        text: 'Oud',
      }),
      goalSchema,
      201,
    );
    await cop.patch(`/api/v1/goals/${done.id}`, { status: 'achieved' });
    const late = bodyOf(
      await cop.post(`/api/v1/cases/${caseId}/actions`, {
        title: 'Gesprek wijkagent',
        ownerPartnerId: t.partners.politie,
        dueDate: '2020-01-01',
        goalId: crime.id,
      }),
      actionSchema,
      201,
    );
    const meeting = bodyOf(
      await reg.post('/api/v1/meetings', {
        title: 'Casusoverleg',
        kind: 'case',
        startsAt: new Date(Date.now() + 86_400_000).toISOString(),
        chairUserId: t.regisseur.id,
        partnerIds: [t.partners.politie, t.partners.wijkteam],
        caseIds: [caseId],
      }),
      meetingSchema,
      201,
    );
    const forCop = bodyOf(await cop.get(`/api/v1/meetings/${meeting.id}`), meetingSchema);
    expect(forCop.agenda[0]?.openGoals?.map((g) => g.id)).toEqual([crime.id]);
    expect(forCop.agenda[0]?.overdueActions).toEqual([
      expect.objectContaining({
        id: late.id,
        title: 'Gesprek wijkagent',
        goalId: crime.id,
        dueDate: '2020-01-01',
      }),
    ]);
    const forCare = bodyOf(await care.get(`/api/v1/meetings/${meeting.id}`), meetingSchema);
    expect(forCare.agenda[0]?.openGoals?.map((g) => g.id)).toEqual([careGoal.id]);
    // The overdue action is listed, its goal (a police domain) is not.
    expect(forCare.agenda[0]?.overdueActions).toEqual([
      expect.objectContaining({ id: late.id, goalId: null }),
    ]);
    expect(JSON.stringify(forCare)).not.toContain('overlast');
    expect(JSON.stringify(forCare)).not.toContain(crime.id);

    // The printed agenda too.
    const carePdf = pdfText((await care.get(`/api/v1/meetings/${meeting.id}/pdf`)).rawPayload, '');
    expect(carePdf).toContain('Dagbesteding vinden');
    expect(carePdf).not.toContain('Geen overlast meer');
    const copPdf = pdfText((await cop.get(`/api/v1/meetings/${meeting.id}/pdf`)).rawPayload, '');
    expect(copPdf).toContain('Geen overlast meer');
    expect(copPdf).not.toContain('Dagbesteding');
  });
});

describe('audit', () => {
  it('records goal changes with before and after, and plan reads', async () => {
    const { reg, care, person, caseId } = await world();
    const goal = bodyOf(
      await care.post(`/api/v1/cases/${caseId}/goals`, {
        domain: 'sociaal_netwerk',
        subjectId: person.id,
        text: 'Vrienden',
      }),
      goalSchema,
      201,
    );
    await care.patch(`/api/v1/goals/${goal.id}`, { status: 'achieved' });
    await care.get(`/api/v1/cases/${caseId}/plan`);
    const log = bodyOf(await reg.get(`/api/v1/audit?objectId=${goal.id}`), auditListSchema);
    // Created, changed, and read along with the plan.
    expect(log.items.map((a) => a.action).sort()).toEqual(['create', 'read', 'update']);
    const plan = bodyOf(await reg.get(`/api/v1/audit?objectId=${caseId}`), auditListSchema);
    expect(plan.items.some((a) => a.objectType === 'plan' && a.action === 'read')).toBe(true);
  });
});
