import {
  categorySchema,
  createCategorySchema,
  matrixCellSchema,
  matrixSchema,
  putMatrixSchema,
} from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../http/context.js';
import { conflict } from '../../http/errors.js';
import { problemResponses } from '../../http/openapi.js';
import { auditEntries } from '../audit/context.js';
import { appendAudit } from '../audit/repository.js';
import { putMatrix } from './put-matrix.js';
import { categoryExists, fullMatrix, insertCategory, listCategories, partnerAccess } from './repository.js';

const PURPOSE = 'Beheer autorisatiematrix';

export function matrixRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/categories',
    {
      config: { auth: 'categories.read' },
      schema: {
        tags: ['Autorisatie'],
        summary: 'Informatiecategorieën',
        response: { 200: z.object({ items: z.array(categorySchema) }), ...problemResponses(401, 403) },
      },
    },
    async (req) => ({ items: await listCategories(ctxOf(req).db.read) }),
  );

  r.post(
    '/api/v1/categories',
    {
      config: { auth: 'categories.create', purpose: PURPOSE },
      schema: {
        tags: ['Autorisatie'],
        summary: 'Categorie toevoegen (regisseur, beheerder)',
        body: createCategorySchema,
        response: { 201: categorySchema, ...problemResponses(400, 401, 403, 409) },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const created = await ctx.db.transaction(async (s) => {
        if (await categoryExists(s, req.body.key)) {
          throw conflict('Deze categorie bestaat al.', [{ path: 'key', message: 'Bestaat al' }]);
        }
        const c = await insertCategory(s, req.body);
        await appendAudit(
          s.q,
          auditEntries(ctx, [{ action: 'create', objectType: 'category', details: { key: c.key } }]),
        );
        return c;
      });
      return reply.code(201).send(created);
    },
  );

  r.get(
    '/api/v1/access-matrix',
    {
      config: { auth: 'matrix.read', purpose: PURPOSE },
      schema: {
        tags: ['Autorisatie'],
        summary: 'De autorisatiematrix: partner × categorie → none | read | write',
        response: { 200: matrixSchema, ...problemResponses(401, 403) },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const cells = await fullMatrix(ctx.db.read);
      await ctx.auditRead([{ action: 'read', objectType: 'matrix' }]);
      return { cells };
    },
  );

  r.put(
    '/api/v1/access-matrix',
    {
      config: { auth: 'matrix.write', purpose: PURPOSE },
      schema: {
        tags: ['Autorisatie'],
        summary: 'Cellen van de matrix zetten (alleen de gegeven cellen veranderen)',
        body: putMatrixSchema,
        response: { 200: matrixSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (req) => ({ cells: await putMatrix(ctxOf(req), req.body.cells) }),
  );

  r.get(
    '/api/v1/access-matrix/mine',
    {
      config: { auth: 'session' },
      schema: {
        tags: ['Autorisatie'],
        summary: 'De rij van de eigen partner: wat mag ik lezen en schrijven?',
        response: {
          200: z.object({ partnerId: z.uuid(), cells: z.array(matrixCellSchema) }),
          ...problemResponses(401),
        },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const [row, categories] = await Promise.all([
        partnerAccess(ctx.db.read, ctx.partnerId),
        listCategories(ctx.db.read),
      ]);
      return {
        partnerId: ctx.partnerId,
        cells: categories.map((c) => ({
          partnerId: ctx.partnerId,
          category: c.key,
          access: row[c.key] ?? 'none',
        })),
      };
    },
  );
}
