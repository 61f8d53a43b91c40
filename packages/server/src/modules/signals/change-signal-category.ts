import type { SignalCategoryView, UpdateSignalCategory } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { notFound } from '../../http/errors.js';
import { audit } from '../audit/record.js';
import { updateSignalCategory } from './configuration-repository.js';

/** `PATCH /signal-categories/:key`: changes the fields given (name, deadline, open to residents), audited. */
export function changeSignalCategory(
  ctx: RequestContext,
  key: string,
  u: UpdateSignalCategory,
): Promise<SignalCategoryView> {
  return ctx.db.transaction(async (s) => {
    const changed = await updateSignalCategory(s, key, u);
    if (!changed) throw notFound('Deze categorie bestaat niet.');
    await audit(s, ctx, { action: 'update', objectType: 'signal_category', details: { key, ...u } });
    return changed;
  });
}
