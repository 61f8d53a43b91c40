import type { ApproachLinkKind } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { notFound } from '../../http/errors.js';
import { raiseApproachAlert } from '../alerts/raise-alert.js';
import { audit } from '../audit/record.js';
import { deleteLink, findApproach } from './repository.js';

/**
 * `DELETE /approaches/:id/links/:kind/:targetId` (the regisseur): unties a case, signal or meeting from
 * the approach (404 when the approach is unknown or the target is not tied to it). In one transaction
 * with the audit record and the alert to the approach's coordinator.
 */
export function unlinkFromApproach(
  ctx: RequestContext,
  params: { id: string; kind: ApproachLinkKind; targetId: string },
): Promise<void> {
  return ctx.db.transaction(async (s) => {
    if (!(await findApproach(s, params.id))) throw notFound('Deze wijkaanpak bestaat niet.');
    if (!(await deleteLink(s, params.id, { kind: params.kind, id: params.targetId }))) {
      throw notFound('Dit is niet aan de wijkaanpak gekoppeld.');
    }
    await audit(s, ctx, {
      action: 'update',
      objectType: 'approach',
      objectId: params.id,
      details: { unlinked: { kind: params.kind, id: params.targetId } },
    });
    await raiseApproachAlert(s, ctx.publicUrl, {
      kind: 'approach_changed',
      approachId: params.id,
      actorUserId: ctx.userId,
    });
  });
}
