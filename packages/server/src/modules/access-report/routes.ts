import { accessReportOperations as op } from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import { routesFor } from '../../http/serve.js';
import { pdfAnswer } from '../../lib/pdf.js';
import { exportAccessReportPdf } from './export-access-report-pdf.js';
import { getAccessReport } from './get-access-report.js';

/** The access report of a person (AVG art. 15), as JSON or as a letter (PDF). */
export function accessReportRoutes(app: FastifyInstance) {
  const serve = routesFor(app, 'Inzageverzoek van de betrokkene (AVG art. 15)');
  serve(op.getAccessReport, async (c) =>
    c.query.format === 'pdf'
      ? // The PDF's bytes are sent as they are; the answer's schema names them a string (the document's PDF).
        (pdfAnswer(c.reply, await exportAccessReportPdf(c.ctx, c.params.id)) as unknown as string)
      : withoutSender(await getAccessReport(c.ctx, c.params.id, 'json')),
  );
}

/** The JSON answer is the report itself (the municipality's name is for the letter). */
const withoutSender = <T extends { municipality: string }>({ municipality: _, ...report }: T) => report;
