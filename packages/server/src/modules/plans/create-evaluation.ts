import type { CreateEvaluation, Evaluation, FieldError } from '@wijkregie/shared';
import { readVisibleCase } from '../../access/cases.js';
import { viewerOf } from '../../access/viewer.js';
import type { RequestContext } from '../../http/context.js';
import { AppError, conflict, forbidden } from '../../http/errors.js';
import { audit } from '../audit/record.js';
import { planChanged } from './plan-changed.js';
import { evaluationsOf, goalAccess, insertEvaluation } from './repository.js';

/**
 * `POST /cases/:id/evaluations`: an evaluation moment of a case the caller sees (404) and may write
 * in, as a journal entry (`cases.write`); not on a closed case (409). Each goal status must name a
 * goal of this case the caller may read (400 `goalStatuses.N.goalId`) and write (403); it sets the
 * goal's status too. One transaction with the audit record and the alert.
 */
export function createEvaluation(
  ctx: RequestContext,
  caseId: string,
  input: CreateEvaluation,
): Promise<Evaluation> {
  return ctx.db.transaction(async (s) => {
    const v = viewerOf(ctx);
    const c = (await readVisibleCase(s, ctx, caseId)).case;
    const statuses = input.goalStatuses ?? [];
    const goals = await goalAccess(
      s,
      v,
      statuses.map((x) => x.goalId),
      true,
    );
    const errors: FieldError[] = [];
    const seen = new Set<string>();
    statuses.forEach((x, i) => {
      const g = goals.get(x.goalId);
      if (!g || g.case_id !== caseId || !g.readable) {
        errors.push({ path: `goalStatuses.${i}.goalId`, message: 'Onbekend doel in deze casus' });
      } else if (seen.has(x.goalId)) {
        errors.push({ path: `goalStatuses.${i}.goalId`, message: 'Elk doel één keer' });
      }
      seen.add(x.goalId);
    });
    if (errors.length) throw new AppError('validation', 'Ongeldige doelen.', errors);
    if (statuses.some((x) => !goals.get(x.goalId)?.writable)) {
      throw forbidden('Jouw organisatie mag de status van deze doelen niet wijzigen.');
    }
    if (c.status === 'closed') throw conflict('De casus is afgesloten; heropen hem eerst.');

    const id = await insertEvaluation(s, {
      caseId,
      date: input.date,
      text: input.text,
      authorUserId: ctx.userId,
      authorPartnerId: ctx.partnerId,
      goalStatuses: statuses,
    });
    await planChanged(s, ctx, caseId, 'evaluation_added');
    await audit(s, ctx, {
      action: 'create',
      objectType: 'evaluation',
      objectId: id,
      objectIds: [caseId, id, ...statuses.map((x) => x.goalId)],
      personIds: c.personIds,
      processingActivityId: c.processingActivityId,
      details: {
        caseId,
        date: input.date,
        goalStatuses: statuses.map((x) => ({
          goalId: x.goalId,
          before: goals.get(x.goalId)?.status,
          after: x.status,
        })),
      },
    });
    const [created] = await evaluationsOf(s, v, caseId, [id]);
    if (!created) throw new Error('the evaluation just written is not there');
    return created;
  });
}
