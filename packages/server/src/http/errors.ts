import { ERROR_CODES, type ErrorCode, type FieldError, PROBLEM_BASE, type Problem } from '@wijkregie/shared';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodError } from 'zod';

/** The one error type of the application. The error handler turns it into problem+json. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly errors?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(detail);
  }
  get status(): number {
    return ERROR_CODES[this.code].status;
  }
}

export const notFound = (what = 'Niet gevonden.') => new AppError('not-found', what);
export const forbidden = (detail = 'Je hebt geen toegang tot deze handeling.') =>
  new AppError('forbidden', detail);
export const conflict = (detail: string, errors?: FieldError[]) => new AppError('conflict', detail, errors);
/** A 409 for one named field whose message is the detail too (`Dit e-mailadres is al in gebruik`). */
export const fieldConflict = (path: string, message: string) =>
  new AppError('conflict', `${message}.`, [{ path, message }]);
/** A 429: a throttle refused for now; `Retry-After` says when to try again. */
export const tooManyRequests = (detail: string, retryAfterSeconds: number) =>
  new AppError('too-many-requests', detail, undefined, { 'Retry-After': String(retryAfterSeconds) });
/** A 400 for one named field. */
export const invalidField = (path: string, message: string) =>
  new AppError('validation', `Ongeldige invoer: ${path}`, [{ path, message }]);

/** Zod issues → field errors; an unknown key becomes an error on that key. */
export function zodFieldErrors(error: ZodError, prefix: readonly PropertyKey[] = []): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of error.issues) {
    const base = [...prefix, ...issue.path].map(String);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push({ path: [...base, key].join('.'), message: 'Onbekend veld' });
    } else if (issue.code === 'invalid_type' && issue.input === undefined) {
      out.push({ path: base.join('.') || '(body)', message: 'Verplicht veld' });
    } else {
      out.push({ path: base.join('.') || '(body)', message: issue.message });
    }
  }
  return out;
}

export function validationError(error: ZodError): AppError {
  const errors = zodFieldErrors(error);
  const names = [...new Set(errors.map((e) => e.path))].join(', ');
  return new AppError('validation', `Ongeldige invoer: ${names}`, errors);
}

export function problem(code: ErrorCode, detail: string, errors?: FieldError[]): Problem {
  const { status, title } = ERROR_CODES[code];
  return { type: PROBLEM_BASE + code, title, status, detail, ...(errors?.length ? { errors } : {}) };
}

export function sendProblem(reply: FastifyReply, err: AppError): FastifyReply {
  if (err.headers) reply.headers(err.headers);
  return reply
    .code(err.status)
    .type('application/problem+json; charset=utf-8')
    .send(problem(err.code, err.detail, err.errors));
}

/** Fastify's own errors (parsing, limits) mapped to our codes. Anything unknown becomes a 500. */
function fromFastifyError(err: FastifyError): AppError | undefined {
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('payload-too-large', 'Het verzoek is groter dan toegestaan.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError(
        'unsupported-media-type',
        'Stuur de gegevens als JSON (Content-Type: application/json).',
      );
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('malformed', 'Het verzoek heeft geen inhoud.', [
        { path: '(body)', message: 'Lege JSON-inhoud' },
      ]);
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new AppError('malformed', 'De inhoud is geen geldige JSON.', [
        { path: '(body)', message: 'Geen geldige JSON' },
      ]);
  }
  if (err instanceof SyntaxError || err.statusCode === 400) {
    return new AppError('malformed', 'De inhoud is geen geldige JSON.', [
      { path: '(body)', message: 'Geen geldige JSON' },
    ]);
  }
  if (err.statusCode === 404) return notFound();
  if (err.statusCode === 405) return new AppError('method-not-allowed', 'Deze methode kan hier niet.');
  if (err.statusCode === 413)
    return new AppError('payload-too-large', 'Het verzoek is groter dan toegestaan.');
  if (err.statusCode === 415) return new AppError('unsupported-media-type', 'Niet ondersteund inhoudstype.');
  return undefined;
}

export function errorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  if (err instanceof AppError) return sendProblem(reply, err);
  const mapped = fromFastifyError(err);
  if (mapped) return sendProblem(reply, mapped);
  // Unexpected: log it on the server (no request body, no personal data) and say little.
  req.log.error({ err: { message: err.message, code: err.code, stack: err.stack } }, 'unhandled error');
  return sendProblem(reply, new AppError('internal', 'Er ging iets mis. Probeer het later opnieuw.'));
}
