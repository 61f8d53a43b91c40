import { canMaintainSocialMapEntry } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { forbidden, notFound } from '../../http/errors.js';
import { audit } from '../audit/record.js';
import { deactivateEntry, lockEntryPartner } from './repository.js';

/**
 * `DELETE /social-map/:id`: takes a person of the caller's own partner (the regisseur: anyone) off the
 * map; another partner's is 403, one not on this municipality's map 404. The row stays, inactive. One
 * transaction with the audit record.
 */
export function deleteSocialMapEntry(ctx: RequestContext, id: string): Promise<void> {
  return ctx.db.transaction(async (s) => {
    const partnerId = await lockEntryPartner(s, id);
    if (partnerId === undefined) throw notFound('Deze persoon staat niet op de sociale kaart.');
    if (!canMaintainSocialMapEntry(ctx, partnerId))
      throw forbidden('Je houdt alleen de mensen van je eigen organisatie bij op de sociale kaart.');
    await deactivateEntry(s, id);
    await audit(s, ctx, { action: 'delete', objectType: 'social_map_entry', objectId: id });
  });
}
