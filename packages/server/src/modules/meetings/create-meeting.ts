import { randomUUID } from 'node:crypto';
import type { CreateMeeting, Meeting } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { addDaysKeepingLocalTime } from '../../lib/time.js';
import { audit } from '../audit/record.js';
import { presentOne, validateMeetingRefs, writtenMeeting } from './meeting-view.js';
import { insertMeeting, setAgenda, setMeetingPartners } from './repository.js';

/**
 * `POST /meetings`: plans a meeting, or with `recurrence` a series (every n weeks at the same local
 * time, also across a change to or from summer time). Answers the first meeting.
 */
export function createMeeting(ctx: RequestContext, input: CreateMeeting): Promise<Meeting> {
  return ctx.db.transaction(async (s) => {
    await validateMeetingRefs(s, ctx, input);
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
    const [firstId = ''] = ids;
    await audit(s, ctx, {
      action: 'create',
      objectType: 'meeting',
      objectId: firstId,
      objectIds: input.caseIds,
      details: { occurrences: count, seriesId },
    });
    return presentOne(s, ctx, await writtenMeeting(s, firstId));
  });
}
