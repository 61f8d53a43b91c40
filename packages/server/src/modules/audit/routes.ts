import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../http/context.js';
import { collection, problemResponses } from '../../http/openapi.js';
import { pagingQuery } from '../../http/paging.js';
import { searchAudit, verifyChain } from './repository.js';

const PURPOSE = 'Toezicht op verwerking persoonsgegevens';

const auditItemSchema = z.object({
  id: z.uuid(),
  at: z.string(),
  userId: z.uuid().nullable(),
  partnerId: z.uuid().nullable(),
  action: z.string(),
  objectType: z.string(),
  objectId: z.uuid().nullable(),
  objectIds: z.array(z.uuid()).nullable(),
  personIds: z.array(z.uuid()),
  purpose: z.string(),
});

export function auditRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/audit',
    {
      config: { auth: 'audit.read', purpose: PURPOSE },
      schema: {
        tags: ['Audit'],
        summary: 'Auditlog, nieuwste eerst; filter op object (ook betrokken persoon) of gebruiker',
        querystring: z.strictObject({
          objectId: z.uuid({ error: 'Geen geldige id' }).optional(),
          userId: z.uuid({ error: 'Geen geldige id' }).optional(),
          ...pagingQuery,
        }),
        response: { 200: collection(auditItemSchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const result = await searchAudit(ctx.db.read, req.query);
      await ctx.auditRead([
        {
          action: 'read',
          objectType: 'audit',
          details: { objectId: req.query.objectId, userId: req.query.userId },
        },
      ]);
      return result;
    },
  );

  r.get(
    '/api/v1/audit/verify',
    {
      config: { auth: 'audit.read', purpose: PURPOSE },
      schema: {
        tags: ['Audit'],
        summary: 'De hashketen van begin tot eind controleren',
        response: {
          200: z.object({
            valid: z.boolean(),
            count: z.number(),
            firstBroken: z.object({ id: z.string(), seq: z.number(), reason: z.string() }).optional(),
          }),
          ...problemResponses(401, 403),
        },
      },
    },
    async (req) => verifyChain(ctxOf(req).db.read.q, ctxOf(req).tenantId),
  );
}
