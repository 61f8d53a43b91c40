import {
  CREDITOR_TYPES,
  type CreditorType,
  creditorCategory,
  END_OF_SUPPLY_DEADLINE,
  type FieldError,
  type ImportResult,
  type PartnerKind,
} from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { AppError, conflict, forbidden, invalidField, notFound } from '../../http/errors.js';
import { hasUnstorableText, UNSTORABLE_MESSAGE } from '../../http/text-guard.js';
import { addDays, amsterdamDate, amsterdamMidnight } from '../../lib/time.js';
import { addWorkingDays } from '../../lib/workdays.js';
import { auditEntries } from '../audit/context.js';
import { appendAudit } from '../audit/repository.js';
import { type CsvRecord, parseAmount, readCsv } from './csv.js';
import {
  analyzeSignals,
  type CategoryDeadline,
  type CreditorSignalRow,
  categoryDeadlines,
  findImportRun,
  type ImportCounts,
  insertCreditorSignals,
  insertImportRun,
  latestImportRun,
  matchedPersonIds,
  partnerKind,
  touchImportRun,
  updateImportRun,
} from './import-repository.js';
import { matchSignals } from './matching.js';

/** The columns of the creditor file (docs/integration.md), in the order of the documentation. */
export const CREDITOR_COLUMNS = [
  'creditorType',
  'creditorName',
  'reference',
  'signalDate',
  'lastName',
  'initials',
  'birthDate',
  'street',
  'houseNumber',
  'postalCode',
  'city',
  'arrearsAmount',
  'arrearsSince',
  'endOfSupply',
] as const;
type Column = (typeof CREDITOR_COLUMNS)[number];

/** Partner kinds whose professionals may import creditor signals (regisseurs always may). */
export const IMPORTING_PARTNER_KINDS: readonly PartnerKind[] = ['gemeente', 'schuldhulp', 'wijkteam'];

/** Rows per INSERT and per transaction. */
export const IMPORT_BATCH_SIZE = 1000;
/** Rejected rows listed in the answer; the rest are counted in one closing line. */
export const MAX_REJECTED_LISTED = 1000;

export interface ImportOptions {
  /** Called once the run is registered (after the header was read), e.g. to hand the id to a poller. */
  onStart?: (importId: string) => void;
}

/** A type alias, not an interface: it must be assignable to a JSON record (the route's response). */
export type ImportProgress = {
  id: string;
  status: 'running' | 'done' | 'failed' | 'interrupted';
  lines: number;
  imported: number;
  duplicates: number;
  rejected: number;
  startedAt: string;
  finishedAt: string | null;
};

/** Regisseurs, and professionals of the municipality, debt counselling and the care team; never the police. */
export async function assertMayImport(ctx: RequestContext): Promise<void> {
  if (ctx.roles.includes('regisseur')) return;
  if (ctx.roles.includes('professional')) {
    const kind = await partnerKind(ctx.db.read, ctx.partnerId);
    if (kind && IMPORTING_PARTNER_KINDS.includes(kind)) return;
  }
  throw forbidden(
    'Alleen de gemeente, schuldhulpverlening en het wijkteam mogen signalen van schuldeisers inlezen.',
  );
}

/**
 * `POST /signals/import`: reads the creditor CSV as it streams in, validates each row, inserts the
 * valid ones in batches (one transaction each: insert, matching, alerts, audit, progress) and
 * reports what was imported, what was a duplicate (same creditor name + reference) and which lines
 * were rejected and why. Nothing in the answer tells the importer about matches with cases.
 */
