import type { CreateIndicator, Indicator } from '@wijkregie/shared';
import { enqueueWebhookEvent } from '../../background/webhook-repository.js';
import type { RequestContext } from '../../http/context.js';
import { invalidField, notFound } from '../../http/errors.js';
import { raiseApproachAlert } from '../alerts/raise-alert.js';
import { audit } from '../audit/record.js';
import { incidentCategoryExists } from '../incidents/repository.js';
import { indicatorView } from './approach-view.js';
import { findApproach, indicatorRows, insertIndicator } from './repository.js';

/**
 * `POST /approaches/:id/indicators` (the regisseur): an indicator with its baseline, target and
 * direction, measured by hand, counted from the incidents of a kind (400 `incidentCategory` for a kind
 * the municipality does not have), or from the survey. Alerts the approach's coordinator (unless they
 * added it) in the same transaction.
 */
export function createIndicator(
  ctx: RequestContext,
  approachId: string,
  input: CreateIndicator,
): Promise<Indicator> {
  return ctx.db.transaction(async (s) => {
    const a = await findApproach(s, approachId);
    if (!a) throw notFound('Deze wijkaanpak bestaat niet.');
    if (input.source === 'incidents' && !(await incidentCategoryExists(s, input.incidentCategory ?? ''))) {
      throw invalidField('incidentCategory', 'Onbekende soort incident');
    }
    const id = await insertIndicator(s, approachId, {
      name: input.name,
      unit: input.unit,
      baseline: input.baseline,
      target: input.target,
      direction: input.direction,
      source: input.source,
      incidentCategory: input.source === 'incidents' ? (input.incidentCategory ?? null) : null,
      surveyIndicator: input.source === 'survey' ? (input.surveyIndicator ?? null) : null,
    });
    await audit(s, ctx, { action: 'create', objectType: 'indicator', objectId: id, details: { approachId } });
    await enqueueWebhookEvent(s, 'nl.wijkregie.indicator.updated', {
      indicatorId: id,
      approachId,
      areaId: a.area_id,
      change: 'added',
      updatedAt: new Date().toISOString(),
    });
    await raiseApproachAlert(s, ctx.publicUrl, {
      kind: 'approach_changed',
      approachId,
      actorUserId: ctx.userId,
    });
    const [row] = await indicatorRows(s, { id });
    if (!row) throw new Error('the indicator just stored is gone');
    return indicatorView(s, a, row);
  });
}
