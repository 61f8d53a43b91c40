import type { ImportProgress } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { notFound } from '../../http/errors.js';
import { findImportRun, latestImportRun, progressOf } from '../imports/run-repository.js';
import { assertMayImport } from './import-access.js';

/**
 * `GET /signals/imports/:id` and `/signals/imports/current` (the caller's latest run, polled while a
 * file is read): progress of an import run, for the importer and regisseurs; anyone else gets 404.
 */
export async function getImportProgress(
  ctx: RequestContext,
  importId: string | 'current',
): Promise<ImportProgress> {
  await assertMayImport(ctx);
  const run =
    importId === 'current'
      ? await latestImportRun(ctx.db.read, ctx.userId, 'creditor')
      : await findImportRun(ctx.db.read, importId, 'creditor');
  if (!run || (run.user_id !== ctx.userId && !ctx.roles.includes('regisseur'))) {
    throw notFound('Deze import bestaat niet.');
  }
  return progressOf(run);
}
