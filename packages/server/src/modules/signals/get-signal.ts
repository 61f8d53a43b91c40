import { type SignalDetail, type SignalHistoryItem, triagesSignal } from '@wijkregie/shared';
import { openableCaseAndSignalIds } from '../../access/signals.js';
import { viewerOf } from '../../access/viewer.js';
import type { TenantScope } from '../../db/scope.js';
import type { RequestContext } from '../../http/context.js';
import { signalAttachments } from '../attachments/repository.js';
import { involvedPartners, reporterName, signalHistory, signalMatches } from './repository.js';
import { isRegisseur, present, visibleSignal } from './signal-view.js';
import { visitsOf } from './visit-repository.js';

/** Where a history record names a case or signal the caller may not open, it says only that there is one. */
const HIDDEN = 'hidden';
const HISTORY_CASE_KEYS = ['caseStarted'];
const HISTORY_SIGNAL_KEYS = ['mergedInto', 'merged'];

const isText = (x: unknown): x is string => typeof x === 'string';
const caseLink = (change: Record<string, unknown>) =>
  change.caseId as { from?: unknown; to?: unknown } | undefined;

async function historyAsSeenBy(
  s: TenantScope,
  ctx: RequestContext,
  history: SignalHistoryItem[],
): Promise<SignalHistoryItem[]> {
  const caseIds: string[] = [];
  const signalIds: string[] = [];
  for (const { change } of history) {
    const link = caseLink(change);
    if (link) caseIds.push(...[link.from, link.to].filter(isText));
    for (const k of HISTORY_CASE_KEYS) if (isText(change[k])) caseIds.push(change[k]);
    for (const k of HISTORY_SIGNAL_KEYS) if (isText(change[k])) signalIds.push(change[k]);
  }
  if (caseIds.length + signalIds.length === 0) return history;
  const open = await openableCaseAndSignalIds(s, viewerOf(ctx), { cases: caseIds, signals: signalIds });
  const shown = (x: unknown) => (isText(x) && !open.has(x) ? HIDDEN : x);
  return history.map((h) => {
    const change: Record<string, unknown> = { ...h.change };
    const link = caseLink(change);
    if (link) change.caseId = { ...link, from: shown(link.from), to: shown(link.to) };
    for (const k of [...HISTORY_CASE_KEYS, ...HISTORY_SIGNAL_KEYS])
      if (k in change) change[k] = shown(change[k]);
    return { ...h, change };
  });
}

/**
 * `GET /signals/:id`: the signal with its history (ids the caller may not open hidden), visits and —
 * "only that, never what" — which other partners reported about the same persons.
 */
export async function getSignal(ctx: RequestContext, id: string): Promise<SignalDetail> {
  const s = ctx.db.read;
  const sig = await visibleSignal(s, ctx, id);
  const [history, visits, involved, matches, attachments, reporter] = await Promise.all([
    signalHistory(s, id).then((h) => historyAsSeenBy(s, ctx, h)),
    visitsOf(s, id),
    involvedPartners(s, id, ctx.partnerId),
    // Matches name persons and cases: only for the regisseur, who decides what to do with them.
    isRegisseur(ctx) ? signalMatches(s, id) : Promise.resolve(null),
    // Photos and documents: whoever sees the signal sees them.
    signalAttachments(s, id),
    // Who reported it, by name: the professional, or whoever read in the creditor file.
    reporterName(s, sig.reporterUserId),
  ]);
  await ctx.auditRead([
    {
      action: 'read',
      objectType: 'signal',
      objectId: id,
      personIds: sig.personIds,
      processingActivityId: sig.processingActivityId,
    },
  ]);
  return {
    ...present(sig),
    reporterName: reporter,
    history,
    visits,
    // "Only that, never what": which partners also reported about these persons, and who coordinates.
    involvement: involved.length
      ? { partners: involved.map((p) => p.name), coordinator: 'de gemeentelijk regisseur' }
      : null,
    matches,
    canTriage: triagesSignal(ctx, sig),
    attachments,
  };
}
