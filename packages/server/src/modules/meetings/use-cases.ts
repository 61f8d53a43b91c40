import { randomUUID } from 'node:crypto';
import {
  type Actor,
  type CreateMeeting,
  type CreateMinutes,
  type Entry,
  type FieldError,
  type Meeting,
  seesCase,
  seesMeeting,
  type UpdateMeeting,
} from '@wijkregie/shared';
import type { TenantScope } from '../../db/scope.js';
import type { RequestContext } from '../../http/context.js';
import { AppError, forbidden, invalidField, notFound } from '../../http/errors.js';
import { addDaysKeepingLocalTime } from '../../lib/time.js';
import { auditEntries } from '../audit/context.js';
import { appendAudit } from '../audit/repository.js';
import { activeUserExists, findCase, listEntries } from '../cases/repository.js';
import { addEntry } from '../cases/use-cases.js';
import { viewerOf } from '../cases/visibility.js';
import { existingPartnerIds } from '../matrix/repository.js';
import {
  type AgendaCase,
  agendaCases,
  findMeeting,
  insertMeeting,
  listMeetings,
  type MeetingRecord,
  setAgenda,
  setMeetingPartners,
  updateMeetingRow,
} from './repository.js';

const NOT_FOUND = 'Dit overleg bestaat niet of is niet zichtbaar voor jou.';

/** Meetings as `actor` may see them: agenda items only of cases the actor sees (one query for all). */
async function present(s: TenantScope, actor: Actor, meetings: readonly MeetingRecord[]): Promise<Meeting[]> {
  const cases = await agendaCases(s, [...new Set(meetings.flatMap((m) => m.caseIds))]);
  return meetings.map(({ caseIds, createdByUserId: _, ...rest }) => ({
    ...rest,
    agenda: caseIds
      .map((id) => cases.get(id))
      .filter((c): c is AgendaCase => c !== undefined && seesCase(actor, c))
      .map((c) => ({ caseId: c.id, caseReference: c.reference, caseTitle: c.title })),
  }));
}
const presentOne = async (s: TenantScope, actor: Actor, m: MeetingRecord) =>
  (await present(s, actor, [m]))[0]!;

async function visibleMeeting(s: TenantScope, ctx: RequestContext, id: string): Promise<MeetingRecord> {
  const m = await findMeeting(s, id);
  if (!m || !seesMeeting(ctx, m)) throw notFound(NOT_FOUND);
  return m;
}

