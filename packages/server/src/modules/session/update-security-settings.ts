import { ROLES, type SecuritySettings } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { audit } from '../audit/record.js';
import { mfaRequiredRoles, saveMfaRequiredRoles } from './totp-repository.js';

/**
 * `PUT /settings/security` (admin): which roles must use tweestapsverificatie. Takes effect at the next
 * login of each user: one of such a role without TOTP gets a session that may only enrol. Audited
 * with the roles before and after.
 */
export function updateSecuritySettings(
  ctx: RequestContext,
  input: SecuritySettings,
): Promise<SecuritySettings> {
  const roles = ROLES.filter((r) => input.mfaRequiredRoles.includes(r));
  return ctx.db.transaction(async (s) => {
    const before = await mfaRequiredRoles(s.q, s.tenantId);
    await saveMfaRequiredRoles(s.q, s.tenantId, roles);
    await audit(s, ctx, {
      action: 'update',
      objectType: 'tenant',
      objectId: ctx.tenantId,
      details: { mfaRequiredRoles: { from: before, to: roles } },
    });
    return { mfaRequiredRoles: roles };
  });
}
