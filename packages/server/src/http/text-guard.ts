import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.js';

/**
 * Text PostgreSQL cannot store: a NUL character (`text` and `jsonb` refuse 0x00) or a UTF-16
 * surrogate without its partner (not valid Unicode; no UTF-8 encoding exists). Matched per code
 * unit, hence no `u` flag.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding the NUL character is the point.
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const UNSTORABLE_MESSAGE =
  'Bevat een teken dat niet kan worden opgeslagen (een NUL-teken of een losse surrogaat)';

export const hasUnstorableText = (s: string): boolean => UNSTORABLE.test(s);

/** A key as it may appear in a field path: the offending characters written as escapes. */
const printable = (key: string) =>
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the NUL character is what gets escaped.
  key.replace(/[\u0000\ud800-\udfff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

const isPlain = (v: object) => {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

/**
 * The path of the first string (or object key) in a parsed JSON value, query or path parameters
 * that holds unstorable text, or undefined when there is none. Below the top, only plain objects and
 * arrays are walked (JSON makes nothing else); at the top any object is (Fastify's query object has a
 * prototype of its own). A Buffer body (the CSV import) is not text here: its reader checks each cell.
 */
export function findUnstorableText(value: unknown, path: string[] = []): string | undefined {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? path.join('.') || '(body)' : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorableText(value[i], [...path, String(i)]);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (path.length > 0 ? !isPlain(value) : Buffer.isBuffer(value)) return undefined;
  for (const [key, v] of Object.entries(value)) {
    if (UNSTORABLE.test(key)) return [...path, printable(key)].join('.');
    const found = findUnstorableText(v, [...path, key]);
    if (found !== undefined) return found;
  }
  return undefined;
}

export const unstorableText = (path: string) =>
  new AppError('validation', `Ongeldige invoer: ${path}`, [{ path, message: UNSTORABLE_MESSAGE }]);

/**
 * One guard for every route: path parameters, query and JSON body are checked before validation,
 * so no handler, public or not, ever hands PostgreSQL a string it refuses (which would be a 500).
 */
export function registerTextGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    for (const part of [req.params, req.query, req.body]) {
      const path = findUnstorableText(part);
      if (path !== undefined) throw unstorableText(path);
    }
  });
}
