import {
  caseDetailSchema,
  caseListSchema,
  caseSchema,
  entryListSchema,
  entrySchema,
  subjectSchema,
} from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  bodyOf,
  type CaseJson,
  Client,
  createCase,
  createPerson,
  expectProblem,
  loggedIn,
  newTenant,
  setMatrix,
  type TestTenant,
  type TestUser,
  testApp,
} from './helpers.js';

let app: FastifyInstance;
let t: TestTenant;
let other: TestTenant;
let cop: TestUser; // professional of politie
let careWorker: TestUser; // professional of wijkteam
let reg: Client;

beforeAll(async () => {
  app = await testApp();
  t = await newTenant(['gemeente', 'politie', 'wijkteam', 'ggz']);
  other = await newTenant(['gemeente', 'politie']);
  cop = t.professional;
  careWorker = await t.addUser('wijkteam', ['professional']);
  reg = await loggedIn(app, t.regisseur);
  await setMatrix(app, t, [
    { partner: 'gemeente', category: 'basis', access: 'write' },
    { partner: 'gemeente', category: 'veiligheid', access: 'write' },
    { partner: 'politie', category: 'basis', access: 'read' },
    { partner: 'politie', category: 'politie', access: 'write' },
    { partner: 'wijkteam', category: 'basis', access: 'write' },
    { partner: 'wijkteam', category: 'zorg', access: 'write' },
    { partner: 'wijkteam', category: 'politie', access: 'read' },
  ]);
});

describe('creating a case', () => {
  it('gets a reference per tenant per year, status registered, and the creator partner participates', async () => {
    const person = await createPerson(reg);
    const year = new Date().getUTCFullYear();
    const a = await createCase(reg, {
      subjects: [{ kind: 'person', id: person.id }],
      partnerIds: [t.partners.politie],
    });
    const b = await createCase(reg, { type: 'area', title: 'Hangplek' });
    expect(a.reference).toMatch(new RegExp(`^${year}-\\d{4}$`));
    expect(Number(b.reference.slice(5))).toBe(Number(a.reference.slice(5)) + 1);
    expect(a.status).toBe('registered');
    expect(a.partnerIds.sort()).toEqual([t.partners.gemeente, t.partners.politie].sort());
    expect(a.subjects).toEqual([{ kind: 'person', id: person.id, label: expect.stringContaining('Test') }]);
    // Another tenant counts on its own.
    const o = await createCase(await loggedIn(app, other.regisseur), { type: 'area', title: 'Elders' });
    expect(o.reference).toBe(`${year}-0001`);
  });

  it('rejects bad input naming the field and creates nothing', async () => {
    const before = bodyOf(await reg.get('/api/v1/cases'), caseListSchema).total;
    expectProblem(await reg.post('/api/v1/cases', { type: 'boef', title: 'x' }), 400, ['type']);
    expectProblem(await reg.post('/api/v1/cases', { type: 'person', title: '' }), 400, ['title']);
    expectProblem(
      await reg.post('/api/v1/cases', { type: 'person', title: 'x', partnerIds: [other.partners.politie] }),
      400,
      ['partnerIds.0'],
    );
    expectProblem(
      await reg.post('/api/v1/cases', {
        type: 'person',
        title: 'x',
        subjects: [{ kind: 'person', id: crypto.randomUUID() }],
      }),
      400,
      ['subjects.0.id'],
    );
    expectProblem(
      await reg.post('/api/v1/cases', {
        type: 'person',
        title: 'x',
        subjects: [{ kind: 'pet', id: crypto.randomUUID() }],
      }),
      400,
      ['subjects.0.kind'],
    );
    expectProblem(
      await reg.post('/api/v1/cases', { type: 'person', title: 'x', directorUserId: other.regisseur.id }),
      400,
      ['directorUserId'],
    );
    expectProblem(await reg.post('/api/v1/cases', { type: 'person', title: 'x', status: 'closed' }), 400, [
      'status',
    ]);
    expect(bodyOf(await reg.get('/api/v1/cases'), caseListSchema).total).toBe(before);
  });

  it('admin and auditor may not use cases (403); no session 401', async () => {
    for (const u of [t.admin, t.auditor]) {
      const c = await loggedIn(app, u);
      expectProblem(await c.post('/api/v1/cases', { type: 'area', title: 'x' }), 403);
      expectProblem(await c.get('/api/v1/cases'), 403);
    }
    expectProblem(await new Client(app).get('/api/v1/cases'), 401);
    expectProblem(await new Client(app).post('/api/v1/cases', { type: 'area', title: 'x' }), 401);
  });
});

