import type { PlanVisit, Visit } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { conflict, invalidField } from '../../http/errors.js';
import { audit } from '../audit/record.js';
import { addSignalHistory, updateSignalRow } from './repository.js';
import { assertTriages, visibleSignal } from './signal-view.js';
import { activeUserPartner, insertVisit, visitById } from './visit-repository.js';

/**
 * `POST /signals/:id/visits`: plans a home visit (by a named colleague or the caller's partner); a
 * new or triaged signal moves to `visit_planned`.
 */
export function planVisit(ctx: RequestContext, signalId: string, input: PlanVisit): Promise<Visit> {
  return ctx.db.transaction(async (s) => {
    const sig = await visibleSignal(s, ctx, signalId, true);
    assertTriages(ctx, sig, 'Alleen de regisseur of de gerouteerde partner plant huisbezoeken.');
    if (sig.status === 'closed' || sig.status === 'dismissed') throw conflict('Het signaal is afgesloten.');
    let partnerId = ctx.partnerId;
    if (input.visitorUserId) {
      const visitorPartner = await activeUserPartner(s, input.visitorUserId);
      if (!visitorPartner) throw invalidField('visitorUserId', 'Onbekende medewerker');
      partnerId = visitorPartner;
    }
    const id = await insertVisit(s, {
      signalId,
      plannedDate: input.plannedDate,
      visitorUserId: input.visitorUserId ?? null,
      partnerId,
      createdBy: ctx.userId,
    });
    if (sig.status === 'new' || sig.status === 'triage') {
      await updateSignalRow(s, signalId, { status: 'visit_planned' });
    }
    await addSignalHistory(s, signalId, ctx.userId, { visitPlanned: { id, date: input.plannedDate } });
    await audit(s, ctx, {
      action: 'create',
      objectType: 'visit',
      objectId: id,
      personIds: sig.personIds,
      processingActivityId: sig.processingActivityId,
      details: { signalId },
    });
    return visitById(s, id);
  });
}
