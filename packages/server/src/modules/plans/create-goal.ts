import type { CreateGoal, Goal, SubjectKind } from '@wijkregie/shared';
import { readVisibleCase } from '../../access/cases.js';
import { viewerOf } from '../../access/viewer.js';
import type { RequestContext } from '../../http/context.js';
import { conflict, forbidden, invalidField } from '../../http/errors.js';
import { audit } from '../audit/record.js';
import { planChanged } from './plan-changed.js';
import { domainAccess, insertGoal, readableGoal } from './repository.js';

/**
 * `POST /cases/:id/goals`: a goal in the case's plan for one of its subjects — a subject of the case
 * or a member of its household or group (400 `subjectId` otherwise) — on a known domain (400
 * `domain`) whose category the caller's partner may write (403). Not on a closed case (409).
 */
export function createGoal(ctx: RequestContext, caseId: string, input: CreateGoal): Promise<Goal> {
  return ctx.db.transaction(async (s) => {
    const v = viewerOf(ctx);
    const c = (await readVisibleCase(s, ctx, caseId)).case;
    const subject = c.subjects.find((x) => x.id === input.subjectId);
    const kind: SubjectKind | undefined =
      subject?.kind ?? (c.personIds.includes(input.subjectId) ? 'person' : undefined);
    if (!kind) throw invalidField('subjectId', 'Kies een betrokkene van deze casus');
    const domain = (await domainAccess(s, v, [input.domain])).get(input.domain);
    if (!domain) throw invalidField('domain', 'Onbekend leefgebied');
    if (!domain.writable) throw forbidden('Jouw organisatie mag geen doelen op dit leefgebied stellen.');
    if (c.status === 'closed') throw conflict('De casus is afgesloten; heropen hem eerst.');

    const id = await insertGoal(s, {
      caseId,
      domain: input.domain,
      subjectKind: kind,
      subjectId: input.subjectId,
      text: input.text,
      targetScore: input.targetScore ?? null,
      dueDate: input.dueDate ?? null,
      createdBy: ctx.userId,
    });
    await planChanged(s, ctx, caseId, 'plan_changed', [domain.category]);
    await audit(s, ctx, {
      action: 'create',
      objectType: 'goal',
      objectId: id,
      objectIds: [caseId, id],
      personIds: c.personIds,
      processingActivityId: c.processingActivityId,
      details: { caseId, domain: input.domain, subjectKind: kind },
    });
    const goal = await readableGoal(s, v, caseId, id);
    if (!goal) throw new Error('the goal just written is not readable by its author');
    return goal;
  });
}
