import type { Multipart } from '@fastify/multipart';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from '@wijkregie/shared';
import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.js';
import { findTextProblem, hasUnstorableText, unstorableText } from './text-guard.js';

/** How much one multipart/form-data body may carry. */
export interface FormLimits {
  /** File parts in one body. */
  files: number;
  /** Bytes of one file. */
  fileSize: number;
}

export const DEFAULT_FORM_LIMITS: FormLimits = { files: MAX_ATTACHMENTS, fileSize: MAX_ATTACHMENT_BYTES };

/** Text fields: a handful, each at most 100 KiB (a journal text is at most 20,000 characters). */
const MAX_FIELDS = 20;
const MAX_FIELD_BYTES = 100 * 1024;

const mebibytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/**
 * A file's name as it may be stored and shown: no folders (an old browser sends a whole path), no
 * control characters or unstorable text, at most 200 characters; `bestand` when nothing is left.
 */
export function cleanFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  const chars = [...base].filter((c) => {
    const code = c.codePointAt(0) ?? 0;
    return code >= 0x20 && code !== 0x7f && !hasUnstorableText(c);
  });
  const name = chars.slice(0, 200).join('').trim();
  return name === '' || name === '.' || name === '..' ? 'bestand' : name;
}

/** The multipart plugin's and busboy's errors as the API's problems; nothing has been stored yet. */
function formError(err: unknown, limits: FormLimits): AppError {
  if (err instanceof AppError) return err;
  const code = (err as { code?: unknown }).code;
  switch (code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return new AppError('payload-too-large', `Een bestand is groter dan ${mebibytes(limits.fileSize)}.`, [
        { path: 'file', message: `Maximaal ${mebibytes(limits.fileSize)} per bestand` },
      ]);
    case 'FST_FILES_LIMIT':
      return new AppError('payload-too-large', `Te veel bestanden (max. ${limits.files}).`, [
        { path: 'file', message: `Maximaal ${limits.files} bestanden` },
      ]);
    case 'FST_FIELDS_LIMIT':
    case 'FST_PARTS_LIMIT':
      return new AppError('payload-too-large', 'Het formulier heeft te veel velden.');
  }
  return new AppError('malformed', 'Het formulier (multipart/form-data) is niet leesbaar.', [
    { path: '(body)', message: 'Geen geldige multipart/form-data' },
  ]);
}

/**
 * Reads a multipart/form-data body into what the operation's form schema checks: each text field by
 * its name (a repeated name becomes a list, which a schema that wants text refuses), the files of
 * each file field as a list of `File`s. Limits are enforced while reading: a file past `fileSize`,
 * or more files than `files`, is a 413 before anything is stored. An empty file part without a name
 * is what a browser sends for a file input left empty; it is skipped.
 */
export async function readForm(
  request: FastifyRequest,
  limits: FormLimits,
): Promise<Record<string, unknown>> {
  const fields: Record<string, string | string[]> = {};
  const files: Record<string, File[]> = {};
  let parts: AsyncIterableIterator<Multipart>;
  try {
    parts = request.parts({
      limits: {
        fileSize: limits.fileSize,
        files: limits.files,
        fields: MAX_FIELDS,
        fieldSize: MAX_FIELD_BYTES,
        parts: limits.files + MAX_FIELDS,
        headerPairs: 100,
      },
    });
    for await (const part of parts) {
      if (part.type === 'file') {
        const data = await part.toBuffer();
        if (part.filename === '' && data.length === 0) continue;
        const list = files[part.fieldname] ?? [];
        // Buffer.concat gives a Buffer over a plain ArrayBuffer (never a shared one), which File takes.
        const bytes = data as Buffer<ArrayBuffer>;
        list.push(new File([bytes], cleanFileName(part.filename), { type: part.mimetype }));
        files[part.fieldname] = list;
        continue;
      }
      if (part.valueTruncated) {
        throw new AppError('payload-too-large', `Het veld ${part.fieldname} is te lang.`, [
          { path: part.fieldname, message: 'Te lang' },
        ]);
      }
      // A field sent with Content-Type application/json arrives parsed; the form schema reads JSON text.
      const value = typeof part.value === 'string' ? part.value : JSON.stringify(part.value);
      const known = fields[part.fieldname];
      fields[part.fieldname] = known === undefined ? value : [known, value].flat();
    }
  } catch (err) {
    throw formError(err, limits);
  }
  // Field names and values go to the database as text: the same guard as for JSON bodies.
  const problem = findTextProblem(fields);
  if (problem) throw unstorableText(problem.path);
  return { ...fields, ...files };
}
