import type { CreateSignalCategory, SignalCategoryView } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { conflict } from '../../http/errors.js';
import { audit } from '../audit/record.js';
import { insertSignalCategory } from './configuration-repository.js';

/** `POST /signal-categories`: a new category of the municipality, audited. */
export function createSignalCategory(
  ctx: RequestContext,
  c: CreateSignalCategory,
): Promise<SignalCategoryView> {
  return ctx.db.transaction(async (s) => {
    if (!(await insertSignalCategory(s, c))) throw conflict('Deze categorie bestaat al.');
    await audit(s, ctx, { action: 'create', objectType: 'signal_category', details: { key: c.key } });
    return c;
  });
}
