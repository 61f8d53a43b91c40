import { randomUUID } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import {
  areaImportResultSchema,
  areaListSchema,
  type Case,
  caseSchema,
  type PartnerKind,
  type Person,
  personSchema,
  problemSchema,
  type Role,
  type User,
} from '@wijkregie/shared';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll } from 'vitest';
import { z } from 'zod';
import { type AppOptions, buildApp } from '../src/app.js';
import { createTenant } from '../src/bootstrap/tenant.js';
import type { Db } from '../src/db/db.js';
import { migrate } from '../src/db/migrate.js';
import { openPglite } from '../src/db/pglite.js';
import { openPostgres } from '../src/db/postgres.js';
import { col, idRow, oneRow, rows } from '../src/db/rows.js';
import { auditKeyFrom } from '../src/modules/audit/key.js';
import { hashPassword } from '../src/modules/session/passwords.js';

/** The audit key of the API tests (a fixed one: every test file's handle on a shared database agrees). */
export const TEST_AUDIT_KEY_TEXT = 'test-audit-key-of-the-api-tests-0123456789abcdef';
export const TEST_AUDIT_KEY = auditKeyFrom(TEST_AUDIT_KEY_TEXT);

/** The database of this test file: PostgreSQL when DATABASE_URL is set, else in-memory PGlite. */
let shared: Promise<Db> | undefined;
export function testDb(): Promise<Db> {
  shared ??= (async () => {
    const db = process.env.DATABASE_URL
      ? openPostgres(process.env.DATABASE_URL, TEST_AUDIT_KEY, 4)
      : await openPglite(undefined, TEST_AUDIT_KEY);
    await migrate(db);
    afterAll(() => db.close());
    return db;
  })();
  return shared;
}

export async function testApp(opts: Partial<AppOptions> = {}): Promise<FastifyInstance> {
  const app = await buildApp({ db: await testDb(), publicUrl: 'http://localhost:3000', ...opts });
  afterAll(() => app.close());
  return app;
}

export const PASSWORD = 'correct-horse-battery';
let passwordHash: Promise<string> | undefined;

export interface TestUser extends User {
  password: string;
}

/** A fresh tenant with a partner of each given kind and one user per role. Made through SQL. */
export interface TestTenant {
  id: string;
  partners: Record<string, string>;
  admin: TestUser;
  regisseur: TestUser;
  professional: TestUser;
  auditor: TestUser;
  addUser(partnerKey: string, roles: Role[]): Promise<TestUser>;
}

export async function newTenant(
  partnerKinds: PartnerKind[] = ['gemeente', 'politie', 'wijkteam'],
): Promise<TestTenant> {
  const db = await testDb();
  passwordHash ??= hashPassword(PASSWORD);
  const hash = await passwordHash;
  const tag = randomUUID().slice(0, 8);
  const tenantId = await createTenant(db, `Testgemeente ${tag}`);
  const partners: Record<string, string> = {};
  for (const kind of partnerKinds) {
    const p = await oneRow(
      db,
      idRow,
      'INSERT INTO partners (tenant_id, name, kind) VALUES ($1, $2, $3) RETURNING id',
      [tenantId, `${kind} ${tag}`, kind],
    );
    partners[kind] = p.id;
  }
  let n = 0;
  const addUser = async (partnerKey: string, roles: Role[]): Promise<TestUser> => {
    const partnerId = partners[partnerKey];
    if (!partnerId) throw new Error(`no partner ${partnerKey}`);
    const email = `${roles.join('-')}-${++n}-${tag}@test.example`;
    const name = `${roles.join(' ')} ${n}`;
    const u = await oneRow(
      db,
      idRow,
      `INSERT INTO users (tenant_id, partner_id, email, name, password_hash, roles)
       VALUES ($1, $2, $3, $4, $5, $6::text[]) RETURNING id`,
      [tenantId, partnerId, email, name, hash, roles],
    );
    return { id: u.id, email, name, partnerId, roles, password: PASSWORD };
  };
  const first = partnerKinds[0]!;
  const second = partnerKinds[1] ?? first;
  return {
    id: tenantId,
    partners,
    admin: await addUser(first, ['admin']),
    regisseur: await addUser(first, ['regisseur']),
    professional: await addUser(second, ['professional']),
    auditor: await addUser(first, ['auditor']),
    addUser,
  };
}

/** A client that keeps its session cookie, over Fastify's inject (full HTTP semantics, no socket). */
export class Client {
  cookie: string | undefined;
  constructor(
    readonly app: FastifyInstance,
    readonly remoteAddress = '127.0.0.1',
  ) {}

