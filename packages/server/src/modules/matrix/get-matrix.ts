import type { Matrix } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { fullMatrix } from './repository.js';

/** The whole authorisation matrix (who may read what is itself audited when read). */
export async function getMatrix(ctx: RequestContext): Promise<Matrix> {
  const cells = await fullMatrix(ctx.db.read);
  await ctx.auditRead([{ action: 'read', objectType: 'matrix' }]);
  return { cells };
}
