import type { UpdateUser, UserWithStatus } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { conflict, fieldConflict, invalidField, notFound } from '../../http/errors.js';
import { audit } from '../audit/record.js';
import { endSessionsOf, forgetSessions, refreshSessionsOf } from '../session/repository.js';
import { findPartner, lockUser, otherActiveAdmins, updateUserRow } from './repository.js';

const NOT_FOUND = 'Deze gebruiker bestaat niet.';

/**
 * `PATCH /users/:id` (admin): name, roles, organisation, and whether the account may still be used.
 * Deactivating ends the user's sessions at once, on every instance (the logout's NOTIFY); the user
 * stays, so their name stays on everything they did, and can be activated again. A change of roles
 * or organisation keeps the sessions but every instance drops what it cached of them, so the next
 * request is served with the new rights. Somebody must be left who can manage users: the last
 * active admin cannot be deactivated, lose the admin role or move to an inactive organisation.
 */
export async function updateUser(ctx: RequestContext, id: string, u: UpdateUser): Promise<UserWithStatus> {
  const { user, sessions } = await ctx.db.transaction(async (s) => {
    const before = await lockUser(s, id);
    if (!before) throw notFound(NOT_FOUND);
    if (u.partnerId !== undefined && u.partnerId !== before.partnerId) {
      const partner = await findPartner(s, u.partnerId);
      if (!partner) throw invalidField('partnerId', 'Onbekende partner');
      if (!partner.active) throw invalidField('partnerId', 'Deze partner is gedeactiveerd');
    }
    if (id === ctx.userId && u.active === false) {
      throw fieldConflict('active', 'Je kunt je eigen account niet deactiveren');
    }
    const staysAdmin = u.active !== false && (u.roles ?? before.roles).includes('admin');
    if (
      before.roles.includes('admin') &&
      before.active &&
      !staysAdmin &&
      (await otherActiveAdmins(s, id)) === 0
    ) {
      const field = u.active === false ? 'active' : 'roles';
      throw conflict('Er moet minstens één actieve beheerder overblijven.', [
        { path: field, message: 'Dit is de laatste actieve beheerder' },
      ]);
    }
    const after = await updateUserRow(s, id, u);
    const changed = changedFields(before, after);
    if (!changed.length) return { user: after, sessions: [] };
    const deactivated = before.active && !after.active;
    const rightsChanged = changed.includes('roles') || changed.includes('partnerId');
    const sessions = deactivated
      ? await endSessionsOf(s.q, s.tenantId, { userId: id })
      : rightsChanged || changed.includes('name')
        ? await refreshSessionsOf(s.q, s.tenantId, id)
        : [];
    // What changed, not the values of name or email (those stay in the users table); roles,
    // organisation and active are the rights themselves, which an auditor must be able to follow.
    await audit(s, ctx, {
      action: 'update',
      objectType: 'user',
      objectId: id,
      details: {
        fields: changed,
        ...(changed.includes('roles') ? { roles: { from: before.roles, to: after.roles } } : {}),
        ...(changed.includes('partnerId')
          ? { partnerId: { from: before.partnerId, to: after.partnerId } }
          : {}),
        ...(changed.includes('active') ? { active: after.active } : {}),
        ...(deactivated ? { sessionsEnded: sessions.length } : {}),
      },
    });
    return { user: after, sessions };
  });
  forgetSessions(sessions);
  return user;
}

function changedFields(before: UserWithStatus, after: UserWithStatus): string[] {
  const out: string[] = [];
  if (before.name !== after.name) out.push('name');
  if (before.roles.join() !== after.roles.join()) out.push('roles');
  if (before.partnerId !== after.partnerId) out.push('partnerId');
  if (before.active !== after.active) out.push('active');
  return out;
}
