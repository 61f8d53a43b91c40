import type { Meeting } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { presentOne, visibleMeeting } from './meeting-view.js';

/** `GET /meetings/:id`: the meeting; its agenda shows only the cases the caller sees. */
export async function getMeeting(ctx: RequestContext, id: string): Promise<Meeting> {
  const s = ctx.db.read;
  const m = await visibleMeeting(s, ctx, id);
  const out = await presentOne(s, ctx, m);
  await ctx.auditRead([
    { action: 'read', objectType: 'meeting', objectId: id, objectIds: out.agenda.map((a) => a.caseId) },
  ]);
  return out;
}
