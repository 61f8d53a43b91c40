import { randomInt } from 'node:crypto';
import {
  type Case,
  type CreateSignal,
  type FieldError,
  type Signal,
  seesCase,
  seesSignal,
  signalTransition,
  type UpdateSignal,
  VISIT_OUTCOME_LABELS,
  type VisitOutcome,
} from '@wijkregie/shared';
import type { TenantScope } from '../../db/scope.js';
import type { RequestContext } from '../../http/context.js';
import { AppError, conflict, forbidden, invalidField, notFound } from '../../http/errors.js';
import { addDays, amsterdamDate } from '../../lib/time.js';
import { addWorkingDays } from '../../lib/workdays.js';
import { auditEntries } from '../audit/context.js';
import { appendAudit } from '../audit/repository.js';
import { findCase } from '../cases/repository.js';
import { createCaseIn } from '../cases/use-cases.js';
import { viewerOf } from '../cases/visibility.js';
import { existingPartnerIds } from '../matrix/repository.js';
import { areaAt, visibleSubjectIds } from '../subjects/repository.js';
import { matchSignals } from './matching.js';
import {
  addSignalHistory,
  addSignalPersons,
  duplicateCandidates,
  findRoute,
  findSignal,
  findVisit,
  insertSignal,
  insertVisit,
  involvedPartners,
  listSignals,
  type NewSignal,
  openableIds,
  recordVisitOutcome,
  type SignalFilter,
  type SignalRecord,
  signalCategory,
  signalHistory,
  signalMatches,
  updateSignalRow,
  visitsOf,
  worklist,
} from './repository.js';

const NOT_FOUND = 'Dit signaal bestaat niet of is niet zichtbaar voor jou.';

/**
 * What leaves the server: never the resident's tracking code or internal keys, and of its
 * references (case, persons, merged into, bundle) only those the caller it was read for may open.
 */
export function present(r: SignalRecord): Signal {
  const { reporterUserId: _u, trackingCode: _t, addressKey: _a, shown, ...rest } = r;
  return { ...rest, ...shown };
}

/** Where a history record names a case or signal the caller may not open, it says only that there is one. */
const HIDDEN = 'hidden';
const HISTORY_CASE_KEYS = ['caseStarted'];
const HISTORY_SIGNAL_KEYS = ['mergedInto', 'merged'];

async function historyAsSeenBy(
  s: TenantScope,
  ctx: RequestContext,
  history: Awaited<ReturnType<typeof signalHistory>>,
) {
  const str = (x: unknown): x is string => typeof x === 'string';
  const caseIds: string[] = [];
  const signalIds: string[] = [];
  for (const { change } of history) {
    const link = change.caseId as { from?: unknown; to?: unknown } | undefined;
    if (link) caseIds.push(...[link.from, link.to].filter(str));
    for (const k of HISTORY_CASE_KEYS) if (str(change[k])) caseIds.push(change[k]);
    for (const k of HISTORY_SIGNAL_KEYS) if (str(change[k])) signalIds.push(change[k]);
  }
  if (caseIds.length + signalIds.length === 0) return history;
  const open = await openableIds(s, viewerOf(ctx), { cases: caseIds, signals: signalIds });
  const shown = (x: unknown) => (str(x) && !open.has(x) ? HIDDEN : x);
  return history.map((h) => {
    const change: Record<string, unknown> = { ...h.change };
    const link = change.caseId as { from?: unknown; to?: unknown } | undefined;
    if (link) change.caseId = { ...link, from: shown(link.from), to: shown(link.to) };
    for (const k of [...HISTORY_CASE_KEYS, ...HISTORY_SIGNAL_KEYS])
      if (k in change) change[k] = shown(change[k]);
    return { ...h, change };
  });
}

const isRegisseur = (ctx: RequestContext) => ctx.roles.includes('regisseur');

