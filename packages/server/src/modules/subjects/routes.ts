import {
  createGroupSchema,
  createHouseholdSchema,
  createLocationSchema,
  createPersonSchema,
  createRelationSchema,
  personSchema,
  RELATION_TYPES,
  SUBJECT_KINDS,
  type SubjectKind,
} from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf, type RequestContext } from '../../http/context.js';
import { collection, problemResponses } from '../../http/openapi.js';
import { idParams, pagingQuery } from '../../http/paging.js';
import { viewerOf } from '../cases/visibility.js';
import { listOthers, type SubjectSummary } from './repository.js';
import {
  createGroup,
  createHousehold,
  createLocation,
  createPerson,
  createRelation,
  findPersons,
  getOther,
  getPerson,
} from './use-cases.js';

const PURPOSE = 'Registratie betrokkenen wijkaanpak';
const TAGS = ['Betrokkenen'];

const refSchema = z.object({ kind: z.enum(SUBJECT_KINDS), id: z.uuid() });
const relationSchema = z.object({
  id: z.uuid(),
  from: refSchema,
  type: z.enum(RELATION_TYPES),
  to: refSchema,
});
const caseSummarySchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  type: z.string(),
  title: z.string(),
  status: z.string(),
});
const subjectSchema = z.object({
  kind: z.enum(SUBJECT_KINDS),
  id: z.uuid(),
  name: z.string(),
  createdAt: z.string(),
  details: z.record(z.string(), z.unknown()),
});
const subjectDetailSchema = subjectSchema.extend({
  relations: z.array(relationSchema),
  cases: z.array(caseSummarySchema),
});

export function subjectRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const write = { auth: 'subjects.write', purpose: PURPOSE } as const;
  const read = { auth: 'subjects.read', purpose: PURPOSE } as const;

  r.post(
    '/api/v1/persons',
    {
      config: write,
      schema: {
        tags: TAGS,
        summary: 'Persoon registreren',
        body: createPersonSchema,
        response: { 201: personSchema, ...problemResponses(400, 401, 403, 409) },
      },
    },
    async (req, reply) => reply.code(201).send(await createPerson(ctxOf(req), req.body)),
  );

  r.get(
    '/api/v1/persons',
    {
      config: read,
      schema: {
        tags: TAGS,
        summary: 'Personen zoeken op naam (tikfouttolerant), geboortedatum of postcode',
        querystring: z.strictObject({ q: z.string().trim().max(200).default(''), ...pagingQuery }),
        response: { 200: collection(personSchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (req) => findPersons(ctxOf(req), req.query.q, req.query),
  );

  r.get(
    '/api/v1/persons/:id',
    {
      config: read,
      schema: {
        tags: TAGS,
        summary: 'Persoon met relaties en zichtbare casussen',
        params: idParams,
        response: {
          200: personSchema.extend({ relations: z.array(relationSchema), cases: z.array(caseSummarySchema) }),
          ...problemResponses(400, 401, 403, 404),
        },
      },
    },
    async (req) => getPerson(ctxOf(req), req.params.id),
  );

  const others = [
    ['households', 'household', createHouseholdSchema, createHousehold, 'Huishouden'],
    ['groups', 'group', createGroupSchema, createGroup, 'Groep'],
    ['locations', 'location', createLocationSchema, createLocation, 'Locatie'],
  ] as const;
  for (const [path, kind, bodySchema, create, label] of others) {
    r.post(
      `/api/v1/${path}`,
      {
        config: write,
        schema: {
          tags: TAGS,
          summary: `${label} registreren`,
          body: bodySchema,
          response: { 201: subjectSchema, ...problemResponses(400, 401, 403) },
        },
      },
      // The three create functions take their own schema's type; the tuple keeps them paired.
      async (req, reply) =>
        reply
          .code(201)
          .send(
            await (create as (c: RequestContext, b: unknown) => Promise<SubjectSummary>)(
              ctxOf(req),
              req.body,
            ),
          ),
    );
    r.get(
      `/api/v1/${path}`,
      {
        config: read,
        schema: {
          tags: TAGS,
          summary: `${label}s die ik mag zien`,
          querystring: z.strictObject({ q: z.string().trim().max(200).optional(), ...pagingQuery }),
          response: { 200: collection(subjectSchema), ...problemResponses(400, 401, 403) },
        },
      },
      async (req) => {
        const ctx = ctxOf(req);
        const result = await listOthers(
          ctx.db.read,
          kind as Exclude<SubjectKind, 'person'>,
          viewerOf(ctx),
          req.query.q,
          req.query,
        );
        await ctx.auditRead([{ action: 'list', objectType: kind, objectIds: result.items.map((x) => x.id) }]);
        return result;
      },
    );
    r.get(
      `/api/v1/${path}/:id`,
      {
        config: read,
        schema: {
          tags: TAGS,
          summary: `${label} met relaties en zichtbare casussen`,
          params: idParams,
          response: { 200: subjectDetailSchema, ...problemResponses(400, 401, 403, 404) },
        },
      },
      async (req) => getOther(ctxOf(req), kind, req.params.id),
    );
  }

  r.post(
    '/api/v1/relations',
    {
      config: write,
      schema: {
        tags: TAGS,
        summary: 'Relatie tussen betrokkenen vastleggen (lid van, ouder van, woont op, komt samen op)',
        body: createRelationSchema,
        response: { 201: relationSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (req, reply) => reply.code(201).send(await createRelation(ctxOf(req), req.body)),
  );
}
