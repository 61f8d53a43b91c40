import type { Preferences } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { readPreferences } from './repository.js';

/** The caller's choice of alert email: immediate, a daily digest, or none. */
export function getPreferences(ctx: RequestContext): Promise<Preferences> {
  return readPreferences(ctx.db.read, ctx.userId);
}
