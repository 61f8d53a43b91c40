import { canMaintainSocialMapEntry, type SocialMapEntry, type UpdateSocialMapEntry } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { forbidden, notFound } from '../../http/errors.js';
import { audit } from '../audit/record.js';
import { checkEntry } from './check-entry.js';
import { findEntry, lockEntryPartner, updateEntry } from './repository.js';

/**
 * `PATCH /social-map/:id`: a person of the caller's own partner (the regisseur: anyone) — another
 * partner's is 403, one that is not on this municipality's map 404. Moving someone to another partner
 * needs the right to keep that partner's people too. One transaction with the audit record.
 */
export function updateSocialMapEntry(
  ctx: RequestContext,
  id: string,
  input: UpdateSocialMapEntry,
): Promise<SocialMapEntry> {
  return ctx.db.transaction(async (s) => {
    const partnerId = await lockEntryPartner(s, id);
    if (partnerId === undefined) throw notFound('Deze persoon staat niet op de sociale kaart.');
    if (!canMaintainSocialMapEntry(ctx, partnerId))
      throw forbidden('Je houdt alleen de mensen van je eigen organisatie bij op de sociale kaart.');
    await checkEntry(s, ctx, { partnerId: input.partnerId, areaIds: input.areaIds });
    await updateEntry(s, id, {
      ...input,
      ...(input.areaIds ? { areaIds: [...new Set(input.areaIds)] } : {}),
    });
    await audit(s, ctx, {
      action: 'update',
      objectType: 'social_map_entry',
      objectId: id,
      details: { fields: Object.keys(input) },
    });
    const entry = await findEntry(s, id);
    if (!entry) throw new Error('social map entry vanished in its own transaction');
    return entry;
  });
}
