import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

/** The built server as `npm start` runs it (`npm test` builds first). */
export const MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));

/** A key for processes started by tests (the audit chain needs one with PostgreSQL). */
export const TEST_AUDIT_KEY = 'test-audit-key-for-server-processes-0123456789';

export async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as { port: number };
  await new Promise((r) => srv.close(r));
  return port;
}

export interface ServerProcess {
  child: ChildProcess;
  port: string;
  base: string;
  output: () => string;
  exited: Promise<number | null>;
}

/** Starts the built server with `env` on top of this environment (without its DATABASE_URL). */
export async function startServer(env: Record<string, string>): Promise<ServerProcess> {
  const port = env.PORT ?? String(await freePort());
  const { DATABASE_URL: _, ...rest } = process.env;
  const child = spawn(process.execPath, [MAIN], {
    // PostgreSQL needs the audit key in the environment; the embedded database keeps its own key file.
    env: {
      ...rest,
      ...(env.DATABASE_URL ? { WIJKREGIE_AUDIT_KEY: TEST_AUDIT_KEY } : {}),
      ...env,
      PORT: port,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return { child, port, base: `http://127.0.0.1:${port}`, output: () => out, exited };
}

export async function waitHealthy(p: ServerProcess, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (p.child.exitCode !== null) throw new Error(`server exited:\n${p.output()}`);
    try {
      const res = await fetch(`${p.base}/health`);
      if (res.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not become healthy:\n${p.output()}`);
}

/** A fresh, empty PostgreSQL database next to DATABASE_URL's; `drop` removes it. */
export async function freshPostgres(url: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `wr_proc_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** A fetch client that keeps one session cookie. */
export class HttpClient {
  private cookie = '';
  constructor(readonly base: string) {}
  async request(method: string, path: string, body?: string | object, type = 'application/json') {
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(body === undefined ? {} : { 'content-type': type }),
      },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const set = res.headers.get('set-cookie');
    if (set) this.cookie = set.split(';')[0] ?? '';
    return res;
  }
  async login(email: string, password: string): Promise<this> {
    const res = await this.request('POST', '/api/v1/session', { email, password });
    if (res.status !== 200) throw new Error(`login ${res.status}: ${await res.text()}`);
    return this;
  }
}