/** Triage (status, case, merge, visits) is for regisseurs and the partner the signal is routed to. */
function mayTriage(ctx: RequestContext, sig: SignalRecord): boolean {
  return isRegisseur(ctx) || (sig.routedPartnerId !== null && sig.routedPartnerId === ctx.partnerId);
}

export async function visibleSignal(s: TenantScope, ctx: RequestContext, id: string, lock = false) {
  const sig = await findSignal(s, id, amsterdamDate(), viewerOf(ctx), lock);
  if (!sig || !seesSignal(ctx, sig)) throw notFound(NOT_FOUND);
  return sig;
}

/** The first-contact deadline from a category's rule, counted from `from`. */
export function firstContactDue(from: string, rule: { days: number; working: boolean }): string {
  return rule.working ? addWorkingDays(from, rule.days) : addDays(from, rule.days);
}

/** Routing, area, deadline and address of a new signal: shared by the inbox form and the public page. */
export async function prepareSignal(
  s: TenantScope,
  input: Pick<CreateSignal, 'category' | 'description' | 'source' | 'location' | 'occurredAt'>,
  reporter: { userId: string | null; partnerId: string | null },
  extra: { trackingCode?: string | null; contact?: unknown } = {},
): Promise<NewSignal> {
  const category = await signalCategory(s, input.category);
  if (!category) throw invalidField('category', 'Onbekende categorie');
  const loc = input.location ?? {};
  const areaId = loc.lat !== undefined && loc.lng !== undefined ? await areaAt(s, loc.lat, loc.lng) : null;
  const route = await findRoute(s, input.category, areaId);
  const routingReason = route
    ? `Routeringsregel: ${category.label}${route.area_name ? ` in ${route.area_name}` : ' (hele gemeente)'} → ${route.partner_name}`
    : 'Geen routeringsregel voor deze categorie en plek: de regisseur beoordeelt het signaal.';
  return {
    category: input.category,
    description: input.description,
    source: input.source,
    occurredAt: input.occurredAt ?? null,
    street: loc.street ?? null,
    houseNumber: loc.houseNumber ?? null,
    postalCode: loc.postalCode ?? null,
    city: loc.city ?? null,
    lat: loc.lat ?? null,
    lng: loc.lng ?? null,
    areaId,
    reporterUserId: reporter.userId,
    reporterPartnerId: reporter.partnerId,
    routedPartnerId: route?.partner_id ?? null,
    routingReason,
    firstContactDue: firstContactDue(amsterdamDate(), {
      days: category.deadline_days,
      working: category.deadline_working,
    }),
    trackingCode: extra.trackingCode ?? null,
    contact: extra.contact ?? null,
  };
}

export function createSignal(ctx: RequestContext, input: CreateSignal): Promise<Signal> {
  return ctx.db.transaction(async (s) => {
    const personIds = input.personIds ?? [];
    if (personIds.length) {
      const found = await visibleSubjectIds(s, 'person', personIds, viewerOf(ctx));
      const errors: FieldError[] = [];
      personIds.forEach((id, i) => {
        if (!found.has(id)) errors.push({ path: `personIds.${i}`, message: 'Onbekende persoon' });
      });
      if (errors.length) throw new AppError('validation', 'Onbekende personen.', errors);
    }
    const n = await prepareSignal(s, input, { userId: ctx.userId, partnerId: ctx.partnerId });
    const id = await insertSignal(s, n);
    await addSignalPersons(s, id, personIds);
    await addSignalHistory(s, id, ctx.userId, {
      created: { source: input.source, routing: n.routingReason },
    });
    await matchSignals(s, [id], { userId: ctx.userId, publicUrl: ctx.publicUrl });
    await appendAudit(
      s.q,
      auditEntries(ctx, [{ action: 'create', objectType: 'signal', objectId: id, personIds }]),
    );
    return present((await findSignal(s, id, amsterdamDate(), viewerOf(ctx)))!);
  });
}

