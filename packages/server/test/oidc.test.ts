import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OIDC_CALLBACK_PATH, oidcStatusSchema, sessionResponseSchema } from '@wijkregie/shared';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError, loadConfig, type OidcSettings } from '../src/config.js';
import { col, rows } from '../src/db/rows.js';
import { bodyOf, expectProblem, newTenant, type TestTenant, testApp, testDb } from './helpers.js';

/**
 * Staff login through an OpenID Connect provider: a real one (oidc-provider) on a random local port,
 * whose development login and consent forms the test fills in with fetch, the way a browser would.
 */

const PUBLIC_URL = 'http://localhost:3000';
const CALLBACK = `${PUBLIC_URL}${OIDC_CALLBACK_PATH}`;
const SECRET = 'geheim-van-wijkregie-bij-de-gemeente-0123456789';

/** What the provider tells about each login name (the `sub`) typed into its login form. */
const accounts = new Map<string, { email: string; email_verified: boolean }>();

let issuer: string;
let server: Server;
let keyFile: string;

beforeAll(async () => {
  server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const keys = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  keyFile = join(mkdtempSync(join(tmpdir(), 'wijkregie-oidc-')), 'client-key.pem');
  writeFileSync(keyFile, keys.privateKey.export({ format: 'pem', type: 'pkcs8' }));
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'wijkregie',
        client_secret: SECRET,
        redirect_uris: [CALLBACK],
        token_endpoint_auth_method: 'client_secret_basic',
      },
      {
        client_id: 'wijkregie-jwt',
        redirect_uris: [CALLBACK],
        token_endpoint_auth_method: 'private_key_jwt',
        token_endpoint_auth_signing_alg: 'ES256',
        jwks: { keys: [{ ...keys.publicKey.export({ format: 'jwk' }), kid: 'wijkregie-1' }] },
      },
    ],
    pkce: { required: () => true },
    claims: { email: ['email', 'email_verified'], profile: ['name'] },
    findAccount: (_ctx, sub) => ({
      accountId: sub,
      claims: () => ({ sub, ...accounts.get(sub) }),
    }),
    cookies: { keys: ['oidc-test-cookie-key'] },
  });
  server.on('request', provider.callback());
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
});

const settings = (over: Partial<OidcSettings> = {}): OidcSettings => ({
  issuer,
  clientId: 'wijkregie',
  auth: { secret: SECRET },
  ...over,
});

/** A browser at the provider: keeps the provider's cookies, follows redirects, fills in its forms. */
async function atProvider(start: string, login: string): Promise<string> {
  const jar = new Map<string, string>();
  let url = start;
  let form: URLSearchParams | undefined;
  for (let step = 0; step < 20; step++) {
    const res = await fetch(url, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(form && { 'content-type': 'application/x-www-form-urlencoded' }),
      },
      ...(form && { body: form.toString() }),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair = ''] = c.split(';');
      const i = pair.indexOf('=');
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
    form = undefined;
    const location = res.headers.get('location');
    if (location) {
      const next = new URL(location, url).href;
      if (next.startsWith(CALLBACK)) return next; // back to Wijkregie
      url = next;
      continue;
    }
    const html = await res.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`no form at ${url}: ${res.status} ${html.slice(0, 300)}`);
    form = new URLSearchParams();
    for (const [, name = '', value = ''] of html.matchAll(
      /<input type="hidden" name="([^"]+)" value="([^"]*)"/g,
    )) {
      form.set(name, value);
    }
    if (/name="login"/.test(html)) {
      form.set('login', login);
      form.set('password', 'wat-dan-ook');
    }
    url = new URL(action, url).href;
  }
  throw new Error('the provider did not send the browser back');
}

const cookieOf = (res: LightMyRequestResponse, name: string) =>
  res.cookies.find((c) => c.name === name)?.value;

/** Starts a login at Wijkregie: the provider's URL and the state cookie. */
async function start(app: FastifyInstance) {
  const res = await app.inject({ method: 'GET', url: '/api/v1/session/oidc' });
  expect(res.statusCode, res.body).toBe(302);
  const state = cookieOf(res, 'wijkregie_oidc_state');
  expect(state).toBeTruthy();
  return { location: String(res.headers.location), cookie: `wijkregie_oidc_state=${state}` };
}

