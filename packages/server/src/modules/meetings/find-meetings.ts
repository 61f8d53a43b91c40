import type { MeetingList, MeetingListQuery } from '@wijkregie/shared';
import { viewerOf } from '../../access/viewer.js';
import type { RequestContext } from '../../http/context.js';
import { present } from './meeting-view.js';
import { listMeetings } from './repository.js';

/**
 * `GET /meetings`: the meetings the caller sees — coming ones (soonest first), past ones (latest
 * first) or all, perhaps only those with a case on the agenda.
 */
export async function findMeetings(ctx: RequestContext, query: MeetingListQuery): Promise<MeetingList> {
  const { upcoming, past, caseId, limit, offset, sort, order } = query;
  const when = upcoming === 'true' ? 'upcoming' : past === 'true' ? 'past' : undefined;
  const s = ctx.db.read;
  const now = new Date().toISOString();
  // Upcoming includes meetings of the last few hours: a meeting in progress is still "coming".
  const recent = new Date(Date.now() - 4 * 3_600_000).toISOString();
  const result = await listMeetings(
    s,
    viewerOf(ctx),
    {
      ...(when === 'upcoming' ? { from: recent } : {}),
      ...(when === 'past' ? { to: now } : {}),
      caseId,
    },
    when === 'past' ? 'desc' : 'asc',
    { limit, offset },
    { sort, order },
  );
  const items = await present(s, ctx, result.items);
  await ctx.auditRead([{ action: 'list', objectType: 'meeting', objectIds: items.map((m) => m.id) }]);
  return { items, total: result.total };
}
