import {
  CREDITOR_TYPES,
  type CreditorType,
  creditorCategory,
  creditorColumnName,
  END_OF_SUPPLY_DEADLINE,
} from '@wijkregie/shared';
import { addDays, amsterdamMidnight } from '../../lib/time.js';
import { addWorkingDays } from '../../lib/workdays.js';
import { type CsvRecord, parseAmount } from '../imports/csv.js';
import { FieldReader, headerColumns as readHeader, recordProblem } from '../imports/header.js';
import { type CreditorColumn as Column, CREDITOR_COLUMNS } from './columns.js';
import type { CategoryDeadline, CreditorSignalRow } from './import-repository.js';

/**
 * The rows of a creditor file: the header checked against the documented columns, each data row
 * validated and normalised with a Dutch message per wrong field, and the description a professional
 * reads ("Betalingsachterstand energie bij … van € 1.234,56 sinds 1 september 2026").
 */

// Header ------------------------------------------------------------------------------------------

/** The position of each column; a missing, unknown or repeated column rejects the whole file (400). */
export function headerColumns(header: CsvRecord): Record<Column, number> {
  return readHeader(header, CREDITOR_COLUMNS, creditorColumnName);
}

// Rows --------------------------------------------------------------------------------------------

const MONTHS = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
];
/** "1 september 2026". */
export const dutchDate = (iso: string) =>
  `${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;

/** "1.234,56". */
export function dutchAmount(value: number): string {
  const [int, dec] = value.toFixed(2).split('.') as [string, string];
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${dec}`;
}

const TYPE_WORD: Record<CreditorType, string> = {
  energie: 'energie',
  water: 'drinkwater',
  huur: 'huur',
  zorgverzekering: 'zorgverzekering',
};
const END_OF_SUPPLY_WORDS: Record<CreditorType, string> = {
  energie: 'dreigende afsluiting',
  water: 'dreigende afsluiting',
  huur: 'dreigende ontruiming',
  zorgverzekering: 'dreigende opzegging van de verzekering',
};

export function creditorDescription(r: {
  type: CreditorType;
  name: string;
  amount: number;
  since: string | null;
  endOfSupply: boolean;
}): string {
  return (
    `Betalingsachterstand ${TYPE_WORD[r.type]} bij ${r.name} van € ${dutchAmount(r.amount)}` +
    (r.since ? ` sinds ${dutchDate(r.since)}` : '') +
    (r.endOfSupply ? `, ${END_OF_SUPPLY_WORDS[r.type]}` : '')
  );
}

