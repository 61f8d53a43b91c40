import { canMaintainSocialMapEntry } from '@wijkregie/shared';
import type { TenantScope } from '../../db/scope.js';
import type { RequestContext } from '../../http/context.js';
import { forbidden, invalidField } from '../../http/errors.js';
import { activePartnerIds } from '../organisation/repository.js';
import { existingAreaIds } from './repository.js';

/**
 * The checks a change to the map shares: the caller may keep people of `partnerId` current (their own
 * partner; the regisseur any) — else 403; the partner is an active one of the municipality and the areas
 * are its wijken and buurten — else 400 naming the field.
 */
export async function checkEntry(
  s: TenantScope,
  ctx: RequestContext,
  v: { partnerId?: string; areaIds?: readonly string[] },
): Promise<void> {
  if (v.partnerId !== undefined) {
    if (!canMaintainSocialMapEntry(ctx, v.partnerId))
      throw forbidden('Je houdt alleen de mensen van je eigen organisatie bij op de sociale kaart.');
    if (!(await activePartnerIds(s, [v.partnerId])).has(v.partnerId))
      throw invalidField('partnerId', 'Kies een actieve organisatie van deze gemeente');
  }
  if (v.areaIds !== undefined) {
    const known = await existingAreaIds(s, v.areaIds);
    const wrong = v.areaIds.findIndex((a) => !known.has(a));
    if (wrong >= 0) throw invalidField(`areaIds.${wrong}`, 'Kies een wijk of buurt van deze gemeente');
  }
}
