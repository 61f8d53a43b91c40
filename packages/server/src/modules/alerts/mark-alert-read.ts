import { viewerOf } from '../../access/viewer.js';
import type { RequestContext } from '../../http/context.js';
import { notFound } from '../../http/errors.js';
import { markRead } from './repository.js';

/** Marks one of the caller's alerts read; 404 when it is not theirs or no longer visible. */
export async function markAlertRead(ctx: RequestContext, id: string): Promise<void> {
  const ok = await ctx.db.transaction((s) => markRead(s, viewerOf(ctx), id));
  if (!ok) throw notFound('Deze notificatie bestaat niet.');
}
