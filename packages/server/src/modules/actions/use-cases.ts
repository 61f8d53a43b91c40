import {
  type Action,
  type ActionDetail,
  type ActionStatus,
  type CreateAction,
  can,
  canChangeAction,
  type FieldError,
  seesCase,
  seesMeeting,
  type UpdateAction,
} from '@wijkregie/shared';
import type { TenantScope } from '../../db/scope.js';
import type { RequestContext } from '../../http/context.js';
import { AppError, conflict, forbidden, invalidField, notFound } from '../../http/errors.js';
import { amsterdamDate, weekOf } from '../../lib/time.js';
import { raiseAlert } from '../alerts/raise-alert.js';
import { auditEntries } from '../audit/context.js';
import { appendAudit } from '../audit/repository.js';
import { findCase, setCasePartners, touchCase } from '../cases/repository.js';
import { visibleCase } from '../cases/use-cases.js';
import { viewerOf } from '../cases/visibility.js';
import { existingPartnerIds } from '../matrix/repository.js';
import { findMeeting } from '../meetings/repository.js';
import {
  type ActionFilter,
  type ActionRecord,
  actionHistory,
  findAction,
  insertAction,
  insertActionHistory,
  isUserOfPartner,
  listActions,
  markOverdueAlerted,
  updateActionRow,
} from './repository.js';

const NOT_FOUND = 'Deze actie bestaat niet of is niet zichtbaar voor jou.';

function present(ctx: RequestContext, record: ActionRecord, today: string): Action {
  const { caseDirectorUserId, ...a } = record;
  return {
    ...a,
    overdue: a.status === 'open' && a.dueDate < today,
    canEdit: canChangeAction(ctx, a, caseDirectorUserId),
  };
}

/** An overdue action alerts at once when it is created or moved into the past, and only once. */
async function alertIfOverdue(s: TenantScope, ctx: RequestContext, a: ActionRecord, today: string) {
  if (a.status !== 'open' || a.dueDate >= today) return;
  await markOverdueAlerted(s, a.id);
  await raiseAlert(s, ctx.publicUrl, {
    kind: 'action_overdue',
    caseId: a.caseId,
    actorUserId: ctx.userId,
    actionId: a.id,
    assigneeUserId: a.assigneeUserId,
  });
}

export function createAction(ctx: RequestContext, caseId: string, input: CreateAction): Promise<Action> {
  return ctx.db.transaction(async (s) => {
    const c = await visibleCase(s, ctx, caseId);
    if (c.status === 'closed') throw conflict('De casus is afgesloten; heropen hem eerst.');
    const errors: FieldError[] = [];
    const partnerKnown = (await existingPartnerIds(s, [input.ownerPartnerId])).has(input.ownerPartnerId);
    let addPartner = false;
    if (!partnerKnown) {
      errors.push({ path: 'ownerPartnerId', message: 'Onbekende partner' });
    } else if (!c.partnerIds.includes(input.ownerPartnerId)) {
      // Giving a partner a task in a case lets it see the case: only who may change the case may do that.
      if (can(ctx, 'case.update', { case: c })) addPartner = true;
      else errors.push({ path: 'ownerPartnerId', message: 'Deze partner neemt niet deel aan de casus' });
    }
    if (input.assigneeUserId && partnerKnown) {
      if (!(await isUserOfPartner(s, input.assigneeUserId, input.ownerPartnerId))) {
        errors.push({
          path: 'assigneeUserId',
          message: 'Geen actieve medewerker van de uitvoerende partner',
        });
      }
    }
    if (input.meetingId) {
      const m = await findMeeting(s, input.meetingId);
      const ok = m !== undefined && seesMeeting(ctx, m) && m.caseIds.includes(caseId);
      if (!ok)
        errors.push({ path: 'meetingId', message: 'Onbekend overleg, of de casus staat niet op de agenda' });
    }
    if (errors.length) throw new AppError('validation', 'Ongeldige actie.', errors);

    if (addPartner) {
      await setCasePartners(s, caseId, [...c.partnerIds, input.ownerPartnerId]);
      await raiseAlert(s, ctx.publicUrl, { kind: 'partner_added', caseId, actorUserId: ctx.userId });
    }
    const id = await insertAction(s, {
      caseId,
      title: input.title,
      ownerPartnerId: input.ownerPartnerId,
      assigneeUserId: input.assigneeUserId ?? null,
      dueDate: input.dueDate,
      meetingId: input.meetingId ?? null,
      createdBy: ctx.userId,
    });
    await insertActionHistory(s, id, ctx.userId, {
      created: {
        ownerPartnerId: input.ownerPartnerId,
        assigneeUserId: input.assigneeUserId ?? null,
        dueDate: input.dueDate,
      },
    });
    await touchCase(s, caseId);
    const a = (await findAction(s, id, viewerOf(ctx)))!;
    const today = amsterdamDate();
    await raiseAlert(s, ctx.publicUrl, {
      kind: 'action_created',
      caseId,
      actorUserId: ctx.userId,
      actionId: id,
      assigneeUserId: a.assigneeUserId,
    });
    await alertIfOverdue(s, ctx, a, today);
    await appendAudit(
      s.q,
      auditEntries(ctx, [
        {
          action: 'create',
          objectType: 'action',
          objectId: id,
          personIds: c.personIds,
          details: { caseId, ...(addPartner ? { partnerAdded: input.ownerPartnerId } : {}) },
        },
      ]),
    );
    return present(ctx, a, today);
  });
}

