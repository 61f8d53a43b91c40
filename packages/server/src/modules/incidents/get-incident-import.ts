import type { ImportProgress } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { notFound } from '../../http/errors.js';
import { latestImportRun, progressOf } from '../imports/run-repository.js';

/** `GET /incidents/imports/current`: how far the caller's latest incident import is (polled while reading). */
export async function getIncidentImport(ctx: RequestContext): Promise<ImportProgress> {
  const run = await latestImportRun(ctx.db.read, ctx.userId, 'incidents');
  if (!run) throw notFound('Je hebt nog geen incidenten geïmporteerd.');
  return progressOf(run);
}
