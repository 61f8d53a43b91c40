import {
  type Case,
  type CaseDetail,
  type CreateCase,
  type CreateEntry,
  can,
  canRead,
  type Entry,
  type EntryKind,
  type FieldError,
  nextStatuses,
  type PartnerAccess,
  transitionKind,
  type UpdateCase,
} from '@wijkregie/shared';
import type { TenantScope } from '../../db/scope.js';
import type { RequestContext } from '../../http/context.js';
import { AppError, conflict, forbidden, invalidField, notFound } from '../../http/errors.js';
import { raiseAlert } from '../alerts/raise-alert.js';
import { auditEntries } from '../audit/context.js';
import { appendAudit } from '../audit/repository.js';
import { categoryExists, existingPartnerIds, partnerAccess } from '../matrix/repository.js';
import { subjectLabels, visibleSubjectIds, visibleSubjectRefs } from '../subjects/repository.js';
import {
  activeUserExists,
  areaExists,
  type CaseFilter,
  type CaseRecord,
  entryCategory,
  findCase,
  insertCase,
  insertCaseSubjects,
  insertEntry,
  insertStatusHistory,
  listCases,
  listEntries,
  lockCase,
  memberCases,
  nextReference,
  setCasePartners,
  touchCase,
  updateCaseRow,
} from './repository.js';
import { viewerOf } from './visibility.js';

const NOT_FOUND = 'Deze casus bestaat niet of is niet zichtbaar voor jou.';

/**
 * Cases (that the caller sees) as the caller gets them: every subject's kind, its id only when the
 * caller may open it, its name only for a regisseur or when their partner may read `basis`. With
 * `basis` (or as a regisseur) the caller may open every subject of a case they see; without it, only
 * the subjects their partner registered (`subjectVisibleSql`), found with one query for all the cases.
 */
async function present(
  s: TenantScope,
  ctx: RequestContext,
  cases: CaseRecord[],
  access: PartnerAccess,
): Promise<Case[]> {
  const showNames = ctx.roles.includes('regisseur') || canRead(access.basis);
  const refs = cases.flatMap((c) => c.subjects);
  const labels = showNames && refs.length ? await subjectLabels(s, refs) : new Map<string, string>();
  const visible = showNames || refs.length === 0 ? null : await visibleSubjectRefs(s, refs, viewerOf(ctx));
  return cases.map(({ personIds: _, ...c }) => ({
    ...c,
    subjects: c.subjects.map((x) => {
      if (visible !== null && !visible.has(x.id)) return { kind: x.kind, id: null };
      const label = labels.get(x.id);
      return label === undefined ? x : { ...x, label };
    }),
  }));
}

/** Loads a case the caller may see, or 404 (never 403: an invisible case does not exist). */
export async function visibleCase(s: TenantScope, ctx: RequestContext, id: string): Promise<CaseRecord> {
  const c = await findCase(s, id);
  if (!c || !can(ctx, 'case.read', { case: c })) throw notFound(NOT_FOUND);
  return c;
}

async function validateRefs(
  s: TenantScope,
  ctx: RequestContext,
  input: {
    partnerIds?: string[] | undefined;
    directorUserId?: string | null | undefined;
    areaId?: string | null | undefined;
  },
): Promise<void> {
  const errors: FieldError[] = [];
  if (input.partnerIds?.length) {
    const found = await existingPartnerIds(s, input.partnerIds);
    input.partnerIds.forEach((id, i) => {
      if (!found.has(id)) errors.push({ path: `partnerIds.${i}`, message: 'Onbekende partner' });
    });
  }
  if (input.directorUserId && !(await activeUserExists(s, input.directorUserId))) {
    errors.push({ path: 'directorUserId', message: 'Onbekende gebruiker' });
  }
  if (input.areaId && !(await areaExists(s, input.areaId))) {
    errors.push({ path: 'areaId', message: 'Onbekend gebied' });
  }
  if (errors.length) throw new AppError('validation', 'Ongeldige verwijzingen.', errors);
  void ctx;
}

export function createCase(ctx: RequestContext, input: CreateCase): Promise<Case> {
  return ctx.db.transaction((s) => createCaseIn(s, ctx, input));
}

