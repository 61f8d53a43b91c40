import type { CaseFromSignal, Signal, StartCaseFromSignal } from '@wijkregie/shared';
import type { TenantScope } from '../../db/scope.js';
import type { RequestContext } from '../../http/context.js';
import { conflict } from '../../http/errors.js';
import { amsterdamDate } from '../../lib/time.js';
import { audit } from '../audit/record.js';
import { createCaseIn } from '../cases/create-case-in.js';
import { insertEntry } from '../cases/entry-repository.js';
import { categoryExists } from '../matrix/repository.js';
import { signalCategories } from './configuration-repository.js';
import { addSignalHistory, updateSignalRow } from './repository.js';
import { assertTriages, presentAfterChange, visibleSignal } from './signal-view.js';

/** The information category of the signal's text in the journal: the basic facts every partner reads. */
const SIGNAL_TEXT_CATEGORY = 'basis';

/**
 * `POST /signals/:id/case`: starts a case from a signal, keeping its context: the signal's persons as
 * subjects, its area, a director (the one chosen, else the caller, who takes it up), and as the first
 * journal entry the signal's text with where it came from. The signal is attached to the case (the
 * case links back to it) and, when new, moves to triage. One transaction for all of it.
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
      directorUserId: input.directorUserId ?? ctx.userId,
      areaId: sig.areaId,
    });
    await copySignalText(s, ctx, created.id, created.subjects, sig);
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

/**
 * The signal's text as the case's first note, under `basis`, with its category, day and address, so
 * whoever opens the case reads what started it. It is a copy made by starting the case (the caller
 * triages the signal), written whatever the caller's own write access to `basis` is. A tenant without
 * that category gets no note rather than a note in a category nobody was given.
 */
async function copySignalText(
  s: TenantScope,
  ctx: RequestContext,
  caseId: string,
  subjects: readonly { kind: string; id: string | null }[],
  sig: Signal,
): Promise<void> {
  if (!(await categoryExists(s, SIGNAL_TEXT_CATEGORY))) return;
  const label = (await signalCategories(s)).find((c) => c.key === sig.category)?.label ?? sig.category;
  const day = amsterdamDate(new Date(sig.occurredAt ?? sig.createdAt))
    .split('-')
    .reverse()
    .join('-');
  const place = [[sig.location.street, sig.location.houseNumber].filter(Boolean).join(' '), sig.location.city]
    .filter(Boolean)
    .join(', ');
  const text = `Gestart vanuit signaal „${label}” van ${day}${place ? ` (${place})` : ''}:\n\n${sig.description}`;
  const entry = await insertEntry(s, {
    caseId,
    category: SIGNAL_TEXT_CATEGORY,
    text,
    authorUserId: ctx.userId,
    partnerId: ctx.partnerId,
    correctsEntryId: null,
  });
  await audit(s, ctx, {
    action: 'create',
    objectType: 'entry',
    objectId: entry.id,
    personIds: subjects.flatMap((x) => (x.kind === 'person' && x.id ? [x.id] : [])),
    details: { caseId, category: SIGNAL_TEXT_CATEGORY, signalId: sig.id },
  });
}
