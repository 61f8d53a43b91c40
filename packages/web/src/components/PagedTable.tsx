import type { Paging } from '../lib/usePaging.ts';
import { Pagination } from './Pagination.tsx';
import { orderedCaption, type TableSorting } from './Sorting.tsx';
import { DataTable, type DataTableProps } from './Table.tsx';

export interface PagedTableProps<T> extends Omit<DataTableProps<T>, 'rows'> {
  /** One page of the list, as a list operation answers it. */
  page: { items: readonly T[]; total: number };
  /** The accessible name of the pagination, e.g. "Paginering casussen". */
  pagingLabel: string;
  paging: Paging;
}

/** A page of a longer list: its rows as a `DataTable` and "Vorige"/"Volgende" below them. */
export function PagedTable<T>({ page, pagingLabel, paging, ...table }: PagedTableProps<T>) {
  return (
    <>
      <DataTable {...table} rows={page.items} />
      <Pagination label={pagingLabel} total={page.total} {...paging} />
    </>
  );
}

export interface FilteredPagedTableProps<T>
  extends Omit<PagedTableProps<T>, 'caption' | 'empty' | 'sorting' | 'usualOrder'> {
  /** The list's name, the start of the caption: "Signalen (12), gefilterd, nieuwste eerst". */
  noun: string;
  /** Whether a filter of the page narrows the list. */
  filtered: boolean;
  sorting: TableSorting;
  usualOrder: string;
  /** What is shown without rows: when the filters find nothing, and when there is nothing at all. */
  empty: { filtered: string; none: string };
}

/** A list page's PagedTable under its FilterBar: the caption says whether it is filtered and how it is sorted. */
export function FilteredPagedTable<T>({
  noun,
  filtered,
  sorting,
  usualOrder,
  empty,
  page,
  ...table
}: FilteredPagedTableProps<T>) {
  return (
    <PagedTable
      {...table}
      caption={orderedCaption(
        `${noun} (${page.total})${filtered ? ', gefilterd' : ''}`,
        sorting.field,
        usualOrder,
      )}
      sorting={sorting}
      usualOrder={usualOrder}
      page={page}
      empty={filtered ? empty.filtered : empty.none}
    />
  );
}