describe('who sees a case', () => {
  let shared: CaseJson;
  let directed: CaseJson;
  let hidden: CaseJson;
  beforeAll(async () => {
    shared = await createCase(reg, { title: 'Gedeeld met politie', partnerIds: [t.partners.politie] });
    directed = await createCase(reg, { title: 'Geleid door wijkteam', directorUserId: careWorker.id });
    hidden = await createCase(reg, { title: 'Alleen gemeente' });
  });

  it('a participating partner sees it, others get 404 — in detail, list and count', async () => {
    const c = await loggedIn(app, cop);
    expect((await c.get(`/api/v1/cases/${shared.id}`)).statusCode).toBe(200);
    expectProblem(await c.get(`/api/v1/cases/${hidden.id}`), 404);
    expectProblem(await c.get(`/api/v1/cases/${hidden.id}/entries`), 404);
    expectProblem(
      await c.post(`/api/v1/cases/${hidden.id}/entries`, { category: 'politie', text: 'x' }),
      404,
    );
    expectProblem(await c.patch(`/api/v1/cases/${hidden.id}`, { title: 'x' }), 404);
    const list = bodyOf(await c.get('/api/v1/cases?limit=200'), caseListSchema);
    const ids = list.items.map((x) => x.id);
    expect(ids).toContain(shared.id);
    expect(ids).not.toContain(hidden.id);
    expect(ids).not.toContain(directed.id);
    expect(list.total).toBe(list.items.length);
    const search = bodyOf(
      await c.get(`/api/v1/cases?q=${encodeURIComponent('Alleen gemeente')}`),
      caseListSchema,
    );
    expect(search.total).toBe(0);
  });

  it('the director sees it without their partner participating; the regisseur sees all', async () => {
    const c = await loggedIn(app, careWorker);
    expect((await c.get(`/api/v1/cases/${directed.id}`)).statusCode).toBe(200);
    const mine = bodyOf(await c.get('/api/v1/cases?mine=true'), caseListSchema);
    expect(mine.items.map((x) => x.id)).toEqual([directed.id]);
    for (const x of [shared, directed, hidden])
      expect((await reg.get(`/api/v1/cases/${x.id}`)).statusCode).toBe(200);
  });

  it('another tenant never sees it, not even the regisseur', async () => {
    const c = await loggedIn(app, other.regisseur);
    expectProblem(await c.get(`/api/v1/cases/${shared.id}`), 404);
    const list = bodyOf(await c.get('/api/v1/cases?limit=200'), caseListSchema);
    expect(list.items.map((x) => x.id)).not.toContain(shared.id);
  });

  it('subject names only for partners that may read basis', async () => {
    const person = await createPerson(reg, { firstName: 'Anna', lastName: 'Zichtbaar' });
    const x = await createCase(reg, {
      subjects: [{ kind: 'person', id: person.id }],
      partnerIds: [t.partners.politie, t.partners.ggz],
    });
    const ggz = await t.addUser('ggz', ['professional']); // ggz has no basis access
    const forGgz = bodyOf(await (await loggedIn(app, ggz)).get(`/api/v1/cases/${x.id}`), caseDetailSchema);
    // Nor may ggz open the person: the kind stays, the id is left out (references.test.ts).
    expect(forGgz.subjects).toEqual([{ kind: 'person', id: null }]);
    const forCop = bodyOf(await (await loggedIn(app, cop)).get(`/api/v1/cases/${x.id}`), caseDetailSchema);
    expect(forCop.subjects[0]!.label).toBe('Anna Zichtbaar');
  });
});

