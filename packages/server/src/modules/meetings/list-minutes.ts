import type { EntryList } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { minutesFor, visibleMeeting } from './meeting-view.js';

/** `GET /meetings/:id/minutes`: the minutes and decisions the caller may read, per visible agenda item. */
export async function listMinutes(ctx: RequestContext, meetingId: string): Promise<EntryList> {
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