/** Chair, partners and agenda must exist, and every case on the agenda must be visible to the caller. */
async function validateRefs(
  s: TenantScope,
  ctx: RequestContext,
  input: { chairUserId?: string; partnerIds?: string[] | undefined; caseIds?: string[] | undefined },
) {
  const errors: FieldError[] = [];
  if (input.chairUserId && !(await activeUserExists(s, input.chairUserId))) {
    errors.push({ path: 'chairUserId', message: 'Onbekende gebruiker' });
  }
  if (input.partnerIds?.length) {
    const found = await existingPartnerIds(s, input.partnerIds);
    input.partnerIds.forEach((id, i) => {
      if (!found.has(id)) errors.push({ path: `partnerIds.${i}`, message: 'Onbekende partner' });
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

export function createMeeting(ctx: RequestContext, input: CreateMeeting): Promise<Meeting> {
  return ctx.db.transaction(async (s) => {
    await validateRefs(s, ctx, input);
    const count = input.recurrence?.count ?? 1;
    const seriesId = input.recurrence ? randomUUID() : null;
    const first = new Date(input.startsAt);
    const ids: string[] = [];
    for (let k = 0; k < count; k++) {
      const startsAt = addDaysKeepingLocalTime(first, k * 7 * (input.recurrence?.intervalWeeks ?? 1));
      const id = await insertMeeting(s, {
        title: input.title,
        kind: input.kind,
        startsAt: startsAt.toISOString(),
        place: input.place ?? null,
        chairUserId: input.chairUserId,
        seriesId,
        createdByUserId: ctx.userId,
        createdByPartnerId: ctx.partnerId,
      });
      await setMeetingPartners(s, id, input.partnerIds);
      // The agenda goes to the first meeting; later ones of the series get theirs when prepared.
      if (k === 0) await setAgenda(s, id, input.caseIds);
      ids.push(id);
    }
    await appendAudit(
      s.q,
      auditEntries(ctx, [
        {
          action: 'create',
          objectType: 'meeting',
          objectId: ids[0]!,
          objectIds: input.caseIds,
          details: { occurrences: count, seriesId },
        },
      ]),
    );
    return presentOne(s, ctx, (await findMeeting(s, ids[0]!))!);
  });
}

export async function getMeeting(ctx: RequestContext, id: string): Promise<Meeting> {
  const s = ctx.db.read;
  const m = await visibleMeeting(s, ctx, id);
  const out = await presentOne(s, ctx, m);
  await ctx.auditRead([
    { action: 'read', objectType: 'meeting', objectId: id, objectIds: out.agenda.map((a) => a.caseId) },
  ]);
  return out;
}

export async function findMeetings(
  ctx: RequestContext,
  f: { when?: 'upcoming' | 'past' | undefined; caseId?: string | undefined },
  page: { limit: number; offset: number },
) {
  const s = ctx.db.read;
  const now = new Date().toISOString();
  // Upcoming includes meetings of the last few hours: a meeting in progress is still "coming".
  const recent = new Date(Date.now() - 4 * 3_600_000).toISOString();
  const result = await listMeetings(
    s,
    viewerOf(ctx),
    {
      ...(f.when === 'upcoming' ? { from: recent } : {}),
      ...(f.when === 'past' ? { to: now } : {}),
      caseId: f.caseId,
    },
    f.when === 'past' ? 'desc' : 'asc',
    page,
  );
  const items = await present(s, ctx, result.items);
  await ctx.auditRead([{ action: 'list', objectType: 'meeting', objectIds: items.map((m) => m.id) }]);
  return { items, total: result.total };
}

export function updateMeeting(ctx: RequestContext, id: string, u: UpdateMeeting): Promise<Meeting> {
  return ctx.db.transaction(async (s) => {
    const m = await visibleMeeting(s, ctx, id);
    const mayChange =
      ctx.roles.includes('regisseur') || m.chairUserId === ctx.userId || m.createdByUserId === ctx.userId;
    if (!mayChange)
      throw forbidden('Alleen de voorzitter, wie het overleg plande of een regisseur kan het wijzigen.');
    // Items of cases the caller cannot see stay on the agenda untouched.
    const cases = await agendaCases(s, m.caseIds);
    const hidden = m.caseIds.filter((c) => !seesCase(ctx, cases.get(c)!));
    await validateRefs(s, ctx, u);
    await updateMeetingRow(s, id, u);
    if (u.partnerIds) await setMeetingPartners(s, id, u.partnerIds);
    if (u.caseIds) await setAgenda(s, id, [...u.caseIds, ...hidden]);
    await appendAudit(
      s.q,
      auditEntries(ctx, [
        { action: 'update', objectType: 'meeting', objectId: id, details: { fields: Object.keys(u) } },
      ]),
    );
    return presentOne(s, ctx, (await findMeeting(s, id))!);
  });
}

/** Minutes or a decision for an agenda item: an entry of that case, under the same matrix. */
export async function addMinutes(
  ctx: RequestContext,
  meetingId: string,
  input: CreateMinutes,
): Promise<Entry> {
  const s = ctx.db.read;
  const m = await visibleMeeting(s, ctx, meetingId);
  const c = m.caseIds.includes(input.caseId) ? await findCase(s, input.caseId) : undefined;
  if (!c || !seesCase(ctx, c))
    throw invalidField('caseId', 'Deze casus staat niet op de agenda van dit overleg');
  return addEntry(
    ctx,
    input.caseId,
    { category: input.category, text: input.text },
    { kind: input.kind, meetingId },
  );
}

/** The minutes and decisions of the meeting that the caller may read, per visible agenda item. */
export async function meetingMinutes(ctx: RequestContext, meetingId: string) {
  const s = ctx.db.read;
  const m = await visibleMeeting(s, ctx, meetingId);
  const { items, personIds } = await minutesFor(s, ctx, m);
  await ctx.auditRead(
    items.map((e) => ({
      action: 'read',
      objectType: 'entry',
      objectId: e.id,
      personIds,
      details: { caseId: e.caseId, meetingId },
    })),
  );
  return { items, total: items.length };
}

/** Entries of this meeting in the cases `actor` sees and categories `actor`'s partner may read. */
export async function minutesFor(s: TenantScope, actor: Actor, m: MeetingRecord) {
  const cases = await agendaCases(s, m.caseIds);
  const items: Entry[] = [];
  const personIds = new Set<string>();
  for (const caseId of m.caseIds) {
    const c = cases.get(caseId);
    if (!c || !seesCase(actor, c)) continue;
    const page = await listEntries(
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

export { visibleMeeting };
