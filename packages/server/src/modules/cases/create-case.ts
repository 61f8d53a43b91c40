import type { Case, CreateCase } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { createCaseIn } from './create-case-in.js';

/** `POST /cases`: a new case in its own transaction. */
export function createCase(ctx: RequestContext, input: CreateCase): Promise<Case> {
  return ctx.db.transaction((s) => createCaseIn(s, ctx, input));
}