export async function findSignals(
  ctx: RequestContext,
  f: SignalFilter,
  page: { limit: number; offset: number },
) {
  const s = ctx.db.read;
  const result = await listSignals(s, viewerOf(ctx), f, amsterdamDate(), page);
  await ctx.auditRead([
    {
      action: 'list',
      objectType: 'signal',
      objectIds: result.items.map((x) => x.id),
      personIds: [...new Set(result.items.flatMap((x) => x.personIds))],
      details: { filter: { ...f }, total: result.total },
    },
  ]);
  return { items: result.items.map(present), total: result.total };
}

export async function getSignal(ctx: RequestContext, id: string) {
  const s = ctx.db.read;
  const sig = await visibleSignal(s, ctx, id);
  const [history, visits, involved, matches] = await Promise.all([
    signalHistory(s, id).then((h) => historyAsSeenBy(s, ctx, h)),
    visitsOf(s, id),
    involvedPartners(s, id, ctx.partnerId),
    // Matches name persons and cases: only for the regisseur, who decides what to do with them.
    isRegisseur(ctx) ? signalMatches(s, id) : Promise.resolve(null),
  ]);
  await ctx.auditRead([{ action: 'read', objectType: 'signal', objectId: id, personIds: sig.personIds }]);
  return {
    ...present(sig),
    history: history.map(({ publicText, ...h }) => ({ ...h, publicText })),
    visits,
    // "Only that, never what": which partners also reported about these persons, and who coordinates.
    involvement: involved.length
      ? { partners: involved.map((p) => p.name), coordinator: 'de gemeentelijk regisseur' }
      : null,
    matches,
    canTriage: mayTriage(ctx, sig),
  };
}

export function updateSignal(ctx: RequestContext, id: string, u: UpdateSignal): Promise<Signal> {
  return ctx.db.transaction(async (s) => {
    const sig = await visibleSignal(s, ctx, id, true);
    if (!mayTriage(ctx, sig)) {
      throw forbidden(
        'Alleen de regisseur of de partner waar het signaal naartoe is gerouteerd kan het behandelen.',
      );
    }
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
    const publicText =
      u.publicUpdate ??
      (set.status === 'closed' || set.status === 'dismissed'
        ? 'Uw melding is afgehandeld. Dank voor het doorgeven.'
        : set.status === 'triage' && sig.status === 'new'
          ? 'Uw melding is in behandeling genomen.'
          : null);
    if (!Object.keys(change).length && !u.publicUpdate) return present(sig);
    await updateSignalRow(s, id, set);
    await addSignalHistory(s, id, ctx.userId, change, publicText);
    await appendAudit(
      s.q,
      auditEntries(ctx, [
        { action: 'update', objectType: 'signal', objectId: id, personIds: sig.personIds, details: change },
      ]),
    );
    return present((await findSignal(s, id, amsterdamDate(), viewerOf(ctx)))!);
  });
}

/** Start a case from a signal: the case gets the signal's persons; the signal is attached and in triage. */
export function startCase(
  ctx: RequestContext,
  id: string,
  input: {
    title: string;
    type: Case['type'];
    partnerIds: string[];
    directorUserId?: string | null | undefined;
  },
): Promise<{ signal: Signal; case: Case }> {
  return ctx.db.transaction(async (s) => {
    const sig = await visibleSignal(s, ctx, id, true);
    if (!mayTriage(ctx, sig))
      throw forbidden('Alleen de regisseur of de gerouteerde partner kan een casus starten.');
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
    return { signal: present((await findSignal(s, id, amsterdamDate(), viewerOf(ctx)))!), case: created };
  });
}

export async function duplicatesOf(ctx: RequestContext, id: string) {
  const s = ctx.db.read;
  const sig = await visibleSignal(s, ctx, id);
  const items = (await duplicateCandidates(s, viewerOf(ctx), sig, amsterdamDate())).map(present);
  return { items, total: items.length };
}

/**
 * Merge a duplicate into another signal: a first-class action. The duplicate is closed with a
 * pointer to the one it was merged into; persons move along; both keep their whole history.
 */
