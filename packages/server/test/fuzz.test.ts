import { actionSchema, meetingSchema, signalSchema, subjectSchema } from '@wijkregie/shared';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  bodyOf,
  Client,
  createCase,
  createPerson,
  loggedIn,
  newTenant,
  type TestTenant,
  testApp,
} from './helpers.js';
import { OpenApi, type SampleRules } from './openapi-samples.js';

// Every route of the OpenAPI document gets malformed path parameters, query parameters and bodies:
// NUL characters, lone surrogates (as invalid UTF-8 in a URL, as `\ud800` in JSON), wrong types, huge
// values, deep nesting. No answer may be a 5xx. The route list comes from the document, so a new route
// is fuzzed without anyone adding it here.

let app: FastifyInstance;
let t: TestTenant;
let api: OpenApi;
const ids: Record<string, string> = {};

/** A real id for a path parameter, chosen by the collection it follows (`/cases/{id}` → a case). */
function idFor(path: string, param: string): string {
  const segments = path.split('/');
  const i = segments.indexOf(`{${param}}`);
  const collection = segments[i - 1] ?? '';
  if (param === 'key') return collection === 'signal-categories' ? 'overlast_jeugd' : 'basis';
  if (param === 'code') return 'ABCD-EFGH-JKLM';
  return ids[collection] ?? '00000000-0000-4000-8000-000000000000';
}

/** A plausible value for every field, so that a mutated field is the only thing wrong with a body. */
const plausible: SampleRules = {
  includes: () => true,
  arrayItem: () => true,
  choose: (values) => values[0],
  leaf(type, s) {
    switch (type) {
      case 'string':
        if (s.format === 'uuid') return ids.persons;
        if (s.format === 'date') return '2026-12-01';
        if (s.format === 'date-time') return '2026-12-01T10:00:00.000Z';
        if (s.format === 'email') return 'fuzz@example.nl';
        return 'Fuzztekst van voldoende lengte';
      case 'integer':
      case 'number':
        return s.minimum !== undefined && s.minimum > 1 ? s.minimum : 1;
      case 'boolean':
        return false;
      default:
        return null;
    }
  },
};

const NUL = '\u0000';
const LONE = '\ud800';
const BAD_VALUES: unknown[] = [
  `x${NUL}y`,
  `x${LONE}y`,
  'x'.repeat(100_000),
  1e308,
  -1,
  true,
  {},
  [],
  null,
  { [`k${NUL}`]: 1 },
];
const BAD_URL_VALUES = ['%00', '%ED%A0%80', '%FF', 'x'.repeat(5000), '-1', '1e309', '%', '..%2F..', 'null'];

function deep(levels: number): string {
  return `${'['.repeat(levels)}${']'.repeat(levels)}`;
}

beforeAll(async () => {
  app = await testApp();
  t = await newTenant(['gemeente', 'politie', 'wijkteam', 'schuldhulp']);
  const reg = await loggedIn(app, t.regisseur);
  ids.persons = (await createPerson(reg)).id;
  // Subjects of the other kinds, where the API can make them (their GET routes get a real id then).
  for (const [collection, name] of [
    ['households', 'Fuzzhuishouden'],
    ['groups', 'Fuzzgroep'],
    ['locations', 'Fuzzplek'],
  ] as const) {
    const res = await reg.post(`/api/v1/${collection}`, { name });
    if (res.statusCode === 201) ids[collection] = bodyOf(res, subjectSchema, 201).id;
  }
  const c = await createCase(reg, {
    subjects: [{ kind: 'person', id: ids.persons }],
    partnerIds: [t.partners.politie],
  });
  ids.cases = c.id;
  const action = await reg.post(`/api/v1/cases/${c.id}/actions`, {
    title: 'Fuzzactie',
    ownerPartnerId: t.partners.politie,
    dueDate: '2026-12-31',
  });
  ids.actions = bodyOf(action, actionSchema, 201).id;
  const meeting = await reg.post('/api/v1/meetings', {
    title: 'Fuzzoverleg',
    kind: 'case',
    startsAt: '2026-12-20T09:00:00.000Z',
    chairUserId: t.regisseur.id,
    partnerIds: [t.partners.politie],
    caseIds: [c.id],
  });
  ids.meetings = bodyOf(meeting, meetingSchema, 201).id;
  const signal = await reg.post('/api/v1/signals', {
    category: 'overlast_jeugd',
    description: 'Fuzzsignaal over jongeren bij het speelveld',
    source: 'professional',
  });
  ids.signals = bodyOf(signal, signalSchema, 201).id;
  // Users and partners get a spare of their own: a mutated PATCH must not lock the fuzzing clients out.
  ids.users = (await t.addUser('wijkteam', ['professional'])).id;
  ids.partners = t.partners.schuldhulp!;
  for (const [k, v] of Object.entries(ids)) if (!v) throw new Error(`fixture ${k} missing`);
  api = await OpenApi.of(app);
});

