import { socialMapOperations as op } from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import { routesFor } from '../../http/serve.js';
import { createSocialMapEntry } from './create-social-map-entry.js';
import { deleteSocialMapEntry } from './delete-social-map-entry.js';
import { listSocialMap } from './list-social-map.js';
import { updateSocialMapEntry } from './update-social-map-entry.js';

/** The sociale kaart: who works in a wijk or buurt; each partner keeps its own people, the regisseur all. */
export function socialMapRoutes(app: FastifyInstance) {
  const serve = routesFor(app);
  serve(op.listSocialMap, (c) => listSocialMap(c.ctx, c.query));
  serve(op.createSocialMapEntry, (c) => createSocialMapEntry(c.ctx, c.body));
  serve(op.updateSocialMapEntry, (c) => updateSocialMapEntry(c.ctx, c.params.id, c.body));
  serve(op.deleteSocialMapEntry, (c) => deleteSocialMapEntry(c.ctx, c.params.id));
}
