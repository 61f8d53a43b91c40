import { partnerListSchema } from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { requestPath } from '../src/http/api-design-rules.js';
import { bodyOf, Client, expectProblem, loggedIn, newTenant, type TestTenant, testApp } from './helpers.js';

let app: FastifyInstance;
let t: TestTenant;

beforeAll(async () => {
  app = await testApp();
  // A route that fails unexpectedly, to see what a client gets from a crash.
  app.get('/test/boom', { config: { auth: 'public' } }, async () => {
    throw new Error('secret internal detail at /srv/wijkregie/db.ts:42');
  });
  t = await newTenant();
});

describe('health', () => {
  it('answers ok once migrations ran', async () => {
    const res = await app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });
});

describe('errors are problem+json', () => {
  it('unknown API path is a 404 problem', async () => {
    expectProblem(await app.inject({ method: 'GET', url: '/api/v1/nope' }), 404);
  });

  it('an unexpected error is a 500 without stack or message', async () => {
    const res = await app.inject({ method: 'GET', url: '/test/boom' });
    const body = expectProblem(res, 500);
    expect(res.body).not.toContain('secret internal detail');
    expect(res.body).not.toContain('db.ts');
    expect(body.type).toMatch(/internal$/);
  });

  it('malformed JSON is 400 and names the body', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": "a@b.nl", ',
    });
    expectProblem(res, 400, ['(body)']);
  });

  it('an unknown field is 400 naming that field', async () => {
    const res = await new Client(app).post('/api/v1/session', {
      email: 'a@b.nl',
      password: 'x',
      isAdmin: true,
    });
    expectProblem(res, 400, ['isAdmin']);
  });

  it('a missing field is 400 naming that field', async () => {
    const res = await new Client(app).post('/api/v1/session', { email: 'a@b.nl' });
    expectProblem(res, 400, ['password']);
  });

  it('a wrong content type is 415', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml']) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/session',
        headers: { 'content-type': type },
        payload: 'email=a&password=b',
      });
      expectProblem(res, 415);
    }
  });

  it('a body over 1 MiB is 413', async () => {
    const admin = await loggedIn(app, t.admin);
    const res = await admin.request({
      method: 'POST',
      url: '/api/v1/partners',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'x'.repeat(1024 * 1024 + 10), kind: 'overig' }),
    });
    expectProblem(res, 413);
  });

  it('a prototype-polluting body is refused with 400', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":"a@b.nl","password":"x","__proto__":{"admin":true}}',
    });
    expectProblem(res, 400);
  });
});

describe('cross-site requests', () => {
  it('refuses a state-changing request from another Origin with 403', async () => {
    const admin = await loggedIn(app, t.admin);
    const res = await admin.request({
      method: 'POST',
      url: '/api/v1/partners',
      headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'Kwaadwillend', kind: 'overig' }),
    });
    expectProblem(res, 403);
    const list = bodyOf(await admin.get('/api/v1/partners'), partnerListSchema);
    expect(list.items.map((p) => p.name)).not.toContain('Kwaadwillend');
  });

  it('refuses Sec-Fetch-Site cross-site without Origin', async () => {
    const admin = await loggedIn(app, t.admin);
    const res = await admin.request({
      method: 'DELETE',
      url: '/api/v1/session',
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expectProblem(res, 403);
    expect((await admin.get('/api/v1/session')).statusCode).toBe(200);
  });

  it('accepts the same origin and the public URL', async () => {
    const admin = await loggedIn(app, t.admin);
    for (const origin of ['http://localhost:3000', 'http://localhost:80']) {
      const res = await admin.request({
        method: 'POST',
        url: '/api/v1/partners',
        headers: { origin, host: 'localhost:80', 'content-type': 'application/json' },
        payload: JSON.stringify({ name: `Zelfde site ${origin}`, kind: 'overig' }),
      });
      expect(res.statusCode).toBe(201);
    }
  });
});

describe('OpenAPI', () => {
  it('publishes every API route at /api/v1/openapi.json', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
    // The document is generated, not part of the contract: read only the members looked at here.
    const servers = z.array(z.looseObject({ url: z.string() })).optional();
    const doc = bodyOf(
      res,
      z.looseObject({
        openapi: z.string(),
        servers,
        paths: z.record(z.string(), z.record(z.string(), z.looseObject({ servers }))),
      }),
    );
    expect(doc.openapi).toMatch(/^3\./);
    // The document's paths are relative to its server (`/api/v1`); found here by the path a request takes.
    const byRequestPath = new Map(Object.keys(doc.paths).map((p) => [requestPath(doc, p), doc.paths[p]]));
    for (const [path, method] of [
      ['/api/v1/session', 'post'],
      ['/api/v1/session', 'get'],
      ['/api/v1/session', 'delete'],
      ['/api/v1/partners', 'get'],
      ['/api/v1/partners', 'post'],
      ['/api/v1/users', 'get'],
      ['/api/v1/users', 'post'],
      ['/health', 'get'],
    ] as const) {
      expect(byRequestPath.get(path)?.[method], `${method} ${path}`).toBeDefined();
    }
  });

  it('has a readable page at /api/docs', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
  });
});

describe('headers', () => {
  it('marks API answers as not cacheable and sets basic security headers', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/demo-accounts' });
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});