export async function importCreditorCsv(
  ctx: RequestContext,
  input: AsyncIterable<Buffer | string>,
  opts: ImportOptions = {},
): Promise<ImportResult & { importId: string }> {
  await assertMayImport(ctx);
  const records = readCsv(input);
  const head = await records.next();
  if (head.done) throw invalidField('(body)', 'Het bestand is leeg: de kopregel ontbreekt.');
  const columns = headerColumns(head.value);

  const keys = CREDITOR_TYPES.map(creditorCategory);
  const deadlines = await categoryDeadlines(ctx.db.read, keys);
  const importId = await insertImportRun(ctx.db.read, ctx.userId);
  opts.onStart?.(importId);

  const today = amsterdamDate();
  const validator = new RowValidator(columns, deadlines, today);
  const counts: ImportCounts = { lines: 0, imported: 0, duplicates: 0, rejected: 0 };
  const rejected: ImportResult['rejected'] = [];
  let batch: CreditorSignalRow[] = [];
  let sinceProgress = 0;
  let batchNo = 0;

  const flush = async () => {
    const rows = batch;
    batch = [];
    sinceProgress = 0;
    if (rows.length === 0) {
      if (!(await updateImportRun(ctx.db.read.q, ctx.tenantId, importId, counts))) throw interrupted();
      return;
    }
    batchNo++;
    const after = await ctx.db.transaction(async (s) => {
      const ids = await insertCreditorSignals(s, rows, { userId: ctx.userId, partnerId: ctx.partnerId });
      await matchSignals(s, ids, { userId: ctx.userId, publicUrl: ctx.publicUrl });
      const personIds = await matchedPersonIds(s, ids);
      const next: ImportCounts = {
        ...counts,
        imported: counts.imported + ids.length,
        duplicates: counts.duplicates + rows.length - ids.length,
      };
      await appendAudit(
        s.q,
        auditEntries(ctx, [
          {
            action: 'import',
            objectType: 'signal',
            objectIds: ids,
            personIds,
            details: { importId, batch: batchNo, rows: rows.length, duplicates: rows.length - ids.length },
          },
        ]),
      );
      if (!(await updateImportRun(s.q, ctx.tenantId, importId, next))) throw interrupted();
      return next;
    });
    // The counts include a batch only once it is committed.
    counts.imported = after.imported;
    counts.duplicates = after.duplicates;
    // Let other requests in between batches: validation is synchronous work on a file already in memory,
    // and on the embedded database the queries share this thread too.
    await new Promise((resolve) => setImmediate(resolve));
    // After batches 1, 4, 16, 64, 256: fresh statistics while the table grows (see analyzeSignals).
    if (Math.log2(batchNo) % 2 === 0) await analyzeSignals(ctx.db.read.q);
  };

  // The lease: a heartbeat while rows are validated and batches committed. Should this run have been
  // declared interrupted meanwhile (the lease ran out), the next update finds out and the reading stops.
  const heartbeat = setInterval(() => {
    void touchImportRun(ctx.db.read.q, ctx.tenantId, importId).catch(() => {});
  }, IMPORT_HEARTBEAT_MS);
  heartbeat.unref();
  try {
    for await (const rec of records) {
      counts.lines++;
      sinceProgress++;
      const result = validator.validate(rec);
      if (typeof result === 'string') {
        counts.rejected++;
        if (rejected.length < MAX_REJECTED_LISTED) rejected.push({ line: rec.line, message: result });
      } else {
        batch.push(result);
      }
      if (batch.length >= IMPORT_BATCH_SIZE || sinceProgress >= IMPORT_BATCH_SIZE * 4) await flush();
    }
    await flush();
    if (!(await updateImportRun(ctx.db.read.q, ctx.tenantId, importId, counts, 'done'))) throw interrupted();
  } catch (err) {
    await updateImportRun(ctx.db.read.q, ctx.tenantId, importId, counts, 'failed').catch(() => {});
    throw err;
  } finally {
    clearInterval(heartbeat);
  }
  if (counts.rejected > rejected.length) {
    rejected.push({
      line: 0,
      message: `En nog ${counts.rejected - rejected.length} andere regels afgewezen (alleen de eerste ${MAX_REJECTED_LISTED} staan hier).`,
    });
  }
  return { importId, imported: counts.imported, duplicates: counts.duplicates, rejected };
}

const IMPORT_HEARTBEAT_MS = 10_000;

const interrupted = () =>
  conflict(
    'De import is onderbroken. De regels tot de onderbreking zijn opgeslagen; lees hetzelfde bestand opnieuw in om verder te gaan (al ingelezen regels worden als dubbel overgeslagen).',
  );

