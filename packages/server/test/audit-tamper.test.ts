import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { auditListSchema, auditVerifySchema } from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTenant } from '../src/bootstrap/tenant.js';
import { loadConfig } from '../src/config.js';
import type { Db, Queryable } from '../src/db/db.js';
import { migrate } from '../src/db/migrate.js';
import { openPglite } from '../src/db/pglite.js';
import { col, oneRow, rows } from '../src/db/rows.js';
import { GENESIS_HASH, legacyChainHash } from '../src/modules/audit/chain.js';
import { AuditCheckpoints } from '../src/modules/audit/checkpoints.js';
import { auditKeyFrom, loadAuditKey } from '../src/modules/audit/key.js';
import {
  AuditKeyMismatchError,
  auditRow,
  prepareAuditChains,
  recordOf,
  verifyChain,
} from '../src/modules/audit/repository.js';
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
  TEST_AUDIT_KEY_TEXT,
  testApp,
  testDb,
} from './helpers.js';

// What somebody with full rights on the database but without the audit key can do to the audit log.

let app: FastifyInstance;
const work = mkdtempSync(join(tmpdir(), 'wijkregie-audit-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

beforeAll(async () => {
  app = await testApp();
});

/** Switches the append-only triggers off for one transaction, as the owner of the database can. */
async function asSuperuser(fn: (tx: Queryable) => Promise<void>) {
  const db = await testDb();
  await db.transaction(async (tx) => {
    await tx.query('ALTER TABLE audit_log DISABLE TRIGGER ALL');
    await fn(tx);
    await tx.query('ALTER TABLE audit_log ENABLE TRIGGER ALL');
  });
}

/** Rewrites `user_id` of record `seq` and recomputes every later link with plain SHA-256. */
async function rewriteFrom(tenantId: string, seq: number, userId: string, extra = '') {
  await asSuperuser(async (tx) => {
    const stored = await rows(
      tx,
      auditRow,
      'SELECT * FROM audit_log WHERE tenant_id = $1 AND seq >= $2 ORDER BY seq',
      [tenantId, seq - 1],
    );
    let prev = seq === 1 ? '0'.repeat(64) : stored.shift()!.hash;
    for (const r of stored) {
      if (r.seq === seq) r.user_id = userId;
      // The attacker's tool: plain SHA-256 over the previous hash and the record, as the chain used to be.
      const hash = legacyChainHash(prev, recordOf(r));
      await tx.query(
        `UPDATE audit_log SET user_id = $3, prev_hash = $4, hash = $5 ${extra} WHERE tenant_id = $1 AND seq = $2`,
        [tenantId, r.seq, r.user_id, prev, hash],
      );
      prev = hash;
    }
    await tx.query('UPDATE audit_heads SET hash = $2 WHERE tenant_id = $1', [tenantId, prev]);
  });
}

async function someHistory() {
  const t = await newTenant(['gemeente', 'politie']);
  const reg = await loggedIn(app, t.regisseur);
  const x = await createCase(reg, { type: 'area', title: 'Sleutel' });
  for (let i = 0; i < 4; i++) await reg.get(`/api/v1/cases/${x.id}`);
  return { t, reg, auditor: await loggedIn(app, t.auditor) };
}

const verifyApi = async (c: Client) => bodyOf(await c.get('/api/v1/audit/verify'), auditVerifySchema);

async function verifyLines(checkpointFile?: string) {
  const lines: string[] = [];
  const ok = await verifyAll(await testDb(), (l) => lines.push(l), checkpointFile);
  return { ok, lines };
}

describe('a database superuser without the key', () => {
  it('cannot change a record and recompute the chain with plain SHA-256: both verifiers see it', async () => {
    const { t, auditor } = await someHistory();
    expect((await verifyApi(auditor)).valid).toBe(true);
    const db = await testDb();
    const victim = await oneRow(
      db,
      z.object({ seq: col.int }),
      `SELECT seq FROM audit_log WHERE tenant_id = $1 AND action = 'read' ORDER BY seq LIMIT 1`,
      [t.id],
    );
    await rewriteFrom(t.id, victim.seq, t.admin.id);

    const res = await verifyApi(auditor);
    expect(res.valid).toBe(false);
    expect(res.firstBroken?.seq).toBe(victim.seq);
    const { ok, lines } = await verifyLines();
    expect(ok).toBe(false);
    expect(lines.find((l) => l.includes(t.id))).toMatch(new RegExp(`^KAPOT .*volgnummer ${victim.seq}\\b`));
  });

  it('cannot pass the whole chain off as an old unkeyed one', async () => {
    const { t, auditor } = await someHistory();
    await rewriteFrom(t.id, 1, t.admin.id, ', keyed = false');
    const res = await verifyApi(auditor);
    expect(res.valid).toBe(false);
    expect(res.firstBroken?.reason).toMatch(/sleutel/);
  });

  it('cannot cut off the tail unseen: audit:verify compares with the signed checkpoints', async () => {
    const { t, reg, auditor } = await someHistory();
    const db = await testDb();
    const file = join(work, 'truncate.jsonl');
    const logged: string[] = [];
    const checkpoints = new AuditCheckpoints(db, { file, log: (c) => logged.push(JSON.stringify(c)) });
    expect(await checkpoints.writeNow()).toBeGreaterThan(0);
    const head = await oneRow(
      db,
      z.object({ seq: col.int }),
      'SELECT seq FROM audit_heads WHERE tenant_id = $1',
      [t.id],
    );
    const headSeq = head.seq;
    expect(logged.some((l) => l.includes(t.id) && l.includes(`"seq":${headSeq}`))).toBe(true);
    expect(readFileSync(file, 'utf8')).toContain(t.id);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    // Nothing moved: no new line for this tenant.
    const before = readFileSync(file, 'utf8');
    await checkpoints.writeNow();
    expect(readFileSync(file, 'utf8').split(t.id).length).toBe(before.split(t.id).length);

    let lines = (await verifyLines(file)).lines.filter((l) => l.includes(t.id));
    expect(lines.every((l) => l.startsWith('OK'))).toBe(true);

    // The attacker deletes the last two records and moves the head back to what is left.
    const keep = headSeq - 2;
    await asSuperuser(async (tx) => {
      await tx.query('DELETE FROM audit_log WHERE tenant_id = $1 AND seq > $2', [t.id, keep]);
      await tx.query(
        `UPDATE audit_heads SET seq = $2, hash = (SELECT hash FROM audit_log WHERE tenant_id = $1 AND seq = $2)
          WHERE tenant_id = $1`,
        [t.id, keep],
      );
    });
    // The chain alone cannot tell: what is left is a valid chain.
    expect((await verifyApi(auditor)).valid).toBe(true);
    const result = await verifyLines(file);
    expect(result.ok).toBe(false);
    lines = result.lines.filter((l) => l.includes(t.id));
    expect(lines.some((l) => l.startsWith('KAPOT') && l.includes(`volgnummer ${headSeq}`))).toBe(true);

    // New records after the cut do not hide it: the checkpoint's record differs from the new one.
    await reg.get('/api/v1/cases');
    await reg.get('/api/v1/cases');
    await reg.get('/api/v1/cases');
    const again = await verifyLines(file);
    expect(again.ok).toBe(false);
    expect(again.lines.some((l) => l.startsWith('KAPOT') && l.includes(t.id))).toBe(true);
  });

  it('cannot forge or alter a checkpoint line', async () => {
    const { t } = await someHistory();
    const db = await testDb();
    const file = join(work, 'forged.jsonl');
    await new AuditCheckpoints(db, { file }).writeNow();
    const line = readFileSync(file, 'utf8')
      .split('\n')
      .find((l) => l.includes(t.id))!;
    const cp = JSON.parse(line) as { seq: number };
    writeFileSync(file, `${JSON.stringify({ ...cp, seq: cp.seq - 1 })}\n`);
    const { ok, lines } = await verifyLines(file);
    expect(ok).toBe(false);
    expect(lines.some((l) => l.startsWith('KAPOT') && /handtekening/.test(l))).toBe(true);
  });
});

describe('records from before the key (migration 007)', () => {
  /** A chain as the old code wrote it: plain SHA-256 links, `keyed = false`. */
  async function legacyChain(tenantId: string, n: number) {
    const db = await testDb();
    let prev = GENESIS_HASH;
    for (let seq = 1; seq <= n; seq++) {
      const r = {
        id: randomUUID(),
        tenantId,
        seq,
        at: new Date().toISOString(),
        userId: null,
        partnerId: null,
        action: 'read',
        objectType: 'test',
        objectId: null,
        objectIds: null,
        personIds: [],
        purpose: 'oud',
        details: null,
      };
      const hash = legacyChainHash(prev, r);
      await db.query(
        `INSERT INTO audit_log (id, tenant_id, seq, at, user_id, partner_id, action, object_type, purpose,
                                person_ids, prev_hash, hash, keyed)
         VALUES ($1, $2, $3, $4, NULL, NULL, 'read', 'test', 'oud', '{}', $5, $6, false)`,
        [r.id, tenantId, seq, r.at, prev, hash],
      );
      prev = hash;
    }
    await db.query('INSERT INTO audit_heads (tenant_id, seq, hash) VALUES ($1, $2, $3)', [tenantId, n, prev]);
  }

  it('are kept as they are, sealed by a keyed record at start, and accepted only before it', async () => {
    const db = await testDb();
    const tenantId = await createTenant(db, `Oude keten ${randomUUID().slice(0, 8)}`);
    await legacyChain(tenantId, 3);
    // Not sealed yet: a chain that ends without the key proves nothing.
    expect((await verifyChain(db, tenantId)).firstBroken?.reason).toMatch(/zonder sleutel/);

    const prepared = await prepareAuditChains(db);
    expect(prepared.sealed).toBeGreaterThanOrEqual(1);
    expect(prepared.mismatched).not.toContain(tenantId);
    const seal = await oneRow(
      db,
      z.object({ action: col.text, seq: col.int, keyed: col.bool }),
      'SELECT action, seq, keyed FROM audit_log WHERE tenant_id = $1 AND seq = 4',
      [tenantId],
    );
    expect(seal).toMatchObject({ action: 'seal', keyed: true });
    expect(await verifyChain(db, tenantId)).toEqual({ valid: true, count: 4 });
    // Sealing twice changes nothing.
    await prepareAuditChains(db);
    expect(await verifyChain(db, tenantId)).toEqual({ valid: true, count: 4 });

    // Rewriting the old part (recomputable by anyone) breaks the link of the keyed seal.
    await rewriteFrom(tenantId, 2, tenantId);
    const broken = await verifyChain(db, tenantId);
    expect(broken.valid).toBe(false);
    expect(broken.firstBroken?.seq).toBe(4);
  });

  it('a wrong key refuses the start instead of forking every chain', async () => {
    const db = await testDb();
    await someHistory();
    const wrong: Db = { ...db, auditKey: auditKeyFrom('een-andere-sleutel-dan-die-van-de-keten') };
    await expect(prepareAuditChains(wrong)).rejects.toThrow(AuditKeyMismatchError);
  });
});

describe('the key', () => {
  it('is required with PostgreSQL, at least 32 characters, and never part of the error', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://x@localhost/db' })).toThrow(/WIJKREGIE_AUDIT_KEY/);
    let message = '';
    try {
      loadConfig({ WIJKREGIE_AUDIT_KEY: 'te-kort-geheim' });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/WIJKREGIE_AUDIT_KEY.*32 tekens/);
    expect(message).not.toContain('te-kort-geheim');
    const config = loadConfig({
      DATABASE_URL: 'postgres://x@localhost/db',
      WIJKREGIE_AUDIT_KEY: TEST_AUDIT_KEY_TEXT,
      WIJKREGIE_AUDIT_CHECKPOINT_FILE: '/var/lib/wijkregie/cp.jsonl',
    });
    expect(config.auditCheckpointFile).toBe('/var/lib/wijkregie/cp.jsonl');
    expect(loadConfig({ WIJKREGIE_DATA_DIR: '/srv/w' }).auditCheckpointFile).toBe(
      '/srv/w/audit-checkpoints.jsonl',
    );
  });

  it('embedded without the variable: a key file in the data folder, mode 0600, read again on the next start', () => {
    const dataDir = join(work, 'keyfile');
    const config = loadConfig({ WIJKREGIE_DATA_DIR: dataDir });
    const first = loadAuditKey(config);
    const file = join(dataDir, 'audit.key');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').trim()).toMatch(/^[0-9a-f]{64}$/);
    const second = loadAuditKey(config);
    expect(second.equals(first)).toBe(true);
    // The variable wins over the file.
    const byVar = loadAuditKey(
      loadConfig({ WIJKREGIE_DATA_DIR: dataDir, WIJKREGIE_AUDIT_KEY: 'x'.repeat(40) }),
    );
    expect(byVar.equals(first)).toBe(false);
    expect(byVar.equals(auditKeyFrom('x'.repeat(40)))).toBe(true);
  });
});

describe('refused access to personal data', () => {
  it('is audited as denied for logged-in callers, through the group-commit writer; anonymous 401s are not', async () => {
    const t = await newTenant(['gemeente', 'politie']);
    const reg = await loggedIn(app, t.regisseur);
    const person = await createPerson(reg);
    const x = await createCase(reg, { subjects: [{ kind: 'person', id: person.id }] });
    const cop = await loggedIn(app, t.professional);
    expectProblem(await cop.get(`/api/v1/cases/${x.id}`), 404);
    expectProblem(await cop.get(`/api/v1/cases/${x.id}/entries`), 404);
    expectProblem(await cop.get(`/api/v1/persons/${person.id}`), 404);
    const missing = '00000000-0000-4000-8000-00000000dead';
    expectProblem(await cop.get(`/api/v1/signals/${missing}`), 404);
    const admin = await loggedIn(app, t.admin);
    expectProblem(await admin.get(`/api/v1/cases/${x.id}`), 403);
    const anonymousTarget = '00000000-0000-4000-8000-0000000a0a0a';
    expectProblem(await new Client(app).get(`/api/v1/cases/${anonymousTarget}`), 401);
    expectProblem(await new Client(app).get(`/api/v1/persons/${anonymousTarget}`), 401);

    const auditor = await loggedIn(app, t.auditor);
    const caseAudit = bodyOf(await auditor.get(`/api/v1/audit?objectId=${x.id}`), auditListSchema);
    const denied = caseAudit.items.filter((i) => i.action === 'denied');
    expect(denied).toHaveLength(3);
    expect(denied.filter((i) => i.userId === t.professional.id)).toHaveLength(2);
    expect(denied.find((i) => i.userId === t.admin.id)).toMatchObject({
      partnerId: t.partners.gemeente,
      objectType: 'case',
      objectId: x.id,
    });
    expect(denied.find((i) => i.userId === t.professional.id)).toMatchObject({
      partnerId: t.partners.politie,
      objectType: 'case',
      objectId: x.id,
    });
    const personAudit = bodyOf(await auditor.get(`/api/v1/audit?objectId=${person.id}`), auditListSchema);
    expect(personAudit.items).toContainEqual(
      expect.objectContaining({ action: 'denied', objectType: 'person', userId: t.professional.id }),
    );
    const signalAudit = bodyOf(await auditor.get(`/api/v1/audit?objectId=${missing}`), auditListSchema);
    expect(signalAudit.items).toEqual([expect.objectContaining({ action: 'denied', objectType: 'signal' })]);
    expect(
      bodyOf(await auditor.get(`/api/v1/audit?objectId=${anonymousTarget}`), auditListSchema),
    ).toMatchObject({
      total: 0,
    });
    // The denied records are links of the chain like any other.
    expect((await verifyApi(auditor)).valid).toBe(true);
  });
});

// The operator command as a process, on an embedded data folder of its own.
const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
// Each run of the CLI starts a Node process and reads every chain: about 18 s on a busy two-core machine.
describe.skipIf(!existsSync(CLI))('npm run audit:verify', { timeout: 180_000 }, () => {
  it('exits 2 and names tenant and sequence number when the tail was cut off after a checkpoint', async () => {
    const dataDir = join(work, 'cli');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      WIJKREGIE_DATA_DIR: dataDir,
      WIJKREGIE_AUDIT_KEY: TEST_AUDIT_KEY_TEXT,
    };
    delete env.DATABASE_URL;
    const key = loadAuditKey(loadConfig(env));
    let db: Db = await openPglite(dataDir, key);
    await migrate(db);
    const tenantId = await createTenant(db, 'Gemeente Knip');
    const writer = new AuditWriter(db);
    for (let i = 0; i < 5; i++) {
      await writer.record([
        { tenantId, userId: null, partnerId: null, action: 'read', objectType: 'audit', purpose: 'test' },
      ]);
    }
    await writer.close();
    const file = join(dataDir, 'audit-checkpoints.jsonl');
    await new AuditCheckpoints(db, { file }).writeNow();
    const run = () => spawnSync(process.execPath, [CLI, 'audit:verify'], { env, encoding: 'utf8' });
    await db.close();
    let out = run();
    expect(out.status, out.stdout + out.stderr).toBe(0);
    expect(out.stdout).toContain(`OK     Gemeente Knip (${tenantId}): 5 records`);

    db = await openPglite(dataDir, key);
    await db.transaction(async (tx) => {
      await tx.query('ALTER TABLE audit_log DISABLE TRIGGER ALL');
      await tx.query('DELETE FROM audit_log WHERE tenant_id = $1 AND seq > 3', [tenantId]);
      await tx.query(
        `UPDATE audit_heads SET seq = 3, hash = (SELECT hash FROM audit_log WHERE tenant_id = $1 AND seq = 3)
          WHERE tenant_id = $1`,
        [tenantId],
      );
      await tx.query('ALTER TABLE audit_log ENABLE TRIGGER ALL');
    });
    await db.close();
    out = run();
    expect(out.status, out.stdout + out.stderr).toBe(2);
    expect(out.stdout).toMatch(new RegExp(`KAPOT .*${tenantId}.*volgnummer 5`));
  });
});
