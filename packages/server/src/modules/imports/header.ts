import type { FieldError } from '@wijkregie/shared';
import { AppError } from '../../http/errors.js';
import type { CsvRecord } from './csv.js';

/**
 * The position of each documented column in a file's header. A missing, unknown or repeated column
 * rejects the whole file (400) before any row is read, each named in Dutch by `name` ("postcode
 * (kolom postalCode)"). Column names are matched without regard to case; a trailing separator is fine.
 */
export function headerColumns<C extends string>(
  header: CsvRecord,
  columns: readonly C[],
  name: (column: C) => string,
): Record<C, number> {
  const byName = new Map(columns.map((c) => [c.toLowerCase(), c]));
  const found = new Map<C, number>();
  const errors: FieldError[] = [];
  header.fields.forEach((raw, i) => {
    const text = raw.trim();
    if (text === '' && i === header.fields.length - 1 && i > 0) return; // a trailing separator
    const col = byName.get(text.toLowerCase());
    if (!col) {
      errors.push({
        path: '(body)',
        message: `Kopregel: onbekende kolom "${text.slice(0, 60)}" (kolom ${i + 1}); verwacht: ${columns.join(', ')}.`,
      });
    } else if (found.has(col)) {
      errors.push({ path: '(body)', message: `Kopregel: ${name(col)} staat er twee keer in.` });
    } else {
      found.set(col, i);
    }
  });
  for (const col of columns) {
    if (!found.has(col)) errors.push({ path: '(body)', message: `Kopregel: ${name(col)} ontbreekt.` });
  }
  if (errors.length) {
    const detail = `Het bestand is niet ingelezen: de kopregel klopt niet (${errors
      .map((e) => e.message.replace(/^Kopregel: /, '').replace(/[.;]$/, ''))
      .slice(0, 5)
      .join('; ')}).`;
    throw new AppError('validation', detail, errors);
  }
  return Object.fromEntries(found) as Record<C, number>;
}
