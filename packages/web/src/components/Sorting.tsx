import type { SortOrder } from '@wijkregie/shared';
import { useId } from 'react';
import { useSearchParams } from 'react-router-dom';

/**
 * Sortable lists. The server sorts (`?sort=&order=` of the list operations), so a sorted list is sorted
 * over all its pages; the page keeps the choice in its URL (`sorteer`, `volgorde`), so a reload, a link
 * or the back button keeps it. Without a choice the list has its usual order.
 */
export interface TableSorting {
  /** The field the list is sorted on now; none: the usual order. */
  field: string | undefined;
  order: SortOrder;
  /** Sort on `field`: a column not sorted yet ascending, the sorted column the other way round. */
  onSort: (field: string) => void;
  /** Sort as chosen in the narrow-screen select (undefined: the usual order). */
  onChoose: (field: string | undefined, order: SortOrder) => void;
}

/** What a list endpoint is asked for. */
export interface SortQuery<F extends string> {
  sort?: F | undefined;
  order?: SortOrder | undefined;
}

/**
 * The sort of a list page from its URL: `query` for the API call (only fields of `fields`, so a hand-made
 * URL cannot ask for a column the list does not sort on), `table` for DataTable's headers. Changing the
 * sort goes back to the first page. A page with more than one sortable list gives each its own `prefix`
 * (`komende-sorteer`, `eerdere-sorteer`; its page is then `<prefix>-vanaf`), so sorting one leaves the
 * other as it is.
 */
export function useSortParams<F extends string>(
  fields: readonly F[],
  prefix?: string,
): { query: SortQuery<F>; table: TableSorting } {
  const [params, setParams] = useSearchParams();
  const sortParam = prefix ? `${prefix}-sorteer` : 'sorteer';
  const orderParam = prefix ? `${prefix}-volgorde` : 'volgorde';
  const raw = params.get(sortParam);
  const field = fields.find((f) => f === raw);
  const order: SortOrder = params.get(orderParam) === 'af' ? 'desc' : 'asc';
  const apply = (next: string | undefined, nextOrder: SortOrder) => {
    const copy = new URLSearchParams(params);
    copy.delete(prefix ? `${prefix}-vanaf` : 'vanaf');
    if (next) {
      copy.set(sortParam, next);
      copy.set(orderParam, nextOrder === 'desc' ? 'af' : 'op');
    } else {
      copy.delete(sortParam);
      copy.delete(orderParam);
    }
    setParams(copy);
  };
  return {
    query: field ? { sort: field, order } : {},
    table: {
      field,
      order,
      onSort: (next) => apply(next, next === field && order === 'asc' ? 'desc' : 'asc'),
      onChoose: apply,
    },
  };
}

/** A list's caption that names the usual order while nobody chose another: "Casussen (12), nieuwste eerst". */
export function orderedCaption(caption: string, field: string | undefined, usualOrder: string): string {
  return field ? caption : `${caption}, ${usualOrder}`;
}

/** `aria-sort` of a column header: only the sorted column says how. */
export function ariaSortOf(sorting: TableSorting, field: string): 'ascending' | 'descending' | undefined {
  if (sorting.field !== field) return undefined;
  return sorting.order === 'asc' ? 'ascending' : 'descending';
}

/**
 * The content of a sortable column header: a button with the column's name (the header's accessible
 * name stays the column's name; the state is the `th`'s `aria-sort`), an arrow for who sees it. On a
 * phone the header row is hidden (the rows are cards) and the button with it; the name stays for screen
 * readers and `SortSelect` sorts.
 */
export function SortButton({
  header,
  field,
  sorting,
}: {
  header: string;
  field: string;
  sorting: TableSorting;
}) {
  const state = ariaSortOf(sorting, field);
  return (
    <>
      <button type="button" className="wr-sort-button" onClick={() => sorting.onSort(field)}>
        {header}
        <span className="wr-sort-button__icon" aria-hidden="true">
          {state === 'ascending' ? '▲' : state === 'descending' ? '▼' : '↕'}
        </span>
      </button>
      <span className="wr-sort-narrow-name">{header}</span>
    </>
  );
}

/**
 * The same choice as one select, for narrow screens where the table's header row is not shown:
 * "Titel (oplopend)", "Titel (aflopend)", … and the usual order.
 */
export function SortSelect({
  columns,
  sorting,
  usual,
  list,
}: {
  columns: readonly { header: string; field: string }[];
  sorting: TableSorting;
  /** How the list is ordered without a choice, e.g. "laatst gewijzigd eerst". */
  usual: string;
  /** The list's name, for screen readers ("Sorteren: Komende overleggen"): a page may hold two lists. */
  list: string;
}) {
  const id = useId();
  const value = sorting.field ? `${sorting.field}:${sorting.order}` : '';
  return (
    <div className="wr-sort-select">
      <label htmlFor={id} className="utrecht-form-label">
        Sorteren<span className="wr-visually-hidden">: {list}</span>
      </label>
      <select
        id={id}
        className="utrecht-select utrecht-select--html-select"
        value={value}
        onChange={(e) => {
          const [field, order] = e.target.value.split(':');
          sorting.onChoose(field || undefined, order === 'desc' ? 'desc' : 'asc');
        }}
      >
        <option value="">Standaard ({usual})</option>
        {columns.flatMap((c) => [
          <option key={`${c.field}:asc`} value={`${c.field}:asc`}>
            {c.header} (oplopend)
          </option>,
          <option key={`${c.field}:desc`} value={`${c.field}:desc`}>
            {c.header} (aflopend)
          </option>,
        ])}
      </select>
    </div>
  );
}
