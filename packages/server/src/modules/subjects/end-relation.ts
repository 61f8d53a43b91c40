import type { EndedRelation, EndRelation } from '@wijkregie/shared';
import { visibleSubjectRefs } from '../../access/subjects.js';
import { viewerOf } from '../../access/viewer.js';
import type { RequestContext } from '../../http/context.js';
import { invalidField, notFound } from '../../http/errors.js';
import { amsterdamDate } from '../../lib/time.js';
import { audit } from '../audit/record.js';
import { requireBasisWrite } from './editable-subject.js';
import { dropContactPerson, lockRelation, moveToEnded, recordChange } from './history-repository.js';

/**
 * Ends a relation (someone moved out, left the group): it no longer counts as holding now, and stays
 * on both subjects' pages as ended, with the day and who ended it. 404 unless the caller sees both
 * ends; changing relations is changing basic data, so it needs write access to `basis` as editing
 * does. A household's contact person whose membership ends is no longer its contact person.
 */
export function endRelation(ctx: RequestContext, id: string, input: EndRelation): Promise<EndedRelation> {
  const today = amsterdamDate();
  const endedOn = input.endedOn ?? today;
  if (endedOn > today) throw invalidField('endedOn', 'De einddatum ligt in de toekomst');
  return ctx.db.transaction(async (s) => {
    const relation = await lockRelation(s, id);
    const seen = relation ? await visibleSubjectRefs(s, [relation.from, relation.to], viewerOf(ctx)) : null;
    if (!relation || !seen?.has(relation.from.id) || !seen.has(relation.to.id)) {
      throw notFound('Deze relatie bestaat niet, is al beëindigd of is niet zichtbaar voor jou.');
    }
    await requireBasisWrite(s, ctx);
    const ended = await moveToEnded(s, id, endedOn, ctx.userId);
    const personIds = [relation.from, relation.to].filter((r) => r.kind === 'person').map((r) => r.id);
    await audit(s, ctx, {
      action: 'update',
      objectType: 'relation',
      objectId: id,
      personIds,
      details: { endedOn },
    });
    if (relation.type === 'member_of' && relation.to.kind === 'household') {
      if (await dropContactPerson(s, relation.to.id, relation.from.id)) {
        const household = { kind: 'household', id: relation.to.id } as const;
        await recordChange(s, household, ctx.userId, [
          { field: 'contactPersonId', from: 'ingesteld', to: null },
        ]);
        await audit(s, ctx, {
          action: 'update',
          objectType: 'household',
          objectId: household.id,
          details: { fields: ['contactPersonId'] },
        });
      }
    }
    return ended;
  });
}
