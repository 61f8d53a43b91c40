import type { ReactNode } from 'react';
import { ariaSortOf, SortButton, SortSelect, type TableSorting } from './Sorting.tsx';

export interface Column<T> {
  header: string;
  cell: (row: T) => ReactNode;
  /** The field of the list operation's `sort` this column sorts on (with `sorting` on the table). */
  sort?: string;
}

/**
 * The key of a row for React. Rows with a string `id` are keyed by it unless `rowKey` says otherwise; for rows
 * without one, `rowKey` is required. `[T]` keeps the test from distributing over a union: rows of which some
 * have no string `id` must give a `rowKey`.
 */
export type RowKeyProps<T> = [T] extends [{ id: string }]
  ? { rowKey?: (row: T) => string }
  : { rowKey: (row: T) => string };

/** What a `DataTable` takes besides `rowKey` (see `DataTableProps`); tables built on it extend this. */
export interface DataTableBaseProps<T> {
  caption: string;
  columns: readonly Column<T>[];
  rows: readonly T[];
  /** Shown in place of the rows when there are none. */
  empty?: string;
  /** Makes the headers of columns with a `sort` buttons (components/Sorting.tsx). */
  sorting?: TableSorting;
  /** The list's order when nobody chose one, in words ("laatst gewijzigd eerst"). */
  usualOrder?: string;
}

export type DataTableProps<T> = DataTableBaseProps<T> & RowKeyProps<T>;

/**
 * The row key a table's props give: their `rowKey`, else the row's `id`. The cast is sound: `RowKeyProps`
 * lets `rowKey` be left out only when `T` has a string `id`. A table built on `DataTable` passes
 * `rowKey={rowKeyOf(props)}` on: the rest of its props after destructuring (an `Omit` of a type with a
 * condition on a type parameter) no longer shows TypeScript that a key is there.
 */
export function rowKeyOf<T>(props: RowKeyProps<T>): (row: T) => string {
  return props.rowKey ?? ((row) => (row as { id: string }).id);
}

/**
 * A data table with column headers. On a narrow screen (below 40em, a phone) every row becomes a card in
 * which each cell carries its column header as a label, with the same content, links and buttons: a table
 * squeezed into 390 px leaves one or two letters a line.
 *
 * The card look is CSS only, on the same elements, so nothing is rendered twice (ids of buttons stay
 * unique). CSS `display` on table elements makes some browsers drop the table from the accessibility
 * tree, so the elements state their roles explicitly. The label is CSS generated content from
 * `data-label` with an empty alternative text: a screen reader already announces the column header of
 * each cell, and the text of a cell stays its content.
 */
export function DataTable<T>(props: DataTableProps<T>) {
  const { caption, columns, rows, empty = 'Geen gegevens.', sorting, usualOrder = 'vaste volgorde' } = props;
  const rowKey = rowKeyOf(props);
  const headerProps = (column: Column<T>) => ({
    className: 'utrecht-table__header-cell',
    'aria-sort': sorting && column.sort ? ariaSortOf(sorting, column.sort) : undefined,
  });
  const sortable = columns.flatMap((c) => (c.sort ? [{ header: c.header, field: c.sort }] : []));
  return (
    <div className="utrecht-table-container wr-table-container">
      {sorting && sortable.length > 0 && (
        <SortSelect
          columns={sortable}
          sorting={sorting}
          usual={usualOrder}
          list={caption.replace(/\s*\(.*$/, '')}
        />
      )}
      {/* biome-ignore lint/a11y/noRedundantRoles: kept on purpose, see above (display: block in card mode). */}
      <table role="table" className="utrecht-table utrecht-table--html-table wr-table wr-table--cards">
        <caption className="utrecht-table__caption">{caption}</caption>
        {/* biome-ignore lint/a11y/noRedundantRoles: see the table. */}
        <thead role="rowgroup" className="utrecht-table__header">
          {/* biome-ignore lint/a11y/noRedundantRoles: see the table. */}
          <tr role="row" className="utrecht-table__row">
            {columns.map((column) => (
              // biome-ignore lint/a11y/noRedundantRoles: see the table.
              <th key={column.header} role="columnheader" scope="col" {...headerProps(column)}>
                {sorting && column.sort ? (
                  <SortButton header={column.header} field={column.sort} sorting={sorting} />
                ) : (
                  column.header
                )}
              </th>
            ))}
          </tr>
        </thead>
        {/* biome-ignore lint/a11y/noRedundantRoles: see the table. */}
        <tbody role="rowgroup" className="utrecht-table__body">
          {rows.length === 0 && (
            // biome-ignore lint/a11y/noRedundantRoles: see the table.
            <tr role="row" className="utrecht-table__row wr-table__empty">
              {/* biome-ignore lint/a11y/noRedundantRoles: see the table. */}
              <td role="cell" className="utrecht-table__cell" colSpan={columns.length}>
                {empty}
              </td>
            </tr>
          )}
          {rows.map((row) => (
            // biome-ignore lint/a11y/noRedundantRoles: see the table.
            <tr key={rowKey(row)} role="row" className="utrecht-table__row">
              {columns.map(({ header, cell }) => (
                // biome-ignore lint/a11y/noRedundantRoles: see the table.
                <td key={header} role="cell" data-label={header} className="utrecht-table__cell">
                  <div className="wr-table__value">{cell(row)}</div>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
