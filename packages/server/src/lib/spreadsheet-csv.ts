import type { FastifyReply } from 'fastify';

/**
 * CSV for spreadsheets (exports): semicolons, CRLF and a BOM — what a Dutch spreadsheet opens
 * without asking. The creditor files that come in are read elsewhere (modules/imports/csv.ts).
 */

/** A CSV cell: quoted when needed, and never a formula when opened in a spreadsheet. */
function cell(v: unknown): string {
  let s = v === null || v === undefined ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[";\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
const csvLine = (values: readonly unknown[]) => `${values.map(cell).join(';')}\r\n`;

/** The whole file: the header line and a line per row. */
export const spreadsheetCsv = (header: readonly string[], rows: readonly (readonly unknown[])[]) =>
  `\uFEFF${csvLine(header)}${rows.map(csvLine).join('')}`;

/** A CSV file to download: its name and text. */
export interface CsvDownload {
  filename: string;
  body: string;
}

/**
 * Makes the answer a CSV download (the browser saves it under its name) and gives the text to send:
 * the route returns it and `serve` sends it as it is (a string under a non-JSON type is not serialized).
 */
export function csvAnswer(reply: FastifyReply, file: CsvDownload): string {
  reply
    .type('text/csv; charset=utf-8')
    .header('Content-Disposition', `attachment; filename="${file.filename}"`);
  return file.body;
}
