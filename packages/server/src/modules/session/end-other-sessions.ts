import type { RequestContext } from '../../http/context.js';
import { endOwnSessions, forgetSessions } from './repository.js';

/** `DELETE /session/sessions`: "overal anders uitloggen" — every own live session but this one ends. */
export async function endOtherSessions(ctx: RequestContext): Promise<void> {
  const ended = await ctx.db.transaction((s) =>
    endOwnSessions(s.q, s.tenantId, ctx.userId, { except: ctx.sessionId }),
  );
  forgetSessions(ended);
}
