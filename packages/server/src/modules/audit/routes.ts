import { auditListQuerySchema, auditListSchema, auditVerifySchema } from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf } from '../../http/context.js';
import { problemResponses } from '../../http/openapi.js';
import { listAudit } from './list-audit.js';
import { verifyAudit } from './verify-audit.js';

const PURPOSE = 'Toezicht op verwerking persoonsgegevens';
const TAGS = ['Audit'];

export function auditRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { auth: 'audit.read', purpose: PURPOSE } as const;

  r.get(
    '/api/v1/audit',
    {
      config,
      schema: {
        tags: TAGS,
        summary: 'Auditlog, nieuwste eerst; filter op object (ook betrokken persoon) of gebruiker',
        querystring: auditListQuerySchema,
        response: { 200: auditListSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (req) => listAudit(ctxOf(req), req.query),
  );

  r.get(
    '/api/v1/audit/verify',
    {
      config,
      schema: {
        tags: TAGS,
        summary: 'De hashketen van begin tot eind controleren',
        response: { 200: auditVerifySchema, ...problemResponses(401, 403) },
      },
    },
    async (req) => verifyAudit(ctxOf(req)),
  );
}
