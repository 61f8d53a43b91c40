import type { AlertList, AlertListQuery } from '@wijkregie/shared';
import { viewerOf } from '../../access/viewer.js';
import type { RequestContext } from '../../http/context.js';
import { countUnread, findAlerts } from './repository.js';

/** A page of the caller's alerts about what they may still see, and how many of all are unread. */
export async function listAlerts(ctx: RequestContext, q: AlertListQuery): Promise<AlertList> {
  const s = ctx.db.read;
  const v = viewerOf(ctx);
  const page = { limit: q.limit, offset: q.offset };
  const [list, n] = await Promise.all([
    findAlerts(s, v, { unread: q.unread === 'true' }, page, { sort: q.sort, order: q.order }),
    countUnread(s, v),
  ]);
  return { ...list, unread: n };
}
