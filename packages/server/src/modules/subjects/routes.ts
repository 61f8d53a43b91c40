import {
  createGroupSchema,
  createHouseholdSchema,
  createLocationSchema,
  createPersonSchema,
  createRelationSchema,
  idParams,
  type OtherSubjectKind,
  personDetailSchema,
  personListSchema,
  personSchema,
  personSearchQuerySchema,
  relationSchema,
  subjectDetailSchema,
  subjectListQuerySchema,
  subjectListSchema,
  subjectSchema,
} from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf } from '../../http/context.js';
import { problemResponses } from '../../http/openapi.js';
import { createGroup } from './create-group.js';
import { createHousehold } from './create-household.js';
import { createLocation } from './create-location.js';
import { createPerson } from './create-person.js';
import { createRelation } from './create-relation.js';
import { findPersons } from './find-persons.js';
import { getPerson } from './get-person.js';
import { getSubject } from './get-subject.js';
import { listSubjects } from './list-subjects.js';

const PURPOSE = 'Registratie betrokkenen wijkaanpak';
const TAGS = ['Betrokkenen'];
const write = { auth: 'subjects.write', purpose: PURPOSE } as const;
const read = { auth: 'subjects.read', purpose: PURPOSE } as const;

export function subjectRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

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
        querystring: personSearchQuerySchema,
        response: { 200: personListSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (req) => findPersons(ctxOf(req), req.query),
  );

  r.get(
    '/api/v1/persons/:id',
    {
      config: read,
      schema: {
        tags: TAGS,
        summary: 'Persoon met relaties en zichtbare casussen',
        params: idParams,
        response: { 200: personDetailSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => getPerson(ctxOf(req), req.params.id),
  );

  r.post(
    '/api/v1/households',
    {
      config: write,
      schema: {
        tags: TAGS,
        summary: 'Huishouden registreren',
        body: createHouseholdSchema,
        response: { 201: subjectSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (req, reply) => reply.code(201).send(await createHousehold(ctxOf(req), req.body)),
  );
  otherSubjectReads(app, 'households', 'household', 'Huishouden');

  r.post(
    '/api/v1/groups',
    {
      config: write,
      schema: {
        tags: TAGS,
        summary: 'Groep registreren',
        body: createGroupSchema,
        response: { 201: subjectSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (req, reply) => reply.code(201).send(await createGroup(ctxOf(req), req.body)),
  );
  otherSubjectReads(app, 'groups', 'group', 'Groep');

  r.post(
    '/api/v1/locations',
    {
      config: write,
      schema: {
        tags: TAGS,
        summary: 'Locatie registreren',
        body: createLocationSchema,
        response: { 201: subjectSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (req, reply) => reply.code(201).send(await createLocation(ctxOf(req), req.body)),
  );
  otherSubjectReads(app, 'locations', 'location', 'Locatie');

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

/** Households, groups and locations are listed and opened alike. */
function otherSubjectReads(app: FastifyInstance, path: string, kind: OtherSubjectKind, label: string) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    `/api/v1/${path}`,
    {
      config: read,
      schema: {
        tags: TAGS,
        summary: `${label}s die ik mag zien`,
        querystring: subjectListQuerySchema,
        response: { 200: subjectListSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (req) => listSubjects(ctxOf(req), kind, req.query),
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
    async (req) => getSubject(ctxOf(req), kind, req.params.id),
  );
}