export function mergeSignal(ctx: RequestContext, id: string, intoId: string): Promise<Signal> {
  return ctx.db.transaction(async (s) => {
    if (id === intoId) throw invalidField('intoId', 'Een signaal kan niet met zichzelf worden samengevoegd');
    const dup = await visibleSignal(s, ctx, id, true);
    const into = await findSignal(s, intoId, amsterdamDate(), viewerOf(ctx), true);
    if (!into || !seesSignal(ctx, into)) throw invalidField('intoId', 'Onbekend signaal');
    if (!mayTriage(ctx, dup) || !mayTriage(ctx, into))
      throw forbidden('Je kunt deze signalen niet samenvoegen.');
    if (dup.mergedIntoId) throw conflict('Dit signaal is al samengevoegd.');
    if (into.mergedIntoId) throw invalidField('intoId', 'Dat signaal is zelf al samengevoegd');
    await updateSignalRow(s, id, {
      mergedIntoId: intoId,
      status: 'closed',
      outcome: `Samengevoegd met een ander signaal over hetzelfde.`,
    });
    await addSignalPersons(s, intoId, dup.personIds);
    await addSignalHistory(
      s,
      id,
      ctx.userId,
      { mergedInto: intoId },
      'Uw melding is samengevoegd met een gelijke melding en wordt daar verder behandeld.',
    );
    await addSignalHistory(s, intoId, ctx.userId, { merged: id });
    await appendAudit(
      s.q,
      auditEntries(ctx, [{ action: 'merge', objectType: 'signal', objectId: id, objectIds: [id, intoId] }]),
    );
    return present((await findSignal(s, intoId, amsterdamDate(), viewerOf(ctx)))!);
  });
}

// Outreach -----------------------------------------------------------------------------------------