  async request(opts: InjectOptions): Promise<LightMyRequestResponse> {
    const headers = { ...(opts.headers ?? {}) } as Record<string, string>;
    if (this.cookie && headers.cookie === undefined) headers.cookie = this.cookie;
    const res = await this.app.inject({ remoteAddress: this.remoteAddress, ...opts, headers });
    const set = res.cookies.find((c) => c.name === 'wijkregie_session');
    if (set) this.cookie = set.value ? `wijkregie_session=${set.value}` : undefined;
    return res;
  }
  get(url: string) {
    return this.request({ method: 'GET', url });
  }
  post(url: string, payload?: unknown) {
    return this.request({
      method: 'POST',
      url,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  }
  put(url: string, payload: unknown) {
    return this.request({ method: 'PUT', url, payload: payload as object });
  }
  patch(url: string, payload: unknown) {
    return this.request({ method: 'PATCH', url, payload: payload as object });
  }
  delete(url: string) {
    return this.request({ method: 'DELETE', url });
  }

  async login(user: { email: string; password: string }): Promise<this> {
    const res = await this.post('/api/v1/session', { email: user.email, password: user.password });
    if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
    return this;
  }
}

export async function loggedIn(app: FastifyInstance, user: { email: string; password: string }) {
  return new Client(app).login(user);
}

/**
 * The body of a successful answer, checked against the contract's schema from packages/shared and
 * typed by it: tests read answers the way the web client does, not through hand-written casts.
 * Fails with the status and body when the answer is not `status` or does not fit the schema.
 */
export function bodyOf<S extends z.ZodType>(
  res: LightMyRequestResponse,
  schema: S,
  status = 200,
): z.output<S> {
  if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body}`);
  const parsed = schema.safeParse(res.json());
  if (!parsed.success)
    throw new Error(`answer does not fit its schema: ${parsed.error.message}\n${res.body}`);
  return parsed.data;
}

/**
 * `bodyOf` for a fetch Response (the tests that talk to a real server process over a socket):
 * checks the status, parses the body with the contract's schema and returns it typed.
 */
export async function jsonOf<S extends z.ZodType>(
  res: Response,
  schema: S,
  status = 200,
): Promise<z.output<S>> {
  const text = await res.text();
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${text}`);
  const parsed = schema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`answer does not fit its schema: ${parsed.error.message}\n${text}`);
  return parsed.data;
}

