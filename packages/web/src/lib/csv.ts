/**
 * CSV for spreadsheets, made in the browser: semicolons, CRLF and a BOM, as the server's exports
 * (what a Dutch spreadsheet opens without asking).
 */

/** A CSV cell: quoted when needed, and never a formula when opened in a spreadsheet. */
function cell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[";\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const line = (values: readonly (string | number | null | undefined)[]) => `${values.map(cell).join(';')}\r\n`;

/** The whole file: the header line and a line per row. */
export function spreadsheetCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | null | undefined)[])[],
): string {
  return `\uFEFF${line(header)}${rows.map(line).join('')}`;
}

/** A decimal number as a Dutch spreadsheet reads it: "2,5". */
export function csvDecimal(value: number | null): string {
  return value === null
    ? ''
    : value.toLocaleString('nl-NL', { maximumFractionDigits: 2, useGrouping: false });
}