/** Progress of an import run, for the importer and regisseurs; anyone else gets 404. */
export async function importProgress(
  ctx: RequestContext,
  importId: string | 'current',
): Promise<ImportProgress> {
  await assertMayImport(ctx);
  const row =
    importId === 'current'
      ? await latestImportRun(ctx.db.read, ctx.userId)
      : await findImportRun(ctx.db.read, importId);
  if (!row || (row.user_id !== ctx.userId && !ctx.roles.includes('regisseur'))) {
    throw notFound('Deze import bestaat niet.');
  }
  return {
    id: row.id,
    status: row.status,
    lines: row.lines,
    imported: row.imported,
    duplicates: row.duplicates,
    rejected: row.rejected,
    startedAt: row.started_at.toISOString(),
    finishedAt: row.finished_at ? row.finished_at.toISOString() : null,
  };
}

// Header ------------------------------------------------------------------------------------------

/** The position of each column; a missing, unknown or repeated column rejects the whole file (400). */
export function headerColumns(header: CsvRecord): Record<Column, number> {
  const byName = new Map(CREDITOR_COLUMNS.map((c) => [c.toLowerCase(), c]));
  const found = new Map<Column, number>();
  const errors: FieldError[] = [];
  header.fields.forEach((raw, i) => {
    const name = raw.trim();
    if (name === '' && i === header.fields.length - 1 && i > 0) return; // a trailing separator
    const col = byName.get(name.toLowerCase());
    if (!col) {
      errors.push({
        path: '(body)',
        message: `Kopregel: onbekende kolom "${name.slice(0, 60)}" (kolom ${i + 1}); verwacht: ${CREDITOR_COLUMNS.join(', ')}.`,
      });
    } else if (found.has(col)) {
      errors.push({ path: '(body)', message: `Kopregel: kolom ${col} staat er twee keer in.` });
    } else {
      found.set(col, i);
    }
  });
  for (const col of CREDITOR_COLUMNS) {
    if (!found.has(col)) errors.push({ path: '(body)', message: `Kopregel: kolom ${col} ontbreekt.` });
  }
  if (errors.length) {
    const detail = `Het bestand is niet ingelezen: de kopregel klopt niet (${errors
      .map((e) => e.message.replace(/^Kopregel: /, '').replace(/[.;]$/, ''))
      .slice(0, 5)
      .join('; ')}).`;
    throw new AppError('validation', detail, errors);
  }
  return Object.fromEntries(found) as Record<Column, number>;
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

const POSTAL_CODE = /^[1-9]\d{3}[A-Z]{2}$/;
const HOUSE_NUMBER = /^\d{1,5}([-/]?[A-Z0-9]{1,6})?$/;
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
    if (rec.error) return `Regel ${rec.line}: ${rec.error}`;
    // A NUL byte decodes to U+0000, which PostgreSQL cannot store: the row is refused, not the file.
    const unstorable = CREDITOR_COLUMNS.filter((c) => hasUnstorableText(rec.fields[this.columns[c]] ?? ''));
    if (unstorable.length) {
      return `Regel ${rec.line}: ${unstorable.map((c) => `${c}: ${UNSTORABLE_MESSAGE.toLowerCase()}`).join('; ')}`;
    }
    const width = CREDITOR_COLUMNS.length;
    const extra = rec.fields.slice(width);
    if (rec.fields.length < width || extra.some((f) => f.trim() !== '')) {
      return `Regel ${rec.line}: ${rec.fields.length} velden in plaats van ${width}`;
    }
    const errors: string[] = [];
    const get = (c: Column) => (rec.fields[this.columns[c]] ?? '').trim().replace(/\s+/g, ' ');
    const fail = (c: Column, message: string) => {
      errors.push(`${c}: ${message}`);
      return undefined;
    };
    const text = (c: Column, max: number, required: boolean) => {
      const v = get(c);
      if (v === '') return required ? fail(c, 'verplicht') : null;
      if (v.length > max) return fail(c, `te lang (max. ${max} tekens)`);
      return v;
    };
    const date = (c: Column, required: boolean) => {
      const v = get(c);
      if (v === '') return required ? fail(c, 'verplicht') : null;
      return parseDate(v) ?? fail(c, 'geen geldige datum (JJJJ-MM-DD of DD-MM-JJJJ)');
    };

    const rawType = get('creditorType').toLowerCase();
    const type = CREDITOR_TYPE_SET.has(rawType)
      ? (rawType as CreditorType)
      : fail('creditorType', rawType === '' ? 'verplicht' : 'kies energie, water, huur of zorgverzekering');
    const name = text('creditorName', 200, true);
    const reference = text('reference', 100, true);
    const signalDate = date('signalDate', true);
    const lastName = text('lastName', 200, true);
    if (lastName && !HAS_LETTER.test(lastName)) fail('lastName', 'geen geldige achternaam');
    const initials = text('initials', 30, false);
    if (initials && !INITIALS.test(initials)) fail('initials', 'geen geldige voorletters (bijv. J.P.)');
    const birthDate = date('birthDate', false);
    if (birthDate && birthDate > this.today) fail('birthDate', 'ligt in de toekomst');
    const street = text('street', 200, false);
    const rawNumber = get('houseNumber').replace(/\s+/g, '').toUpperCase();
    const houseNumber =
      rawNumber === ''
        ? fail('houseNumber', 'verplicht')
        : HOUSE_NUMBER.test(rawNumber)
          ? rawNumber
          : fail('houseNumber', 'geen geldig huisnummer (bijv. 12, 12A of 12-2)');
    const rawPostal = get('postalCode').replace(/\s+/g, '').toUpperCase();
    const postalCode =
      rawPostal === ''
        ? fail('postalCode', 'verplicht')
        : POSTAL_CODE.test(rawPostal)
          ? rawPostal
          : fail('postalCode', 'geen geldige postcode (1234 AB)');
    const city = text('city', 100, false);
    const rawAmount = get('arrearsAmount');
    let amount: number | undefined;
    if (rawAmount === '') fail('arrearsAmount', 'verplicht');
    else {
      amount = parseAmount(rawAmount);
      if (amount === undefined) fail('arrearsAmount', 'geen geldig bedrag (bijv. 1234,56 of 1.234,56)');
      else if (amount <= 0) fail('arrearsAmount', 'moet groter dan 0 zijn');
      else if (amount > MAX_AMOUNT) fail('arrearsAmount', 'te groot');
    }
    const arrearsSince = date('arrearsSince', false);
    if (arrearsSince && signalDate && arrearsSince > signalDate) fail('arrearsSince', 'ligt na signalDate');
    const rawEnd = get('endOfSupply').toLowerCase();
    const endOfSupply =
      rawEnd === 'ja'
        ? true
        : rawEnd === 'nee' || rawEnd === ''
          ? false
          : fail('endOfSupply', 'kies ja of nee');
    const deadline = type ? this.deadlines.get(creditorCategory(type)) : undefined;
    if (type && !deadline) fail('creditorType', `de signaalcategorie ${creditorCategory(type)} bestaat niet`);

    if (errors.length) return `Regel ${rec.line}: ${errors.join('; ')}`;
    const t = type!;
    const since = arrearsSince ?? null;
    return {
      ord: ++this.ord,
      category: creditorCategory(t),
      description: creditorDescription({
        type: t,
        name: name!,
        amount: amount!,
        since,
        endOfSupply: endOfSupply!,
      }),
      occurred_at: amsterdamMidnight(signalDate!).toISOString(),
      street: street ?? null,
      house_number: houseNumber!,
      postal_code: postalCode!,
      city: city ?? null,
      first_contact_due: this.due(t, signalDate!, endOfSupply!, deadline!),
      creditor_type: t,
      creditor_name: name!,
      creditor_reference: reference!,
      signal_date: signalDate!,
      last_name: lastName!,
      initials: initials ?? null,
      birth_date: birthDate ?? null,
      arrears_amount: amount!.toFixed(2),
      arrears_since: since,
      end_of_supply: endOfSupply!,
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
