import type { SecuritySettings } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { mfaRequiredRoles } from './totp-repository.js';

/** `GET /settings/security` (admin): the roles that must log in with tweestapsverificatie. */
export async function getSecuritySettings(ctx: RequestContext): Promise<SecuritySettings> {
  const s = ctx.db.read;
  return { mfaRequiredRoles: await mfaRequiredRoles(s.q, s.tenantId) };
}