/** Creating a case inside a transaction that does more (e.g. starting a case from a signal). */
export async function createCaseIn(s: TenantScope, ctx: RequestContext, input: CreateCase): Promise<Case> {
  {
    await validateRefs(s, ctx, input);
    const errors: FieldError[] = [];
    const v = viewerOf(ctx);
    for (const kind of ['person', 'household', 'group', 'location'] as const) {
      const ids = input.subjects.filter((x) => x.kind === kind).map((x) => x.id);
      const found = await visibleSubjectIds(s, kind, ids, v);
      input.subjects.forEach((x, i) => {
        if (x.kind === kind && !found.has(x.id))
          errors.push({ path: `subjects.${i}.id`, message: 'Onbekend of niet zichtbaar' });
      });
    }
    if (errors.length) throw new AppError('validation', 'Onbekende betrokkenen.', errors);

    const reference = await nextReference(s, new Date().getUTCFullYear());
    const id = await insertCase(s, {
      reference,
      type: input.type,
      title: input.title,
      directorUserId: input.directorUserId ?? null,
      areaId: input.areaId ?? null,
      createdBy: ctx.userId,
    });
    // The creator's own organisation takes part, so whoever registers a case keeps seeing it.
    await setCasePartners(s, id, [ctx.partnerId, ...input.partnerIds]);
    await insertCaseSubjects(s, id, input.subjects);
    await insertStatusHistory(s, {
      caseId: id,
      from: null,
      to: 'registered',
      result: null,
      userId: ctx.userId,
    });
    const created = (await findCase(s, id))!;
    await appendAudit(
      s.q,
      auditEntries(ctx, [
        { action: 'create', objectType: 'case', objectId: id, personIds: created.personIds },
      ]),
    );
    const [out] = await present(s, ctx, [created], await partnerAccess(s, ctx.partnerId));
    return out!;
  }
}

export async function getCase(ctx: RequestContext, id: string): Promise<CaseDetail> {
  const s = ctx.db.read;
  const c = await visibleCase(s, ctx, id);
  const hasMembers = c.subjects.some((x) => x.kind === 'household' || x.kind === 'group');
  const [access, related] = await Promise.all([
    partnerAccess(s, ctx.partnerId),
    hasMembers ? memberCases(s, viewerOf(ctx), id) : Promise.resolve([]),
  ]);
  const [out] = await present(s, ctx, [c], access);
  const allowedStatuses = nextStatuses(c.status).filter((to) =>
    can(ctx, transitionKind(c.status, to) === 'reopen' ? 'case.reopen' : 'case.update', { case: c }),
  );
  await ctx.auditRead([{ action: 'read', objectType: 'case', objectId: id, personIds: c.personIds }]);
  return {
    ...out!,
    relatedCases: related.map(({ id, reference, type, title, status, viaPersonId }) => ({
      id,
      reference,
      type,
      title,
      status,
      viaPersonId,
    })),
    allowedStatuses,
  };
}

export async function findCases(ctx: RequestContext, f: CaseFilter, page: { limit: number; offset: number }) {
  const s = ctx.db.read;
  const [result, access] = await Promise.all([
    listCases(s, viewerOf(ctx), f, page),
    partnerAccess(s, ctx.partnerId),
  ]);
  const items = await present(s, ctx, result.items, access);
  await ctx.auditRead([
    {
      action: 'list',
      objectType: 'case',
      objectIds: items.map((c) => c.id),
      personIds: [...new Set(result.items.flatMap((c) => c.personIds))],
      details: { filter: { ...f }, total: result.total },
    },
  ]);
  return { items, total: result.total };
}

