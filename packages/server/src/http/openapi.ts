import { problemSchema } from '@wijkregie/shared';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

export { collection, problemSchema } from '@wijkregie/shared';

/** Response entries for the error statuses a route can answer, for the OpenAPI document. */
export function problemResponses<S extends number>(...statuses: S[]): Record<S, typeof problemSchema> {
  return Object.fromEntries(statuses.map((s) => [s, problemSchema])) as Record<S, typeof problemSchema>;
}

type SwaggerTransform = typeof jsonSchemaTransform;

/**
 * fastify-type-provider-zod's transform, plus request bodies given per content type (an operation
 * that takes JSON or a form with files, `serve.ts`): each content type's Zod schema is turned into
 * JSON Schema on its own, so the document shows the JSON body and the multipart form side by side.
 */
export const openapiTransform: SwaggerTransform = (input) => {
  const body: unknown = input.schema?.body;
  const content =
    typeof body === 'object' && body !== null && 'content' in body
      ? (body.content as Record<string, { schema: unknown }>)
      : undefined;
  if (!input.schema || !content) return jsonSchemaTransform(input);
  const bodies: Record<string, { schema: unknown }> = {};
  let out: ReturnType<SwaggerTransform> | undefined;
  for (const [type, { schema }] of Object.entries(content)) {
    out = jsonSchemaTransform({ ...input, schema: { ...input.schema, body: schema } });
    bodies[type] = { schema: (out.schema as { body?: unknown }).body };
  }
  if (!out) return jsonSchemaTransform(input);
  return { ...out, schema: { ...out.schema, body: { content: bodies } } };
};
