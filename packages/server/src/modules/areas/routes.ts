import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../http/context.js';
import { collection, problemResponses } from '../../http/openapi.js';

const areaSchema = z.object({
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
      const s = ctxOf(req).db.read;
      const items = await s.q.query<z.infer<typeof areaSchema>>(
        `SELECT id, kind, code, name, parent_id AS "parentId", geometry FROM areas WHERE tenant_id = $1
          ORDER BY kind DESC, code`,
        [s.tenantId],
      );
      return { items, total: items.length };
    },
  );
}
