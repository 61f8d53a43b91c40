import { randomUUID } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import type { Db } from '../src/db/db.js';
import { openPostgres } from '../src/db/postgres.js';
import { Throttle } from '../src/modules/throttle/throttle.js';
import { expectProblem, newTenant, TEST_AUDIT_KEY, type TestTenant, testApp, testDb } from './helpers.js';

// Throttles are decided in the database: they hold for requests that arrive at the same moment,
// across app instances on one database and across a restart.

let app: FastifyInstance;
let t: TestTenant;
/** A client address of its own for every use, also across runs on one PostgreSQL database. */
const octet = () => Math.floor(Math.random() * 250);
const newIp = () => `10.${octet()}.${octet()}.${octet()}`;

const login = (a: FastifyInstance, email: string, password: string, ip: string) =>
  a.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password }, remoteAddress: ip });

const statuses = (list: LightMyRequestResponse[]) => {
  const count: Record<number, number> = {};
  for (const r of list) count[r.statusCode] = (count[r.statusCode] ?? 0) + 1;
  return count;
};

beforeAll(async () => {
  app = await testApp();
  t = await newTenant();
});

describe('login throttle under parallel attempts', () => {
  it('lets at most 5 of 30 simultaneous wrong passwords for one account through; the rest get 429', async () => {
    const victim = await t.addUser('gemeente', ['professional']);
    const all = await Promise.all(
      Array.from({ length: 30 }, (_, i) => login(app, victim.email, `wrong-password-${i}`, newIp())),
    );
    const count = statuses(all);
    expect(count[401] ?? 0).toBeLessThanOrEqual(5);
    expect((count[401] ?? 0) + (count[429] ?? 0)).toBe(30);
    for (const r of all.filter((x) => x.statusCode === 429)) {
      expectProblem(r, 429);
      const retry = Number(r.headers['retry-after']);
      expect(retry).toBeGreaterThan(0);
      expect(retry).toBeLessThanOrEqual(15 * 60);
    }
    // The right password is refused too while the account is throttled.
    expectProblem(await login(app, victim.email, victim.password, newIp()), 429);
    console.log(`30 parallel wrong passwords for one account: ${JSON.stringify(count)}`);
  });

  it('lets at most 50 of 80 simultaneous failures from one address through; the rest get 429', async () => {
    const ip = newIp();
    const all = await Promise.all(
      Array.from({ length: 80 }, (_, i) =>
        login(app, `spray-${i}-${randomUUID()}@test.example`, 'spray-password-1', ip),
      ),
    );
    const count = statuses(all);
    expect(count[401] ?? 0).toBeLessThanOrEqual(50);
    expect((count[401] ?? 0) + (count[429] ?? 0)).toBe(80);
    expectProblem(await login(app, t.admin.email, t.admin.password, ip), 429);
    console.log(`80 parallel failures from one address: ${JSON.stringify(count)}`);
  });

  it('answers an unknown email and a wrong password identically, also when both are throttled', async () => {
    const ip = newIp();
    const user = await t.addUser('gemeente', ['professional']);
    const unknown = `nobody-${randomUUID()}@test.example`;
    for (let i = 0; i < 5; i++) {
      const a = await login(app, unknown, 'wrong-password-1', newIp());
      const b = await login(app, user.email, 'wrong-password-1', newIp());
      expectProblem(a, 401);
      expect(b.body).toBe(a.body);
    }
    const a = await login(app, unknown, 'wrong-password-1', ip);
    const b = await login(app, user.email, 'wrong-password-1', ip);
    expectProblem(a, 429);
    expect(b.body).toBe(a.body);
    expect(b.statusCode).toBe(429);
  });

  it('a refused attempt counts for nothing, a success from an address frees its slot', async () => {
    const small = await testApp({ loginThrottle: { maxPerAccount: 3, maxPerIp: 3 } });
    const ip = newIp();
    // Successes from one address (an office behind one router) never fill its throttle.
    for (let i = 0; i < 6; i++)
      expect((await login(small, t.auditor.email, t.auditor.password, ip)).statusCode).toBe(200);
    const user = await t.addUser('gemeente', ['professional']);
    for (let i = 0; i < 2; i++) expectProblem(await login(small, user.email, 'wrong-password-1', ip), 401);
    // A success clears the account's failures, not the address's.
    expect((await login(small, user.email, user.password, ip)).statusCode).toBe(200);
    expectProblem(await login(small, `x-${randomUUID()}@test.example`, 'wrong-password-1', ip), 401);
    expectProblem(await login(small, `y-${randomUUID()}@test.example`, 'wrong-password-1', ip), 429);
    // The address is full: the attempts it was refused did not count against the account.
    for (let i = 0; i < 3; i++) expectProblem(await login(small, user.email, 'wrong-password-1', ip), 429);
    expect((await login(small, user.email, user.password, newIp())).statusCode).toBe(200);
  });
});

