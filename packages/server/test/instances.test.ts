import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPostgres, MAIN, type ServerProcess, startServer, waitHealthy } from './server-process.js';
import { AlertStream } from './sse.js';

// Two built server processes on one PostgreSQL database, as behind a load balancer: sessions,
// throttles, jobs, the email outbox and live alerts must work whichever instance a request reaches.

const DATABASE_URL = process.env.DATABASE_URL;
const skipReason = !DATABASE_URL
  ? 'set DATABASE_URL: several instances share a PostgreSQL server (the embedded database serves one process)'
  : !existsSync(MAIN)
    ? 'build the server first (npx tsc -b packages/server)'
    : undefined;
if (skipReason) console.info(`instances.test.ts skipped: ${skipReason}`);

/** A real SMTP server that keeps, per message, the idempotency key the app put in the header. */
class Mailbox {
  readonly keys: string[] = [];
  private server: SMTPServer | undefined;
  port = 0;
  async start(): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, _session, callback) => {
        let raw = '';
        stream.setEncoding('utf8');
        stream.on('data', (c: string) => {
          raw += c;
        });
        stream.on('end', () => {
          this.keys.push(/^X-Wijkregie-Key:\s*(\S+)/im.exec(raw)?.[1] ?? '');
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    this.port = (this.server.server.address() as AddressInfo).port;
  }
  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** One HTTP call to an instance with an optional session cookie; returns the status, body and cookie. */
async function call(
  p: ServerProcess,
  method: string,
  path: string,
  opts: { cookie?: string; body?: unknown } = {},
): Promise<{ status: number; json: unknown; cookie: string | undefined; headers: Headers }> {
  const res = await fetch(`${p.base}${path}`, {
    method,
    headers: {
      ...(opts.cookie ? { cookie: opts.cookie } : {}),
      ...(opts.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(opts.body === undefined ? {} : { body: JSON.stringify(opts.body) }),
  });
  const text = await res.text();
  const set = res.headers.get('set-cookie')?.split(';')[0];
  return { status: res.status, json: text ? JSON.parse(text) : null, cookie: set, headers: res.headers };
}

async function login(p: ServerProcess, email: string, password: string): Promise<string> {
  const res = await call(p, 'POST', '/api/v1/session', { body: { email, password } });
  if (res.status !== 200 || !res.cookie) throw new Error(`login ${res.status}: ${JSON.stringify(res.json)}`);
  return res.cookie;
}

async function created<T>(p: ServerProcess, cookie: string, path: string, body: unknown): Promise<T> {
  const res = await call(p, 'POST', path, { cookie, body });
  if (res.status !== 201) throw new Error(`${path} ${res.status}: ${JSON.stringify(res.json)}`);
  return res.json as T;
}

async function waitUntil(what: string, check: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const ADMIN = { email: 'beheer@instances.example', password: 'Instances-beheer-2026' };
const PASSWORD = 'Instances-test-2026!';
const ACTIONS = 12;

describe.skipIf(skipReason !== undefined)(
  `two server processes on one PostgreSQL database${skipReason ? ` — skipped: ${skipReason}` : ''}`,
  () => {
    const box = new Mailbox();
    const dirs: string[] = [];
    let database: { url: string; drop: () => Promise<void> };
    let a: ServerProcess;
    let b: ServerProcess;
    let sql: pg.Client;
    const users = {} as Record<'regisseur' | 'director' | 'worker' | 'target', { id: string; email: string }>;
    let caseId = '';
    let sessionGoneMs = -1;

    beforeAll(async () => {
      await box.start();
      database = await freshPostgres(DATABASE_URL!);
      const env = (name: string) => {
        const dir = mkdtempSync(join(tmpdir(), `wijkregie-${name}-`));
        dirs.push(dir);
        return {
          DATABASE_URL: database.url,
          WIJKREGIE_DATA_DIR: dir,
          WIJKREGIE_DEMO: '0',
          WIJKREGIE_ADMIN_EMAIL: ADMIN.email,
          WIJKREGIE_ADMIN_PASSWORD: ADMIN.password,
          SMTP_URL: `smtp://127.0.0.1:${box.port}`,
          WIJKREGIE_JOB_INTERVAL_MS: '300',
        };
      };
      // Both start at the same moment on the empty database: the migrations and the first run are
      // each taken under an advisory lock, so one instance does them and the other finds them done.
      [a, b] = await Promise.all([startServer(env('a')), startServer(env('b'))]);
      await Promise.all([waitHealthy(a), waitHealthy(b)]);
      sql = new pg.Client({ connectionString: database.url });
      await sql.connect();

      // A municipality with a regisseur, a case director, a worker of the wijkteam and a case.
      const admin = await login(a, ADMIN.email, ADMIN.password);
      const me = (await call(a, 'GET', '/api/v1/session', { cookie: admin })).json as {
        user: { partnerId: string };
      };
      const gemeente = me.user.partnerId;
      const wijkteam = (
        await created<{ id: string }>(a, admin, '/api/v1/partners', {
          name: 'Wijkteam Noord',
          kind: 'wijkteam',
        })
      ).id;
      const user = async (key: keyof typeof users, partnerId: string, roles: string[]) => {
        const email = `${key}@instances.example`;
        const u = await created<{ id: string }>(b, admin, '/api/v1/users', {
          email,
          name: `Test ${key}`,
          password: PASSWORD,
          partnerId,
          roles,
        });
        users[key] = { id: u.id, email };
      };
      await user('regisseur', gemeente, ['regisseur']);
      await user('director', gemeente, ['regisseur']);
      await user('worker', wijkteam, ['professional']);
      await user('target', wijkteam, ['professional']);
      const reg = await login(b, users.regisseur.email, PASSWORD);
      const matrix = await call(a, 'PUT', '/api/v1/access-matrix', {
        cookie: reg,
        body: {
          cells: [
            { partnerId: gemeente, category: 'basis', access: 'write' },
            { partnerId: wijkteam, category: 'basis', access: 'write' },
          ],
        },
      });
      expect(matrix.status).toBe(200);
      caseId = (
        await created<{ id: string }>(a, reg, '/api/v1/cases', {
          type: 'area',
          title: 'Casus op twee instanties',
          partnerIds: [wijkteam],
          directorUserId: users.director.id,
        })
      ).id;
      const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
      for (let i = 0; i < ACTIONS; i++) {
        await created(i % 2 ? a : b, reg, `/api/v1/cases/${caseId}/actions`, {
          title: `Actie ${i + 1}`,
          ownerPartnerId: wijkteam,
          assigneeUserId: users.worker.id,
          dueDate: tomorrow,
        });
      }
    }, 120_000);

    afterAll(async () => {
      for (const p of [a, b]) p?.child.kill('SIGTERM');
      const codes = await Promise.all([a?.exited, b?.exited]);
      await sql?.end();
      await database?.drop();
      await box.stop();
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
      expect(codes).toEqual([0, 0]);
    }, 60_000);

    it('migrated and made the first municipality once, although both started together', async () => {
      const tenants = await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM tenants');
      expect(tenants.rows[0]!.n).toBe(1);
      const admins = await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM users WHERE email = $1', [
        ADMIN.email,
      ]);
      expect(admins.rows[0]!.n).toBe(1);
    });

    it('a session made on A works on B, and a logout on A reaches B within milliseconds', async () => {
      const cookie = await login(a, users.target.email, PASSWORD);
      expect((await call(b, 'GET', '/api/v1/session', { cookie })).status).toBe(200);
      // B has the session in its short cache now; the logout on A must still reach it.
      expect((await call(a, 'DELETE', '/api/v1/session', { cookie })).status).toBe(204);
      // The logout's NOTIFY reaches B within milliseconds, long before the 2 s cache entry would end.
      const loggedOut = Date.now();
      while ((await call(b, 'GET', '/api/v1/session', { cookie })).status === 200) {
        expect(Date.now() - loggedOut).toBeLessThan(500);
        await new Promise((r) => setTimeout(r, 5));
      }
      sessionGoneMs = Date.now() - loggedOut;
      expect((await call(b, 'GET', '/api/v1/session', { cookie })).status).toBe(401);
      expect((await call(a, 'GET', '/api/v1/session', { cookie })).status).toBe(401);
    });

    it('counts login failures on A and B together, and resident reports too', async () => {
      for (let i = 0; i < 5; i++) {
        const res = await call(i % 2 ? a : b, 'POST', '/api/v1/session', {
          body: { email: users.target.email, password: `wrong-password-${i}` },
        });
        expect(res.status).toBe(401);
      }
      for (const p of [a, b]) {
        const res = await call(p, 'POST', '/api/v1/session', {
          body: { email: users.target.email, password: PASSWORD },
        });
        expect(res.status).toBe(429);
        expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      }
      const report = (p: ServerProcess, i: number) =>
        call(p, 'POST', '/api/public/v1/reports', {
          body: { category: 'overig', description: `Melding ${i} op twee instanties`, website: 'x' },
        });
      const got: number[] = [];
      for (let i = 0; i < 6; i++) got.push((await report(i % 2 ? a : b, i)).status);
      expect(got).toEqual([201, 201, 201, 201, 201, 429]);
    });

    it('an entry added on A reaches a stream opened on B', async () => {
      const director = await login(b, users.director.email, PASSWORD);
      const stream = await AlertStream.open(b.base, director);
      try {
        expect(stream.status).toBe(200);
        const reg = await login(a, users.regisseur.email, PASSWORD);
        await created(a, reg, `/api/v1/cases/${caseId}/entries`, {
          category: 'basis',
          text: 'Nieuwe informatie via instantie A',
        });
        const [alert] = await stream.waitFor(1, 10_000);
        expect(alert).toMatchObject({ kind: 'entry_added', caseId });
      } finally {
        stream.close();
      }
    });

    it('alerts each overdue action once and sends each email once, although both run the jobs', async () => {
      // Time passes: the actions' due dates lie in the past now (without the use case alerting).
      await sql.query(
        "UPDATE actions SET due_date = (now() AT TIME ZONE 'Europe/Amsterdam')::date - 2 WHERE case_id = $1",
        [caseId],
      );
      const count = async (q: string) => (await sql.query<{ n: number }>(q, [caseId])).rows[0]!.n;
      await waitUntil(
        'every action alerted',
        async () =>
          (await count(
            'SELECT count(*)::int AS n FROM actions WHERE case_id = $1 AND overdue_alerted_for IS NOT NULL',
          )) === ACTIONS,
      );
      await waitUntil(
        'every alert email sent',
        async () =>
          (await count(
            `SELECT count(*)::int AS n FROM email_outbox o JOIN alerts al ON o.idempotency_key = 'alert:' || al.id
            WHERE al.case_id = $1 AND al.kind = 'action_overdue' AND o.status <> 'sent'`,
          )) === 0,
      );
      // Several more rounds of both instances' jobs change nothing.
      await new Promise((r) => setTimeout(r, 1500));

      const perRecipient = await sql.query<{ action_id: string; user_id: string; n: number }>(
        `SELECT action_id, user_id, count(*)::int AS n FROM alerts
          WHERE case_id = $1 AND kind = 'action_overdue' GROUP BY action_id, user_id`,
        [caseId],
      );
      expect(perRecipient.rows.every((r) => r.n === 1)).toBe(true);
      // The director and the assignee of each action.
      for (const u of [users.director.id, users.worker.id]) {
        expect(perRecipient.rows.filter((r) => r.user_id === u)).toHaveLength(ACTIONS);
      }
      const keys = (
        await sql.query<{ key: string }>(
          `SELECT o.idempotency_key AS key FROM email_outbox o
             JOIN alerts al ON o.idempotency_key = 'alert:' || al.id
            WHERE al.case_id = $1 AND al.kind = 'action_overdue' AND o.status = 'sent'`,
          [caseId],
        )
      ).rows.map((r) => r.key);
      expect(keys).toHaveLength(2 * ACTIONS);
      // Each of those emails reached the SMTP server exactly once.
      for (const key of keys) expect(box.keys.filter((k) => k === key)).toHaveLength(1);
      console.log(
        `two instances: logout on A refused on B after ${sessionGoneMs} ms; ` +
          `${perRecipient.rows.length} overdue alerts for ${ACTIONS} actions, ` +
          `${keys.length} emails, ${new Set(box.keys).size} distinct of ${box.keys.length} SMTP deliveries`,
      );
      // The director sees them through the API on either instance, once each.
      const director = await login(a, users.director.email, PASSWORD);
      const list = (await call(b, 'GET', '/api/v1/alerts?limit=200', { cookie: director })).json as {
        items: { kind: string; caseId: string }[];
      };
      expect(list.items.filter((x) => x.kind === 'action_overdue' && x.caseId === caseId)).toHaveLength(
        ACTIONS,
      );
    });
  },
);
