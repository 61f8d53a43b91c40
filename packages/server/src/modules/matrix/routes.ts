import { matrixOperations as op } from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import { routesFor } from '../../http/serve.js';
import { createCategory } from './create-category.js';
import { getCategories } from './get-categories.js';
import { getMatrix } from './get-matrix.js';
import { getMyAccess } from './get-my-access.js';
import { putMatrix } from './put-matrix.js';

/** The information categories and the authorisation matrix. */
export function matrixRoutes(app: FastifyInstance) {
  const serve = routesFor(app, 'Beheer autorisatiematrix');
  // Reading the category list and one's own row of the matrix records no purpose.
  const plain = routesFor(app);

  plain(op.getCategories, (c) => getCategories(c.ctx));
  serve(op.createCategory, (c) => createCategory(c.ctx, c.body));
  serve(op.getMatrix, (c) => getMatrix(c.ctx));
  serve(op.putMatrix, (c) => putMatrix(c.ctx, c.body));
  plain(op.getMyAccess, (c) => getMyAccess(c.ctx));
}
