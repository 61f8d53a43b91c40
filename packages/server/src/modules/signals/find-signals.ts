import type { SignalList, SignalListQuery } from '@wijkregie/shared';
import { viewerOf } from '../../access/viewer.js';
import type { RequestContext } from '../../http/context.js';
import { amsterdamDate } from '../../lib/time.js';
import { listSignals } from './repository.js';
import { filterOf } from './signal-filter.js';
import { present } from './signal-view.js';

/** `GET /signals`: the signals the caller may see, filtered before paging; the list is audited. */
export async function findSignals(ctx: RequestContext, query: SignalListQuery): Promise<SignalList> {
  const { limit, offset, sort, order, ...rest } = query;
  const f = filterOf(rest);
  const result = await listSignals(
    ctx.db.read,
    viewerOf(ctx),
    f,
    amsterdamDate(),
    { limit, offset },
    { sort, order },
  );
  await ctx.auditRead([
    {
      action: 'list',
      objectType: 'signal',
      objectIds: result.items.map((x) => x.id),
      personIds: [...new Set(result.items.flatMap((x) => x.personIds))],
      details: { filter: { ...f }, total: result.total },
    },
  ]);
  return { items: result.items.map(present), total: result.total };
}
