import type { CreateResidentGroup, ResidentGroup } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { invalidField } from '../../http/errors.js';
import { audit } from '../audit/record.js';
import { groupOr404, groupView } from './group-view.js';
import { activeCoordinator, insertGroup, knownAreaIds } from './repository.js';

/**
 * `POST /resident-groups` (the regisseur): a resident group in one or more wijken or buurten of the
 * municipality, with its own contact address and a coordinator (an active regisseur or professional;
 * default the creator). One transaction with the audit record.
 */
export function createResidentGroup(ctx: RequestContext, input: CreateResidentGroup): Promise<ResidentGroup> {
  return ctx.db.transaction(async (s) => {
    const known = await knownAreaIds(s, input.areaIds);
    const wrong = input.areaIds.findIndex((a) => !known.has(a));
    if (wrong >= 0) throw invalidField(`areaIds.${wrong}`, 'Kies een wijk of buurt van deze gemeente');
    const coordinatorUserId = input.coordinatorUserId ?? ctx.userId;
    if (!(await activeCoordinator(s, coordinatorUserId))) {
      throw invalidField('coordinatorUserId', 'Kies een actieve regisseur of professional van deze gemeente');
    }
    const id = await insertGroup(s, {
      name: input.name,
      kind: input.kind,
      contactEmail: input.contactEmail,
      coordinatorUserId,
      createdBy: ctx.userId,
      areaIds: [...new Set(input.areaIds)],
    });
    await audit(s, ctx, {
      action: 'create',
      objectType: 'resident_group',
      objectId: id,
      details: { kind: input.kind, coordinatorUserId },
    });
    return groupView(s, ctx, await groupOr404(s, id));
  });
}
