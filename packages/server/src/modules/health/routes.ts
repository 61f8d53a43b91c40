import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/db.js';
import { AppError } from '../../http/errors.js';
import { problemResponses } from '../../http/openapi.js';

export function healthRoutes(app: FastifyInstance, db: Db) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/health',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['Systeem'],
        summary: 'Gezondheid: de database antwoordt en de migraties zijn gedraaid',
        response: { 200: z.object({ status: z.literal('ok') }), ...problemResponses(503) },
      },
    },
    async () => {
      try {
        await db.query('SELECT 1 FROM schema_migrations LIMIT 1');
      } catch {
        throw new AppError('unavailable', 'De database antwoordt niet.');
      }
      return { status: 'ok' as const };
    },
  );
}
