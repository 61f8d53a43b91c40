import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { API_VERSION } from '../src/http/api-design-rules.js';
import { bodyOf, Client, loggedIn, newTenant, type TestTenant, testApp } from './helpers.js';

// The OpenAPI document and the answers follow the Dutch API Design Rules that municipal clients
// check with the ADR linter: problem+json errors, the API-Version header, operationId, summary and a
// defined tag on every operation, a contact.

// The OpenAPI document is generated, not part of the wire contract in packages/shared: these are only
// the members the rules look at (other members are kept, not checked).
const record = z.record(z.string(), z.unknown());
const responseShape = z.looseObject({ content: record.optional(), headers: record.optional() });
const operationShape = z.looseObject({
  operationId: z.string().optional(),
  summary: z.string().optional(),
  tags: z.array(z.string()).optional(),
  responses: z.record(z.string(), responseShape).optional(),
});
const docShape = z.looseObject({
  info: z.looseObject({
    version: z.string(),
    contact: z
      .looseObject({ name: z.string().optional(), email: z.string().optional(), url: z.string().optional() })
      .optional(),
  }),
  tags: z.array(z.looseObject({ name: z.string(), description: z.string().optional() })).optional(),
  components: z.looseObject({ headers: record.optional() }).optional(),
  paths: z.record(z.string(), z.record(z.string(), operationShape)),
});
type Doc = z.infer<typeof docShape>;

let app: FastifyInstance;
let t: TestTenant;
let doc: Doc;

beforeAll(async () => {
  app = await testApp();
  t = await newTenant();
  doc = bodyOf(await app.inject({ method: 'GET', url: '/api/v1/openapi.json' }), docShape);
});

describe('the OpenAPI document', () => {
  it('names a contact and the full version', () => {
    expect(doc.info.version).toBe(API_VERSION);
    expect(doc.info.contact?.name).toBeTruthy();
    expect(doc.info.contact?.email).toMatch(/@/);
    expect(doc.info.contact?.url).toMatch(/^https:\/\//);
    expect(doc.components?.headers?.['API-Version']).toBeDefined();
  });

  it('gives every operation a unique operationId, a summary and a defined tag', () => {
    const defined = new Set((doc.tags ?? []).map((tag) => tag.name));
    const ids = new Set<string>();
    const problems: string[] = [];
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const where = `${method} ${path}`;
        if (!op.operationId) problems.push(`${where}: no operationId`);
        else if (ids.has(op.operationId)) problems.push(`${where}: operationId ${op.operationId} twice`);
        else ids.add(op.operationId);
        if (!op.summary) problems.push(`${where}: no summary`);
        if (!op.tags?.length || op.tags.some((tag) => !defined.has(tag))) {
          problems.push(`${where}: tag ${op.tags?.join(',')} not defined`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(ids.size).toBeGreaterThan(60);
  });

  it('declares every error response as application/problem+json and the API-Version header on every response', () => {
    const problems: string[] = [];
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        for (const [status, response] of Object.entries(op.responses ?? {})) {
          const where = `${method} ${path} ${status}`;
          if (!response.headers?.['API-Version']) problems.push(`${where}: no API-Version header`);
          if (Number(status) >= 400) {
            const types = Object.keys(response.content ?? {});
            if (types.length !== 1 || types[0] !== 'application/problem+json') {
              problems.push(`${where}: ${types.join(',') || 'no content'}`);
            }
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('the API-Version header', () => {
  it('is on answers of every kind: success, refusal, error, public, health', async () => {
    const reg = await loggedIn(app, t.regisseur);
    const answers = [
      await reg.get('/api/v1/cases'),
      await new Client(app).get('/api/v1/cases'), // 401
      await reg.get('/api/v1/cases/00000000-0000-4000-8000-000000000000'), // 404
      await reg.post('/api/v1/persons', { firstName: '' }), // 400
      await reg.request({
        method: 'POST',
        url: '/api/v1/partners',
        headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
        payload: '{}',
      }), // 403 cross-site
      await app.inject({ method: 'GET', url: '/health' }),
      await app.inject({ method: 'GET', url: '/api/v1/bestaat-niet' }),
    ];
    for (const res of answers) expect(res.headers['api-version'], `${res.statusCode}`).toBe(API_VERSION);
  });
});
