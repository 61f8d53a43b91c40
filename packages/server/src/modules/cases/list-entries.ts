import type { EntryList, EntryListQuery } from '@wijkregie/shared';
import { readVisibleCase } from '../../access/cases.js';
import { viewerOf } from '../../access/viewer.js';
import type { AuditEvent, RequestContext } from '../../http/context.js';
import { entriesPageJson, entryPageJson } from './entry-repository.js';

/**
 * `GET /cases/:id/entries`: a page of the journal in the categories the caller's partner may read.
 * Reading it is recorded for every entry handed out, each with the case among its objects (a search
 * by the case finds them); the case itself is recorded once, by the case view's `GET /cases/:id`, not
 * again by each part of that view.
 */
export async function listEntries(
  ctx: RequestContext,
  caseId: string,
  query: EntryListQuery,
): Promise<EntryList> {
  const { limit, offset, category } = query;
  const s = ctx.db.read;
  // The case and the page in one statement (the page is read whatever the case; it goes out only
  // when the caller may see the case).
  const viewer = viewerOf(ctx);
  const read = await readVisibleCase(s, ctx, caseId, {
    along: (p) => entriesPageJson(viewer, { category }, { limit, offset }, p),
  });
  const c = read.case;
  const page = entryPageJson.parse(read.along);
  await ctx.auditRead(
    page.items.map(
      (e): AuditEvent => ({
        action: 'read',
        objectType: 'entry',
        objectId: e.id,
        objectIds: [caseId, e.id],
        personIds: c.personIds,
        processingActivityId: c.processingActivityId,
        details: { caseId },
      }),
    ),
  );
  return page;
}
