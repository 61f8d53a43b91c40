import type { SignalCategoryList } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { signalCategories } from './configuration-repository.js';

/** `GET /signal-categories`: the municipality's categories with their first-contact deadlines. */
export async function listSignalCategories(ctx: RequestContext): Promise<SignalCategoryList> {
  const items = await signalCategories(ctx.db.read);
  return { items, total: items.length };
}
