import type { Preferences } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { readPreferences, writePreferences } from './repository.js';

export function updatePreferences(ctx: RequestContext, p: Preferences): Promise<Preferences> {
  return ctx.db.transaction(async (s) => {
    await writePreferences(s, ctx.userId, p.email);
    return readPreferences(s, ctx.userId);
  });
}
