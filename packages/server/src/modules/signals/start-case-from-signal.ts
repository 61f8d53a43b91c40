import type { CaseFromSignal, StartCaseFromSignal } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { conflict } from '../../http/errors.js';
import { createCaseIn } from '../cases/create-case-in.js';
import { addSignalHistory, updateSignalRow } from './repository.js';
import { assertTriages, presentAfterChange, visibleSignal } from './signal-view.js';

/**
 * `POST /signals/:id/case`: starts a case from a signal. The case gets the signal's persons; the
 * signal is attached to it and, when new, in triage. One transaction for both.
 */
export function startCaseFromSignal(
  ctx: RequestContext,
  id: string,
  input: StartCaseFromSignal,
): Promise<CaseFromSignal> {
  return ctx.db.transaction(async (s) => {
    const sig = await visibleSignal(s, ctx, id, true);
    assertTriages(ctx, sig, 'Alleen de regisseur of de gerouteerde partner kan een casus starten.');
    if (sig.caseId) throw conflict('Dit signaal hoort al bij een casus.');
    const created = await createCaseIn(s, ctx, {
      type: input.type,
      title: input.title,
      subjects: sig.personIds.map((pid) => ({ kind: 'person' as const, id: pid })),
      partnerIds: input.partnerIds,
      directorUserId: input.directorUserId ?? null,
    });
    await updateSignalRow(s, id, {
      caseId: created.id,
      ...(sig.status === 'new' ? { status: 'triage' as const } : {}),
    });
    await addSignalHistory(
      s,
      id,
      ctx.userId,
      { caseStarted: created.id },
      'Uw melding is in behandeling genomen.',
    );
    return { signal: await presentAfterChange(s, ctx, id), case: created };
  });
}
