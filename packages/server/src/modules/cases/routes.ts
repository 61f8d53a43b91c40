import {
  CASE_STATUSES,
  CASE_TYPES,
  caseDetailSchema,
  caseSchema,
  createCaseSchema,
  createEntrySchema,
  entrySchema,
  updateCaseSchema,
} from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../http/context.js';
import { collection, problemResponses } from '../../http/openapi.js';
import { idParams, pagingQuery } from '../../http/paging.js';
import { addEntry, createCase, findCases, getCase, getEntries, updateCase } from './use-cases.js';

const PURPOSE = 'Casusregie integrale wijkaanpak';
const TAGS = ['Casussen'];

export function caseRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = { auth: 'cases.read', purpose: PURPOSE } as const;
  const write = { auth: 'cases.write', purpose: PURPOSE } as const;

  r.post(
    '/api/v1/cases',
    {
      config: write,
      schema: {
        tags: TAGS,
        summary: 'Casus aanmaken (de eigen organisatie neemt altijd deel)',
        body: createCaseSchema,
        response: { 201: caseSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (req, reply) => reply.code(201).send(await createCase(ctxOf(req), req.body)),
  );

  r.get(
    '/api/v1/cases',
    {
      config: read,
      schema: {
        tags: TAGS,
        summary: 'Casussen die ik mag zien',
        querystring: z.strictObject({
          type: z.enum(CASE_TYPES).optional(),
          status: z.enum(CASE_STATUSES).optional(),
          areaId: z.uuid().optional(),
          mine: z.enum(['true', 'false']).optional(),
          q: z.string().trim().max(200).optional(),
          ...pagingQuery,
        }),
        response: { 200: collection(caseSchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (req) => {
      const { limit, offset, mine, ...f } = req.query;
      return findCases(ctxOf(req), { ...f, mine: mine === 'true' }, { limit, offset });
    },
  );

  r.get(
    '/api/v1/cases/:id',
    {
      config: read,
      schema: {
        tags: TAGS,
        summary: 'Casus (404 als je hem niet mag zien)',
        params: idParams,
        response: { 200: caseDetailSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => getCase(ctxOf(req), req.params.id),
  );

  r.patch(
    '/api/v1/cases/:id',
    {
      config: write,
      schema: {
        tags: TAGS,
        summary: 'Casus wijzigen: status (levenscyclus), titel, partners, casusregisseur',
        params: idParams,
        body: updateCaseSchema,
        response: { 200: caseSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => updateCase(ctxOf(req), req.params.id, req.body),
  );

  r.post(
    '/api/v1/cases/:id/entries',
    {
      config: write,
      schema: {
        tags: TAGS,
        summary: 'Notitie in het journaal (403 zonder schrijfrecht op de categorie)',
        params: idParams,
        body: createEntrySchema,
        response: { 201: entrySchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.code(201).send(await addEntry(ctxOf(req), req.params.id, req.body)),
  );

  r.get(
    '/api/v1/cases/:id/entries',
    {
      config: read,
      schema: {
        tags: TAGS,
        summary: 'Journaal: alleen notities in categorieën die mijn organisatie mag lezen',
        params: idParams,
        querystring: z.strictObject({ category: z.string().max(40).optional(), ...pagingQuery }),
        response: { 200: collection(entrySchema), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const { limit, offset, category } = req.query;
      return getEntries(ctxOf(req), req.params.id, { category }, { limit, offset });
    },
  );
}
