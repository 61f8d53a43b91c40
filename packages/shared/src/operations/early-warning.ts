import { idParams } from '../contract.js';
import {
  importAnswerSchema,
  importProgressSchema,
  monitorAnswerSchema,
  monitorQuerySchema,
} from '../early-warning.js';
import { operations } from '../operation.js';

const tag = 'Signalen';

/** Early warning: the creditor files' import and its progress, and the Wgs monitor. */
export const earlyWarningOperations = operations({
  /** JSON, or with `format=csv` a text/csv download. */
  getMonitor: {
    method: 'GET',
    path: '/api/v1/signals/monitor',
    auth: 'signals.read',
    tag,
    summary:
      'Monitor vroegsignalering (Wgs): per soort schuldeiser en maand de trechter; `format=csv` voor export',
    query: monitorQuerySchema,
    response: monitorAnswerSchema,
    problems: [400, 401, 403],
  },
  /** The body is the creditor file itself (text/csv), not JSON; the server reads it as bytes. */
  importCreditorFile: {
    method: 'POST',
    path: '/api/v1/signals/import',
    auth: 'signals.import',
    tag,
    summary: 'Vroegsignalen van schuldeisers importeren (text/csv, max. 50 MiB); niet voor de politie',
    consumes: ['text/csv'],
    response: importAnswerSchema,
    problems: [400, 401, 403, 413, 415],
  },
  getCurrentImportProgress: {
    method: 'GET',
    path: '/api/v1/signals/imports/current',
    auth: 'signals.import',
    tag,
    summary:
      'Voortgang van mijn lopende (of laatste) import, om te tonen terwijl het bestand wordt ingelezen',
    response: importProgressSchema,
    problems: [401, 403, 404],
  },
  getImportProgress: {
    method: 'GET',
    path: '/api/v1/signals/imports/:id',
    auth: 'signals.import',
    tag,
    summary: 'Voortgang van een import',
    params: idParams,
    response: importProgressSchema,
    problems: [400, 401, 403, 404],
  },
});