describe('resident report limits', () => {
  const report = (a: FastifyInstance, ip: string, i: number) =>
    a.inject({
      method: 'POST',
      url: `/api/public/v1/reports?gemeente=${t.id}`,
      payload: { category: 'overig', description: `Melding nummer ${i} van dit adres`, website: 'x' },
      remoteAddress: ip,
    });
  const track = (a: FastifyInstance, ip: string) =>
    a.inject({ method: 'GET', url: '/api/public/v1/reports/AAAA-BBBB-CCCC', remoteAddress: ip });

  it('hold across two app instances on one database and after a restart', async () => {
    // A second instance with its own connections (PostgreSQL) or on the same embedded database.
    let ownDb: Db | undefined;
    if (process.env.DATABASE_URL) ownDb = openPostgres(process.env.DATABASE_URL, TEST_AUDIT_KEY, 2);
    const db = ownDb ?? (await testDb());
    const second = await buildApp({ db, publicUrl: 'http://localhost:3000' });
    const ip = newIp();
    try {
      const got: number[] = [];
      for (let i = 0; i < 5; i++) got.push((await report(i % 2 ? second : app, ip, i)).statusCode);
      expect(got).toEqual([201, 201, 201, 201, 201]);
      expectProblem(await report(second, ip, 5), 429);
      expectProblem(await report(app, ip, 6), 429);
    } finally {
      await second.close();
    }
    // A restarted instance still knows.
    const restarted = await buildApp({ db, publicUrl: 'http://localhost:3000' });
    try {
      const res = await report(restarted, ip, 7);
      expectProblem(res, 429);
      const retry = Number(res.headers['retry-after']);
      expect(retry).toBeGreaterThan(0);
      expect(retry).toBeLessThanOrEqual(600);
      // Another address is not affected.
      expect((await report(restarted, newIp(), 8)).statusCode).toBe(201);
    } finally {
      await restarted.close();
      await ownDb?.close();
    }
  });

  it('the tracking limit holds for parallel requests and across instances', async () => {
    const second = await testApp();
    const ip = newIp();
    const all = await Promise.all(Array.from({ length: 70 }, (_, i) => track(i % 2 ? second : app, ip)));
    const count = statuses(all);
    expect(count[404]).toBe(60);
    expect(count[429]).toBe(10);
    const retry = Number(all.find((r) => r.statusCode === 429)!.headers['retry-after']);
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(60);
  });
});

describe('behind a load balancer', () => {
  const send = (a: FastifyInstance, peer: string, forwardedFor: string, i: number) =>
    a.inject({
      method: 'POST',
      url: `/api/public/v1/reports?gemeente=${t.id}`,
      payload: { category: 'overig', description: `Melding nummer ${i} via de proxy`, website: 'x' },
      remoteAddress: peer,
      headers: { 'x-forwarded-for': forwardedFor },
    });

  it('counts per client as a trusted proxy names it, and believes nobody else', async () => {
    const proxy = newIp();
    const behind = await testApp({ trustProxy: [proxy] });
    const client = newIp();
    for (let i = 0; i < 5; i++) expect((await send(behind, proxy, client, i)).statusCode).toBe(201);
    expectProblem(await send(behind, proxy, client, 5), 429);
    // Another resident behind the same proxy is not affected.
    expect((await send(behind, proxy, newIp(), 6)).statusCode).toBe(201);
    // A client that connects directly cannot pick its address with the header.
    const direct = newIp();
    for (let i = 0; i < 5; i++) expect((await send(behind, direct, newIp(), i)).statusCode).toBe(201);
    expectProblem(await send(behind, direct, newIp(), 5), 429);
  });
});

describe('the throttle helper', () => {
  it('takes all slots or none, and cleans up counters whose window has passed', async () => {
    const db = await testDb();
    const throttle = new Throttle(db);
    const name = `test-${randomUUID()}`;
    const a = { name: `${name}-a`, max: 3, windowMs: 300 };
    const b = { name: `${name}-b`, max: 1, windowMs: 300 };
    expect((await throttle.take([a, 'x'])).ok).toBe(true);
    expect((await throttle.take([a, 'x'], [b, 'x'])).ok).toBe(true);
    // b is full, so a is not taken either: a has room for exactly one more after this.
    const refused = await throttle.take([a, 'x'], [b, 'x']);
    expect(refused.ok).toBe(false);
    expect(refused.ok ? 0 : refused.retryAfterSeconds).toBe(1);
    expect((await throttle.take([a, 'x'])).ok).toBe(true);
    expect((await throttle.take([a, 'x'])).ok).toBe(false);
    const rows = () => db.query('SELECT key FROM throttles WHERE key LIKE $1', [`${name}-%`]);
    expect(await rows()).toHaveLength(2);
    await new Promise((r) => setTimeout(r, 400));
    await throttle.cleanup();
    expect(await rows()).toHaveLength(0);
    expect((await throttle.take([a, 'x'], [b, 'x'])).ok).toBe(true);
  });
});
