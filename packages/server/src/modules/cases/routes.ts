import {
  caseDetailSchema,
  caseListQuerySchema,
  caseListSchema,
  caseSchema,
  createCaseSchema,
  createEntrySchema,
  entryListQuerySchema,
  entryListSchema,
  entrySchema,
  idParams,
  updateCaseSchema,
} from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf } from '../../http/context.js';
import { problemResponses } from '../../http/openapi.js';
import { addEntry } from './add-entry.js';
import { createCase } from './create-case.js';
import { getCase } from './get-case.js';
import { listCases } from './list-cases.js';
import { listEntries } from './list-entries.js';
import { updateCase } from './update-case.js';

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
        querystring: caseListQuerySchema,
        response: { 200: caseListSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (req) => listCases(ctxOf(req), req.query),
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
        querystring: entryListQuerySchema,
        response: { 200: entryListSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => listEntries(ctxOf(req), req.params.id, req.query),
  );
}
