import { spreadsheetCsv } from '../lib/csv.ts';
import { DownloadLink } from './DownloadLink.tsx';
import { Paragraph } from './Heading.tsx';
import { type Column, DataTable, type DataTableProps } from './Table.tsx';

/** A column of the table that is also a column of its CSV file. */
export interface CsvColumn<T> extends Column<T> {
  /** The value in the file: the plain number or code, not the table's formatted text. */
  csv: (row: T) => string | number | null;
  /** The file's heading when it says more than the table's. */
  csvHeader?: string;
}

export interface CsvTableProps<T> extends DataTableProps<T> {
  columns: readonly CsvColumn<T>[];
  /** The text of the download link, e.g. "Exporteer CSV van de buurten". */
  csvLink: string;
  csvFilename: string;
}

/** A table of figures with, above it, its rows as a CSV file made in the browser from the same columns. */
export function CsvTable<T>({ csvLink, csvFilename, ...table }: CsvTableProps<T>) {
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
      <DataTable {...table} />
    </>
  );
}
