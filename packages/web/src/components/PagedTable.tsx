import type { Paging } from '../lib/usePaging.ts';
import { Pagination } from './Pagination.tsx';
import { orderedCaption, type TableSorting } from './Sorting.tsx';
import { DataTable, type DataTableBaseProps, type RowKeyProps, rowKeyOf } from './Table.tsx';

export interface PagedTableBaseProps<T> extends Omit<DataTableBaseProps<T>, 'rows'> {
  /** One page of the list, as a list operation answers it. */
  page: { items: readonly T[]; total: number };
  /** The accessible name of the pagination, e.g. "Paginering casussen". */
  pagingLabel: string;
  paging: Paging;
}

export type PagedTableProps<T> = PagedTableBaseProps<T> & RowKeyProps<T>;

/** A page of a longer list: its rows as a `DataTable` and "Vorige"/"Volgende" below them. */
export function PagedTable<T>(props: PagedTableProps<T>) {
  const { page, pagingLabel, paging, ...table } = props;
  return (
    <>
      <DataTable {...table} rows={page.items} rowKey={rowKeyOf(props)} />
      <Pagination label={pagingLabel} total={page.total} {...paging} />
    </>
  );
}

export interface FilteredPagedTableBaseProps<T>
  extends Omit<PagedTableBaseProps<T>, 'caption' | 'empty' | 'sorting' | 'usualOrder'> {
  /** The list's name, the start of the caption: "Signalen (12), gefilterd, nieuwste eerst". */
  noun: string;
  /** Whether a filter of the page narrows the list. */
  filtered: boolean;
  sorting: TableSorting;
  usualOrder: string;
  /** What is shown without rows: when the filters find nothing, and when there is nothing at all. */
  empty: { filtered: string; none: string };
}

export type FilteredPagedTableProps<T> = FilteredPagedTableBaseProps<T> & RowKeyProps<T>;

/** A list page's PagedTable under its FilterBar: the caption says whether it is filtered and how it is sorted. */
export function FilteredPagedTable<T>(props: FilteredPagedTableProps<T>) {
  const { noun, filtered, sorting, usualOrder, empty, page, ...table } = props;
  return (
    <PagedTable
      {...table}
      rowKey={rowKeyOf(props)}
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
