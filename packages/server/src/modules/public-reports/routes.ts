import { MAX_PUBLIC_PHOTO_BYTES, publicReportOperations as op } from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import type { SystemDb } from '../../db/scope.js';
import { routesFor } from '../../http/serve.js';
import { type PublicDeps, Throttle } from '../throttle/throttle.js';
import { createPublicReport } from './create-public-report.js';
import { listPublicAreas } from './list-public-areas.js';
import { listPublicCategories } from './list-public-categories.js';
import { trackReport } from './track-report.js';

/** The residents' API (no login): report, follow a report by its code, and what the form needs. */
export function publicReportRoutes(app: FastifyInstance, system: SystemDb) {
  const serve = routesFor(app);
  const deps: PublicDeps = { system, throttle: new Throttle(system.db) };

  serve(op.listPublicCategories, (c) => listPublicCategories(deps, c.query.gemeente));
  serve(op.listPublicAreas, (c) => listPublicAreas(deps, c.query.gemeente));
  // JSON: 16 KiB; as a form: one photo of at most 10 MiB.
  serve(op.createPublicReport, (c) => createPublicReport(deps, c.request.ip, c.body, c.query.gemeente), {
    bodyLimit: 16 * 1024,
    form: { files: 1, fileSize: MAX_PUBLIC_PHOTO_BYTES },
  });
  serve(op.trackReport, (c) => trackReport(deps, c.request.ip, c.params.code));
}
