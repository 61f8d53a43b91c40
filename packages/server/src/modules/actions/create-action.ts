import { type Action, type CreateAction, can, type FieldError } from '@wijkregie/shared';
import { visibleCase } from '../../access/cases.js';
import { goalOfCaseVisible } from '../../access/categories.js';
import { meetingOfCaseVisible } from '../../access/meetings.js';
import { viewerOf } from '../../access/viewer.js';
import type { RequestContext } from '../../http/context.js';
import { AppError, conflict } from '../../http/errors.js';
import { amsterdamDate } from '../../lib/time.js';
import { raiseAlert } from '../alerts/raise-alert.js';
import { audit } from '../audit/record.js';
import { setCasePartners, touchCase } from '../cases/repository.js';
import { partnerStatuses } from '../matrix/repository.js';
import { alertIfOverdue, present, writtenAction } from './action-view.js';
import { insertAction, insertActionHistory, isUserOfPartner } from './repository.js';

/**
 * `POST /cases/:id/actions`: agrees who (a partner, perhaps one of its users) does what by when, in an
 * open case. A partner that does not take part yet joins the case, if the caller may change the case.
 */
export function createAction(ctx: RequestContext, caseId: string, input: CreateAction): Promise<Action> {
  return ctx.db.transaction(async (s) => {
    const c = await visibleCase(s, ctx, caseId);
    if (c.status === 'closed') throw conflict('De casus is afgesloten; heropen hem eerst.');
    const errors: FieldError[] = [];
    const partnerActive = (await partnerStatuses(s, [input.ownerPartnerId])).get(input.ownerPartnerId);
    const partnerKnown = partnerActive !== undefined;
    let addPartner = false;
    if (!partnerKnown) {
      errors.push({ path: 'ownerPartnerId', message: 'Onbekende partner' });
    } else if (!partnerActive) {
      // A deactivated organisation takes on no new work, also not in a case it took part in.
      errors.push({ path: 'ownerPartnerId', message: 'Deze partner is gedeactiveerd' });
    } else if (!c.partnerIds.includes(input.ownerPartnerId)) {
      // Giving a partner a task in a case lets it see the case: only who may change the case may do that.
      if (can(ctx, 'case.update', { case: c })) addPartner = true;
      else errors.push({ path: 'ownerPartnerId', message: 'Deze partner neemt niet deel aan de casus' });
    }
    if (input.assigneeUserId && partnerActive) {
      if (!(await isUserOfPartner(s, input.assigneeUserId, input.ownerPartnerId))) {
        errors.push({
          path: 'assigneeUserId',
          message: 'Geen actieve medewerker van de uitvoerende partner',
        });
      }
    }
    if (input.meetingId && !(await meetingOfCaseVisible(s, viewerOf(ctx), input.meetingId, caseId))) {
      errors.push({ path: 'meetingId', message: 'Onbekend overleg, of de casus staat niet op de agenda' });
    }
    if (input.goalId && !(await goalOfCaseVisible(s, viewerOf(ctx), input.goalId, caseId))) {
      errors.push({ path: 'goalId', message: 'Onbekend doel, of het hoort niet bij deze casus' });
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
      goalId: input.goalId ?? null,
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
    const a = await writtenAction(s, ctx, id);
    const today = amsterdamDate();
    await raiseAlert(s, ctx.publicUrl, {
      kind: 'action_created',
      caseId,
      actorUserId: ctx.userId,
      actionId: id,
      assigneeUserId: a.assigneeUserId,
    });
    await alertIfOverdue(s, ctx, a, today);
    await audit(s, ctx, {
      action: 'create',
      objectType: 'action',
      objectId: id,
      personIds: c.personIds,
      processingActivityId: c.processingActivityId,
      details: { caseId, ...(addPartner ? { partnerAdded: input.ownerPartnerId } : {}) },
    });
    return present(ctx, a, today);
  });
}
