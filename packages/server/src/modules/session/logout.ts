import type { SystemDb } from '../../db/scope.js';
import type { RequestContext } from '../../http/context.js';
import { endSession } from './repository.js';

/** Ends the request's session here and, through NOTIFY, on every other instance. */
export function logout(system: SystemDb, ctx: RequestContext): Promise<void> {
  return endSession(system.db, ctx.sessionId);
}
