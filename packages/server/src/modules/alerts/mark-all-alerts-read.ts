import type { RequestContext } from '../../http/context.js';
import { markAllRead } from './repository.js';

export function markAllAlertsRead(ctx: RequestContext): Promise<void> {
  return ctx.db.transaction((s) => markAllRead(s, ctx.userId));
}
