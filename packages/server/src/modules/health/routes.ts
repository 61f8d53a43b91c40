import { healthSchema } from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/db.js';
import { problemResponses } from '../../http/openapi.js';
import { checkHealth } from './check-health.js';

export function healthRoutes(app: FastifyInstance, db: Db) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/health',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['Systeem'],
        summary: 'Gezondheid: de database antwoordt en de migraties zijn gedraaid',
        response: { 200: healthSchema, ...problemResponses(503) },
      },
    },
    async () => checkHealth(db),
  );
}
