import type { FieldError, Problem } from '@wijkregie/shared';

/** An error answer of the API, carrying the RFC 9457 problem details. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail || problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }

  get fieldErrors(): FieldError[] {
    return this.problem.errors ?? [];
  }
}

type UnauthorizedHandler = () => void;
let onUnauthorized: UnauthorizedHandler | null = null;

/** Called when any request (other than the session calls that expect it) answers 401. */
export function setUnauthorizedHandler(handler: UnauthorizedHandler | null): void {
  onUnauthorized = handler;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** When true a 401 is the caller's business (login, session check) and does not end the session. */
  allowUnauthorized?: boolean;
  signal?: AbortSignal;
  /** The API base path: `/api/v1` (staff, default) or `/api/public/v1` (residents, no login). */
  base?: string;
  /** A CSV file sent as the body with Content-Type text/csv (instead of a JSON body). */
  csv?: string;
}

function isProblem(value: unknown): value is Problem {
  return (
    typeof value === 'object' &&
    value !== null &&
    'status' in value &&
    typeof (value as { status: unknown }).status === 'number'
  );
}

async function readProblem(response: Response): Promise<Problem> {
  const fallback: Problem = {
    type: 'about:blank',
    title: response.statusText || 'Fout',
    status: response.status,
    detail:
      response.status >= 500
        ? 'Er ging iets mis op de server. Probeer het later opnieuw.'
        : `Het verzoek is niet gelukt (status ${response.status}).`,
  };
  try {
    const body: unknown = await response.json();
    if (isProblem(body)) {
      return { ...fallback, ...body, detail: body.detail || body.title || fallback.detail };
    }
  } catch {
    // Not JSON: keep the fallback.
  }
  return fallback;
}

/** Call the Wijkregie API. Resolves with the parsed JSON body (undefined for 204); rejects with ApiError. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, allowUnauthorized = false, signal, base = '/api/v1', csv } = options;
  const headers: Record<string, string> = { Accept: 'application/json' };
  const init: RequestInit = { method, credentials: 'same-origin', headers, signal: signal ?? null };
  if (csv !== undefined) {
    headers['Content-Type'] = 'text/csv; charset=utf-8';
    init.body = csv;
  } else if (body instanceof FormData) {
    // Files: the browser sets multipart/form-data with its boundary itself.
    init.body = body;
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }

  let response: Response;
  try {
    response = await fetch(`${base}${path}`, init);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({
      type: 'about:blank',
      title: 'Geen verbinding',
      status: 0,
      detail: 'Wijkregie is niet bereikbaar. Controleer je verbinding en probeer het opnieuw.',
    });
  }

  if (!response.ok) {
    const problem = await readProblem(response);
    if (response.status === 401 && !allowUnauthorized) onUnauthorized?.();
    throw new ApiError(problem);
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}
