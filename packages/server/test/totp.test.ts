import { randomUUID } from 'node:crypto';
import {
  ownSessionListSchema,
  securitySettingsSchema,
  sessionResponseSchema,
  totpEnrolmentSchema,
  totpStatusSchema,
} from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import { generate } from 'otplib';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { col, rows } from '../src/db/rows.js';
import {
  auditUpdates,
  bodyOf,
  Client,
  expectProblem,
  loggedIn,
  newTenant,
  type TestTenant,
  type TestUser,
  testApp,
  testDb,
} from './helpers.js';

/*
 * Tweestapsverificatie (TOTP) and the user's own sessions (issue 15, points 5 and 7): enrolment and
 * confirmation, login with a code or a recovery code (once each), the throttle on wrong codes, the
 * roles that must use it (a session that may only enrol), the admin's reset, the list of own sessions
 * and signing out elsewhere — each with who may not and another municipality's users.
 */

let app: FastifyInstance;
let t: TestTenant;
let other: TestTenant;

let ipCounter = 0;
const freshIp = () => `10.77.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

const secretOf = (otpauthUrl: string) => new URL(otpauthUrl).searchParams.get('secret') ?? '';
/** A code of the step `offset` steps from now (+1: the next code, not yet taken by an earlier login). */
const codeAt = (secret: string, offset = 0) => generate({ secret, epoch: Date.now() / 1000 + offset * 30 });

const login = (user: TestUser, otp?: string, ip = freshIp()) =>
  new Client(app, ip).post('/api/v1/session', {
    email: user.email,
    password: user.password,
    ...(otp === undefined ? {} : { otp }),
  });

/** Enrols and confirms TOTP for a user; answers the secret and the recovery codes. */
async function enrol(user: TestUser): Promise<{ secret: string; recoveryCodes: string[]; client: Client }> {
  const client = new Client(app, freshIp());
  await client.login(user);
  const enrolment = bodyOf(await client.post('/api/v1/session/totp'), totpEnrolmentSchema, 201);
  const secret = secretOf(enrolment.otpauthUrl);
  expect((await client.post('/api/v1/session/totp/confirm', { code: await codeAt(secret) })).statusCode).toBe(
    204,
  );
  return { secret, recoveryCodes: enrolment.recoveryCodes, client };
}

beforeAll(async () => {
  app = await testApp({ loginThrottle: { maxPerAccount: 5, maxPerIp: 1000 } });
  t = await newTenant();
  other = await newTenant();
});

describe('enrolment', () => {
  it('hands out an otpauth URL, a QR code and ten recovery codes, and confirms with a code of the app', async () => {
    const user = await t.addUser('gemeente', ['regisseur']);
    const c = await loggedIn(app, user);
    expect(bodyOf(await c.get('/api/v1/session/totp'), totpStatusSchema)).toEqual({
      enabled: false,
      recoveryCodesLeft: 0,
    });
    const enrolment = bodyOf(await c.post('/api/v1/session/totp'), totpEnrolmentSchema, 201);
    const url = new URL(enrolment.otpauthUrl);
    expect(url.protocol).toBe('otpauth:');
    expect(url.host).toBe('totp');
    expect(decodeURIComponent(url.pathname)).toBe(`/Wijkregie:${user.email}`);
    expect(url.searchParams.get('issuer')).toBe('Wijkregie');
    const secret = secretOf(enrolment.otpauthUrl);
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(enrolment.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    expect(enrolment.recoveryCodes).toHaveLength(10);
    expect(new Set(enrolment.recoveryCodes).size).toBe(10);

    // The secret is stored encrypted, the recovery codes hashed.
    const stored = await rows(
      await testDb(),
      z.object({ secret_encrypted: col.text }),
      'SELECT secret_encrypted FROM user_totp WHERE user_id = $1',
      [user.id],
    );
    expect(stored[0]?.secret_encrypted).not.toContain(secret);
    const hashes = await rows(
      await testDb(),
      z.object({ code_hash: col.text }),
      'SELECT code_hash FROM totp_recovery_codes WHERE user_id = $1',
      [user.id],
    );
    expect(hashes).toHaveLength(10);
    for (const code of enrolment.recoveryCodes) {
      expect(hashes.map((h) => h.code_hash)).not.toContain(code);
    }

    // Pending: logging in still needs no code.
    expect((await login(user)).statusCode).toBe(200);

    const wrong = String((Number(await codeAt(secret)) + 1) % 1_000_000).padStart(6, '0');
    expectProblem(await c.post('/api/v1/session/totp/confirm', { code: wrong }), 400, ['code']);
    expectProblem(await c.post('/api/v1/session/totp/confirm', { code: 'abc' }), 400, ['code']);
    expectProblem(await c.post('/api/v1/session/totp/confirm', {}), 400, ['code']);
    expect(bodyOf(await c.get('/api/v1/session/totp'), totpStatusSchema).enabled).toBe(false);

    expect((await c.post('/api/v1/session/totp/confirm', { code: await codeAt(secret) })).statusCode).toBe(
      204,
    );
    expect(bodyOf(await c.get('/api/v1/session/totp'), totpStatusSchema)).toEqual({
      enabled: true,
      recoveryCodesLeft: 10,
    });
    const audited = await auditUpdates(await testDb(), t.id, user.id);
    expect(audited.at(-1)?.details).toEqual({ totp: 'enabled' });

    // Once confirmed, the secret is never handed out again: a new enrolment is refused.
    expectProblem(await c.post('/api/v1/session/totp'), 409);
    expectProblem(await c.post('/api/v1/session/totp/confirm', { code: await codeAt(secret, 1) }), 409);
  });

  it('replaces a pending enrolment when started again; only the newest secret confirms', async () => {
    const user = await t.addUser('gemeente', ['auditor']);
    const c = await loggedIn(app, user);
    const first = bodyOf(await c.post('/api/v1/session/totp'), totpEnrolmentSchema, 201);
    const second = bodyOf(await c.post('/api/v1/session/totp'), totpEnrolmentSchema, 201);
    expect(secretOf(second.otpauthUrl)).not.toBe(secretOf(first.otpauthUrl));
    const firstCode = await codeAt(secretOf(first.otpauthUrl));
    if (firstCode !== (await codeAt(secretOf(second.otpauthUrl)))) {
      expectProblem(await c.post('/api/v1/session/totp/confirm', { code: firstCode }), 400, ['code']);
    }
    const done = await c.post('/api/v1/session/totp/confirm', {
      code: await codeAt(secretOf(second.otpauthUrl)),
    });
    expect(done.statusCode).toBe(204);
  });

  it('refuses without a session (401) and has no enrolment to confirm (409)', async () => {
    const anonymous = new Client(app, freshIp());
    expectProblem(await anonymous.post('/api/v1/session/totp'), 401);
    expectProblem(await anonymous.get('/api/v1/session/totp'), 401);
    expectProblem(await anonymous.post('/api/v1/session/totp/confirm', { code: '123456' }), 401);
    const c = await loggedIn(app, await t.addUser('gemeente', ['regisseur']));
    expectProblem(await c.post('/api/v1/session/totp/confirm', { code: '123456' }), 409);
  });
});

describe('login with tweestapsverificatie', () => {
  it('asks for the code (401 on otp, no session), takes a code once, and a recovery code once', async () => {
    const user = await t.addUser('gemeente', ['regisseur']);
    const { secret, recoveryCodes } = await enrol(user);

    const without = await login(user);
    expectProblem(without, 401, ['otp']);
    expect(without.json().type).toMatch(/otp-required$/);
    expect(without.cookies.find((k) => k.name === 'wijkregie_session')).toBeUndefined();

    const wrongCode = String((Number(await codeAt(secret, 1)) + 1) % 1_000_000).padStart(6, '0');
    const wrong = await login(user, wrongCode);
    expectProblem(wrong, 401, ['otp']);
    expect(wrong.cookies.find((k) => k.name === 'wijkregie_session')).toBeUndefined();
    expectProblem(await login(user, 'not-a-code'), 401, ['otp']);

    // The wrong password with the right code is still the plain 401 of a wrong password.
    const wrongPassword = await new Client(app, freshIp()).post('/api/v1/session', {
      email: user.email,
      password: 'wrong-password-123',
      otp: await codeAt(secret, 1),
    });
    expect(expectProblem(wrongPassword, 401).errors ?? []).toEqual([]);

    // The code of the enrolment's step was taken by the confirmation: the next one logs in, once.
    const next = await codeAt(secret, 1);
    const ok = await login(user, next);
    expect(bodyOf(ok, sessionResponseSchema).user.id).toBe(user.id);
    expect(ok.cookies.find((k) => k.name === 'wijkregie_session')?.value).toBeTruthy();
    expectProblem(await login(user, next), 401, ['otp']);
    expectProblem(await login(user, await codeAt(secret)), 401, ['otp']);

    // A recovery code, typed in capitals and without its dash, works once.
    const recovery = recoveryCodes[0] ?? '';
    expect((await login(user, recovery.replace('-', '').toUpperCase())).statusCode).toBe(200);
    expectProblem(await login(user, recovery), 401, ['otp']);
    const status = await new Client(app, freshIp()).post('/api/v1/session', {
      email: user.email,
      password: user.password,
      otp: recoveryCodes[1],
    });
    expect(status.statusCode).toBe(200);
  });

  it('counts wrong codes in the login throttle (429, then even a right code waits)', async () => {
    const small = await testApp({ loginThrottle: { maxPerAccount: 3, maxPerIp: 1000 } });
    const user = await t.addUser('gemeente', ['professional']);
    const { secret } = await enrol(user);
    const attempt = async (otp: string) =>
      new Client(small, freshIp()).post('/api/v1/session', {
        email: user.email,
        password: user.password,
        otp,
      });
    // Asking for the code (no otp) is no failure: it gives its slot back.
    for (let i = 0; i < 4; i++) {
      expectProblem(
        await new Client(small, freshIp()).post('/api/v1/session', {
          email: user.email,
          password: user.password,
        }),
        401,
        ['otp'],
      );
    }
    for (let i = 0; i < 3; i++) expectProblem(await attempt('000000'), 401, ['otp']);
    expectProblem(await attempt(await codeAt(secret, 1)), 429);
  });
});

describe('roles that must use tweestapsverificatie', () => {
  it('lets only the admin read and set them, validates role names, and audits the change', async () => {
    const tt = await newTenant();
    const admin = await loggedIn(app, tt.admin);
    expect(bodyOf(await admin.get('/api/v1/settings/security'), securitySettingsSchema)).toEqual({
      mfaRequiredRoles: [],
    });
    for (const user of [tt.regisseur, tt.professional, tt.auditor]) {
      const c = await loggedIn(app, user);
      expectProblem(await c.get('/api/v1/settings/security'), 403);
      expectProblem(await c.put('/api/v1/settings/security', { mfaRequiredRoles: ['admin'] }), 403);
    }
    expectProblem(await new Client(app).get('/api/v1/settings/security'), 401);
    expectProblem(await admin.put('/api/v1/settings/security', { mfaRequiredRoles: ['baas'] }), 400, [
      'mfaRequiredRoles.0',
    ]);
    expectProblem(await admin.put('/api/v1/settings/security', { mfaRequiredRoles: 'admin' }), 400, [
      'mfaRequiredRoles',
    ]);
    expectProblem(await admin.put('/api/v1/settings/security', {}), 400, ['mfaRequiredRoles']);
    expect(
      bodyOf(await admin.get('/api/v1/settings/security'), securitySettingsSchema).mfaRequiredRoles,
    ).toEqual([]);

    const set = await admin.put('/api/v1/settings/security', { mfaRequiredRoles: ['auditor', 'regisseur'] });
    expect(bodyOf(set, securitySettingsSchema)).toEqual({ mfaRequiredRoles: ['regisseur', 'auditor'] });
    const audited = await auditUpdates(await testDb(), tt.id, tt.id);
    expect(audited.at(-1)?.details).toEqual({ mfaRequiredRoles: { from: [], to: ['regisseur', 'auditor'] } });

    // Another municipality's settings are its own.
    const otherAdmin = await loggedIn(app, other.admin);
    expect(
      bodyOf(await otherAdmin.get('/api/v1/settings/security'), securitySettingsSchema).mfaRequiredRoles,
    ).toEqual([]);
  });

  it('gives a user of such a role without TOTP a session that may only enrol, until confirmed', async () => {
    const tt = await newTenant();
    const admin = await loggedIn(app, tt.admin);
    bodyOf(
      await admin.put('/api/v1/settings/security', { mfaRequiredRoles: ['professional'] }),
      securitySettingsSchema,
    );

    // Other roles and other municipalities are not touched.
    expect(bodyOf(await login(tt.regisseur), sessionResponseSchema).mustEnrolTotp).toBeUndefined();
    expect(bodyOf(await login(t.professional), sessionResponseSchema).mustEnrolTotp).toBeUndefined();

    const c = new Client(app, freshIp());
    const res = await c.post('/api/v1/session', {
      email: tt.professional.email,
      password: tt.professional.password,
    });
    expect(bodyOf(res, sessionResponseSchema).mustEnrolTotp).toBe(true);
    expect(bodyOf(await c.get('/api/v1/session'), sessionResponseSchema).mustEnrolTotp).toBe(true);
    for (const url of ['/api/v1/cases', '/api/v1/overview', '/api/v1/session/sessions']) {
      const refused = expectProblem(await c.get(url), 403);
      expect(refused.type).toMatch(/mfa-enrolment-required$/);
      expect(refused.detail).toMatch(/tweestapsverificatie/i);
      expect(refused.detail).toMatch(/instellen|Stel .* in/);
    }
    const enrolment = bodyOf(await c.post('/api/v1/session/totp'), totpEnrolmentSchema, 201);
    const secret = secretOf(enrolment.otpauthUrl);
    expect((await c.post('/api/v1/session/totp/confirm', { code: await codeAt(secret) })).statusCode).toBe(
      204,
    );
    // The same session may now do everything, at once.
    expect((await c.get('/api/v1/cases')).statusCode).toBe(200);
    expect(bodyOf(await c.get('/api/v1/session'), sessionResponseSchema).mustEnrolTotp).toBeUndefined();
    expectProblem(await login(tt.professional), 401, ['otp']);
    expect((await login(tt.professional, await codeAt(secret, 1))).statusCode).toBe(200);

    // The logout works while enrolling.
    const c2 = new Client(app, freshIp());
    const other2 = await tt.addUser('wijkteam', ['professional']);
    await c2.login(other2);
    expect((await c2.delete('/api/v1/session')).statusCode).toBe(204);
  });

  it('requires it of nobody in a new municipality', async () => {
    const tt = await newTenant();
    for (const user of [tt.admin, tt.regisseur, tt.professional, tt.auditor]) {
      expect(bodyOf(await login(user), sessionResponseSchema).mustEnrolTotp).toBeUndefined();
    }
  });
});

describe('the admin resets a user’s tweestapsverificatie', () => {
  it('lets the user log in with the password again and ends their sessions; refused for others and other municipalities', async () => {
    const user = await t.addUser('gemeente', ['regisseur']);
    const { client: onLostDevice } = await enrol(user);
    const url = `/api/v1/users/${user.id}/totp`;
    for (const who of [t.regisseur, t.professional, t.auditor]) {
      expectProblem(await (await loggedIn(app, who)).delete(url), 403);
    }
    expectProblem(await new Client(app).delete(url), 401);
    expectProblem(await (await loggedIn(app, other.admin)).delete(url), 404);
    const admin = await loggedIn(app, t.admin);
    expectProblem(await admin.delete('/api/v1/users/not-an-id/totp'), 400, ['id']);
    expectProblem(await admin.delete(`/api/v1/users/${randomUUID()}/totp`), 404);
    expectProblem(await login(user), 401, ['otp']);

    expect((await onLostDevice.get('/api/v1/session')).statusCode).toBe(200);
    expect((await admin.delete(url)).statusCode).toBe(204);
    // The session on the lost device ended with the reset.
    expectProblem(await onLostDevice.get('/api/v1/session'), 401);
    expect((await login(user)).statusCode).toBe(200);
    const audited = await auditUpdates(await testDb(), t.id, user.id);
    expect(audited.at(-1)).toMatchObject({
      userId: t.admin.id,
      details: { totp: 'reset', hadTotp: true, endedSessions: 1 },
    });
    // The user can set it up anew.
    const again = await loggedIn(app, user);
    expect((await again.post('/api/v1/session/totp')).statusCode).toBe(201);
  });
});

describe('own sessions', () => {
  it('lists the own live sessions without their tokens, ends one or every other one', async () => {
    const user = await t.addUser('wijkteam', ['professional']);
    const mk = async (ua: string) => {
      const c = new Client(app, freshIp());
      const res = await c.request({
        method: 'POST',
        url: '/api/v1/session',
        headers: { 'user-agent': ua },
        payload: { email: user.email, password: user.password },
      });
      expect(res.statusCode).toBe(200);
      return c;
    };
    const a = await mk('Firefox op de laptop');
    const b = await mk('Chrome op de telefoon');
    const d = await mk('Edge op kantoor');
    const list = await a.get('/api/v1/session/sessions');
    const items = bodyOf(list, ownSessionListSchema).items;
    expect(items).toHaveLength(3);
    expect(items.filter((s) => s.current).map((s) => s.userAgent)).toEqual(['Firefox op de laptop']);
    expect(items.map((s) => s.userAgent).sort()).toEqual([
      'Chrome op de telefoon',
      'Edge op kantoor',
      'Firefox op de laptop',
    ]);
    for (const c of [a, b, d]) expect(list.body).not.toContain(c.cookie?.split('=')[1]);

    // Another user (of this or another municipality) cannot end it: it does not exist for them.
    const bId = items.find((s) => s.userAgent === 'Chrome op de telefoon')?.id ?? '';
    for (const who of [t.professional, other.admin]) {
      expectProblem(await (await loggedIn(app, who)).delete(`/api/v1/session/sessions/${bId}`), 404);
    }
    expect((await b.get('/api/v1/session')).statusCode).toBe(200);
    expectProblem(await new Client(app).get('/api/v1/session/sessions'), 401);
    expectProblem(await new Client(app).delete(`/api/v1/session/sessions/${bId}`), 401);
    expectProblem(await a.delete('/api/v1/session/sessions/nope'), 400, ['id']);

    expect((await a.delete(`/api/v1/session/sessions/${bId}`)).statusCode).toBe(204);
    expectProblem(await b.get('/api/v1/session'), 401);
    expectProblem(await a.delete(`/api/v1/session/sessions/${bId}`), 404);

    expect((await a.delete('/api/v1/session/sessions')).statusCode).toBe(204);
    expectProblem(await d.get('/api/v1/session'), 401);
    expect(
      bodyOf(await a.get('/api/v1/session/sessions'), ownSessionListSchema).items.map((s) => s.current),
    ).toEqual([true]);
    // Other users' sessions are untouched.
    expect((await (await loggedIn(app, t.professional)).get('/api/v1/session')).statusCode).toBe(200);
  });
});

describe('headers', () => {
  it('sets a Secure session cookie when the public URL is https', async () => {
    const secureApp = await testApp({ publicUrl: 'https://wijkregie.example.nl' });
    const res = await new Client(secureApp, freshIp()).post('/api/v1/session', {
      email: t.auditor.email,
      password: t.auditor.password,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['set-cookie']).toMatch(/; Secure/);
  });

  it('gives the API documentation and the JSON answers a Content-Security-Policy', async () => {
    const docs = await app.inject({ method: 'GET', url: '/api/docs/' });
    const docsCsp = String(docs.headers['content-security-policy']);
    expect(docsCsp).toContain("script-src 'self'");
    expect(docsCsp).toContain("frame-ancestors 'none'");
    expect(docsCsp).not.toMatch(/script-src[^;]*unsafe-inline/);
    // Everything the page loads is this server's (no inline script for the policy to block).
    expect(docs.body).not.toMatch(/<script>(?!\s*<\/script>)/);
    for (const src of docs.body.match(/src="[^"]+"/g) ?? []) expect(src).not.toMatch(/src="https?:/);
    const init = await app.inject({ method: 'GET', url: '/api/docs/static/swagger-initializer.js' });
    expect(init.statusCode).toBe(200);
    const json = await app.inject({ method: 'GET', url: '/api/v1/demo-accounts' });
    expect(json.headers['content-security-policy']).toContain("default-src 'none'");
    const problem = await app.inject({ method: 'GET', url: '/api/v1/session' });
    expect(problem.headers['content-security-policy']).toContain("default-src 'none'");
  });
});
