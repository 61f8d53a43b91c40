import { AUDIT_ACTION_LABELS, auditListSchema, matrixSchema } from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { col, rows } from '../src/db/rows.js';
import { AuditWriter } from '../src/modules/audit/writer.js';
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

let app: FastifyInstance;
let t: TestTenant;
let reg: Client;
let auditor: Client;

beforeAll(async () => {
  app = await testApp();
  t = await newTenant(['gemeente', 'politie']);
  reg = await loggedIn(app, t.regisseur);
  auditor = await loggedIn(app, t.auditor);
  await setMatrix(app, t, [{ partner: 'gemeente', category: 'basis', access: 'write' }]);
});

const auditFor = async (query: string) =>
  bodyOf(await auditor.get(`/api/v1/audit?${query}`), auditListSchema);

/** The case page's requests, as the web makes them when a user opens a case. */
async function viewCase(c: Client, caseId: string) {
  for (const url of [
    `/api/v1/cases/${caseId}`,
    `/api/v1/cases/${caseId}/entries?limit=20&offset=0`,
    `/api/v1/cases/${caseId}/situation`,
    `/api/v1/actions?caseId=${caseId}&limit=100&offset=0`,
  ]) {
    expect((await c.get(url)).statusCode).toBe(200);
  }
}

describe('the privacy officer reads the audit log', () => {
  it('names the user, the partner and the object instead of ids', async () => {
    const person = await createPerson(reg, { firstName: 'Auditta', lastName: 'Persoonsma' });
    const x = await createCase(reg, {
      type: 'person',
      title: 'Naam in het log',
      subjects: [{ kind: 'person', id: person.id }],
    });
    await reg.get(`/api/v1/cases/${x.id}`);
    await reg.get(`/api/v1/persons/${person.id}`);

    const items = (await auditFor(`userId=${t.regisseur.id}`)).items;
    const caseRead = items.find((i) => i.action === 'read' && i.objectType === 'case');
    expect(caseRead).toMatchObject({
      userName: t.regisseur.name,
      partnerName: expect.stringContaining('gemeente'),
      objectLabel: x.reference,
    });
    const personRead = items.find((i) => i.action === 'read' && i.objectType === 'person');
    expect(personRead?.objectLabel).toBe('Auditta Persoonsma');
    // Dutch words for every action the log can hold.
    expect(AUDIT_ACTION_LABELS.read).toBe('Ingezien');
  });

  it('one case view writes one read record of the case', async () => {
    const person = await createPerson(reg);
    const x = await createCase(reg, {
      type: 'person',
      title: 'Eén keer',
      subjects: [{ kind: 'person', id: person.id }],
    });
    await reg.post(`/api/v1/cases/${x.id}/entries`, { category: 'basis', text: 'Eerste notitie.' });
    await viewCase(reg, x.id);

    const items = (await auditFor(`objectId=${x.id}`)).items;
    const caseReads = items.filter((i) => i.action === 'read' && i.objectType === 'case');
    expect(caseReads).toHaveLength(1);
    // The journal's notes are recorded, each with the case among its objects.
    const entryReads = items.filter((i) => i.action === 'read' && i.objectType === 'entry');
    expect(entryReads).toHaveLength(1);
    expect(entryReads[0]?.objectLabel).toMatch(new RegExp(`in ${x.reference}$`));
  });

  it('identical events of one request become one record', async () => {
    const db = await testDb();
    const writer = new AuditWriter(db);
    const entry = {
      tenantId: t.id,
      userId: t.regisseur.id,
      partnerId: t.partners.gemeente ?? null,
      purpose: 'Test',
      action: 'read' as const,
      objectType: 'meeting' as const,
      objectId: crypto.randomUUID(),
    };
    await writer.record([entry, { ...entry }, { ...entry }]);
    await writer.close();
    const found = await rows(
      db,
      z.object({ n: col.int }),
      'SELECT count(*) AS n FROM audit_log WHERE tenant_id = $1 AND object_id = $2',
      [t.id, entry.objectId],
    );
    expect(found[0]?.n).toBe(1);
  });

  it('filters by day in Amsterdam time, both days included, and refuses a period backwards', async () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
    const all = await auditFor(`userId=${t.regisseur.id}&limit=200`);
    const todays = await auditFor(`userId=${t.regisseur.id}&from=${today}&to=${today}&limit=200`);
    expect(todays.total).toBe(all.total);
    const before = await auditFor(`userId=${t.regisseur.id}&to=2000-01-01`);
    expect(before.total).toBe(0);
    expectProblem(await auditor.get('/api/v1/audit?from=2026-02-01&to=2026-01-01'), 400, ['to']);
    expectProblem(await auditor.get('/api/v1/audit?from=gisteren'), 400, ['from']);
  });

  it('exports the selection as CSV in Amsterdam time, with names and Dutch words', async () => {
    const res = await auditor.get(`/api/v1/audit?userId=${t.regisseur.id}&format=csv`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="auditlog-.*\.csv"$/);
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toContain('tijd (Europe/Amsterdam)');
    expect(lines.length).toBeGreaterThan(2);
    expect(res.body).toContain(t.regisseur.name);
    expect(res.body).toContain('Ingezien');
    expect(res.body).toContain('Casus');
    // The time is the wall clock in Amsterdam, not UTC.
    const first = lines[1]?.split(';')[0] ?? '';
    expect(first).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    const list = await auditFor(`userId=${t.regisseur.id}&limit=1`);
    const at = new Date(list.items[0]?.at ?? '');
    const local = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Amsterdam',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(at);
    expect(first.slice(11, 16)).toBe(local);
    // The export is itself in the log.
    const exports = (await auditFor(`userId=${t.auditor.id}`)).items.filter((i) => i.action === 'export');
    expect(exports.length).toBeGreaterThan(0);
    // Nobody else exports it.
    const professional = await loggedIn(app, t.professional);
    expectProblem(await professional.get('/api/v1/audit?format=csv'), 403);
    expectProblem(await auditor.get('/api/v1/audit?format=pdf'), 400, ['format']);
  });

  it('the privacy officer reads the authorisation matrix but cannot change it', async () => {
    const matrix = bodyOf(await auditor.get('/api/v1/access-matrix'), matrixSchema);
    expect(matrix.cells.length).toBeGreaterThan(0);
    expectProblem(
      await auditor.put('/api/v1/access-matrix', {
        cells: [{ partnerId: t.partners.politie, category: 'basis', access: 'write' }],
      }),
      403,
    );
    const after = bodyOf(await auditor.get('/api/v1/access-matrix'), matrixSchema);
    expect(after.cells).toEqual(matrix.cells);
  });
});
