import { type AccessReport, accessReportSchema, auditListSchema, caseDetailSchema } from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bodyOf,
  type CaseJson,
  type Client,
  createCase,
  createPerson,
  expectProblem,
  loggedIn,
  newTenant,
  pdfText,
  setMatrix,
  type TestTenant,
  testApp,
} from './helpers.js';

/*
 * The access report of a person (AVG art. 15, issue 15 point 3): the regisseur and the privacy officer
 * get everything held on the person and every read and change of it, with the organisation and the
 * processing activity; as JSON or as a letter (PDF) without employees' names; making it is audited.
 */

let app: FastifyInstance;
let t: TestTenant;
let reg: Client;
let cop: Client;
let auditor: Client;
let personId: string;
let kase: CaseJson;
const url = () => `/api/v1/persons/${personId}/access-report`;

beforeAll(async () => {
  app = await testApp();
  t = await newTenant();
  await setMatrix(app, t, [
    { partner: 'gemeente', category: 'basis', access: 'write' },
    { partner: 'gemeente', category: 'zorg', access: 'write' },
    { partner: 'politie', category: 'basis', access: 'read' },
    { partner: 'politie', category: 'politie', access: 'write' },
  ]);
  reg = await loggedIn(app, t.regisseur);
  cop = await loggedIn(app, t.professional);
  auditor = await loggedIn(app, t.auditor);
  const person = await createPerson(reg, {
    firstName: 'Anna',
    lastName: 'Inzage',
    birthDate: '1980-05-17',
    address: { street: 'Kerkstraat', houseNumber: '12', postalCode: '1234AB', city: 'Voorbeeldstad' },
  });
  personId = person.id;
  kase = await createCase(reg, {
    title: 'Zorg en overlast',
    subjects: [{ kind: 'person', id: personId }],
    partnerIds: [t.partners.gemeente, t.partners.politie],
  });
  for (const [c, category, text] of [
    [reg, 'zorg', 'Mevrouw krijgt thuiszorg.'],
    [cop, 'politie', 'Melding van geluidsoverlast.'],
  ] as const) {
    const res = await c.post(`/api/v1/cases/${kase.id}/entries`, { category, text });
    expect(res.statusCode).toBe(201);
  }
  const goal = await cop.post(`/api/v1/cases/${kase.id}/goals`, {
    domain: 'criminaliteit',
    subjectId: personId,
    text: 'Geen overlast meer',
  });
  expect(goal.statusCode).toBe(201);
  const scored = await cop.post(`/api/v1/persons/${personId}/assessments`, {
    caseId: kase.id,
    date: '2026-03-01',
    scores: [{ domain: 'criminaliteit', score: 2 }],
  });
  expect(scored.statusCode).toBe(201);
  // A professional of another partner (the police) reads the case.
  bodyOf(await cop.get(`/api/v1/cases/${kase.id}`), caseDetailSchema);
});
afterAll(async () => {
  await app.close();
});