/** Asserts a problem+json answer with the status and, optionally, errors on the named fields. */
export function expectProblem(res: LightMyRequestResponse, status: number, fields?: string[]) {
  if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body}`);
  if (!String(res.headers['content-type']).startsWith('application/problem+json')) {
    throw new Error(`expected problem+json, got ${res.headers['content-type']}`);
  }
  const parsed = problemSchema.safeParse(res.json());
  if (!parsed.success)
    throw new Error(`problem does not fit its schema: ${parsed.error.message}\n${res.body}`);
  const body = parsed.data;
  if (body.status !== status || !body.title || !body.detail) throw new Error(`bad problem body ${res.body}`);
  if (res.body.includes('    at ')) throw new Error('stack trace leaked');
  for (const f of fields ?? []) {
    if (!body.errors?.some((e) => e.path === f)) throw new Error(`no error for field ${f}: ${res.body}`);
  }
  return body;
}

/** Sets matrix cells through the API as the tenant's regisseur. */
export async function setMatrix(
  app: FastifyInstance,
  t: TestTenant,
  cells: { partner: string; category: string; access: 'none' | 'read' | 'write' }[],
) {
  const reg = await loggedIn(app, t.regisseur);
  const res = await reg.put('/api/v1/access-matrix', {
    cells: cells.map((c) => ({ partnerId: t.partners[c.partner], category: c.category, access: c.access })),
  });
  if (res.statusCode !== 200) throw new Error(`matrix: ${res.statusCode} ${res.body}`);
}

let personSeq = 0;
/** Registers a person through the API as the given client. */
export async function createPerson(c: Client, extra: Record<string, unknown> = {}): Promise<Person> {
  const res = await c.post('/api/v1/persons', {
    firstName: 'Test',
    lastName: `Persoon${++personSeq}`,
    ...extra,
  });
  return bodyOf(res, personSchema, 201);
}

/** A case as the API answers it (the contract's `Case`; the old name stays for the tests using it). */
export type CaseJson = Case;

export async function createCase(c: Client, body: Record<string, unknown>): Promise<CaseJson> {
  // A person case needs a person (issue 11): without subjects the default is an area case.
  const type = body.subjects ? 'person' : 'area';
  const res = await c.post('/api/v1/cases', { type, title: 'Testcasus', ...body });
  return bodyOf(res, caseSchema, 201);
}

/** A database of its own (empty), on the same kind of server the suite runs on. */
export async function emptyDb(): Promise<{ db: Db; drop: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const db = await openPglite(undefined, TEST_AUDIT_KEY);
    await migrate(db);
    return { db, drop: () => db.close() };
  }
  const name = `wr_firstrun_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const admin = openPostgres(url, TEST_AUDIT_KEY, 1);
  await admin.query(`CREATE DATABASE ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  const db = openPostgres(u.toString(), TEST_AUDIT_KEY, 2);
  await migrate(db);
  return {
    db,
    drop: async () => {
      await db.close();
      await admin.query(`DROP DATABASE ${name}`);
      await admin.close();
    },
  };
}

/**
 * The `update` records of the audit chain about an object, oldest first: who changed it, which
 * objects were named along, and the details (GET /audit shows no details).
 */
export async function auditUpdates(
  db: Db,
  tenantId: string,
  objectId: string,
): Promise<{ userId: string | null; objectIds: string[]; details: Record<string, unknown> }[]> {
  const found = await rows(
    db,
    z.object({ user_id: col.uuid.nullable(), object_ids: col.textArray.nullable(), details: col.json }),
    `SELECT user_id, object_ids, details FROM audit_log
      WHERE tenant_id = $1 AND object_id = $2 AND action = 'update' ORDER BY seq`,
    [tenantId, objectId],
  );
  return found.map((r) => ({
    userId: r.user_id,
    objectIds: r.object_ids ?? [],
    details: (r.details ?? {}) as Record<string, unknown>,
  }));
}

/**
 * The text of a PDF made by pdfkit: inflate the content streams, decode the hex strings of each TJ;
 * the pieces joined by `separator`.
 */
export function pdfText(pdf: Buffer, separator = '\n'): string {
  const s = pdf.toString('latin1');
  const lines: string[] = [];
  // Each stream is read by its dictionary's /Length: compressed bytes may end in a carriage return, which a
  // pattern for the line break before `endstream` would take away (and the page's text with it).
  for (const m of s.matchAll(/\/Length (\d+)[^>]*>>\s*stream\r?\n/g)) {
    const start = (m.index ?? 0) + m[0].length;
    let content: string;
    try {
      content = inflateSync(Buffer.from(s.slice(start, start + Number(m[1])), 'latin1')).toString('latin1');
    } catch {
      continue;
    }
    for (const tj of content.matchAll(/\[(.*?)\] TJ/g)) {
      const hex = [...(tj[1] ?? '').matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]).join('');
      lines.push(Buffer.from(hex, 'hex').toString('latin1'));
    }
  }
  return lines.join(separator);
}

/** A rectangle in WGS84 as a GeoJSON Polygon: `w` degrees of longitude by `h` of latitude from its south-west corner. */
export const rectangle = (lng: number, lat: number, w: number, h = w) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [lng, lat],
      [lng + w, lat],
      [lng + w, lat + h],
      [lng, lat + h],
      [lng, lat],
    ],
  ],
});

/**
 * Loads a wijk and its buurten through the API as the tenant's administrator (the CBS properties of
 * `POST /areas/import`, each outline a rectangle `[lng, lat, w, h?]`); answers the areas' ids by code.
 */
export async function loadMap(
  app: FastifyInstance,
  t: TestTenant,
  wijk: { code: string; name: string; box: [number, number, number, number?] },
  buurten: { code: string; name: string; box: [number, number, number, number?] }[],
): Promise<Record<string, string>> {
  const admin = await loggedIn(app, t.admin);
  const res = await admin.post('/api/v1/areas/import', {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { wijkcode: wijk.code, wijknaam: wijk.name },
        geometry: rectangle(...wijk.box),
      },
      ...buurten.map((b) => ({
        type: 'Feature',
        properties: { buurtcode: b.code, buurtnaam: b.name, wijkcode: wijk.code },
        geometry: rectangle(...b.box),
      })),
    ],
  });
  const loaded = bodyOf(res, areaImportResultSchema);
  if (loaded.rejected.length) throw new Error(`map: ${JSON.stringify(loaded.rejected)}`);
  const areas = bodyOf(await admin.get('/api/v1/areas'), areaListSchema).items;
  return Object.fromEntries(areas.map((a) => [a.code, a.id]));
}