describe('lifecycle', () => {
  it('one step forward or back; skipping is 409', async () => {
    const x = await createCase(reg, { type: 'area', title: 'Levensloop' });
    expectProblem(await reg.patch(`/api/v1/cases/${x.id}`, { status: 'analysis' }), 409);
    for (const s of ['triage', 'analysis', 'plan', 'analysis', 'plan', 'execution', 'evaluation']) {
      const res = await reg.patch(`/api/v1/cases/${x.id}`, { status: s });
      expect(res.statusCode, s).toBe(200);
      expect(bodyOf(res, caseSchema).status).toBe(s);
    }
    expectProblem(await reg.patch(`/api/v1/cases/${x.id}`, { status: 'evaluation' }), 409);
    expectProblem(await reg.patch(`/api/v1/cases/${x.id}`, { status: 'registered' }), 409);
    expectProblem(await reg.patch(`/api/v1/cases/${x.id}`, { status: 'bogus' }), 400, ['status']);
  });

  it('closing takes an optional result { outcome, text } and works from any state; reopening only by a regisseur', async () => {
    const x = await createCase(reg, {
      type: 'area',
      title: 'Afsluiten',
      directorUserId: careWorker.id,
      partnerIds: [t.partners.wijkteam],
    });
    const director = await loggedIn(app, careWorker);
    expectProblem(
      await director.patch(`/api/v1/cases/${x.id}`, { status: 'closed', result: { outcome: 'gelukt' } }),
      400,
      ['result.outcome'],
    );
    expectProblem(
      await director.patch(`/api/v1/cases/${x.id}`, { status: 'closed', result: 'transferred' }),
      400,
      ['result'],
    );
    expectProblem(
      await director.patch(`/api/v1/cases/${x.id}`, { result: { outcome: 'goals_achieved' } }),
      400,
      ['result'],
    );
    const closed = await director.patch(`/api/v1/cases/${x.id}`, {
      status: 'closed',
      result: { outcome: 'transferred', text: 'Overgedragen aan het zorgteam van de woningcorporatie' },
    });
    expect(bodyOf(closed, caseSchema)).toMatchObject({
      status: 'closed',
      result: { outcome: 'transferred', text: 'Overgedragen aan het zorgteam van de woningcorporatie' },
    });
    expectProblem(
      await director.patch(`/api/v1/cases/${x.id}`, {
        status: 'closed',
        result: { outcome: 'goals_achieved' },
      }),
      409,
    );
    expectProblem(await director.patch(`/api/v1/cases/${x.id}`, { status: 'execution' }), 403);
    expectProblem(await director.patch(`/api/v1/cases/${x.id}`, { title: 'Nieuwe titel' }), 409);
    expectProblem(
      await director.post(`/api/v1/cases/${x.id}/entries`, { category: 'zorg', text: 'na sluiten' }),
      409,
    );
    const reopened = await reg.patch(`/api/v1/cases/${x.id}`, { status: 'execution' });
    expect(bodyOf(reopened, caseSchema)).toMatchObject({ status: 'execution', result: null });
    // Without a result (the API leaves it optional): closed, no result.
    const plain = await reg.patch(`/api/v1/cases/${x.id}`, { status: 'closed' });
    expect(bodyOf(plain, caseSchema)).toMatchObject({ status: 'closed', result: null });
  });

  it('a participant who is not the director may not change the case (403)', async () => {
    const x = await createCase(reg, {
      type: 'area',
      title: 'Alleen lezen',
      partnerIds: [t.partners.politie],
    });
    const c = await loggedIn(app, cop);
    expectProblem(await c.patch(`/api/v1/cases/${x.id}`, { status: 'triage' }), 403);
    expectProblem(await c.patch(`/api/v1/cases/${x.id}`, { title: 'Overgenomen' }), 403);
    expect(bodyOf(await reg.get(`/api/v1/cases/${x.id}`), caseDetailSchema).status).toBe('registered');
  });

  it('allowedStatuses says what this caller may do next', async () => {
    const x = await createCase(reg, {
      type: 'area',
      title: 'Volgende stap',
      partnerIds: [t.partners.politie],
    });
    const forReg = bodyOf(await reg.get(`/api/v1/cases/${x.id}`), caseDetailSchema);
    expect(forReg.allowedStatuses.sort()).toEqual(['closed', 'triage']);
    const forCop = bodyOf(await (await loggedIn(app, cop)).get(`/api/v1/cases/${x.id}`), caseDetailSchema);
    expect(forCop.allowedStatuses).toEqual([]);
  });

  it('the regisseur changes partners and director; bad references are 400', async () => {
    const x = await createCase(reg, { type: 'area', title: 'Partners' });
    const res = await reg.patch(`/api/v1/cases/${x.id}`, {
      partnerIds: [t.partners.gemeente, t.partners.ggz],
      directorUserId: careWorker.id,
    });
    const changed = bodyOf(res, caseSchema);
    expect(changed.partnerIds.sort()).toEqual([t.partners.gemeente, t.partners.ggz].sort());
    expect(changed.directorUserId).toBe(careWorker.id);
    expectProblem(await reg.patch(`/api/v1/cases/${x.id}`, { partnerIds: ['not-a-uuid'] }), 400, [
      'partnerIds.0',
    ]);
    expectProblem(await reg.patch(`/api/v1/cases/${x.id}`, { directorUserId: other.admin.id }), 400, [
      'directorUserId',
    ]);
    expectProblem(await reg.patch(`/api/v1/cases/${x.id}`, {}), 400);
    expectProblem(await reg.patch(`/api/v1/cases/${x.id}`, { reference: '1999-0001' }), 400, ['reference']);
  });
});

