import { spreadsheetCsv } from '../lib/csv.ts';
import { DownloadLink } from './DownloadLink.tsx';
import { Paragraph } from './Heading.tsx';
import { type Column, DataTable, type DataTableBaseProps, type RowKeyProps, rowKeyOf } from './Table.tsx';

/** A column of the table that is also a column of its CSV file. */
export interface CsvColumn<T> extends Column<T> {
  /** The value in the file: the plain number or code, not the table's formatted text. */
  csv: (row: T) => string | number | null;
  /** The file's heading when it says more than the table's. */
  csvHeader?: string;
}

export interface CsvTableBaseProps<T> extends DataTableBaseProps<T> {
  columns: readonly CsvColumn<T>[];
  /** The text of the download link, e.g. "Exporteer CSV van de buurten". */
  csvLink: string;
  csvFilename: string;
}

export type CsvTableProps<T> = CsvTableBaseProps<T> & RowKeyProps<T>;

/** A table of figures with, above it, its rows as a CSV file made in the browser from the same columns. */
export function CsvTable<T>(props: CsvTableProps<T>) {
  const { csvLink, csvFilename, ...table } = props;
  const csv = spreadsheetCsv(
    table.columns.map((c) => c.csvHeader ?? c.header),
    table.rows.map((row) => table.columns.map((c) => c.csv(row))),
  );
  return (
    <>
      <Paragraph>
        <DownloadLink text={csv} filename={csvFilename}>
          {csvLink}
        </DownloadLink>
      </Paragraph>
      <DataTable {...table} rowKey={rowKeyOf(props)} />
    </>
  );
}
