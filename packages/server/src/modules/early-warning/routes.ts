import {
  idParams,
  importAnswerSchema,
  importProgressSchema,
  monitorAnswerSchema,
  monitorQuerySchema,
} from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf } from '../../http/context.js';
import { problemResponses } from '../../http/openapi.js';
import { sendCsv } from '../../lib/spreadsheet-csv.js';
import { getImportProgress } from './get-import-progress.js';
import { getMonitor } from './get-monitor.js';
import { importCreditorFile } from './import-creditor-file.js';

const PURPOSE = 'Vroegsignalering en signalen integrale wijkaanpak';
const TAGS = ['Signalen'];
const CSV_LIMIT = 50 * 1024 * 1024;

/** Early warning: the creditor files' import and its progress, and the Wgs monitor. */
export function earlyWarningRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const importing = { auth: 'signals.import', purpose: PURPOSE } as const;

  r.get(
    '/api/v1/signals/monitor',
    {
      config: { auth: 'signals.read', purpose: PURPOSE },
      schema: {
        tags: TAGS,
        summary:
          'Monitor vroegsignalering (Wgs): per soort schuldeiser en maand de trechter; `format=csv` voor export',
        querystring: monitorQuerySchema,
        response: { 200: monitorAnswerSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (req, reply) => {
      const answer = await getMonitor(ctxOf(req), req.query);
      return 'csv' in answer ? sendCsv(reply, answer.csv) : answer.json;
    },
  );

  // The creditor file is read whole (at most 50 MiB) before anything is stored: Fastify counts the
  // bytes as they arrive, so a larger file is 413 whether or not it announces its length, and no batch
  // of it can have been committed. The reader then takes it in 1 MiB slices.
  app.addContentTypeParser('text/csv', { parseAs: 'buffer', bodyLimit: CSV_LIMIT }, (_req, body, done) =>
    done(null, body),
  );
  r.post(
    '/api/v1/signals/import',
    {
      config: importing,
      bodyLimit: CSV_LIMIT,
      schema: {
        tags: TAGS,
        summary: 'Vroegsignalen van schuldeisers importeren (text/csv, max. 50 MiB); niet voor de politie',
        consumes: ['text/csv'],
        response: { 200: importAnswerSchema, ...problemResponses(400, 401, 403, 413, 415) },
      },
    },
    async (req) => importCreditorFile(ctxOf(req), req.body),
  );

  r.get(
    '/api/v1/signals/imports/current',
    {
      config: importing,
      schema: {
        tags: TAGS,
        summary:
          'Voortgang van mijn lopende (of laatste) import, om te tonen terwijl het bestand wordt ingelezen',
        response: { 200: importProgressSchema, ...problemResponses(401, 403, 404) },
      },
    },
    async (req) => getImportProgress(ctxOf(req), 'current'),
  );

  r.get(
    '/api/v1/signals/imports/:id',
    {
      config: importing,
      schema: {
        tags: TAGS,
        summary: 'Voortgang van een import',
        params: idParams,
        response: { 200: importProgressSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => getImportProgress(ctxOf(req), req.params.id),
  );
}
