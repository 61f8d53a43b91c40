import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  auditListSchema,
  auditVerifySchema,
  categoryListSchema,
  partnerListSchema,
  sessionResponseSchema,
  signalCategoryListSchema,
  userListSchema,
} from '@wijkregie/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../src/db/postgres.js';
import { TEST_AUDIT_KEY } from './helpers.js';
import { startServer as startProcess, waitHealthy } from './server-process.js';

// The operator's command as `npm run tenant` runs it: the built CLI as a process, on a fresh data
// folder and (when DATABASE_URL is set) on a fresh PostgreSQL database.
const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const AUDIT_KEY = 'tenant-cli-test-audit-key-0123456789abcdef';

interface Mode {
  name: string;
  env: () => Promise<Record<string, string>>;
  embedded: boolean;
}

const modes: Mode[] = [
  {
    name: 'embedded database (WIJKREGIE_DATA_DIR)',
    embedded: true,
    env: async () => {
      const dir = mkdtempSync(join(tmpdir(), 'wijkregie-tenant-'));
      afterAll(() => rmSync(dir, { recursive: true, force: true }));
      return { WIJKREGIE_DATA_DIR: dir };
    },
  },
];
const baseUrl = process.env.DATABASE_URL;
if (baseUrl) {
  modes.push({
    name: 'PostgreSQL (DATABASE_URL)',
    embedded: false,
    env: async () => {
      const name = `wr_tenantcli_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
      const admin = openPostgres(baseUrl, TEST_AUDIT_KEY, 1);
      await admin.query(`CREATE DATABASE ${name}`);
      afterAll(async () => {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.close();
      });
      const u = new URL(baseUrl);
      u.pathname = `/${name}`;
      // The signed checkpoints of the audit chains go to a file of this test, not ./data.
      const dir = mkdtempSync(join(tmpdir(), 'wijkregie-tenant-pg-'));
      afterAll(() => rmSync(dir, { recursive: true, force: true }));
      return {
        DATABASE_URL: u.toString(),
        WIJKREGIE_AUDIT_KEY: AUDIT_KEY,
        WIJKREGIE_AUDIT_CHECKPOINT_FILE: join(dir, 'audit-checkpoints.jsonl'),
      };
    },
  });
}

/** The environment of a child process: this one's, without a DATABASE_URL unless the mode sets it. */
function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const { DATABASE_URL: _, WIJKREGIE_DATA_DIR: __, ...rest } = process.env;
  return { ...rest, ...env };
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runCli(args: string[], env: Record<string, string>): Promise<Run> {
  const child = spawn(process.execPath, [CLI, ...args], {
    env: childEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => {
    stdout += d;
  });
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

async function startServer(env: Record<string, string>) {
  const p = await startProcess({ ...env, WIJKREGIE_DEMO: '0' });
  await waitHealthy(p);
  return {
    base: p.base,
    output: p.output,
    stop: async () => {
      p.child.kill('SIGTERM');
      expect(await p.exited).toBe(0);
    },
    crash: async () => {
      p.child.kill('SIGKILL');
      await p.exited;
    },
  };
}

/** A tiny cookie-keeping client for the running server. */
class HttpClient {
  private cookie = '';
  constructor(private readonly base: string) {}
  async call(method: string, path: string, body?: unknown) {
    const res = await fetch(this.base + path, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.cookie ? { cookie: this.cookie } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const set = res.headers.get('set-cookie');
    if (set) this.cookie = set.split(';')[0] ?? '';
    const text = await res.text();
    // Parsed by each caller with the answer's shared schema.
    const json: unknown = text ? JSON.parse(text) : {};
    return { status: res.status, json };
  }
}

interface Listed {
  id: string;
  name: string;
  created: string;
  users: number;
}

/** Parses `tenant list`: a header line, then `id  created  users  name` per municipality. */
function parseList(stdout: string): Listed[] {
  const lines = stdout.trimEnd().split('\n');
  return lines.slice(1).map((line) => {
    const m = /^([0-9a-f-]{36})\s+(\S+)\s+(\d+)\s+(.+)$/.exec(line);
    if (!m) throw new Error(`unexpected list line: ${line}`);
    return { id: m[1]!, created: m[2]!, users: Number(m[3]), name: m[4]! };
  });
}

function passwordOf(stdout: string): string {
  const m = /wachtwoord[^:]*:\s*(\S+)\s*$/im.exec(stdout);
  if (!m) throw new Error(`no password in: ${stdout}`);
  return m[1]!;
}

describe.skipIf(!existsSync(CLI) || !existsSync(MAIN))('npm run tenant', () => {
  for (const mode of modes) {
    // Each command is a process that opens the database: give a busy machine time.
    describe(mode.name, { timeout: 180_000 }, () => {
      let env: Record<string, string>;
      const tag = randomUUID().slice(0, 8);
      const email = `beheer-${tag}@gemeente-x.example`;
      const name = `Gemeente X ${tag}`;
      let password = '';
      let tenantId = '';

      it('add creates the municipality and its admin and prints a generated password once', async () => {
        env = await mode.env();
        const r = await runCli(['tenant', 'add', '--name', name, '--admin-email', email], env);
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
        password = passwordOf(r.stdout);
        expect(password.length).toBeGreaterThanOrEqual(16);
        expect(r.stdout.split(password).length).toBe(2); // printed exactly once
        expect(r.stdout).toContain(name);

        // A second municipality gets a different password.
        const r2 = await runCli(
          ['tenant', 'add', '--name', `Gemeente Y ${tag}`, '--admin-email', `y-${email}`],
          env,
        );
        expect(r2.code).toBe(0);
        expect(passwordOf(r2.stdout)).not.toBe(password);
      });

      it('list shows id, name, created and number of users, no personal data', async () => {
        const r = await runCli(['tenant', 'list'], env);
        expect(r.code).toBe(0);
        expect(r.stdout).not.toContain(email);
        expect(r.stdout).not.toContain(password);
        const rows = parseList(r.stdout);
        const x = rows.find((t) => t.name === name);
        expect(x).toBeDefined();
        expect(x!.users).toBe(1);
        expect(Number.isNaN(Date.parse(x!.created))).toBe(false);
        expect(rows.some((t) => t.name === `Gemeente Y ${tag}`)).toBe(true);
        tenantId = x!.id;
      });

      it('refuses bad input with one Dutch line and exit code 2, and creates nothing', async () => {
        const before = (await runCli(['tenant', 'list'], env)).stdout;
        const cases: { args: string[]; says: RegExp }[] = [
          // A login is unique over all tenants, whatever its case.
          {
            args: ['--name', 'Gemeente Z', '--admin-email', email.toUpperCase()],
            says: /e-mailadres.*in gebruik/i,
          },
          { args: ['--name', '   ', '--admin-email', `z-${email}`], says: /naam/i },
          { args: ['--name', '', '--admin-email', `z-${email}`], says: /naam/i },
          { args: ['--admin-email', `z-${email}`], says: /naam/i },
          { args: ['--name', 'Gemeente Z', '--admin-email', 'geen-e-mailadres'], says: /e-mailadres/i },
          { args: ['--name', 'Gemeente Z'], says: /e-mailadres/i },
          { args: ['--name', 'Gemeente Z', '--admin-email', `z-${email}`, '--wat'], says: /--wat/ },
          // Two municipalities of one name would be confused in every list.
          { args: ['--name', name.toLowerCase(), '--admin-email', `z-${email}`], says: /bestaat al/i },
        ];
        for (const c of cases) {
          const r = await runCli(['tenant', 'add', ...c.args], env);
          expect(r.code, `${c.args.join(' ')} → ${r.stderr}`).toBe(2);
          expect(r.stdout).toBe('');
          expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
          expect(r.stderr).toMatch(c.says);
          expect(r.stderr).not.toMatch(/\n\s+at /);
        }
        expect((await runCli(['tenant', 'list'], env)).stdout).toBe(before);
      });

      it('the password logs in through the API, the new municipality has its defaults, and the creation is in its audit', async () => {
        const server = await startServer(env);
        try {
          if (mode.embedded) {
            // The embedded database allows one process at a time: the command refuses, clearly.
            for (const args of [
              ['tenant', 'list'],
              ['tenant', 'add', '--name', 'Gemeente W', '--admin-email', `w-${email}`],
            ]) {
              const busy = await runCli(args, env);
              expect(busy.code).toBe(1);
              expect(busy.stderr).toMatch(/in gebruik/);
              expect(busy.stderr.trimEnd().split('\n')).toHaveLength(1);
            }
          }

          const admin = new HttpClient(server.base);
          const login = await admin.call('POST', '/api/v1/session', { email, password });
          expect(login.status).toBe(200);
          const me = sessionResponseSchema.parse(login.json).user;
          expect(me.roles).toEqual(['admin']);

          // What a new municipality needs: its gemeente partner, information and signal categories.
          const partners = partnerListSchema.parse((await admin.call('GET', '/api/v1/partners')).json).items;
          expect(partners).toEqual([{ id: me.partnerId, kind: 'gemeente', name }]);
          const categories = categoryListSchema.parse(
            (await admin.call('GET', '/api/v1/categories')).json,
          ).items;
          expect(categories.map((c) => c.key)).toContain('basis');
          const signalCategories = signalCategoryListSchema.parse(
            (await admin.call('GET', '/api/v1/signal-categories')).json,
          ).items;
          expect(signalCategories.length).toBeGreaterThan(0);
          const users = userListSchema.parse((await admin.call('GET', '/api/v1/users')).json).items;
          expect(users.map((u) => u.id)).toEqual([me.id]);

          // A privacy officer of the new municipality finds the creation in its audit chain.
          const auditor = { email: `privacy-${email}`, password: 'privacy-wachtwoord-123' };
          const created = await admin.call('POST', '/api/v1/users', {
            ...auditor,
            name: 'Privacy Officer',
            partnerId: me.partnerId,
            roles: ['auditor'],
          });
          expect(created.status).toBe(201);
          const officer = new HttpClient(server.base);
          expect((await officer.call('POST', '/api/v1/session', auditor)).status).toBe(200);
          const audit = auditListSchema.parse(
            (await officer.call('GET', '/api/v1/audit?limit=200')).json,
          ).items;
          const records = audit.map((a) => `${a.action}:${a.objectType}:${a.objectId}`);
          expect(records).toContain(`create:tenant:${tenantId}`);
          expect(records).toContain(`create:partner:${me.partnerId}`);
          expect(records).toContain(`create:user:${me.id}`);
          const verify = await officer.call('GET', '/api/v1/audit/verify');
          expect(auditVerifySchema.parse(verify.json).valid).toBe(true);

          expect(server.output()).not.toContain(password);
        } finally {
          await server.stop();
        }
        // The operator's own chain check agrees.
        const verify = await runCli(['audit:verify'], env);
        expect(verify.code).toBe(0);
        expect(verify.stdout).toContain(tenantId);
        // Nothing was added while the app held the data folder.
        const names = parseList((await runCli(['tenant', 'list'], env)).stdout).map((t) => t.name);
        expect(names).not.toContain('Gemeente W');
      });

      it.runIf(mode.embedded)('takes over the data folder of an app that was killed', async () => {
        const server = await startServer(env);
        await server.crash(); // SIGKILL: its lock file stays behind
        const r = await runCli(['tenant', 'list'], env);
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
        expect(parseList(r.stdout).map((t) => t.name)).toContain(name);
      });
    });
  }
});
