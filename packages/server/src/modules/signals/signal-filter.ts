import type { SignalFilterQuery } from '@wijkregie/shared';
import type { SignalFilter } from './repository.js';

/** The filter of a list or export query, with its `true`/`false` flags as booleans. */
export const filterOf = (q: SignalFilterQuery): SignalFilter => ({
  ...q,
  routedToMe: q.routedToMe === 'true',
  overdue: q.overdue === 'true',
  open: q.open === 'true',
});
