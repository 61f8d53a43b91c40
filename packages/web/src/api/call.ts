import { type Operation, type OperationRequest, type OperationResponse, pathOf } from '@wijkregie/shared';
import { apiRequest } from './client.ts';

/** How a call is made, beside what it sends. */
export interface CallOptions {
  signal?: AbortSignal | undefined;
  /** A 401 is the caller's business (login, session check) and does not end the session. */
  allowUnauthorized?: boolean;
}

/** `?a=1&b=2` from the defined, non-empty values; '' when there are none. */
export function queryString(params: object | undefined): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params ?? {})) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/**
 * Calls an operation of the shared contract: the path from its parameters, the query string from the
 * defined values, the body as JSON (or as the text it consumes, for the creditor CSV). The answer has
 * the operation's response type.
 */
export function call<O extends Operation>(
  op: O,
  request: OperationRequest<O>,
  options: CallOptions = {},
): Promise<OperationResponse<O>> {
  const parts = request as { params?: Record<string, unknown>; query?: object; body?: unknown };
  const path = `${pathOf(op.path, parts.params)}${queryString(parts.query)}`;
  const csv = op.consumes?.includes('text/csv') && typeof parts.body === 'string' ? parts.body : undefined;
  return apiRequest<OperationResponse<O>>(path, {
    method: op.method,
    base: '',
    ...(csv !== undefined ? { csv } : { body: parts.body }),
    ...(options.signal && { signal: options.signal }),
    ...(options.allowUnauthorized && { allowUnauthorized: true }),
  });
}
