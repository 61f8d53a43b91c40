import {
  areaListSchema,
  gemeenteQuerySchema,
  publicCategoryListSchema,
  publicReportReceiptSchema,
  publicReportSchema,
  publicReportStatusSchema,
  trackingCodeParamsSchema,
} from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { SystemDb } from '../../db/scope.js';
import { problemResponses } from '../../http/openapi.js';
import { Throttle } from '../throttle/throttle.js';
import { createPublicReport } from './create-public-report.js';
import { listPublicAreas } from './list-public-areas.js';
import { listPublicCategories } from './list-public-categories.js';
import type { PublicDeps } from './public-access.js';
import { trackReport } from './track-report.js';

const TAGS = ['Bewoners'];

/** The residents' API (no login): report, follow a report by its code, and what the form needs. */
export function publicReportRoutes(app: FastifyInstance, system: SystemDb) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps: PublicDeps = { system, throttle: new Throttle(system.db) };

  r.get(
    '/api/public/v1/categories',
    {
      config: { auth: 'public' },
      schema: {
        tags: TAGS,
        summary: 'Onderwerpen waarover bewoners een melding kunnen doen',
        querystring: gemeenteQuerySchema,
        response: { 200: publicCategoryListSchema, ...problemResponses(400, 503) },
      },
    },
    async (req) => listPublicCategories(deps, req.query.gemeente),
  );
  r.get(
    '/api/public/v1/areas',
    {
      config: { auth: 'public' },
      schema: {
        tags: TAGS,
        summary: 'Wijken en buurten (openbare grenzen) voor de kaart op het meldformulier',
        querystring: gemeenteQuerySchema,
        response: { 200: areaListSchema, ...problemResponses(400, 503) },
      },
    },
    async (req) => listPublicAreas(deps, req.query.gemeente),
  );

  r.post(
    '/api/public/v1/reports',
    {
      config: { auth: 'public' },
      bodyLimit: 16 * 1024,
      schema: {
        tags: TAGS,
        summary: 'Melding doen als bewoner (zonder inloggen); geeft een code om de melding te volgen',
        querystring: gemeenteQuerySchema,
        body: publicReportSchema,
        response: { 201: publicReportReceiptSchema, ...problemResponses(400, 413, 415, 429) },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await createPublicReport(deps, req.ip, req.body, req.query.gemeente)),
  );
  r.get(
    '/api/public/v1/reports/:code',
    {
      config: { auth: 'public' },
      schema: {
        tags: TAGS,
        summary: 'Stand van een melding: status en berichten, nooit namen van mensen of organisaties',
        params: trackingCodeParamsSchema,
        response: { 200: publicReportStatusSchema, ...problemResponses(400, 404, 429) },
      },
    },
    async (req) => trackReport(deps, req.ip, req.params.code),
  );
}