export function planVisit(
  ctx: RequestContext,
  signalId: string,
  input: { plannedDate: string; visitorUserId?: string | null | undefined },
) {
  return ctx.db.transaction(async (s) => {
    const sig = await visibleSignal(s, ctx, signalId, true);
    if (!mayTriage(ctx, sig))
      throw forbidden('Alleen de regisseur of de gerouteerde partner plant huisbezoeken.');
    if (sig.status === 'closed' || sig.status === 'dismissed') throw conflict('Het signaal is afgesloten.');
    let partnerId = ctx.partnerId;
    if (input.visitorUserId) {
      const [u] = await s.q.query<{ partner_id: string }>(
        'SELECT partner_id FROM users WHERE tenant_id = $1 AND id = $2 AND active',
        [s.tenantId, input.visitorUserId],
      );
      if (!u) throw invalidField('visitorUserId', 'Onbekende medewerker');
      partnerId = u.partner_id;
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
    await appendAudit(
      s.q,
      auditEntries(ctx, [
        {
          action: 'create',
          objectType: 'visit',
          objectId: id,
          personIds: sig.personIds,
          details: { signalId },
        },
      ]),
    );
    return (await findVisit(s, id))!;
  });
}

/**
 * The outcome of a visit, recorded once; a next attempt is a new visit. The signal follows:
 * contact → contacted, referral → referred, declined → closed, not at home with a next date → a new visit.
 */
export function recordOutcome(
  ctx: RequestContext,
  visitId: string,
  input: {
    outcome: VisitOutcome;
    referredPartnerId?: string | null | undefined;
    nextStep?: string | null | undefined;
    nextDate?: string | null | undefined;
    notes?: string | null | undefined;
  },
) {
  return ctx.db.transaction(async (s) => {
    const visit = await findVisit(s, visitId, true);
    if (!visit) throw notFound('Dit huisbezoek bestaat niet.');
    const sig = await visibleSignal(s, ctx, visit.signalId, true);
    const mine =
      visit.visitorUserId === ctx.userId ||
      (visit.visitorUserId === null && visit.partnerId === ctx.partnerId);
    if (!mine && !mayTriage(ctx, sig)) throw forbidden('Dit huisbezoek is niet van jou.');
    if (visit.outcome) throw conflict('De uitkomst van dit bezoek is al vastgelegd; plan een nieuw bezoek.');
    if (input.outcome === 'referred') {
      if (!input.referredPartnerId)
        throw invalidField('referredPartnerId', 'Kies naar welke partner is doorverwezen');
      if (!(await existingPartnerIds(s, [input.referredPartnerId])).has(input.referredPartnerId)) {
        throw invalidField('referredPartnerId', 'Onbekende partner');
      }
    }
    await recordVisitOutcome(s, visitId, {
      outcome: input.outcome,
      referredPartnerId: input.outcome === 'referred' ? (input.referredPartnerId ?? null) : null,
      nextStep: input.nextStep ?? null,
      nextDate: input.nextDate ?? null,
      notes: input.notes ?? null,
    });
    const next: Record<VisitOutcome, 'contacted' | 'referred' | 'closed' | null> = {
      not_home: null,
      contact: 'contacted',
      help_accepted: 'contacted',
      referred: 'referred',
      declined: 'closed',
    };
    const to = next[input.outcome];
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
    await appendAudit(
      s.q,
      auditEntries(ctx, [
        {
          action: 'update',
          objectType: 'visit',
          objectId: visitId,
          personIds: sig.personIds,
          details: { outcome: input.outcome },
        },
      ]),
    );
    return (await findVisit(s, visitId))!;
  });
}

const distance = (a: { lat: number; lng: number }, b: { lat: number; lng: number }) =>
  Math.hypot((a.lat - b.lat) * 111_320, (a.lng - b.lng) * 111_320 * Math.cos((a.lat * Math.PI) / 180));

/**
 * Today's visits in walking/cycling order: nearest neighbour from the first planned address. Each
 * with the reason in plain language. Visits without coordinates come last, in planned order.
 */
export async function worklistOf(ctx: RequestContext, date = amsterdamDate()) {
  const s = ctx.db.read;
  const rows = await worklist(s, viewerOf(ctx), date);
  const withPoint = rows.filter((r) => r.lat !== null && r.lng !== null);
  const rest = rows.filter((r) => r.lat === null || r.lng === null);
  const route: ((typeof rows)[number] & { metres: number | null })[] = [];
  const left = [...withPoint];
  let here: { lat: number; lng: number } | undefined;
  while (left.length) {
    let best = 0;
    if (here) {
      let bestD = Number.POSITIVE_INFINITY;
      left.forEach((r, i) => {
        const d = distance(here!, { lat: r.lat!, lng: r.lng! });
        if (d < bestD) {
          bestD = d;
          best = i;
        }
      });
    }
    const [next] = left.splice(best, 1);
    route.push({
      ...next!,
      metres: here ? Math.round(distance(here, { lat: next!.lat!, lng: next!.lng! })) : null,
    });
    here = { lat: next!.lat!, lng: next!.lng! };
  }
  const ordered = [...route, ...rest.map((r) => ({ ...r, metres: null }))];
  const items = ordered.map((r, i) => ({
    order: i + 1,
    visitId: r.id,
    signalId: r.signal_id,
    reason: `${r.category_label}${r.end_of_supply ? ' — afsluiting dreigt' : ''}: ${r.description}`,
    address: [r.street, r.house_number].filter(Boolean).join(' '),
    postalCode: r.postal_code,
    city: r.city,
    lat: r.lat,
    lng: r.lng,
    metresFromPrevious: r.metres,
    earlierAttempts: r.attempts,
  }));
  await ctx.auditRead([
    {
      action: 'list',
      objectType: 'visit',
      objectIds: items.map((i) => i.visitId),
      details: { worklist: date },
    },
  ]);
  return { date, items, total: items.length };
}

// Public reports -----------------------------------------------------------------------------------

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export function newTrackingCode(): string {
  const part = () => Array.from({ length: 4 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
  return `${part()}-${part()}-${part()}`;
}
