import { auditListSchema, auditVerifySchema, entrySchema } from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { col, oneRow, rows } from '../src/db/rows.js';
import { verifyAll } from '../src/modules/audit/verify.js';
import { AuditWriter } from '../src/modules/audit/writer.js';
import {
  bodyOf,
  Client,
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

beforeAll(async () => {
  app = await testApp();
  t = await newTenant(['gemeente', 'politie']);
  reg = await loggedIn(app, t.regisseur);
  await setMatrix(app, t, [{ partner: 'politie', category: 'politie', access: 'write' }]);
});

const auditFor = async (c: Client, query: string) =>
  bodyOf(await c.get(`/api/v1/audit?${query}`), auditListSchema);

describe('audit of reads and writes', () => {
  it('records a read of the case and of every entry, with user, partner, persons and purpose', async () => {
    const person = await createPerson(reg);
    const x = await createCase(reg, {
      subjects: [{ kind: 'person', id: person.id }],
      partnerIds: [t.partners.politie],
    });
    const cop = await loggedIn(app, t.professional);
    const entry = bodyOf(
      await cop.post(`/api/v1/cases/${x.id}/entries`, {
        category: 'politie',
        text: 'Proces-verbaal opgemaakt.',
      }),
      entrySchema,
      201,
    );
    await cop.get(`/api/v1/cases/${x.id}`);
    await cop.get(`/api/v1/cases/${x.id}/entries`);

    const auditor = await loggedIn(app, t.auditor);
    const caseAudit = await auditFor(auditor, `objectId=${x.id}`);
    const caseRead = caseAudit.items.find(
      (i) => i.action === 'read' && i.objectType === 'case' && i.userId === t.professional.id,
    );
    expect(caseRead).toMatchObject({
      partnerId: t.partners.politie,
      personIds: [person.id],
      purpose: 'Casusregie integrale wijkaanpak',
    });
    expect(caseAudit.items.some((i) => i.action === 'create' && i.userId === t.regisseur.id)).toBe(true);

    const entryAudit = await auditFor(auditor, `objectId=${entry.id}`);
    expect(entryAudit.items.map((i) => i.action).sort()).toEqual(['create', 'read']);
    // Looking up by person finds everything that touched them.
    const personAudit = await auditFor(auditor, `objectId=${person.id}`);
    expect(personAudit.items.length).toBeGreaterThanOrEqual(4);
    const byUser = await auditFor(auditor, `userId=${t.professional.id}`);
    expect(byUser.items.every((i) => i.userId === t.professional.id)).toBe(true);
  });

  it('only the auditor and the regisseur may read the audit log', async () => {
    for (const u of [t.admin, t.professional]) {
      const c = await loggedIn(app, u);
      expectProblem(await c.get('/api/v1/audit'), 403);
      expectProblem(await c.get('/api/v1/audit/verify'), 403);
    }
    expectProblem(await new Client(app).get('/api/v1/audit'), 401);
    expectProblem(await (await loggedIn(app, t.auditor)).get('/api/v1/audit?objectId=nope'), 400, [
      'objectId',
    ]);
  });

  it('another tenant audit is never visible', async () => {
    const other = await newTenant(['gemeente']);
    const items = (await auditFor(await loggedIn(app, other.auditor), `userId=${t.regisseur.id}`)).items;
    expect(items).toEqual([]);
  });
});

describe('the hash chain', () => {
  it('verifies, detects a tampered record and names it', async () => {
    const x = await createCase(reg, { type: 'area', title: 'Keten' });
    for (let i = 0; i < 3; i++) await reg.get(`/api/v1/cases/${x.id}`);
    const auditor = await loggedIn(app, t.auditor);
    const ok = bodyOf(await auditor.get('/api/v1/audit/verify'), auditVerifySchema);
    expect(ok.valid).toBe(true);
    expect(ok.count).toBeGreaterThan(3);

    // Tamper as a database owner would have to: the append-only trigger must be switched off first.
    const db = await testDb();
    const victim = await oneRow(
      db,
      z.object({ id: col.uuid, seq: col.int }),
      `SELECT id, seq FROM audit_log WHERE tenant_id = $1 AND action = 'read' ORDER BY seq LIMIT 1`,
      [t.id],
    );
    await db.transaction(async (tx) => {
      await tx.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
      await tx.query(`UPDATE audit_log SET user_id = $1 WHERE id = $2`, [t.admin.id, victim.id]);
      await tx.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
    });
    const broken = bodyOf(await auditor.get('/api/v1/audit/verify'), auditVerifySchema);
    expect(broken.valid).toBe(false);
    expect(broken.firstBroken).toMatchObject({ id: victim.id, seq: victim.seq });

    const lines: string[] = [];
    expect(await verifyAll(db, (l) => lines.push(l))).toBe(false);
    expect(lines.find((l) => l.includes(t.id))).toContain(`volgnummer ${victim.seq}`);
  });

  it('the application cannot update, delete or truncate audit records', async () => {
    const db = await testDb();
    await expect(
      db.query('UPDATE audit_log SET action = $1 WHERE tenant_id = $2', ['x', t.id]),
    ).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM audit_log WHERE tenant_id = $1', [t.id])).rejects.toThrow(
      /append-only/,
    );
    await expect(db.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM entries WHERE tenant_id = $1', [t.id])).rejects.toThrow(/append-only/);
  });

  it('group commit: concurrent records all land, in one gapless chain', async () => {
    const fresh = await newTenant(['gemeente']);
    const writer = new AuditWriter(await testDb());
    await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        writer.record([
          {
            tenantId: fresh.id,
            userId: fresh.regisseur.id,
            partnerId: null,
            action: 'read',
            objectType: 'audit',
            purpose: 'test',
            details: { i },
          },
        ]),
      ),
    );
    await writer.close();
    const seqs = await rows(
      await testDb(),
      z.object({ seq: col.int }),
      'SELECT seq FROM audit_log WHERE tenant_id = $1 ORDER BY seq',
      [fresh.id],
    );
    expect(seqs.map((r) => r.seq)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    const res = bodyOf(
      await (await loggedIn(app, fresh.auditor)).get('/api/v1/audit/verify'),
      auditVerifySchema,
    );
    expect(res.valid).toBe(true);
  });
});
