import type { z } from 'zod';
import type { Permission } from './permissions.js';

/**
 * An operation of the API as both sides of the wire know it: method and path, who may call it, the
 * schemas of what goes in and comes out, and the words the OpenAPI document shows. The server
 * registers its route from it (`http/serve.ts`), the web client calls it (`api/call.ts`) and the tests
 * read answers with its response schema — one declaration, so the three cannot drift apart.
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Who may call: anybody (`public`), anybody logged in (`session`), or holders of a permission. */
export type OperationAuth = 'public' | 'session' | Permission;

export interface Operation {
  readonly method: HttpMethod;
  /** The full path as routed, with `:name` for path parameters. */
  readonly path: string;
  readonly auth: OperationAuth;
  /** The OpenAPI tag (one of the tags the server's document defines). */
  readonly tag: string;
  readonly summary: string;
  readonly params?: z.ZodType;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  /** Content types the body may come in, when not JSON (the creditor file: `text/csv`). */
  readonly consumes?: readonly string[];
  /**
   * The body as `multipart/form-data`, for an operation that also takes files beside its JSON body
   * (a journal entry with attachments): text fields by name (what JSON sends as an object, array or
   * number as its JSON text), files as `file` parts (`z.file()`). The server reads the form
   * (`http/form.ts`) and validates it with this schema; the document shows both bodies.
   */
  readonly form?: z.ZodType;
  /**
   * The success status: 200 unless said otherwise (201 for a creation, 204 for no content, 302 for a
   * browser's redirect: the handler answers the `Location`).
   */
  readonly status?: 200 | 201 | 202 | 204 | 302;
  /** The schema of the success answer; none for 204. */
  readonly response?: z.ZodType;
  /**
   * Callable by a session that may only set up tweestapsverificatie (a role that requires it, not yet
   * enrolled): the logged-in user, logout and the enrolment itself. Every other operation answers 403.
   */
  readonly duringEnrolment?: true;
  /** The error statuses the operation can answer (problem+json), for the document. */
  readonly problems: readonly number[];
}

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;
type Sent<S> = S extends z.ZodType ? z.input<S> : undefined;

/** What the server's handler receives, parsed by the operation's schemas. */
export interface OperationInput<O extends Operation> {
  params: Parsed<O['params']>;
  query: Parsed<O['query']>;
  /** The JSON body, or — for an operation with a `form` — the form with its files. */
  body: O['form'] extends z.ZodType
    ? O['body'] extends z.ZodType
      ? Parsed<O['body']> | Parsed<O['form']>
      : Parsed<O['form']>
    : Parsed<O['body']>;
}

/**
 * A query as a client fills it: every field optional, the `'true'`/`'false'` flags of the query
 * string as booleans (a client writes `true` and leaves `false` and empty values out).
 */
export type QueryOf<Q> = {
  [K in keyof Q]?: (Q[K] extends 'true' | 'false' | undefined ? boolean : Q[K]) | undefined;
};

/** What a client sends: the parts the operation has, in the form before parsing. */
export type OperationRequest<O extends Operation> = (O['params'] extends z.ZodType
  ? { params: Sent<O['params']> }
  : { params?: undefined }) &
  (O['query'] extends z.ZodType ? { query?: QueryOf<Sent<O['query']>> } : { query?: undefined }) &
  (O['body'] extends z.ZodType
    ? // An operation that takes files also takes a FormData (sent as multipart/form-data).
      { body: O['form'] extends z.ZodType ? Sent<O['body']> | FormData : Sent<O['body']> }
    : O['form'] extends z.ZodType
      ? { body: FormData }
      : // A file that is not JSON (the creditor CSV) goes as its text; the server reads it as bytes.
        O['consumes'] extends readonly ['text/csv']
        ? { body: string }
        : { body?: undefined });

/** The success answer: the response schema's output, the `Location` of a redirect (302), or nothing (204). */
export type OperationResponse<O extends Operation> = O['status'] extends 302
  ? string
  : O['response'] extends z.ZodType
    ? z.output<O['response']>
    : // biome-ignore lint/suspicious/noConfusingVoidType: a 204 operation's handler is a use case that returns nothing (Promise<void>), which `undefined` would refuse
      void;

/** A capability's operations, keyed by a name that says what each does. */
export const operations = <const T extends Record<string, Operation>>(ops: T): T => ops;

/** `/api/v1/cases/:id` with `{ id: 'x' }` → `/api/v1/cases/x` (each value URI-encoded). */
export function pathOf(path: string, params: Record<string, unknown> | undefined): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null) throw new Error(`path parameter ${name} missing for ${path}`);
    return encodeURIComponent(String(value));
  });
}
