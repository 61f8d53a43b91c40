import {
  colleagueListSchema,
  createPartnerSchema,
  createUserSchema,
  outboxListQuerySchema,
  outboxListSchema,
  partnerListSchema,
  partnerSchema,
  userListSchema,
  userSchema,
} from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf } from '../../http/context.js';
import { problemResponses } from '../../http/openapi.js';
import { createPartner } from './create-partner.js';
import { createUser } from './create-user.js';
import { listColleagues } from './list-colleagues.js';
import { listOutbox } from './list-outbox.js';
import { listPartners } from './list-partners.js';
import { listUsers } from './list-users.js';

const TAGS = ['Organisatie'];

export function organisationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/partners',
    {
      config: { auth: 'partners.read' },
      schema: {
        tags: TAGS,
        summary: 'Partners van de gemeente',
        response: { 200: partnerListSchema, ...problemResponses(401, 403) },
      },
    },
    async (req) => listPartners(ctxOf(req)),
  );

  r.post(
    '/api/v1/partners',
    {
      config: { auth: 'partners.create' },
      schema: {
        tags: TAGS,
        summary: 'Partner toevoegen (beheerder)',
        body: createPartnerSchema,
        response: { 201: partnerSchema, ...problemResponses(400, 401, 403, 409, 413, 415) },
      },
    },
    async (req, reply) => reply.code(201).send(await createPartner(ctxOf(req), req.body)),
  );

  r.get(
    '/api/v1/users',
    {
      config: { auth: 'users.read' },
      schema: {
        tags: TAGS,
        summary: 'Gebruikers van de gemeente',
        response: { 200: userListSchema, ...problemResponses(401, 403) },
      },
    },
    async (req) => listUsers(ctxOf(req)),
  );

  r.post(
    '/api/v1/users',
    {
      config: { auth: 'users.create' },
      schema: {
        tags: TAGS,
        summary: 'Gebruiker toevoegen (beheerder)',
        body: createUserSchema,
        response: { 201: userSchema, ...problemResponses(400, 401, 403, 409, 413, 415) },
      },
    },
    async (req, reply) => reply.code(201).send(await createUser(ctxOf(req), req.body)),
  );

  r.get(
    '/api/v1/colleagues',
    {
      config: { auth: 'cases.read' },
      schema: {
        tags: TAGS,
        summary: 'Actieve medewerkers (naam en organisatie) om een voorzitter of uitvoerder te kiezen',
        response: { 200: colleagueListSchema, ...problemResponses(401, 403) },
      },
    },
    async (req) => listColleagues(ctxOf(req)),
  );

  r.get(
    '/api/v1/outbox',
    {
      config: { auth: 'outbox.read' },
      schema: {
        tags: TAGS,
        summary: 'Uitgaande e-mail (beheerder): verzonden, wachtend en mislukt',
        querystring: outboxListQuerySchema,
        response: { 200: outboxListSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (req) => listOutbox(ctxOf(req), req.query),
  );
}