/** The provider's redirect back, delivered to Wijkregie with the browser's state cookie. */
function callback(app: FastifyInstance, back: string, cookie: string | undefined) {
  const u = new URL(back);
  return app.inject({
    method: 'GET',
    url: `${u.pathname}${u.search}`,
    ...(cookie && { headers: { cookie } }),
  });
}

/** A whole login through the provider as `login`; answers Wijkregie's last answer. */
async function loginVia(app: FastifyInstance, login: string) {
  const { location, cookie } = await start(app);
  return callback(app, await atProvider(location, login), cookie);
}

const session = (app: FastifyInstance, res: LightMyRequestResponse) => {
  const token = cookieOf(res, 'wijkregie_session');
  return app.inject({
    method: 'GET',
    url: '/api/v1/session',
    headers: { cookie: `wijkregie_session=${token}` },
  });
};

const auditOf = async (tenantId: string, objectId: string) =>
  rows(
    await testDb(),
    z.object({ action: col.text, user_id: col.uuid.nullable(), details: col.json }),
    'SELECT action, user_id, details FROM audit_log WHERE tenant_id = $1 AND object_id = $2 ORDER BY seq',
    [tenantId, objectId],
  );

describe('OIDC login, not configured', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await testApp();
  });

  it('says it is off, and both redirecting routes answer 404 problem+json', async () => {
    const status = await app.inject({ method: 'GET', url: '/api/v1/session/oidc/config' });
    expect(bodyOf(status, oidcStatusSchema)).toEqual({ enabled: false });
    for (const url of ['/api/v1/session/oidc', `${OIDC_CALLBACK_PATH}?code=abc&state=def`]) {
      const res = await app.inject({ method: 'GET', url });
      expectProblem(res, 404);
      expect(res.headers['set-cookie']).toBeUndefined();
    }
  });
});

