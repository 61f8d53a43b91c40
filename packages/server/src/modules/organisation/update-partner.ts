import type { PartnerWithStatus, UpdatePartner } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { conflict, fieldConflict, notFound } from '../../http/errors.js';
import { audit } from '../audit/record.js';
import { endSessionsOf, forgetSessions } from '../session/repository.js';
import { activeAdminsOutside, lockPartner, partnerNameTaken, updatePartnerRow } from './repository.js';

const NOT_FOUND = 'Deze partner bestaat niet.';

/**
 * `PATCH /partners/:id` (admin): rename, deactivate or activate again. A deactivated partner's users
 * can no longer log in and their sessions end at once, on every instance; the partner is no longer
 * offered for new cases, actions and meetings, but stays on what it took part in (its name too).
 * Reactivating brings back exactly the accounts that were active before: their own flag is untouched.
 */
export async function updatePartner(
  ctx: RequestContext,
  id: string,
  u: UpdatePartner,
): Promise<PartnerWithStatus> {
  const { partner, sessions } = await ctx.db.transaction(async (s) => {
    const before = await lockPartner(s, id);
    if (!before) throw notFound(NOT_FOUND);
    if (u.name !== undefined && (await partnerNameTaken(s, u.name, id))) {
      throw fieldConflict('name', 'Er is al een partner met deze naam');
    }
    const deactivating = before.active && u.active === false;
    if (deactivating && (id === ctx.partnerId || (await activeAdminsOutside(s, id)) === 0)) {
      throw conflict(
        id === ctx.partnerId
          ? 'Je kunt je eigen organisatie niet deactiveren.'
          : 'Er moet minstens één actieve beheerder overblijven; die hoort bij deze partner.',
        [{ path: 'active', message: 'Dan kan niemand meer inloggen om gebruikers te beheren' }],
      );
    }
    await updatePartnerRow(s, id, u);
    const after = {
      ...before,
      ...(u.name !== undefined ? { name: u.name } : {}),
      active: u.active ?? before.active,
    };
    const fields = [
      ...(before.name !== after.name ? ['name'] : []),
      ...(before.active !== after.active ? ['active'] : []),
    ];
    if (!fields.length) return { partner: after, sessions: [] };
    const sessions = deactivating ? await endSessionsOf(s.q, s.tenantId, { partnerId: id }) : [];
    await audit(s, ctx, {
      action: 'update',
      objectType: 'partner',
      objectId: id,
      details: {
        fields,
        ...(fields.includes('name') ? { name: { from: before.name, to: after.name } } : {}),
        ...(fields.includes('active') ? { active: after.active } : {}),
        ...(deactivating ? { sessionsEnded: sessions.length } : {}),
      },
    });
    return { partner: after, sessions };
  });
  forgetSessions(sessions);
  return partner;
}
