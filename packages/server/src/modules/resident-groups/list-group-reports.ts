import { type GroupReportList, SIGNAL_STATUS_PUBLIC } from '@wijkregie/shared';
import { viewerOf } from '../../access/viewer.js';
import type { RequestContext } from '../../http/context.js';
import { managedGroup } from './group-view.js';
import { listGroupReportRows } from './repository.js';

/**
 * `GET /resident-groups/:id/reports` (the regisseur or the group's coordinator; others 403): the group's
 * reports, newest first (at most 200), with their status in the words the group reads on the tracking
 * page and the tracking code; the signal's id only when the caller may open the signal.
 */
export async function listGroupReports(ctx: RequestContext, groupId: string): Promise<GroupReportList> {
  const s = ctx.db.read;
  await managedGroup(s, ctx, groupId);
  const found = await listGroupReportRows(s, groupId, viewerOf(ctx));
  return {
    items: found.map((r) => ({
      signalId: r.shown_id,
      category: r.category,
      urgency: r.urgency,
      status: r.status,
      statusText: SIGNAL_STATUS_PUBLIC[r.status],
      trackingCode: r.tracking_code,
      createdAt: r.created_at.toISOString(),
    })),
    total: found.length,
  };
}
