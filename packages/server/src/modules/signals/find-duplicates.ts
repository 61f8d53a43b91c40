import type { SignalList } from '@wijkregie/shared';
import { viewerOf } from '../../access/viewer.js';
import type { RequestContext } from '../../http/context.js';
import { amsterdamDate } from '../../lib/time.js';
import { duplicateCandidates } from './repository.js';
import { present, visibleSignal } from './signal-view.js';

/** `GET /signals/:id/duplicates`: likely duplicates the caller may see (same category, near, recent). */
export async function findDuplicates(ctx: RequestContext, id: string): Promise<SignalList> {
  const s = ctx.db.read;
  const sig = await visibleSignal(s, ctx, id);
  const items = (await duplicateCandidates(s, viewerOf(ctx), sig, amsterdamDate())).map(present);
  return { items, total: items.length };
}
