import {
  categoryListSchema,
  categorySchema,
  createCategorySchema,
  matrixSchema,
  myAccessSchema,
  putMatrixSchema,
} from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf } from '../../http/context.js';
import { problemResponses } from '../../http/openapi.js';
import { createCategory } from './create-category.js';
import { getCategories } from './get-categories.js';
import { getMatrix } from './get-matrix.js';
import { getMyAccess } from './get-my-access.js';
import { putMatrix } from './put-matrix.js';

const PURPOSE = 'Beheer autorisatiematrix';
const TAGS = ['Autorisatie'];

export function matrixRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/categories',
    {
      config: { auth: 'categories.read' },
      schema: {
        tags: TAGS,
        summary: 'Informatiecategorieën',
        response: { 200: categoryListSchema, ...problemResponses(401, 403) },
      },
    },
    async (req) => getCategories(ctxOf(req)),
  );

  r.post(
    '/api/v1/categories',
    {
      config: { auth: 'categories.create', purpose: PURPOSE },
      schema: {
        tags: TAGS,
        summary: 'Categorie toevoegen (regisseur, beheerder)',
        body: createCategorySchema,
        response: { 201: categorySchema, ...problemResponses(400, 401, 403, 409) },
      },
    },
    async (req, reply) => reply.code(201).send(await createCategory(ctxOf(req), req.body)),
  );

  r.get(
    '/api/v1/access-matrix',
    {
      config: { auth: 'matrix.read', purpose: PURPOSE },
      schema: {
        tags: TAGS,
        summary: 'De autorisatiematrix: partner × categorie → none | read | write',
        response: { 200: matrixSchema, ...problemResponses(401, 403) },
      },
    },
    async (req) => getMatrix(ctxOf(req)),
  );

  r.put(
    '/api/v1/access-matrix',
    {
      config: { auth: 'matrix.write', purpose: PURPOSE },
      schema: {
        tags: TAGS,
        summary: 'Cellen van de matrix zetten (alleen de gegeven cellen veranderen)',
        body: putMatrixSchema,
        response: { 200: matrixSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (req) => putMatrix(ctxOf(req), req.body),
  );

  r.get(
    '/api/v1/access-matrix/mine',
    {
      config: { auth: 'session' },
      schema: {
        tags: TAGS,
        summary: 'De rij van de eigen partner: wat mag ik lezen en schrijven?',
        response: { 200: myAccessSchema, ...problemResponses(401) },
      },
    },
    async (req) => getMyAccess(ctxOf(req)),
  );
}
