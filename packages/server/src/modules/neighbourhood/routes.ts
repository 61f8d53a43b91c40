import { neighbourhoodOperations as op } from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import { routesFor } from '../../http/serve.js';
import { pdfAnswer } from '../../lib/pdf.js';
import { exportAreaReport } from './export-area-report.js';
import { getAreaPicture } from './get-area-picture.js';

/** The neighbourhood picture: numbers per wijk and buurt, never a name. */
export function neighbourhoodRoutes(app: FastifyInstance) {
  const serve = routesFor(app);
  serve(op.getAreaPicture, (c) => getAreaPicture(c.ctx, c.params.id, c.query));
  serve(op.exportAreaReport, async (c) =>
    pdfAnswer(c.reply, await exportAreaReport(c.ctx, c.params.id, c.query)),
  );
}