export function updateCase(ctx: RequestContext, id: string, u: UpdateCase): Promise<Case> {
  return ctx.db.transaction(async (s) => {
    await lockCase(s, id);
    const c = await visibleCase(s, ctx, id);
    const changes: Record<string, unknown> = {};

    if (u.result !== undefined && u.status !== 'closed') {
      throw invalidField('result', 'Een resultaat hoort bij het afsluiten (status "closed")');
    }
    if (u.status !== undefined && u.status !== c.status) {
      const kind = transitionKind(c.status, u.status);
      if (kind === 'invalid') {
        throw conflict(
          `Van "${c.status}" naar "${u.status}" kan niet: één stap vooruit of terug, of afsluiten.`,
        );
      }
      if (!can(ctx, kind === 'reopen' ? 'case.reopen' : 'case.update', { case: c })) {
        throw forbidden(
          kind === 'reopen'
            ? 'Alleen een regisseur kan een afgesloten casus heropenen.'
            : 'Alleen de casusregisseur of een regisseur kan de status wijzigen.',
        );
      }
      if (kind === 'close' && u.result === undefined) {
        throw invalidField('result', 'Kies het resultaat van de casus bij het afsluiten');
      }
      const result = kind === 'close' ? u.result! : null;
      await updateCaseRow(s, id, { status: u.status, result });
      await insertStatusHistory(s, { caseId: id, from: c.status, to: u.status, result, userId: ctx.userId });
      changes.status = { from: c.status, to: u.status, ...(result ? { result } : {}) };
      await raiseAlert(s, ctx.publicUrl, { kind: 'status_changed', caseId: id, actorUserId: ctx.userId });
    } else if (u.status === c.status && u.status !== undefined) {
      throw conflict(`De casus heeft de status "${c.status}" al.`);
    }

    const other = u.title !== undefined || u.partnerIds !== undefined || u.directorUserId !== undefined;
    if (other) {
      if (!can(ctx, 'case.update', { case: c })) {
        throw forbidden('Alleen de casusregisseur of een regisseur kan de casus wijzigen.');
      }
      if (c.status === 'closed' && changes.status === undefined) {
        throw conflict('De casus is afgesloten; heropen hem eerst.');
      }
      await validateRefs(s, ctx, u);
      if (u.title !== undefined && u.title !== c.title) {
        await updateCaseRow(s, id, { title: u.title });
        changes.title = true;
      }
      if (u.directorUserId !== undefined && u.directorUserId !== c.directorUserId) {
        await updateCaseRow(s, id, { directorUserId: u.directorUserId });
        changes.directorUserId = { from: c.directorUserId, to: u.directorUserId };
      }
      if (u.partnerIds !== undefined) {
        const before = new Set(c.partnerIds);
        const after = new Set(u.partnerIds);
        const added = [...after].filter((p) => !before.has(p));
        const removed = [...before].filter((p) => !after.has(p));
        if (added.length || removed.length) {
          await setCasePartners(s, id, u.partnerIds);
          await touchCase(s, id);
          changes.partners = { added, removed };
          if (added.length) {
            await raiseAlert(s, ctx.publicUrl, {
              kind: 'partner_added',
              caseId: id,
              actorUserId: ctx.userId,
            });
          }
        }
      }
    }

    if (Object.keys(changes).length) {
      await appendAudit(
        s.q,
        auditEntries(ctx, [
          { action: 'update', objectType: 'case', objectId: id, personIds: c.personIds, details: changes },
        ]),
      );
    }
    const [out] = await present(s, ctx, [(await findCase(s, id))!], await partnerAccess(s, ctx.partnerId));
    return out!;
  });
}

export function addEntry(
  ctx: RequestContext,
  caseId: string,
  input: CreateEntry,
  /** Minutes and decisions of a meeting are entries too; the meeting use case says which. */
  origin: { kind: EntryKind; meetingId: string | null } = { kind: 'note', meetingId: null },
): Promise<Entry> {
  return ctx.db.transaction(async (s) => {
    const c = await visibleCase(s, ctx, caseId);
    if (!(await categoryExists(s, input.category))) throw invalidField('category', 'Onbekende categorie');
    const access = await partnerAccess(s, ctx.partnerId);
    if (!can(ctx, 'entry.write', { case: c, access, category: input.category })) {
      throw forbidden('Jouw organisatie mag in deze categorie niet schrijven.');
    }
    if (c.status === 'closed') throw conflict('De casus is afgesloten; heropen hem eerst.');
    if (input.correctsEntryId) {
      const category = await entryCategory(s, caseId, input.correctsEntryId);
      // An entry the caller may not read does not exist for them.
      if (!category || !can(ctx, 'entry.read', { case: c, access, category })) {
        throw invalidField('correctsEntryId', 'Onbekende notitie in deze casus');
      }
    }
    const entry = await insertEntry(s, {
      caseId,
      category: input.category,
      text: input.text,
      authorUserId: ctx.userId,
      partnerId: ctx.partnerId,
      correctsEntryId: input.correctsEntryId ?? null,
      kind: origin.kind,
      meetingId: origin.meetingId,
    });
    await touchCase(s, caseId);
    await raiseAlert(s, ctx.publicUrl, { kind: 'entry_added', caseId, actorUserId: ctx.userId });
    await appendAudit(
      s.q,
      auditEntries(ctx, [
        {
          action: 'create',
          objectType: 'entry',
          objectId: entry.id,
          personIds: c.personIds,
          details: {
            caseId,
            category: entry.category,
            ...(origin.meetingId ? { meetingId: origin.meetingId, kind: origin.kind } : {}),
          },
        },
      ]),
    );
    return entry;
  });
}

export async function getEntries(
  ctx: RequestContext,
  caseId: string,
  f: { category?: string | undefined },
  page: { limit: number; offset: number },
) {
  const s = ctx.db.read;
  const c = await visibleCase(s, ctx, caseId);
  const result = await listEntries(s, caseId, viewerOf(ctx), f, page);
  await ctx.auditRead([
    {
      action: 'read',
      objectType: 'case',
      objectId: caseId,
      personIds: c.personIds,
      details: { journal: result.items.length },
    },
    ...result.items.map((e) => ({
      action: 'read',
      objectType: 'entry',
      objectId: e.id,
      personIds: c.personIds,
      details: { caseId },
    })),
  ]);
  return result;
}
