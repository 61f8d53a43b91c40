/**
 * A streaming CSV reader for the creditor early-warning file (docs/integration.md, "Creditor early warnings"): UTF-8 with or
 * without BOM, `;` or `,` as separator (detected from the header line), quoted fields with `""`
 * escapes and line breaks inside quotes, CRLF or LF line ends. It reads the input chunk by chunk
 * and yields one record at a time, so a large file is never held as rows in memory.
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

const QUOTE = 34; // "
const LF = 10;
const CR = 13;

/** The separator of a header line: the one of `;` and `,` that occurs most outside quotes (`;` on a tie). */
export function detectSeparator(headerLine: string): CsvSeparator {
  let semi = 0;
  let comma = 0;
  let quoted = false;
  for (let i = 0; i < headerLine.length; i++) {
    const c = headerLine[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === ';') semi++;
    else if (!quoted && c === ',') comma++;
  }
  return comma > semi ? ',' : ';';
}

/**
 * Reads CSV records from a stream of chunks (Buffers are decoded as UTF-8, also when a character is
 * split over two chunks). Empty lines are skipped. The first record yielded is the header.
 */
export async function* readCsv(
  input: AsyncIterable<Buffer | Uint8Array | string>,
): AsyncGenerator<CsvRecord> {
  const decoder = new TextDecoder('utf-8');
  let sep = 0; // char code of the separator; 0 until the header line is complete
  let pending = ''; // text held back until the header line is complete
  let first = true;

  // Parser state, carried across chunks.
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let quoteInQuotes = false; // saw `"` inside a quoted field: an escape or the closing quote
  let afterCR = false; // the previous character was a CR (a following LF belongs to it)
  let line = 1; // current physical line
  let recordLine = 1;
  let recordChars = 0;
  let tooLong = false;
  let fieldQuoted = false; // the current field opened with a quote
  let fieldWasQuoted = false; // some field of the current record was quoted (`""` is not an empty line)

  const out: CsvRecord[] = [];

  const endField = () => {
    fields.push(field);
    field = '';
    fieldQuoted = false;
  };
  const endRecord = () => {
    endField();
    const empty = fields.length === 1 && fields[0] === '' && !fieldWasQuoted;
    if (!empty) {
      const rec: CsvRecord = { line: recordLine, fields };
      if (tooLong) rec.error = `regel is te lang (meer dan ${MAX_RECORD_CHARS} tekens)`;
      out.push(rec);
    }
    fields = [];
    recordChars = 0;
    tooLong = false;
    fieldWasQuoted = false;
  };

  const parse = (text: string) => {
    let start = 0; // start of the run of plain characters not yet appended to `field`
    const flush = (end: number) => {
      if (end > start) {
        const n = end - start;
        recordChars += n;
        if (recordChars > MAX_RECORD_CHARS) tooLong = true;
        else field += text.slice(start, end);
      }
    };
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (afterCR) {
        afterCR = false;
        if (c === LF) {
          start = i + 1;
          continue;
        }
      }
      if (inQuotes) {
        if (quoteInQuotes) {
          quoteInQuotes = false;
          if (c === QUOTE) {
            // `""` inside quotes: one quote character. The first `"` was excluded from the run.
            start = i;
            continue;
          }
          inQuotes = false; // the quote closed the field; fall through to handle `c` outside quotes
          start = i;
        } else if (c === QUOTE) {
          flush(i);
          quoteInQuotes = true;
          start = i + 1;
          continue;
        } else {
          if (c === LF) line++;
          else if (c === CR) {
            // A line break inside quotes: keep it as LF; count the line once for CRLF.
            flush(i);
            if (!tooLong) field += '\n';
            line++;
            afterCR = true;
            start = i + 1;
          }
          continue;
        }
      }
      // Outside quotes.
      if (c === sep) {
        flush(i);
        endField();
        start = i + 1;
      } else if (c === LF || c === CR) {
        flush(i);
        endRecord();
        line++;
        recordLine = line;
        if (c === CR) afterCR = true;
        start = i + 1;
      } else if (c === QUOTE && field === '' && i === start && !fieldQuoted) {
        // A quote at the start of a field opens a quoted field; elsewhere it is an ordinary character.
        inQuotes = true;
        fieldQuoted = true;
        fieldWasQuoted = true;
        start = i + 1;
      }
    }
    // A `"` at the very end (escape or closing quote, decided by the next chunk) is already excluded.
    flush(text.length);
  };

  const feed = (text: string) => {
    if (sep === 0) {
      pending += text;
      const nl = pending.search(/[\r\n]/);
      if (nl < 0) {
        if (pending.length > MAX_RECORD_CHARS) {
          sep = detectSeparator(pending).charCodeAt(0);
          const all = pending;
          pending = '';
          parse(all);
        }
        return;
      }
      sep = detectSeparator(pending.slice(0, nl)).charCodeAt(0);
      const all = pending;
      pending = '';
      parse(all);
      return;
    }
    parse(text);
  };

  for await (const chunk of input) {
    let text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (first && text.length > 0) {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (text.length === 0) continue;
    feed(text);
    if (out.length) {
      for (const rec of out.splice(0)) yield rec;
    }
  }
  const rest = decoder.decode();
  if (rest) feed(rest);
  if (sep === 0 && pending.length > 0) {
    sep = detectSeparator(pending).charCodeAt(0);
    const all = pending;
    pending = '';
    parse(all);
  }
  // End of input: the last record may have no line end.
  if (inQuotes && !quoteInQuotes) {
    endField();
    out.push({ line: recordLine, fields, error: 'aanhalingsteken niet afgesloten' });
    fields = [];
  } else if (field !== '' || fields.length > 0 || fieldWasQuoted) {
    endRecord();
  }
  for (const rec of out.splice(0)) yield rec;
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
