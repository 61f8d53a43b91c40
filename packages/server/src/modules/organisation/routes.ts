import { createPartnerSchema, createUserSchema, partnerSchema, userSchema } from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../http/context.js';
import { collection, problemResponses } from '../../http/openapi.js';
import { createPartner } from './create-partner.js';
import { createUser } from './create-user.js';
import { listColleagues, listOutbox, listPartners, listUsers } from './repository.js';

export function organisationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/partners',
    {
      config: { auth: 'partners.read' },
      schema: {
        tags: ['Organisatie'],
        summary: 'Partners van de gemeente',
        response: { 200: collection(partnerSchema), ...problemResponses(401, 403) },
      },
    },
    async (req) => {
      const items = await listPartners(ctxOf(req).db.read);
      return { items, total: items.length };
    },
  );

  r.post(
    '/api/v1/partners',
    {
      config: { auth: 'partners.create' },
      schema: {
        tags: ['Organisatie'],
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
        tags: ['Organisatie'],
        summary: 'Gebruikers van de gemeente',
        response: { 200: collection(userSchema), ...problemResponses(401, 403) },
      },
    },
    async (req) => {
      const items = await listUsers(ctxOf(req).db.read);
      return { items, total: items.length };
    },
  );

  r.post(
    '/api/v1/users',
    {
      config: { auth: 'users.create' },
      schema: {
        tags: ['Organisatie'],
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
        tags: ['Organisatie'],
        summary: 'Actieve medewerkers (naam en organisatie) om een voorzitter of uitvoerder te kiezen',
        response: {
          200: collection(z.object({ id: z.uuid(), name: z.string(), partnerId: z.uuid() })),
          ...problemResponses(401, 403),
        },
      },
    },
    async (req) => {
      const items = await listColleagues(ctxOf(req).db.read);
      return { items, total: items.length };
    },
  );

  r.get(
    '/api/v1/outbox',
    {
      config: { auth: 'outbox.read' },
      schema: {
        tags: ['Organisatie'],
        summary: 'Uitgaande e-mail (beheerder): verzonden, wachtend en mislukt',
        querystring: z.strictObject({
          status: z.enum(['pending', 'sending', 'sent', 'skipped', 'failed']).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: {
          200: collection(
            z.object({
              id: z.uuid(),
              toAddress: z.string(),
              subject: z.string(),
              bodyText: z.string(),
              status: z.string(),
              attempts: z.number(),
              createdAt: z.string(),
              sentAt: z.string().nullable(),
              lastError: z.string().nullable(),
            }),
          ),
          ...problemResponses(400, 401, 403),
        },
      },
    },
    async (req) => {
      const { status, limit, offset } = req.query;
      return listOutbox(ctxOf(req).db.read, status, { limit, offset });
    },
  );
}