/** `YYYY-MM-DD` or `DD-MM-YYYY` (also with `/` or `.`) → `YYYY-MM-DD`, or undefined when not a real date. */
export function parseDate(raw: string): string | undefined {
  const s = raw.trim();
  let y: number;
  let m: number;
  let d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (match) {
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else {
    match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s);
    if (!match) return undefined;
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  }
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const INITIALS = /^(\p{Lu}|\p{Ll}){1,3}(\.?[ -]?(\p{Lu}|\p{Ll}){1,3}){0,7}\.?$/u;
const HAS_LETTER = /\p{L}/u;
const CREDITOR_TYPE_SET = new Set<string>(CREDITOR_TYPES);
const MAX_AMOUNT = 9_999_999_999.99; // numeric(12, 2)

/** Validates and normalises one data row; a string is the rejection message for the line. */
export class RowValidator {
  /** first_contact_due per (type, date, end of supply): most rows of a file share a few dates. */
  private readonly dueCache = new Map<string, string>();
  private ord = 0;

  constructor(
    private readonly columns: Record<Column, number>,
    private readonly deadlines: Map<string, CategoryDeadline>,
    private readonly today: string,
  ) {}

  validate(rec: CsvRecord): CreditorSignalRow | string {
    const problem = recordProblem(rec, this.columns, CREDITOR_COLUMNS, creditorColumnName);
    if (problem) return problem;
    const f = new FieldReader(rec, this.columns, creditorColumnName);
    const date = (c: Column, required: boolean) => {
      const v = f.get(c);
      if (v === '') return required ? f.fail(c, 'verplicht') : null;
      return parseDate(v) ?? f.fail(c, 'geen geldige datum (JJJJ-MM-DD of DD-MM-JJJJ)');
    };

    const rawType = f.get('creditorType').toLowerCase();
    const type = CREDITOR_TYPE_SET.has(rawType)
      ? (rawType as CreditorType)
      : f.fail('creditorType', rawType === '' ? 'verplicht' : 'kies energie, water, huur of zorgverzekering');
    const name = f.text('creditorName', 200, true);
    const reference = f.text('reference', 100, true);
    const signalDate = date('signalDate', true);
    const lastName = f.text('lastName', 200, true);
    if (lastName && !HAS_LETTER.test(lastName)) f.fail('lastName', 'geen geldige achternaam');
    const initials = f.text('initials', 30, false);
    if (initials && !INITIALS.test(initials)) f.fail('initials', 'geen geldige voorletters (bijv. J.P.)');
    const birthDate = date('birthDate', false);
    if (birthDate && birthDate > this.today) f.fail('birthDate', 'ligt in de toekomst');
    const street = f.text('street', 200, false);
    const houseNumber = f.houseNumber('houseNumber', true);
    const postalCode = f.postalCode('postalCode', true);
    const city = f.text('city', 100, false);
    const rawAmount = f.get('arrearsAmount');
    let amount: number | undefined;
    if (rawAmount === '') f.fail('arrearsAmount', 'verplicht');
    else {
      amount = parseAmount(rawAmount);
      if (amount === undefined) f.fail('arrearsAmount', 'geen geldig bedrag (bijv. 1234,56 of 1.234,56)');
      else if (amount <= 0) f.fail('arrearsAmount', 'moet groter dan 0 zijn');
      else if (amount > MAX_AMOUNT) f.fail('arrearsAmount', 'te groot');
    }
    const arrearsSince = date('arrearsSince', false);
    if (arrearsSince && signalDate && arrearsSince > signalDate)
      f.fail('arrearsSince', 'ligt na de signaaldatum');
    const rawEnd = f.get('endOfSupply').toLowerCase();
    const endOfSupply =
      rawEnd === 'ja'
        ? true
        : rawEnd === 'nee' || rawEnd === ''
          ? false
          : f.fail('endOfSupply', 'kies ja of nee');
    const deadline = type ? this.deadlines.get(creditorCategory(type)) : undefined;
    if (type && !deadline)
      f.fail('creditorType', `de signaalcategorie ${creditorCategory(type)} bestaat niet`);

    // Every missing value came with its error; the checks after `f.errors.length` only tell the compiler.
    if (
      f.errors.length ||
      !type ||
      !name ||
      !reference ||
      !signalDate ||
      !lastName ||
      !houseNumber ||
      !postalCode ||
      amount === undefined ||
      endOfSupply === undefined ||
      !deadline
    ) {
      return `Regel ${rec.line}: ${f.errors.join('; ')}`;
    }
    const since = arrearsSince ?? null;
    return {
      ord: ++this.ord,
      category: creditorCategory(type),
      description: creditorDescription({ type, name, amount, since, endOfSupply }),
      occurred_at: amsterdamMidnight(signalDate).toISOString(),
      street: street ?? null,
      house_number: houseNumber,
      postal_code: postalCode,
      city: city ?? null,
      first_contact_due: this.due(type, signalDate, endOfSupply, deadline),
      creditor_type: type,
      creditor_name: name,
      creditor_reference: reference,
      signal_date: signalDate,
      last_name: lastName,
      initials: initials ?? null,
      birth_date: birthDate ?? null,
      arrears_amount: amount.toFixed(2),
      arrears_since: since,
      end_of_supply: endOfSupply,
    };
  }

  /** 28 calendar days (the category's deadline), or 3 working days when supply is about to end. */
  private due(type: CreditorType, date: string, endOfSupply: boolean, deadline: CategoryDeadline): string {
    const key = `${type}|${date}|${endOfSupply}`;
    let due = this.dueCache.get(key);
    if (!due) {
      const d = endOfSupply ? END_OF_SUPPLY_DEADLINE : deadline;
      due = d.working ? addWorkingDays(date, d.days) : addDays(date, d.days);
      if (this.dueCache.size < 10_000) this.dueCache.set(key, due);
    }
    return due;
  }
}