describe('OIDC login through a real provider', () => {
  let app: FastifyInstance;
  let t: TestTenant;
  let other: TestTenant;
  beforeAll(async () => {
    app = await testApp({ oidc: settings() });
    t = await newTenant();
    other = await newTenant();
  }, 60_000);

  it('says it is on', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/session/oidc/config' });
    expect(bodyOf(res, oidcStatusSchema)).toEqual({ enabled: true });
  });

  it('redirects to the provider with the code flow, PKCE S256, state, nonce and the scopes', async () => {
    const { location, cookie } = await start(app);
    const u = new URL(location);
    expect(u.origin).toBe(issuer);
    const q = u.searchParams;
    expect(q.get('response_type')).toBe('code');
    expect(q.get('client_id')).toBe('wijkregie');
    expect(q.get('redirect_uri')).toBe(CALLBACK);
    expect(q.get('scope')).toBe('openid email profile');
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(q.get('nonce')).toBeTruthy();
    expect(cookie).toBe(`wijkregie_oidc_state=${q.get('state')}`);
  });

  it('signs in the existing user with the verified email: same session cookie, audited as login', async () => {
    const user = await t.addUser('wijkteam', ['professional']);
    accounts.set('jan', { email: user.email.toUpperCase(), email_verified: true });
    const res = await loginVia(app, 'jan');
    expect(res.statusCode, res.body).toBe(302);
    expect(res.headers.location).toBe('/');
    const me = await session(app, res);
    expect(bodyOf(me, sessionResponseSchema).user).toMatchObject({ id: user.id, email: user.email });
    const audit = await auditOf(t.id, user.id);
    expect(audit).toEqual([{ action: 'login', user_id: user.id, details: { method: 'oidc' } }]);
  });

  it('signs a user of another municipality into that municipality (the email names the tenant)', async () => {
    const user = await other.addUser('politie', ['professional']);
    accounts.set('piet', { email: user.email, email_verified: true });
    const res = await loginVia(app, 'piet');
    expect(res.headers.location).toBe('/');
    expect(bodyOf(await session(app, res), sessionResponseSchema).user.id).toBe(user.id);
    expect(await auditOf(other.id, user.id)).toHaveLength(1);
    expect(await auditOf(t.id, user.id)).toHaveLength(0);
  });

  it('refuses an unknown email: no session, no account', async () => {
    const email = `onbekend-${randomUUID().slice(0, 8)}@test.example`;
    accounts.set('onbekend', { email, email_verified: true });
    const res = await loginVia(app, 'onbekend');
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/login?fout=onbekend');
    expect(cookieOf(res, 'wijkregie_session')).toBeUndefined();
    const found = await rows(
      await testDb(),
      z.object({ id: col.uuid }),
      'SELECT id FROM users WHERE email = $1',
      [email],
    );
    expect(found).toEqual([]);
  });

  it('refuses an email the provider has not verified, and records the refusal', async () => {
    const user = await t.addUser('wijkteam', ['professional']);
    accounts.set('klaas', { email: user.email, email_verified: false });
    const res = await loginVia(app, 'klaas');
    expect(res.headers.location).toBe('/login?fout=onbevestigd');
    expect(cookieOf(res, 'wijkregie_session')).toBeUndefined();
    expect(await auditOf(t.id, user.id)).toEqual([
      { action: 'denied', user_id: null, details: { method: 'oidc', reason: 'email_not_verified' } },
    ]);
  });

  it('refuses a deactivated user', async () => {
    const user = await t.addUser('wijkteam', ['professional']);
    await (await testDb()).query('UPDATE users SET active = false WHERE id = $1', [user.id]);
    accounts.set('oud', { email: user.email, email_verified: true });
    const res = await loginVia(app, 'oud');
    expect(res.headers.location).toBe('/login?fout=inactief');
    expect(cookieOf(res, 'wijkregie_session')).toBeUndefined();
    expect((await auditOf(t.id, user.id)).map((a) => a.action)).toEqual(['denied']);
  });

  it('refuses a state that is not the browser’s own (login CSRF), and a missing state cookie', async () => {
    const user = await t.addUser('wijkteam', ['professional']);
    accounts.set('eva', { email: user.email, email_verified: true });
    const mine = await start(app);
    const theirs = await start(app);
    const back = await atProvider(theirs.location, 'eva');
    const mismatch = await callback(app, back, mine.cookie);
    expect(mismatch.headers.location).toBe('/login?fout=mislukt');
    expect(cookieOf(mismatch, 'wijkregie_session')).toBeUndefined();
    const none = await callback(app, back, undefined);
    expect(none.headers.location).toBe('/login?fout=mislukt');
    expect(cookieOf(none, 'wijkregie_session')).toBeUndefined();
    expect(await auditOf(t.id, user.id)).toEqual([]);
  });

  it('uses a state once: the same callback again is refused', async () => {
    const user = await t.addUser('wijkteam', ['professional']);
    accounts.set('ria', { email: user.email, email_verified: true });
    const { location, cookie } = await start(app);
    const back = await atProvider(location, 'ria');
    expect((await callback(app, back, cookie)).headers.location).toBe('/');
    const again = await callback(app, back, cookie);
    expect(again.headers.location).toBe('/login?fout=mislukt');
    expect(cookieOf(again, 'wijkregie_session')).toBeUndefined();
  });

  it('refuses an error answer of the provider (the user cancelled)', async () => {
    const { location, cookie } = await start(app);
    const state = new URL(location).searchParams.get('state');
    const res = await callback(app, `${CALLBACK}?error=access_denied&state=${state}&iss=${issuer}`, cookie);
    expect(res.headers.location).toBe('/login?fout=mislukt');
  });

  it('answers 400 naming the field for a callback query out of bounds', async () => {
    const { cookie } = await start(app);
    const res = await callback(app, `${CALLBACK}?code=${'x'.repeat(3000)}&state=abc`, cookie);
    expectProblem(res, 400, ['code']);
  });

  it('answers 503 when the provider cannot be reached', async () => {
    const down = await testApp({ oidc: settings({ issuer: 'http://127.0.0.1:9/' }) });
    const res = await down.inject({ method: 'GET', url: '/api/v1/session/oidc' });
    expectProblem(res, 503);
  });
});

