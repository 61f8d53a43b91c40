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

/** Deeper than this a JSON value is refused: no form of this API nests beyond a few levels. */
export const MAX_DEPTH = 64;

/** What is wrong with a value: unstorable text at `path`, or nesting deeper than MAX_DEPTH. */
export type TextProblem = { path: string; kind: 'unstorable' | 'too-deep' };

/**
 * The first string (or object key) in a parsed JSON value, query or path parameters that holds
 * unstorable text, or a value nested too deep; undefined when all is well. Below the top, only plain
 * objects and arrays are walked (JSON makes nothing else); at the top any object is (Fastify's query
 * object has a prototype of its own). A Buffer body (the CSV import) is not text here: its reader
 * checks each cell. The walk uses its own stack, so no input can exhaust the call stack.
 */
export function findTextProblem(root: unknown): TextProblem | undefined {
  const stack: { value: unknown; path: string[] }[] = [{ value: root, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      if (UNSTORABLE.test(value)) return { path: path.join('.') || '(body)', kind: 'unstorable' };
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (path.length > MAX_DEPTH) return { path: '(body)', kind: 'too-deep' };
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: [...path, String(i)] });
      continue;
    }
    if (path.length > 0 ? !isPlain(value) : Buffer.isBuffer(value)) continue;
    const entries = Object.entries(value);
    for (const [key] of entries) {
      if (UNSTORABLE.test(key)) return { path: [...path, printable(key)].join('.'), kind: 'unstorable' };
    }
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, v] = entries[i]!;
      stack.push({ value: v, path: [...path, key] });
    }
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
      const problem = findTextProblem(part);
      if (problem?.kind === 'unstorable') throw unstorableText(problem.path);
      if (problem) {
        throw new AppError('validation', 'Ongeldige invoer: (body)', [
          { path: '(body)', message: `Te diep genest (meer dan ${MAX_DEPTH} niveaus)` },
        ]);
      }
    }
  });
}