/** The action and its case, if the caller sees the case; otherwise 404. */
async function visibleAction(s: TenantScope, ctx: RequestContext, id: string, lock = false) {
  const a = await findAction(s, id, viewerOf(ctx), lock);
  const c = a ? await findCase(s, a.caseId) : undefined;
  if (!a || !c || !seesCase(ctx, c)) throw notFound(NOT_FOUND);
  return { a, c };
}

export function updateAction(ctx: RequestContext, id: string, u: UpdateAction): Promise<Action> {
  return ctx.db.transaction(async (s) => {
    const { a, c } = await visibleAction(s, ctx, id, true);
    if (!canChangeAction(ctx, a, c.directorUserId)) {
      throw forbidden(
        'Alleen de uitvoerende partner, de casusregisseur of een regisseur kan deze actie wijzigen.',
      );
    }
    if (u.assigneeUserId && !(await isUserOfPartner(s, u.assigneeUserId, a.ownerPartnerId))) {
      throw invalidField('assigneeUserId', 'Geen actieve medewerker van de uitvoerende partner');
    }
    const change: Record<string, unknown> = {};
    const set: {
      status?: ActionStatus;
      result?: string | null;
      dueDate?: string;
      assigneeUserId?: string | null;
    } = {};
    if (u.status !== undefined && u.status !== a.status) {
      set.status = u.status;
      change.status = { from: a.status, to: u.status };
    }
    if (u.result !== undefined && (u.result || null) !== a.result) {
      set.result = u.result || null;
      change.result = true;
    }
    if (u.dueDate !== undefined && u.dueDate !== a.dueDate) {
      set.dueDate = u.dueDate;
      change.dueDate = { from: a.dueDate, to: u.dueDate };
    }
    if (u.assigneeUserId !== undefined && u.assigneeUserId !== a.assigneeUserId) {
      set.assigneeUserId = u.assigneeUserId;
      change.assigneeUserId = { from: a.assigneeUserId, to: u.assigneeUserId };
    }
    const today = amsterdamDate();
    if (Object.keys(change).length === 0) return present(ctx, a, today);

    await updateActionRow(s, id, set);
    await insertActionHistory(s, id, ctx.userId, change);
    const after = (await findAction(s, id, viewerOf(ctx)))!;
    if (set.status === 'done') {
      await raiseAlert(s, ctx.publicUrl, {
        kind: 'action_done',
        caseId: a.caseId,
        actorUserId: ctx.userId,
        actionId: id,
        assigneeUserId: after.assigneeUserId,
      });
    }
    if (set.dueDate !== undefined || set.status === 'open') await alertIfOverdue(s, ctx, after, today);
    await appendAudit(
      s.q,
      auditEntries(ctx, [
        {
          action: 'update',
          objectType: 'action',
          objectId: id,
          personIds: c.personIds,
          details: { caseId: a.caseId, ...change },
        },
      ]),
    );
    return present(ctx, after, today);
  });
}

export async function getAction(ctx: RequestContext, id: string): Promise<ActionDetail> {
  const s = ctx.db.read;
  const { a, c } = await visibleAction(s, ctx, id);
  const history = await actionHistory(s, id);
  await ctx.auditRead([
    { action: 'read', objectType: 'action', objectId: id, personIds: c.personIds, details: { caseId: c.id } },
  ]);
  return { ...present(ctx, a, amsterdamDate()), history };
}

export interface ActionQuery {
  mine?: boolean;
  partner?: boolean;
  overdue?: boolean;
  dueThisWeek?: boolean;
  status?: ActionStatus | undefined;
  caseId?: string | undefined;
  meetingId?: string | undefined;
}

export async function findActions(
  ctx: RequestContext,
  q: ActionQuery,
  page: { limit: number; offset: number },
) {
  const s = ctx.db.read;
  const today = amsterdamDate();
  const f: ActionFilter = { ...q };
  if (q.dueThisWeek) {
    const week = weekOf(today);
    f.dueFrom = week.from;
    f.dueTo = week.to;
    f.status = 'open';
  }
  if (q.caseId) await visibleCase(s, ctx, q.caseId);
  const result = await listActions(s, viewerOf(ctx), f, today, page);
  await ctx.auditRead([
    {
      action: 'list',
      objectType: 'action',
      objectIds: result.items.map((a) => a.id),
      details: { filter: { ...q }, total: result.total },
    },
  ]);
  return {
    items: result.items.map((a) => present(ctx, a, today)),
    total: result.total,
  };
}
