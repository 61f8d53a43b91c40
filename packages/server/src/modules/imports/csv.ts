import { parse } from 'csv-parse';

/**
 * The creditor early-warning file (docs/integration.md, "Creditor early warnings") read with
 * csv-parse: UTF-8 with or without BOM, `;` or `,` as separator (detected from the header line),
 * quoted fields with `""` escapes and line breaks inside quotes, CRLF, LF or CR line ends. Records
 * come one at a time as the input arrives, so a large file is never held as rows in memory.
 *
 * Around csv-parse: line ends are made LF before it sees them (its line count is then the file's, also
 * for files that mix CRLF and LF), so that each record knows the line it starts on; a broken record (an
 * unclosed quote, a record that is too long) becomes a record with an `error`, not the end of the file.
 */

export type CsvSeparator = ';' | ',';

export interface CsvRecord {
  /** 1-based line number where the record starts (the header is line 1). */
  line: number;
  fields: string[];
  /** Set when the record could not be read (an unclosed quote, a record that is too long). */
  error?: string;
}

/** A record longer than this (in characters) is reported as an error instead of being kept. */
export const MAX_RECORD_CHARS = 64 * 1024;

/** The separator of a header line: the one of `;` and `,` that occurs most outside quotes (`;` on a tie). */
export function detectSeparator(headerLine: string): CsvSeparator {
  let semi = 0;
  let comma = 0;
  let quoted = false;
  for (const c of headerLine) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === ';') semi++;
    else if (!quoted && c === ',') comma++;
  }
  return comma > semi ? ',' : ';';
}

/** Text chunks with CRLF and lone CR turned into LF; a CR at the end of a chunk waits for the next. */
async function* lfText(input: AsyncIterable<Buffer | Uint8Array | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  let cr = false;
  const normalise = (text: string) => {
    let t = cr ? `\r${text}` : text;
    cr = t.endsWith('\r');
    if (cr) t = t.slice(0, -1);
    return t.replace(/\r\n?/g, '\n');
  };
  for await (const chunk of input) {
    const text = normalise(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    if (text) yield text;
  }
  const rest = normalise(decoder.decode()) + (cr ? '\n' : '');
  if (rest) yield rest;
}

const countLf = (fields: readonly string[]) => fields.reduce((n, f) => n + f.split('\n').length - 1, 0);

/**
 * Reads CSV records from a stream of chunks (Buffers are UTF-8, also when a character is split over
 * two chunks). Empty lines are skipped. The first record yielded is the header.
 */
export async function* readCsv(
  input: AsyncIterable<Buffer | Uint8Array | string>,
): AsyncGenerator<CsvRecord> {
  const text = lfText(input);
  // The separator comes from the header line, so the parser starts once that line is complete.
  let head = '';
  let next = await text.next();
  while (!next.done && !head.includes('\n') && head.length <= MAX_RECORD_CHARS) {
    head += next.value;
    next = await text.next();
  }
  if (head.charCodeAt(0) === 0xfeff) head = head.slice(1);
  const firstLine = head.split('\n', 1)[0] ?? '';
  const parser = parse({
    delimiter: detectSeparator(firstLine),
    record_delimiter: '\n',
    relax_quotes: true, // a quote inside an unquoted field is an ordinary character
    relax_column_count: true, // the row validator names a wrong number of fields per line
    skip_records_with_error: true, // an unclosed quote is one bad record (reported below)
    skip_empty_lines: true,
    info: true,
  });
  const out: CsvRecord[] = [];
  let lastLine = 0; // the line the previous record ended on
  let emptyBefore = 0; // empty lines csv-parse had skipped by then
  parser.on('data', ({ record, info }: { record: string[]; info: { lines: number } }) => {
    // Line ends inside the record's fields are its own lines; it starts that many lines before its end.
    const line = info.lines - countLf(record);
    lastLine = info.lines;
    emptyBefore = parser.info.empty_lines;
    const chars = record.reduce((n, f) => n + f.length, 0);
    out.push(
      chars > MAX_RECORD_CHARS
        ? { line, fields: [], error: `regel is te lang (meer dan ${MAX_RECORD_CHARS} tekens)` }
        : { line, fields: record },
    );
  });
  parser.on('skip', (err: { code?: string; lines?: number }) => {
    // A broken record starts after the previous record and the empty lines skipped since.
    const line = lastLine + 1 + (parser.info.empty_lines - emptyBefore);
    lastLine = err.lines ?? lastLine;
    emptyBefore = parser.info.empty_lines;
    out.push({
      line,
      fields: [],
      error:
        err.code === 'CSV_QUOTE_NOT_CLOSED'
          ? 'aanhalingsteken niet afgesloten'
          : 'regel kan niet worden gelezen',
    });
  });
  let failure: unknown;
  parser.on('error', (err) => {
    failure = err;
  });
  const ended = new Promise<void>((resolve) => {
    parser.on('end', resolve);
    parser.on('close', resolve);
  });

  const write = (chunk: string) =>
    new Promise<void>((resolve) => {
      if (parser.write(chunk)) resolve();
      else parser.once('drain', resolve);
    });
  if (head) await write(head);
  for (; !next.done; next = await text.next()) {
    await write(next.value);
    yield* out.splice(0);
    if (failure) throw failure;
  }
  parser.end();
  await ended;
  if (failure) throw failure;
  yield* out.splice(0);
}

/** Parses an amount with a decimal comma or point ("1.234,56", "1234.56", "1234,56", "€ 12"). */
export function parseAmount(raw: string): number | undefined {
  const s = raw.replace(/[\s\u00a0€]/g, '');
  if (!/^\d[\d.,]*$/.test(s)) return undefined;
  const lastComma = s.lastIndexOf(',');
  const lastPoint = s.lastIndexOf('.');
  let intPart: string;
  let decPart = '';
  if (lastComma < 0 && lastPoint < 0) {
    intPart = s;
  } else {
    const commas = s.split(',').length - 1;
    const points = s.split('.').length - 1;
    let decimal: string | undefined;
    let thousands: string | undefined;
    if (commas > 0 && points > 0) {
      decimal = lastComma > lastPoint ? ',' : '.';
      thousands = decimal === ',' ? '.' : ',';
      if ((decimal === ',' ? commas : points) !== 1) return undefined;
    } else if (commas + points === 1) {
      decimal = commas ? ',' : '.';
    } else {
      thousands = commas ? ',' : '.'; // "1.234.567": thousands only
    }
    let body = s;
    if (decimal) {
      const at = s.lastIndexOf(decimal);
      body = s.slice(0, at);
      decPart = s.slice(at + 1);
      if (!/^\d{1,2}$/.test(decPart)) return undefined;
    }
    if (thousands) {
      if (!new RegExp(`^\\d{1,3}(\\${thousands}\\d{3})*$`).test(body)) return undefined;
      body = body.split(thousands).join('');
    }
    if (!/^\d+$/.test(body)) return undefined;
    intPart = body;
  }
  const value = Number(`${intPart}.${decPart || '0'}`);
  return Number.isFinite(value) ? value : undefined;
}
