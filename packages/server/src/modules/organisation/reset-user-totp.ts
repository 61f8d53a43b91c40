import type { RequestContext } from '../../http/context.js';
import { notFound } from '../../http/errors.js';
import { audit } from '../audit/record.js';
import { deleteTotp } from '../session/totp-repository.js';
import { lockUser } from './repository.js';

/**
 * `DELETE /users/:id/totp` (admin): a user lost their authenticator: their secret and recovery codes
 * go, so they log in with their password again (and set up TOTP anew, at once when their role
 * requires it). Audited, also when there was nothing to reset (`hadTotp`).
 */
export async function resetUserTotp(ctx: RequestContext, id: string): Promise<void> {
  await ctx.db.transaction(async (s) => {
    if (!(await lockUser(s, id))) throw notFound('Deze gebruiker bestaat niet.');
    const hadTotp = await deleteTotp(s.q, s.tenantId, id);
    await audit(s, ctx, {
      action: 'update',
      objectType: 'user',
      objectId: id,
      details: { totp: 'reset', hadTotp },
    });
  });
}
