import type { EntryList, EntryListQuery } from '@wijkregie/shared';
import { visibleCase } from '../../access/cases.js';
import { viewerOf } from '../../access/viewer.js';
import type { AuditEvent, RequestContext } from '../../http/context.js';
import { entriesPage } from './entry-repository.js';

/**
 * `GET /cases/:id/entries`: a page of the journal in the categories the caller's partner may read;
 * reading it is recorded for the case and for every entry handed out.
 */
export async function listEntries(
  ctx: RequestContext,
  caseId: string,
  query: EntryListQuery,
): Promise<EntryList> {
  const { limit, offset, category } = query;
  const s = ctx.db.read;
  const c = await visibleCase(s, ctx, caseId);
  const page = await entriesPage(s, caseId, viewerOf(ctx), { category }, { limit, offset });
  const entriesRead = page.items.map(
    (e): AuditEvent => ({
      action: 'read',
      objectType: 'entry',
      objectId: e.id,
      personIds: c.personIds,
      details: { caseId },
    }),
  );
  await ctx.auditRead([
    {
      action: 'read',
      objectType: 'case',
      objectId: caseId,
      personIds: c.personIds,
      details: { journal: page.items.length },
    },
    ...entriesRead,
  ]);
  return page;
}