describe('entries', () => {
  let x: CaseJson;
  beforeAll(async () => {
    x = await createCase(reg, { title: 'Journaal', partnerIds: [t.partners.politie, t.partners.wijkteam] });
  });

  it('write needs write access to the category (403 otherwise), and the entry records author and partner', async () => {
    const c = await loggedIn(app, cop);
    const res = await c.post(`/api/v1/cases/${x.id}/entries`, {
      category: 'politie',
      text: 'Melding van overlast bij de woning.',
    });
    expect(bodyOf(res, entrySchema, 201)).toMatchObject({
      category: 'politie',
      authorUserId: cop.id,
      partnerId: t.partners.politie,
      correctsEntryId: null,
    });
    expectProblem(await c.post(`/api/v1/cases/${x.id}/entries`, { category: 'zorg', text: 'mag niet' }), 403);
    expectProblem(
      await c.post(`/api/v1/cases/${x.id}/entries`, { category: 'basis', text: 'alleen lezen' }),
      403,
    );
    expectProblem(await c.post(`/api/v1/cases/${x.id}/entries`, { category: 'onbekend', text: 'x' }), 400, [
      'category',
    ]);
    expectProblem(await c.post(`/api/v1/cases/${x.id}/entries`, { category: 'politie', text: '' }), 400, [
      'text',
    ]);
    expectProblem(
      await c.post(`/api/v1/cases/${x.id}/entries`, {
        category: 'politie',
        text: 'x',
        partnerId: t.partners.wijkteam,
      }),
      400,
      ['partnerId'],
    );
  });

  it('read returns only readable categories, with matching totals and paging', async () => {
    const care = await loggedIn(app, careWorker);
    for (let i = 0; i < 3; i++) {
      expect(
        (await care.post(`/api/v1/cases/${x.id}/entries`, { category: 'zorg', text: `Zorgnotitie ${i}` }))
          .statusCode,
      ).toBe(201);
    }
    const forCop = bodyOf(
      await (await loggedIn(app, cop)).get(`/api/v1/cases/${x.id}/entries`),
      entryListSchema,
    );
    expect(forCop.items.every((e) => e.category !== 'zorg')).toBe(true);
    expect(forCop.total).toBe(forCop.items.length);
    const forCare = bodyOf(await care.get(`/api/v1/cases/${x.id}/entries?limit=2`), entryListSchema);
    expect(forCare.items).toHaveLength(2);
    expect(forCare.total).toBe(4); // 3 zorg + 1 politie (wijkteam may read politie)
    const onlyZorg = bodyOf(await care.get(`/api/v1/cases/${x.id}/entries?category=zorg`), entryListSchema);
    expect(onlyZorg.total).toBe(3);
    // The regisseur sees the case but reads only what the gemeente row allows.
    const forReg = bodyOf(await reg.get(`/api/v1/cases/${x.id}/entries`), entryListSchema);
    expect(forReg.total).toBe(0);
  });

  it('a correction is a new entry pointing at the old one; the old one stays', async () => {
    const c = await loggedIn(app, cop);
    const first = bodyOf(
      await c.post(`/api/v1/cases/${x.id}/entries`, { category: 'politie', text: 'Datum 3 mei' }),
      entrySchema,
      201,
    );
    const fix = await c.post(`/api/v1/cases/${x.id}/entries`, {
      category: 'politie',
      text: 'Correctie: 4 mei',
      correctsEntryId: first.id,
    });
    expect(bodyOf(fix, entrySchema, 201).correctsEntryId).toBe(first.id);
    const texts = bodyOf(await c.get(`/api/v1/cases/${x.id}/entries?limit=200`), entryListSchema).items.map(
      (e) => e.text,
    );
    expect(texts).toContain('Datum 3 mei');
    expect(texts).toContain('Correctie: 4 mei');
    // An entry the caller cannot read cannot be corrected by them.
    const zorg = bodyOf(
      await (await loggedIn(app, careWorker)).get(`/api/v1/cases/${x.id}/entries?category=zorg`),
      entryListSchema,
    );
    expectProblem(
      await c.post(`/api/v1/cases/${x.id}/entries`, {
        category: 'politie',
        text: 'x',
        correctsEntryId: zorg.items[0]!.id,
      }),
      400,
      ['correctsEntryId'],
    );
  });
});