describe('the access report', () => {
  let report: AccessReport;
  beforeAll(async () => {
    report = bodyOf(await auditor.get(url()), accessReportSchema);
  });

  it('lists the read by another partner with that partner and the case’s processing activity', () => {
    const read = report.accesses.find(
      (a) => a.partnerId === t.partners.politie && a.action === 'read' && a.caseReference === kase.reference,
    );
    expect(read).toMatchObject({
      userId: t.professional.id,
      partnerId: t.partners.politie,
      processingActivityId: kase.processingActivityId,
    });
    expect(read?.partnerName).toMatch(/^politie /);
    for (const a of report.accesses) {
      expect(Object.keys(a)).toEqual(
        expect.arrayContaining(['at', 'userId', 'partnerId', 'action', 'processingActivityId']),
      );
    }
    // Changes count too: the entries written and the person registered.
    expect(report.accesses.map((a) => a.action)).toEqual(expect.arrayContaining(['create', 'read']));
    const times = report.accesses.map((a) => a.at);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('holds everything held: the person, the case with its processing, entries of every category, goals, scores', () => {
    expect(report.person).toMatchObject({
      id: personId,
      firstName: 'Anna',
      lastName: 'Inzage',
      birthDate: '1980-05-17',
      address: { street: 'Kerkstraat', houseNumber: '12', postalCode: '1234AB', city: 'Voorbeeldstad' },
    });
    expect(report.cases).toHaveLength(1);
    const c = report.cases[0]!;
    expect(c).toMatchObject({ id: kase.id, reference: kase.reference, via: 'person' });
    expect(c.processingActivity.id).toBe(kase.processingActivityId);
    expect(c.processingActivity.legalBasis).toMatch(/AVG/);
    expect(c.entries.map((e) => [e.category, e.text, e.partner.id])).toEqual([
      ['zorg', 'Mevrouw krijgt thuiszorg.', t.partners.gemeente],
      ['politie', 'Melding van geluidsoverlast.', t.partners.politie],
    ]);
    expect(c.goals.map((g) => g.text)).toEqual(['Geen overlast meer']);
    expect(c.assessments.map((a) => [a.assessedOn, a.scores.map((x) => [x.domain, x.score])])).toEqual([
      ['2026-03-01', [['criminaliteit', 2]]],
    ]);
  });

  it('the regisseur gets all of it too, also categories the matrix hides from the regisseur’s partner', async () => {
    const byReg = bodyOf(await reg.get(url()), accessReportSchema);
    expect(byReg.cases[0]?.entries.map((e) => e.category)).toEqual(['zorg', 'politie']);
  });

  it('is itself audited as an export of the person, and listed in the next report', async () => {
    const log = bodyOf(await auditor.get(`/api/v1/audit?objectId=${personId}`), auditListSchema);
    const exports = log.items.filter((i) => i.action === 'export' && i.objectType === 'person');
    expect(exports.map((i) => i.userId)).toEqual(expect.arrayContaining([t.auditor.id, t.regisseur.id]));
    expect(exports.every((i) => i.personIds.includes(personId))).toBe(true);
    const again = bodyOf(await auditor.get(url()), accessReportSchema);
    expect(again.accesses.some((a) => a.action === 'export' && a.userId === t.auditor.id)).toBe(true);
  });
});

describe('through a household, and signals', () => {
  it('lists the household case of a member and the signals about the person, not another member’s goals', async () => {
    const mother = await createPerson(reg, { firstName: 'Moeder', lastName: 'Gezin' });
    const son = await createPerson(reg, { firstName: 'Zoon', lastName: 'Gezin' });
    const household = (
      await reg.post('/api/v1/households', { name: 'Gezin Inzage', memberIds: [mother.id, son.id] })
    ).json() as { id: string };
    const familyCase = await createCase(reg, {
      type: 'household',
      title: 'Gezinsplan',
      subjects: [{ kind: 'household', id: household.id }],
      partnerIds: [t.partners.gemeente],
    });
    expect(
      (await reg.post(`/api/v1/cases/${familyCase.id}/entries`, { category: 'zorg', text: 'Gezinsgesprek.' }))
        .statusCode,
    ).toBe(201);
    const signal = await reg.post('/api/v1/signals', {
      category: 'woonoverlast',
      description: 'Zorgen over moeder',
      source: 'professional',
      personIds: [mother.id],
    });
    expect(signal.statusCode).toBe(201);
    const ofMother = bodyOf(
      await auditor.get(`/api/v1/persons/${mother.id}/access-report`),
      accessReportSchema,
    );
    expect(ofMother.cases.map((c) => [c.id, c.via])).toEqual([[familyCase.id, 'household']]);
    expect(ofMother.cases[0]?.entries.map((e) => e.text)).toEqual(['Gezinsgesprek.']);
    expect(ofMother.relations.map((r) => [r.relation, r.kind, r.name])).toEqual([
      ['member_of', 'household', 'Gezin Inzage'],
    ]);
    expect(ofMother.signals.map((x) => x.description)).toEqual(['Zorgen over moeder']);
    expect(ofMother.signals[0]?.processingActivity.legalBasis).toMatch(/AVG/);
    expect(ofMother.accesses.some((a) => a.action === 'create' && a.objectType === 'signal')).toBe(true);
    const letter = await auditor.get(`/api/v1/persons/${mother.id}/access-report?format=pdf`);
    expect(letter.statusCode).toBe(200);
    const text = pdfText(letter.rawPayload, ' ');
    expect(text).toContain('U bent lid van huishouden Gezin Inzage.');
    expect(text).toContain('Zorgen over moeder');
    // Anna's report holds nothing of this family.
    const ofAnna = bodyOf(await auditor.get(url()), accessReportSchema);
    expect(ofAnna.cases.map((c) => c.id)).toEqual([kase.id]);
    expect(ofAnna.signals).toEqual([]);
  });
});

describe('who may not', () => {
  it('refuses the professional and the admin (403) and no session (401)', async () => {
    const admin = await loggedIn(app, t.admin);
    for (const c of [cop, admin]) {
      expectProblem(await c.get(url()), 403);
      expectProblem(await c.get(`${url()}?format=pdf`), 403);
    }
    expectProblem(await app.inject({ method: 'GET', url: url() }), 401);
  });

  it('a person of another municipality does not exist (404), nor does an unknown one', async () => {
    const other = await newTenant();
    const theirs = await loggedIn(app, other.auditor);
    expectProblem(await theirs.get(url()), 404);
    expectProblem(await theirs.get(`${url()}?format=pdf`), 404);
    expectProblem(
      await auditor.get('/api/v1/persons/00000000-0000-4000-8000-000000000000/access-report'),
      404,
    );
  });

  it('bad input: 400 naming the field', async () => {
    expectProblem(await auditor.get('/api/v1/persons/nope/access-report'), 400, ['id']);
    expectProblem(await auditor.get(`${url()}?format=docx`), 400, ['format']);
    expectProblem(await auditor.get(`${url()}?extra=1`), 400);
  });
});

describe('the letter (PDF)', () => {
  it('is a PDF download in plain Dutch with organisations, never employees’ names', async () => {
    // Enough reads for the table of who looked to run over several pages.
    for (let i = 0; i < 80; i++) expect((await cop.get(`/api/v1/cases/${kase.id}`)).statusCode).toBe(200);
    const res = await reg.get(`${url()}?format=pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="inzage-[0-9a-f]{8}-\d{4}-\d{2}-\d{2}\.pdf"$/,
    );
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(res.rawPayload, ' ');
    expect(text).toContain('Inzage in uw gegevens');
    expect(text).toContain('Anna Inzage');
    expect(text).toContain(kase.reference);
    expect(text).toContain('Melding van geluidsoverlast.');
    const police = bodyOf(await auditor.get(url()), accessReportSchema).cases[0]?.partners.find(
      (x) => x.id === t.partners.politie,
    );
    expect(police?.name).toMatch(/^politie /);
    expect(text).toContain(police?.name);
    expect(text).toContain('Autoriteit');
    expect(res.rawPayload.toString('latin1').match(/\/Type \/Page\b/g)?.length).toBeGreaterThan(2);
    expect(text.split('Wanneer Organisatie').length - 1).toBeGreaterThan(1);
    for (const user of [t.professional, t.regisseur, t.auditor, t.admin]) {
      expect(text).not.toContain(user.name);
      expect(text).not.toContain(user.email);
    }
    const log = bodyOf(await auditor.get(`/api/v1/audit?objectId=${personId}&limit=5`), auditListSchema);
    expect(log.items.some((i) => i.action === 'export' && i.userId === t.regisseur.id)).toBe(true);
  });
});
