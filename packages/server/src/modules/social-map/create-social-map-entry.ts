import type { CreateSocialMapEntry, SocialMapEntry } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { audit } from '../audit/record.js';
import { checkEntry } from './check-entry.js';
import { findEntry, insertEntry } from './repository.js';

/**
 * `POST /social-map`: a professional on the map, of the caller's own partner (the regisseur: of any
 * partner, 403 otherwise). One transaction with the audit record.
 */
export function createSocialMapEntry(
  ctx: RequestContext,
  input: CreateSocialMapEntry,
): Promise<SocialMapEntry> {
  return ctx.db.transaction(async (s) => {
    await checkEntry(s, ctx, input);
    const id = await insertEntry(s, {
      name: input.name,
      partnerId: input.partnerId,
      role: input.role,
      areaIds: [...new Set(input.areaIds)],
      phone: input.phone ?? null,
      email: input.email ?? null,
      availability: input.availability ?? null,
    });
    await audit(s, ctx, {
      action: 'create',
      objectType: 'social_map_entry',
      objectId: id,
      details: { partnerId: input.partnerId, role: input.role },
    });
    const entry = await findEntry(s, id);
    if (!entry) throw new Error('social map entry vanished in its own transaction');
    return entry;
  });
}