describe('household case', () => {
  it('shows the members own person cases that the caller may see', async () => {
    const mother = await createPerson(reg, { firstName: 'Moeder', lastName: 'Gezin' });
    const son = await createPerson(reg, { firstName: 'Zoon', lastName: 'Gezin' });
    const hh = await reg.post('/api/v1/households', {
      name: 'Gezin',
      memberIds: [mother.id, son.id],
      contactPersonId: mother.id,
    });
    const household = bodyOf(hh, subjectSchema, 201);
    const hcase = await createCase(reg, {
      type: 'household',
      title: 'Gezinsplan',
      subjects: [{ kind: 'household', id: household.id }],
      partnerIds: [t.partners.wijkteam],
    });
    const sonCase = await createCase(reg, {
      title: 'Zoon PGA',
      subjects: [{ kind: 'person', id: son.id }],
      partnerIds: [t.partners.politie],
    });
    const forReg = bodyOf(await reg.get(`/api/v1/cases/${hcase.id}`), caseDetailSchema);
    expect(forReg.relatedCases).toEqual([expect.objectContaining({ id: sonCase.id, viaPersonId: son.id })]);
    // The wijkteam does not take part in the son's case, so it is not shown to them.
    const forCare = bodyOf(
      await (await loggedIn(app, careWorker)).get(`/api/v1/cases/${hcase.id}`),
      caseDetailSchema,
    );
    expect(forCare.relatedCases).toEqual([]);
  });
});
