import type { TotpStatus } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { findTotp, recoveryCodesLeft } from './totp-repository.js';

/** `GET /session/totp`: whether the logged-in user has confirmed tweestapsverificatie. */
export async function totpStatus(ctx: RequestContext): Promise<TotpStatus> {
  const s = ctx.db.read;
  const totp = await findTotp(s.q, s.tenantId, ctx.userId);
  const enabled = totp?.confirmed === true;
  return { enabled, recoveryCodesLeft: enabled ? await recoveryCodesLeft(s.q, s.tenantId, ctx.userId) : 0 };
}
