import type { FieldError } from '@wijkregie/shared';
import { AppError } from '../../http/errors.js';
import { hasUnstorableText, UNSTORABLE_MESSAGE } from '../../http/text-guard.js';
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

/**
 * What is wrong with a record as a whole, before its fields are read: it could not be read, a field holds
 * text PostgreSQL cannot store (a NUL byte decodes to U+0000: the row is refused, not the file), or it has
 * more or fewer fields than the documented columns (empty fields after them are fine). Undefined when the
 * record can be read field by field; else the row's message, starting with its line.
 */
export function recordProblem<C extends string>(
  rec: CsvRecord,
  positions: Record<C, number>,
  columns: readonly C[],
  name: (column: C) => string,
): string | undefined {
  if (rec.error) return `Regel ${rec.line}: ${rec.error}`;
  const unstorable = columns.filter((c) => hasUnstorableText(rec.fields[positions[c]] ?? ''));
  if (unstorable.length) {
    return `Regel ${rec.line}: ${unstorable.map((c) => `${name(c)}: ${UNSTORABLE_MESSAGE.toLowerCase()}`).join('; ')}`;
  }
  const width = columns.length;
  if (rec.fields.length < width || rec.fields.slice(width).some((f) => f.trim() !== '')) {
    return `Regel ${rec.line}: ${rec.fields.length} velden in plaats van ${width}`;
  }
  return undefined;
}

const POSTAL_CODE = /^[1-9]\d{3}[A-Z]{2}$/;
const HOUSE_NUMBER = /^\d{1,5}([-/]?[A-Z0-9]{1,6})?$/;

/**
 * Reads the fields of a record that `recordProblem` let through and collects what is wrong with them, each
 * error named by its column (`name`). A reader answers the value, `null` for an empty optional field, or
 * `undefined` once it has recorded the field's error.
 */
export class FieldReader<C extends string> {
  readonly errors: string[] = [];

  constructor(
    private readonly rec: CsvRecord,
    private readonly positions: Record<C, number>,
    private readonly name: (column: C) => string,
  ) {}

  /** The field's text, trimmed, its white space folded. */
  get(c: C): string {
    return (this.rec.fields[this.positions[c]] ?? '').trim().replace(/\s+/g, ' ');
  }

  /** Records the field's error; answers `undefined`, the value of a field in error. */
  fail(c: C, message: string): undefined {
    this.errors.push(`${this.name(c)}: ${message}`);
    return undefined;
  }

  text(c: C, max: number, required: boolean): string | null | undefined {
    const v = this.get(c);
    if (v === '') return required ? this.fail(c, 'verplicht') : null;
    return v.length > max ? this.fail(c, `te lang (max. ${max} tekens)`) : v;
  }

  /** A Dutch house number (12, 12A, 12-2), compared without spaces in upper case ("12 a" is 12A). */
  houseNumber(c: C, required: boolean): string | null | undefined {
    return this.code(c, HOUSE_NUMBER, 'geen geldig huisnummer (bijv. 12, 12A of 12-2)', required);
  }

  /** A Dutch postal code, compared without spaces in upper case ("1234 ab" is 1234AB). */
  postalCode(c: C, required: boolean): string | null | undefined {
    return this.code(c, POSTAL_CODE, 'geen geldige postcode (1234 AB)', required);
  }

  private code(c: C, pattern: RegExp, message: string, required: boolean): string | null | undefined {
    const v = this.get(c).replace(/\s+/g, '').toUpperCase();
    if (v === '') return required ? this.fail(c, 'verplicht') : null;
    return pattern.test(v) ? v : this.fail(c, message);
  }
}
