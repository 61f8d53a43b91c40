import type { Sorting, SortOrder } from '@wijkregie/shared';

/**
 * The ORDER BY of a sortable list: the column of the requested field — looked up in the list's own
 * allow-list, so no text of the request reaches the SQL — then the list's usual order as tie-break
 * (which ends in the id, so pages stay stable). Without `sort` the usual order alone. Empty values
 * go last whichever way.
 */
export function orderOf<F extends string>(
  by: Sorting<F> | undefined,
  columns: Readonly<Record<F, string>>,
  usual: string,
): string {
  if (!by?.sort) return usual;
  return `${columns[by.sort]} ${direction(by.order)} NULLS LAST, ${usual}`;
}

const direction = (order: SortOrder | undefined) => (order === 'desc' ? 'DESC' : 'ASC');
