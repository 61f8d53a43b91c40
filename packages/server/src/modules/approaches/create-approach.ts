import type { Approach, CreateApproach } from '@wijkregie/shared';
import { viewerOf } from '../../access/viewer.js';
import type { RequestContext } from '../../http/context.js';
import { invalidField } from '../../http/errors.js';
import { findArea } from '../areas/repository.js';
import { audit } from '../audit/record.js';
import { activePartnerIds } from '../organisation/repository.js';
import { approachView } from './approach-view.js';
import { activeRegisseur, insertApproach } from './repository.js';

/**
 * `POST /approaches` (the regisseur): an area approach for a wijk or buurt of the municipality with its
 * joint goal and its partners (active ones of this municipality), each with what it commits to. The
 * caller coordinates it, or the active regisseur named in `coordinatorUserId`. One transaction with the
 * audit record.
 */
export function createApproach(ctx: RequestContext, input: CreateApproach): Promise<Approach> {
  return ctx.db.transaction(async (s) => {
    if (!(await findArea(s, input.areaId)))
      throw invalidField('areaId', 'Kies een wijk of buurt van deze gemeente');
    const partnerIds = [...new Set(input.partnerIds)];
    const active = await activePartnerIds(s, partnerIds);
    const wrong = input.partnerIds.findIndex((p) => !active.has(p));
    if (wrong >= 0) throw invalidField(`partnerIds.${wrong}`, 'Geen actieve partner van deze gemeente');
    const coordinatorUserId = input.coordinatorUserId ?? ctx.userId;
    if (coordinatorUserId !== ctx.userId && !(await activeRegisseur(s, coordinatorUserId))) {
      throw invalidField('coordinatorUserId', 'Kies een actieve regisseur van deze gemeente');
    }
    const commitments = new Map(input.commitments.map((c) => [c.partnerId, c.text]));
    const id = await insertApproach(s, {
      areaId: input.areaId,
      title: input.title,
      jointGoal: input.jointGoal,
      startDate: input.startDate,
      endDate: input.endDate ?? null,
      coordinatorUserId,
      partners: partnerIds.map((partnerId) => ({
        partnerId,
        commitment: commitments.get(partnerId) ?? null,
      })),
    });
    await audit(s, ctx, {
      action: 'create',
      objectType: 'approach',
      objectId: id,
      details: coordinatorUserId === ctx.userId ? null : { coordinatorUserId },
    });
    return approachView(s, id, viewerOf(ctx));
  });
}
