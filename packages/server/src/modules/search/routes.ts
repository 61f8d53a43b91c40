import { searchOperations as op } from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import { routesFor } from '../../http/serve.js';
import { search } from './search.js';

/** The one search of the header, over everything the caller may open. */
export function searchRoutes(app: FastifyInstance) {
  const serve = routesFor(app, 'Casusregie integrale wijkaanpak: zoeken');

  serve(op.search, (c) => search(c.ctx, c.query));
}
