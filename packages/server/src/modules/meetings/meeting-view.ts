import {
  type Actor,
  type Entry,
  type FieldError,
  type Meeting,
  seesCase,
  seesMeeting,
} from '@wijkregie/shared';
import { findCase } from '../../access/case-record.js';
import { viewerOf } from '../../access/viewer.js';
import type { TenantScope } from '../../db/scope.js';
import type { RequestContext } from '../../http/context.js';
import { AppError, notFound } from '../../http/errors.js';
import { amsterdamDate } from '../../lib/time.js';
import { entriesPage } from '../cases/entry-repository.js';
import { activeUserExists } from '../cases/repository.js';
import { existingPartnerIds } from '../matrix/repository.js';
import { activePartnerIds } from '../organisation/repository.js';
import { openGoalsOf } from '../plans/repository.js';
import {
  type AgendaCase,
  agendaCases,
  attendanceOf,
  findMeeting,
  type MeetingRecord,
  overdueActionsOf,
} from './repository.js';

/** What the meeting use cases share: loading a visible meeting, presenting it, checking references. */

const NOT_FOUND = 'Dit overleg bestaat niet of is niet zichtbaar voor jou.';

/**
 * Meetings as `actor` may see them: agenda items only of cases the actor sees (one query for all),
 * each with the case's open goals of domains the actor may read and its overdue actions.
 */
export async function present(
  s: TenantScope,
  actor: Actor,
  meetings: readonly MeetingRecord[],
): Promise<Meeting[]> {
  const [cases, attendance] = await Promise.all([
    agendaCases(s, [...new Set(meetings.flatMap((m) => m.caseIds))]),
    attendanceOf(
      s,
      meetings.map((m) => m.id),
    ),
  ]);
  // Per visible case on an agenda: its open goals (readable domains only) and its overdue actions.
  const seen = [...cases.values()].filter((c) => seesCase(actor, c)).map((c) => c.id);
  const v = viewerOf(actor);
  const [goals, overdue] = await Promise.all([
    openGoalsOf(s, v, seen),
    overdueActionsOf(s, v, seen, amsterdamDate()),
  ]);
  return meetings.map(({ caseIds, createdByUserId: _, ...rest }) => ({
    ...rest,
    attendance: attendance.get(rest.id) ?? [],
    agenda: caseIds
      .map((id) => cases.get(id))
      .filter((c): c is AgendaCase => c !== undefined && seesCase(actor, c))
      .map((c) => ({
        caseId: c.id,
        caseReference: c.reference,
        caseTitle: c.title,
        openGoals: goals.get(c.id) ?? [],
        overdueActions: overdue.get(c.id) ?? [],
      })),
  }));
}

/** One meeting as `actor` may see it (see `present`). */
export async function presentOne(s: TenantScope, actor: Actor, m: MeetingRecord): Promise<Meeting> {
  const [one] = await present(s, actor, [m]);
  if (!one) throw new Error('present answers one meeting for one');
  return one;
}

/** The meeting if the caller sees it; otherwise 404, never 403. */
export async function visibleMeeting(
  s: TenantScope,
  ctx: RequestContext,
  id: string,
): Promise<MeetingRecord> {
  const m = await findMeeting(s, id);
  if (!m || !seesMeeting(ctx, m)) throw notFound(NOT_FOUND);
  return m;
}

/** The meeting just written, read back in the same transaction: it must be there. */
export async function writtenMeeting(s: TenantScope, id: string): Promise<MeetingRecord> {
  const m = await findMeeting(s, id);
  if (!m) throw new Error(`meeting ${id} vanished in its own transaction`);
  return m;
}

/**
 * Chair, partners and agenda must exist, and every case on the agenda must be visible to the caller.
 * A partner newly invited must still take part (`invited`: the ones already invited, which may stay
 * after their deactivation).
 */
export async function validateMeetingRefs(
  s: TenantScope,
  ctx: RequestContext,
  input: { chairUserId?: string; partnerIds?: string[] | undefined; caseIds?: string[] | undefined },
  invited: readonly string[] = [],
): Promise<void> {
  const errors: FieldError[] = [];
  if (input.chairUserId && !(await activeUserExists(s, input.chairUserId))) {
    errors.push({ path: 'chairUserId', message: 'Onbekende gebruiker' });
  }
  if (input.partnerIds?.length) {
    const [found, active] = await Promise.all([
      existingPartnerIds(s, input.partnerIds),
      activePartnerIds(s, input.partnerIds),
    ]);
    input.partnerIds.forEach((id, i) => {
      if (!found.has(id)) errors.push({ path: `partnerIds.${i}`, message: 'Onbekende partner' });
      else if (!active.has(id) && !invited.includes(id)) {
        errors.push({ path: `partnerIds.${i}`, message: 'Deze partner is gedeactiveerd' });
      }
    });
  }
  if (input.caseIds?.length) {
    const cases = await agendaCases(s, input.caseIds);
    input.caseIds.forEach((id, i) => {
      const c = cases.get(id);
      // An invisible case gets the same answer as a missing one.
      if (!c || !seesCase(ctx, c)) errors.push({ path: `caseIds.${i}`, message: 'Onbekende casus' });
    });
  }
  if (errors.length) throw new AppError('validation', 'Ongeldige verwijzingen.', errors);
}

/** Entries of this meeting in the cases `actor` sees and categories `actor`'s partner may read. */
export async function minutesFor(
  s: TenantScope,
  actor: Actor,
  m: MeetingRecord,
): Promise<{ items: Entry[]; personIds: string[] }> {
  const cases = await agendaCases(s, m.caseIds);
  const items: Entry[] = [];
  const personIds = new Set<string>();
  for (const caseId of m.caseIds) {
    const c = cases.get(caseId);
    if (!c || !seesCase(actor, c)) continue;
    const page = await entriesPage(
      s,
      caseId,
      viewerOf(actor),
      { meetingId: m.id },
      { limit: 200, offset: 0 },
    );
    items.push(...page.items.reverse());
    if (page.items.length) for (const p of (await findCase(s, caseId))?.personIds ?? []) personIds.add(p);
  }
  return { items, personIds: [...personIds] };
}
