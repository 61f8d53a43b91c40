import {
  type RecordVisitOutcome,
  signalTransition,
  triagesSignal,
  VISIT_OUTCOME_LABELS,
  type Visit,
  type VisitOutcome,
} from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { conflict, forbidden, invalidField, notFound } from '../../http/errors.js';
import { audit } from '../audit/record.js';
import { existingPartnerIds } from '../matrix/repository.js';
import { addSignalHistory, updateSignalRow } from './repository.js';
import { visibleSignal } from './signal-view.js';
import { findVisit, insertVisit, storeVisitOutcome, visitById } from './visit-repository.js';

/** Where the signal goes after a visit's outcome (none: it stays where it is). */
const NEXT_STATUS: Record<VisitOutcome, 'contacted' | 'referred' | 'closed' | null> = {
  not_home: null,
  contact: 'contacted',
  help_accepted: 'contacted',
  referred: 'referred',
  declined: 'closed',
};

/**
 * `POST /visits/:id/outcome`: the outcome of a visit, recorded once; a next attempt is a new visit.
 * The signal follows: contact → contacted, referral → referred, declined → closed, not at home with a
 * next date → a new visit.
 */
export function recordVisitOutcome(
  ctx: RequestContext,
  visitId: string,
  input: RecordVisitOutcome,
): Promise<Visit> {
  return ctx.db.transaction(async (s) => {
    const visit = await findVisit(s, visitId, true);
    if (!visit) throw notFound('Dit huisbezoek bestaat niet.');
    const sig = await visibleSignal(s, ctx, visit.signalId, true);
    const mine =
      visit.visitorUserId === ctx.userId ||
      (visit.visitorUserId === null && visit.partnerId === ctx.partnerId);
    if (!mine && !triagesSignal(ctx, sig)) throw forbidden('Dit huisbezoek is niet van jou.');
    if (visit.outcome) throw conflict('De uitkomst van dit bezoek is al vastgelegd; plan een nieuw bezoek.');
    if (input.outcome === 'referred') {
      if (!input.referredPartnerId)
        throw invalidField('referredPartnerId', 'Kies naar welke partner is doorverwezen');
      if (!(await existingPartnerIds(s, [input.referredPartnerId])).has(input.referredPartnerId)) {
        throw invalidField('referredPartnerId', 'Onbekende partner');
      }
    }
    await storeVisitOutcome(s, visitId, {
      outcome: input.outcome,
      referredPartnerId: input.outcome === 'referred' ? (input.referredPartnerId ?? null) : null,
      nextStep: input.nextStep ?? null,
      nextDate: input.nextDate ?? null,
      notes: input.notes ?? null,
    });
    const to = NEXT_STATUS[input.outcome];
    if (to && to !== sig.status && signalTransition(sig.status, to) !== 'invalid') {
      await updateSignalRow(s, sig.id, {
        status: to,
        ...(input.outcome === 'declined' ? { outcome: 'Hulp afgewezen bij huisbezoek' } : {}),
      });
    }
    if (input.nextDate) {
      await insertVisit(s, {
        signalId: sig.id,
        plannedDate: input.nextDate,
        visitorUserId: visit.visitorUserId,
        partnerId: visit.partnerId,
        createdBy: ctx.userId,
      });
    }
    await addSignalHistory(s, sig.id, ctx.userId, {
      visit: { id: visitId, outcome: input.outcome, label: VISIT_OUTCOME_LABELS[input.outcome] },
    });
    await audit(s, ctx, {
      action: 'update',
      objectType: 'visit',
      objectId: visitId,
      personIds: sig.personIds,
      processingActivityId: sig.processingActivityId,
      details: { outcome: input.outcome },
    });
    return visitById(s, visitId);
  });
}
