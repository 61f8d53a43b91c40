import { randomUUID } from 'node:crypto';
import { sessionResponseSchema } from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { bodyOf, Client, expectProblem, newTenant, type TestTenant, testApp, testDb } from './helpers.js';

let app: FastifyInstance;
let t: TestTenant;
/** A fresh client address per test, so the per-address throttle of one test never hits another. */
const freshIp = () =>
  `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

beforeAll(async () => {
  app = await testApp({ loginThrottle: { maxPerAccount: 5, maxPerIp: 8 } });
  t = await newTenant();
});

describe('POST /api/v1/session', () => {
  it('logs in and sets an HttpOnly SameSite=Lax session cookie', async () => {
    const c = new Client(app, freshIp());
    const res = await c.post('/api/v1/session', { email: t.regisseur.email, password: t.regisseur.password });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      user: {
        id: t.regisseur.id,
        email: t.regisseur.email,
        name: t.regisseur.name,
        partnerId: t.regisseur.partnerId,
        roles: ['regisseur'],
      },
    });
    const cookie = res.cookies.find((k) => k.name === 'wijkregie_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    expect(cookie?.path).toBe('/');
    expect(cookie?.secure).toBeFalsy();
    expect(res.body).not.toContain('password');
  });

  it('accepts the email in another case and with spaces', async () => {
    const c = new Client(app, freshIp());
    const res = await c.post('/api/v1/session', {
      email: ` ${t.admin.email.toUpperCase()} `,
      password: t.admin.password,
    });
    expect(res.statusCode).toBe(200);
  });

  it('answers an unknown email and a wrong password identically with 401', async () => {
    const ip = freshIp();
    const unknown = await new Client(app, ip).post('/api/v1/session', {
      email: `nobody-${randomUUID()}@test.example`,
      password: 'whatever-password',
    });
    const wrong = await new Client(app, ip).post('/api/v1/session', {
      email: t.auditor.email,
      password: 'wrong-password-123',
    });
    expectProblem(unknown, 401);
    expectProblem(wrong, 401);
    expect(unknown.body).toBe(wrong.body);
    expect(unknown.cookies).toHaveLength(0);
  });

  it('sets a Secure cookie behind https', async () => {
    const secureApp = await testApp({ publicUrl: 'https://wijkregie.example.nl' });
    const res = await new Client(secureApp, freshIp()).post('/api/v1/session', {
      email: t.admin.email,
      password: t.admin.password,
    });
    expect(res.cookies.find((k) => k.name === 'wijkregie_session')?.secure).toBe(true);
  });

  it('answers 429 after repeated failures for one account, even with the right password', async () => {
    const victim = await t.addUser('gemeente', ['professional']);
    for (let i = 0; i < 5; i++) {
      const res = await new Client(app, freshIp()).post('/api/v1/session', {
        email: victim.email,
        password: `wrong-${i}-password`,
      });
      expectProblem(res, 401);
    }
    const blocked = await new Client(app, freshIp()).post('/api/v1/session', {
      email: victim.email,
      password: victim.password,
    });
    expectProblem(blocked, 429);
    expect(blocked.headers['retry-after']).toBeDefined();
    // Another account is not affected.
    const other = await t.addUser('gemeente', ['professional']);
    expect(
      (
        await new Client(app, freshIp()).post('/api/v1/session', {
          email: other.email,
          password: other.password,
        })
      ).statusCode,
    ).toBe(200);
  });

  it('answers 429 after repeated failures from one address, whatever the account', async () => {
    const ip = freshIp();
    for (let i = 0; i < 8; i++) {
      const res = await new Client(app, ip).post('/api/v1/session', {
        email: `spray-${i}-${randomUUID()}@test.example`,
        password: 'spray-password-1',
      });
      expectProblem(res, 401);
    }
    const blocked = await new Client(app, ip).post('/api/v1/session', {
      email: t.admin.email,
      password: t.admin.password,
    });
    expectProblem(blocked, 429);
    // The same account from another address still works.
    expect(
      (
        await new Client(app, freshIp()).post('/api/v1/session', {
          email: t.admin.email,
          password: t.admin.password,
        })
      ).statusCode,
    ).toBe(200);
  });

  it('rejects bad input with 400 naming the field', async () => {
    const c = new Client(app, freshIp());
    expectProblem(await c.post('/api/v1/session', { email: 5, password: 'x' }), 400, ['email']);
    expectProblem(await c.post('/api/v1/session', { email: 'a@b.nl', password: 'x'.repeat(300) }), 400, [
      'password',
    ]);
    expectProblem(await c.post('/api/v1/session', []), 400);
  });
});

describe('GET and DELETE /api/v1/session', () => {
  it('GET without a cookie, or with a made-up one, is 401', async () => {
    expectProblem(await app.inject({ method: 'GET', url: '/api/v1/session' }), 401);
    expectProblem(
      await app.inject({
        method: 'GET',
        url: '/api/v1/session',
        headers: { cookie: 'wijkregie_session=forged' },
      }),
      401,
    );
  });

  it('GET returns the logged-in user', async () => {
    const c = await new Client(app, freshIp()).login(t.professional);
    const res = await c.get('/api/v1/session');
    expect(bodyOf(res, sessionResponseSchema).user.id).toBe(t.professional.id);
  });

  it('DELETE logs out: 204, and the old cookie no longer works', async () => {
    const c = await new Client(app, freshIp()).login(t.professional);
    const oldCookie = c.cookie!;
    const res = await c.delete('/api/v1/session');
    expect(res.statusCode).toBe(204);
    const again = await app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie: oldCookie } });
    expectProblem(again, 401);
  });

  it('DELETE without a session is 401', async () => {
    expectProblem(await app.inject({ method: 'DELETE', url: '/api/v1/session' }), 401);
  });
});

describe('session lifetime', () => {
  it('ends after the idle timeout, and activity keeps it alive', async () => {
    const short = await testApp({ sessionLimits: { idleMs: 1500, touchMs: 0 } });
    const c = await new Client(short, freshIp()).login(t.regisseur);
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => setTimeout(r, 700));
      expect((await c.get('/api/v1/session')).statusCode).toBe(200);
    }
    await new Promise((r) => setTimeout(r, 1700));
    expectProblem(await c.get('/api/v1/session'), 401);
  });

  it('ends after the absolute timeout even when active', async () => {
    const short = await testApp({ sessionLimits: { absoluteMs: 1500, touchMs: 0 } });
    const c = await new Client(short, freshIp()).login(t.regisseur);
    await new Promise((r) => setTimeout(r, 700));
    expect((await c.get('/api/v1/session')).statusCode).toBe(200);
    await new Promise((r) => setTimeout(r, 1000));
    expectProblem(await c.get('/api/v1/session'), 401);
  });

  it('is stored in the database, so another app instance accepts it', async () => {
    const other = await testApp();
    const c = await new Client(app, freshIp()).login(t.auditor);
    const res = await other.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie: c.cookie! } });
    expect(res.statusCode).toBe(200);
  });

  it('stores only a hash of the token', async () => {
    const c = await new Client(app, freshIp()).login(t.auditor);
    const token = c.cookie!.split('=')[1]!;
    const rows = await (await testDb()).query('SELECT 1 FROM sessions WHERE token_hash = $1', [token]);
    expect(rows).toHaveLength(0);
  });
});
