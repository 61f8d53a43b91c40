import type { Approach, CreateApproachLink } from '@wijkregie/shared';
import { viewerOf } from '../../access/viewer.js';
import type { RequestContext } from '../../http/context.js';
import { conflict, notFound } from '../../http/errors.js';
import { raiseApproachAlert } from '../alerts/raise-alert.js';
import { audit } from '../audit/record.js';
import { approachView } from './approach-view.js';
import { findApproach, insertLink, linkTargetVisible } from './repository.js';

const TARGET_NOT_FOUND = {
  case: 'Deze casus bestaat niet of is niet zichtbaar voor jou.',
  signal: 'Dit signaal bestaat niet of is niet zichtbaar voor jou.',
  meeting: 'Dit overleg bestaat niet of is niet zichtbaar voor jou.',
} as const;

/**
 * `POST /approaches/:id/links` (the regisseur): ties a case, signal or meeting of the municipality that
 * the caller may open to the approach (404 for an unknown approach or target, 409 when it is tied
 * already). In one transaction with the audit record and the alert to the approach's coordinator.
 * Answers the approach with its links.
 */
export function linkToApproach(
  ctx: RequestContext,
  approachId: string,
  input: CreateApproachLink,
): Promise<Approach> {
  const viewer = viewerOf(ctx);
  return ctx.db.transaction(async (s) => {
    if (!(await findApproach(s, approachId))) throw notFound('Deze wijkaanpak bestaat niet.');
    if (!(await linkTargetVisible(s, viewer, input.kind, input.id))) {
      throw notFound(TARGET_NOT_FOUND[input.kind]);
    }
    if (!(await insertLink(s, approachId, { kind: input.kind, id: input.id, userId: ctx.userId }))) {
      throw conflict('Dit is al aan de wijkaanpak gekoppeld.');
    }
    await audit(s, ctx, {
      action: 'update',
      objectType: 'approach',
      objectId: approachId,
      details: { linked: { kind: input.kind, id: input.id } },
    });
    await raiseApproachAlert(s, ctx.publicUrl, {
      kind: 'approach_changed',
      approachId,
      actorUserId: ctx.userId,
    });
    return approachView(s, approachId, viewer);
  });
}