/** Routes that cannot be fuzzed by inject: a live stream never ends; logging out ends the fuzzing session. */
const SKIP = new Set(['get /api/v1/alerts/stream', 'delete /api/v1/session']);

describe('fuzzing every route of the OpenAPI document', () => {
  it('answers malformed paths, queries and bodies with 4xx, never 5xx', async () => {
    const reg = await loggedIn(app, t.regisseur);
    const admin = await loggedIn(app, t.admin);
    const anonymous = new Client(app, '10.200.0.1');
    const failures: string[] = [];
    let sent = 0;
    const send = async (who: Client, opts: InjectOptions, what: string) => {
      sent++;
      const res = await who.request(opts);
      if (res.statusCode >= 500) failures.push(`${res.statusCode} ${what}: ${res.body.slice(0, 200)}`);
    };

    const operations = api.operations;
    expect(operations.length).toBeGreaterThan(60);
    for (const op of operations) {
      const { path } = op;
      const method = op.method.toLowerCase();
      if (SKIP.has(`${method} ${path}`) || !path.startsWith('/api/')) continue;
      const params = op.parameters;
      const pathParams = params.filter((p) => p.in === 'path').map((p) => p.name);
      const query = params.filter((p) => p.in === 'query');
      const url = (over: Record<string, string> = {}) =>
        path.replace(/\{(\w+)\}/g, (_, name: string) => over[name] ?? encodeURIComponent(idFor(path, name)));
      const m = op.method as InjectOptions['method'];
      const jsonBody = op.body;
      const base = jsonBody ? api.sample(jsonBody, plausible) : undefined;
      const withBody = (payload: string | undefined) =>
        payload === undefined ? {} : { payload, headers: { 'content-type': 'application/json' } };
      const basePayload = base === undefined ? undefined : JSON.stringify(base);

      for (const who of [reg, admin, anonymous]) {
        const label = who === reg ? 'regisseur' : who === admin ? 'admin' : 'anoniem';
        // Path parameters.
        for (const name of pathParams) {
          for (const bad of BAD_URL_VALUES) {
            await send(
              who,
              { method: m, url: url({ [name]: bad }), ...withBody(basePayload) },
              `${method} ${path} ${name}=${bad.slice(0, 12)} (${label})`,
            );
          }
        }
        // Query parameters: each bad value, and the parameter given twice.
        for (const q of query) {
          for (const bad of BAD_URL_VALUES) {
            await send(
              who,
              { method: m, url: `${url()}?${q.name}=${bad}` },
              `${method} ${path}?${q.name}=${bad.slice(0, 12)} (${label})`,
            );
          }
          await send(
            who,
            { method: m, url: `${url()}?${q.name}=1&${q.name}=2` },
            `${method} ${path}?${q.name} twice (${label})`,
          );
        }
        if (!['POST', 'PUT', 'PATCH'].includes(m ?? '')) continue;
        // Whole bodies of the wrong shape.
        for (const payload of [
          'null',
          '[]',
          '"x"',
          '123',
          '{}',
          deep(5000),
          `{"a":"${'\\u0000'}"}`,
          '{"a":"\\ud800"}',
        ]) {
          await send(
            who,
            { method: m, url: url(), ...withBody(payload) },
            `${method} ${path} body ${payload.slice(0, 12)} (${label})`,
          );
        }
        // One field wrong at a time, the rest plausible.
        const props = Object.keys(jsonBody?.properties ?? {});
        if (who === anonymous && !path.startsWith('/api/public/')) continue;
        for (const prop of props) {
          for (const bad of BAD_VALUES) {
            const payload = JSON.stringify({ ...(base as Record<string, unknown>), [prop]: bad });
            await send(
              who,
              { method: m, url: url(), ...withBody(payload) },
              `${method} ${path} ${prop}=${JSON.stringify(bad)?.slice(0, 20)} (${label})`,
            );
          }
        }
        if (basePayload)
          await send(
            who,
            { method: m, url: url(), ...withBody(basePayload) },
            `${method} ${path} plausible (${label})`,
          );
      }
    }
    console.log(`fuzz: ${operations.length} operations, ${sent} requests, ${failures.length} answers 5xx`);
    expect(failures).toEqual([]);
  }, 240_000);
});
