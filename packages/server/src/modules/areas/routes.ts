import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../http/context.js';
import { collection, problemResponses } from '../../http/openapi.js';
import { listAreas } from './repository.js';

export const areaSchema = z.object({
  id: z.uuid(),
  kind: z.enum(['wijk', 'buurt']),
  code: z.string(),
  name: z.string(),
  parentId: z.uuid().nullable(),
  geometry: z.unknown(),
});

export function areaRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/areas',
    {
      config: { auth: 'areas.read' },
      schema: {
        tags: ['Gebieden'],
        summary: 'Wijken en buurten met hun GeoJSON-geometrie',
        response: { 200: collection(areaSchema), ...problemResponses(401, 403) },
      },
    },
    async (req) => {
      const items = await listAreas(ctxOf(req).db.read);
      return { items, total: items.length };
    },
  );
}
