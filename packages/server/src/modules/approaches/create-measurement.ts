import type { CreateMeasurement, Indicator } from '@wijkregie/shared';
import { enqueueWebhookEvent } from '../../background/webhook-repository.js';
import type { RequestContext } from '../../http/context.js';
import { conflict, fieldConflict, forbidden, invalidField, notFound } from '../../http/errors.js';
import { amsterdamDate } from '../../lib/time.js';
import { raiseApproachAlert } from '../alerts/raise-alert.js';
import { audit } from '../audit/record.js';
import { indicatorView } from './approach-view.js';
import { findApproach, indicatorRows, insertMeasurement, partnerInApproach } from './repository.js';

/**
 * `POST /indicators/:id/measurements`: a value of a hand-measured indicator on a date (not in the
 * future; one a date: 409). A regisseur, or a professional of a partner in the approach (else 403).
 * Indicators counted from incidents or the survey take no measurements (409). Alerts the approach's
 * coordinator (unless they measured) in the same transaction.
 */
export function createMeasurement(
  ctx: RequestContext,
  indicatorId: string,
  input: CreateMeasurement,
): Promise<Indicator> {
  if (input.date > amsterdamDate()) throw invalidField('date', 'Een meting ligt niet in de toekomst');
  return ctx.db.transaction(async (s) => {
    const [i] = await indicatorRows(s, { id: indicatorId });
    const a = i ? await findApproach(s, i.approach_id) : undefined;
    if (!i || !a) throw notFound('Deze indicator bestaat niet.');
    if (!ctx.roles.includes('regisseur') && !(await partnerInApproach(s, a.id, ctx.partnerId))) {
      throw forbidden('Alleen de partners van deze wijkaanpak leggen metingen vast.');
    }
    if (i.source !== 'manual') throw conflict('Deze indicator wordt niet met de hand gemeten.');
    if (!(await insertMeasurement(s, indicatorId, { ...input, userId: ctx.userId }))) {
      throw fieldConflict('date', 'Op deze datum is al een meting');
    }
    await audit(s, ctx, {
      action: 'update',
      objectType: 'indicator',
      objectId: indicatorId,
      details: { date: input.date },
    });
    await enqueueWebhookEvent(s, 'nl.wijkregie.indicator.updated', {
      indicatorId,
      approachId: a.id,
      areaId: a.area_id,
      change: 'measured',
      measuredOn: input.date,
      updatedAt: new Date().toISOString(),
    });
    await raiseApproachAlert(s, ctx.publicUrl, {
      kind: 'indicator_measured',
      approachId: a.id,
      actorUserId: ctx.userId,
    });
    const [fresh] = await indicatorRows(s, { id: indicatorId });
    if (!fresh) throw new Error('the indicator is gone');
    return indicatorView(s, a, fresh);
  });
}
