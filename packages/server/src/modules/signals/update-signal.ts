import { type Signal, seesCase, signalTransition, type UpdateSignal } from '@wijkregie/shared';
import { findCase } from '../../access/case-record.js';
import type { RequestContext } from '../../http/context.js';
import { conflict, forbidden, invalidField } from '../../http/errors.js';
import { audit } from '../audit/record.js';
import { addSignalHistory, updateSignalRow } from './repository.js';
import { assertTriages, isRegisseur, present, presentAfterChange, visibleSignal } from './signal-view.js';

/** What the resident who reported it reads when a change says nothing of its own. */
function defaultPublicText(to: Signal['status'] | undefined, from: Signal['status']): string | null {
  if (to === 'closed' || to === 'dismissed') return 'Uw melding is afgehandeld. Dank voor het doorgeven.';
  if (to === 'triage' && from === 'new') return 'Uw melding is in behandeling genomen.';
  return null;
}

/**
 * `PATCH /signals/:id`: triage — the status along the flow (a dismissal needs its reason, only a
 * regisseur reopens), the outcome, the case it belongs to, and a message for the reporting resident.
 */
export function updateSignal(ctx: RequestContext, id: string, u: UpdateSignal): Promise<Signal> {
  return ctx.db.transaction(async (s) => {
    const sig = await visibleSignal(s, ctx, id, true);
    assertTriages(
      ctx,
      sig,
      'Alleen de regisseur of de partner waar het signaal naartoe is gerouteerd kan het behandelen.',
    );
    const change: Record<string, unknown> = {};
    const set: Parameters<typeof updateSignalRow>[2] = {};
    if (u.status !== undefined && u.status !== sig.status) {
      const kind = signalTransition(sig.status, u.status);
      if (kind === 'invalid') throw conflict(`Van "${sig.status}" naar "${u.status}" kan niet.`);
      if (kind === 'reopen' && !isRegisseur(ctx))
        throw forbidden('Alleen een regisseur kan een signaal heropenen.');
      if (u.status === 'dismissed' && !u.outcome) {
        throw invalidField('outcome', 'Geef de reden waarom het signaal niet wordt opgepakt');
      }
      set.status = u.status;
      change.status = { from: sig.status, to: u.status };
    }
    if (u.outcome !== undefined) {
      set.outcome = u.outcome || null;
      change.outcome = true;
    }
    if (u.caseId !== undefined && u.caseId !== sig.caseId) {
      if (u.caseId) {
        const c = await findCase(s, u.caseId);
        // A case the caller cannot see does not exist for them.
        if (!c || !seesCase(ctx, c)) throw invalidField('caseId', 'Onbekende casus');
      }
      set.caseId = u.caseId;
      change.caseId = { from: sig.caseId, to: u.caseId };
    }
    const publicText = u.publicUpdate ?? defaultPublicText(set.status, sig.status);
    if (!Object.keys(change).length && !u.publicUpdate) return present(sig);
    await updateSignalRow(s, id, set);
    await addSignalHistory(s, id, ctx.userId, change, publicText);
    await audit(s, ctx, {
      action: 'update',
      objectType: 'signal',
      objectId: id,
      personIds: sig.personIds,
      processingActivityId: sig.processingActivityId,
      details: change,
    });
    return presentAfterChange(s, ctx, id);
  });
}
