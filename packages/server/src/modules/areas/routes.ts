import { neighbourhoodOperations as nb, areaOperations as op } from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import { routesFor } from '../../http/serve.js';
import { createArea } from './create-area.js';
import { importAreas } from './import-areas.js';
import { listAreas } from './list-areas.js';

/** A Wijk- en Buurtkaart of a large city is a few megabytes of GeoJSON; 50 MiB leaves room. */
const AREA_IMPORT_LIMIT = 50 * 1024 * 1024;

export function areaRoutes(app: FastifyInstance) {
  const serve = routesFor(app);
  serve(op.listAreas, (c) => listAreas(c.ctx));
  serve(nb.createArea, (c) => createArea(c.ctx, c.body));
  serve(nb.importAreas, (c) => importAreas(c.ctx, c.body), { bodyLimit: AREA_IMPORT_LIMIT });
}
