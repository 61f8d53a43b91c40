import { type CaseDetail, can, nextStatuses, transitionKind } from '@wijkregie/shared';
import { readVisibleCase } from '../../access/cases.js';
import { viewerOf } from '../../access/viewer.js';
import type { RequestContext } from '../../http/context.js';
import { partnerAccess } from '../matrix/repository.js';
import { presentCases } from './case-view.js';
import { memberCases } from './repository.js';

/**
 * `GET /cases/:id`: the case as the caller may see it, the person cases of its household's or
 * group's members, and the statuses the caller may move it to now.
 */
export async function getCase(ctx: RequestContext, id: string): Promise<CaseDetail> {
  const s = ctx.db.read;
  const viewer = viewerOf(ctx);
  const read = await readVisibleCase(s, ctx, id, { signalsFor: viewer });
  const c = read.case;
  const hasMembers = c.subjects.some((x) => x.kind === 'household' || x.kind === 'group');
  const [access, related] = await Promise.all([
    partnerAccess(s, ctx.partnerId, read.matrixVersion),
    hasMembers ? memberCases(s, viewer, id) : Promise.resolve([]),
  ]);
  const signalIds = read.signalIds ?? [];
  const [out] = await presentCases(s, ctx, [c], access, read.subjectLabels);
  if (!out) throw new Error('presenting one case gave none');
  const allowedStatuses = nextStatuses(c.status).filter((to) =>
    can(ctx, transitionKind(c.status, to) === 'reopen' ? 'case.reopen' : 'case.update', { case: c }),
  );
  await ctx.auditRead([
    {
      action: 'read',
      objectType: 'case',
      objectId: id,
      personIds: c.personIds,
      processingActivityId: c.processingActivityId,
    },
  ]);
  return { ...out, relatedCases: related, allowedStatuses, signalIds };
}
