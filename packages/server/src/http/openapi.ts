import { problemSchema } from '@wijkregie/shared';

export { collection, problemSchema } from '@wijkregie/shared';

/** Response entries for the error statuses a route can answer, for the OpenAPI document. */
export function problemResponses<S extends number>(...statuses: S[]): Record<S, typeof problemSchema> {
  return Object.fromEntries(statuses.map((s) => [s, problemSchema])) as Record<S, typeof problemSchema>;
}
