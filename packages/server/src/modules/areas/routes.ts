import { areaListSchema } from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf } from '../../http/context.js';
import { problemResponses } from '../../http/openapi.js';
import { listAreas } from './list-areas.js';

export function areaRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/areas',
    {
      config: { auth: 'areas.read' },
      schema: {
        tags: ['Gebieden'],
        summary: 'Wijken en buurten met hun GeoJSON-geometrie',
        response: { 200: areaListSchema, ...problemResponses(401, 403) },
      },
    },
    async (req) => listAreas(ctxOf(req)),
  );
}