describe('OIDC login with private_key_jwt', () => {
  it('authenticates to the provider with the key of OIDC_PRIVATE_KEY_FILE', async () => {
    const config = loadConfig({
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: 'wijkregie-jwt',
      OIDC_PRIVATE_KEY_FILE: keyFile,
      WIJKREGIE_PUBLIC_URL: PUBLIC_URL,
    });
    expect(config.oidc?.auth).toHaveProperty('privateKey');
    const app = await testApp({ oidc: config.oidc });
    const t = await newTenant();
    accounts.set('kees', { email: t.regisseur.email, email_verified: true });
    const res = await loginVia(app, 'kees');
    expect(res.headers.location).toBe('/');
    expect(bodyOf(await session(app, res), sessionResponseSchema).user.id).toBe(t.regisseur.id);
  });
});

describe('OIDC configuration', () => {
  const base = {
    OIDC_ISSUER: 'https://login.gemeente.example',
    WIJKREGIE_PUBLIC_URL: 'https://wijkregie.example',
  };
  const refusal = (env: NodeJS.ProcessEnv) => {
    try {
      loadConfig(env);
    } catch (err) {
      if (err instanceof ConfigError) return err.message;
      throw err;
    }
    throw new Error('accepted');
  };

  it('is off without OIDC_ settings, on with issuer, client id and a secret', () => {
    expect(loadConfig({}).oidc).toBeUndefined();
    expect(loadConfig({ ...base, OIDC_CLIENT_ID: 'wr', OIDC_CLIENT_SECRET: 's' }).oidc).toEqual({
      issuer: 'https://login.gemeente.example',
      clientId: 'wr',
      auth: { secret: 's' },
    });
  });

  it('refuses a half configuration with a Dutch line per variable, secrets hidden', () => {
    expect(refusal({ ...base, OIDC_CLIENT_SECRET: 's' })).toContain(
      'OIDC_CLIENT_ID=(niet gezet): is verplicht',
    );
    expect(refusal({ ...base, OIDC_CLIENT_ID: 'wr' })).toContain(
      'OIDC_CLIENT_SECRET=(niet gezet): is verplicht',
    );
    expect(refusal({ OIDC_CLIENT_ID: 'wr', OIDC_CLIENT_SECRET: 's' })).toContain('OIDC_ISSUER=(niet gezet)');
    const both = refusal({
      ...base,
      OIDC_CLIENT_ID: 'wr',
      OIDC_CLIENT_SECRET: 's',
      OIDC_PRIVATE_KEY_FILE: keyFile,
    });
    expect(both).toContain('kies één manier');
    expect(both).not.toContain('=s:');
    expect(
      refusal({ OIDC_ISSUER: base.OIDC_ISSUER, OIDC_CLIENT_ID: 'wr', OIDC_CLIENT_SECRET: 's' }),
    ).toContain('WIJKREGIE_PUBLIC_URL=(niet gezet): is verplicht bij OIDC_ISSUER');
  });

  it('refuses plain http to another machine, and a key file that is missing or holds no key', () => {
    const env = { ...base, OIDC_CLIENT_ID: 'wr', OIDC_CLIENT_SECRET: 's' };
    expect(refusal({ ...env, OIDC_ISSUER: 'http://login.gemeente.example' })).toContain('moet https zijn');
    expect(loadConfig({ ...env, OIDC_ISSUER: 'http://localhost:8080' }).oidc?.issuer).toBe(
      'http://localhost:8080',
    );
    const keyless = { ...base, OIDC_CLIENT_ID: 'wr' };
    expect(refusal({ ...keyless, OIDC_PRIVATE_KEY_FILE: '/bestaat/niet.pem' })).toContain('is niet te lezen');
    const junk = join(mkdtempSync(join(tmpdir(), 'wijkregie-oidc-')), 'junk.pem');
    writeFileSync(junk, 'geen sleutel');
    expect(refusal({ ...keyless, OIDC_PRIVATE_KEY_FILE: junk })).toContain('geen geldige privésleutel');
  });
});
