import { earlyWarningOperations as op } from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import { routesFor } from '../../http/serve.js';
import { csvAnswer } from '../../lib/spreadsheet-csv.js';
import { getImportProgress } from './get-import-progress.js';
import { getMonitor } from './get-monitor.js';
import { importCreditorFile } from './import-creditor-file.js';

/** Why signals are processed (the same purpose as the signals module's routes record). */
const PURPOSE = 'Vroegsignalering en signalen integrale wijkaanpak';
const CSV_LIMIT = 50 * 1024 * 1024;

/** Early warning: the creditor files' import and its progress, and the Wgs monitor. */
export function earlyWarningRoutes(app: FastifyInstance) {
  const serve = routesFor(app, PURPOSE);

  serve(op.getMonitor, async (c) => {
    const answer = await getMonitor(c.ctx, c.query);
    return 'csv' in answer ? csvAnswer(c.reply, answer.csv) : answer.json;
  });

  // The creditor file is read whole (at most 50 MiB) before anything is stored: Fastify counts the
  // bytes as they arrive, so a larger file is 413 whether or not it announces its length, and no batch
  // of it can have been committed. The reader then takes it in 1 MiB slices.
  app.addContentTypeParser('text/csv', { parseAs: 'buffer', bodyLimit: CSV_LIMIT }, (_req, body, done) =>
    done(null, body),
  );
  // The body is the file's bytes as the parser above left them (a Buffer), which no schema describes:
  // the use case checks it.
  serve(op.importCreditorFile, (c) => importCreditorFile(c.ctx, c.request.body), { bodyLimit: CSV_LIMIT });

  serve(op.getCurrentImportProgress, (c) => getImportProgress(c.ctx, 'current'));
  serve(op.getImportProgress, (c) => getImportProgress(c.ctx, c.params.id));
}
