import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requestPath } from '../src/http/api-design-rules.js';
import { bodyOf } from './helpers.js';

/**
 * Request values generated from the OpenAPI document, for the tests that sweep every operation:
 * fuzz.test.ts fills every field with a plausible value and then spoils one at a time;
 * tenant-isolation.test.ts fills the required fields and every reference, whose values it places
 * itself. Both walk the document the same way (references resolved, a nullable choice taken as its
 * non-null alternative, objects, arrays); what differs is given as `SampleRules`. The operations
 * come from `/api/v1/openapi.json`, so a new route is swept without anyone adding it to a test.
 */

/** The part of JSON Schema (OpenAPI 3.0 flavour) the API's schemas use. */
export interface JsonSchema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  minLength?: number;
  minimum?: number;
  minItems?: number;
  nullable?: boolean;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  default?: unknown;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonSchema;
}

export interface Operation {
  /** Upper case: `GET`, `POST`, … */
  method: string;
  /** The path a request goes to (`/api/v1/cases/{id}`; the document's own is relative to its server). */
  path: string;
  parameters: Parameter[];
  /** The schema of the JSON request body, if the operation takes one. */
  body: JsonSchema | undefined;
}

/**
 * The same parts as Zod shapes, to read the document with: it is generated from the route schemas,
 * not part of the wire contract in packages/shared. Loose objects: members not listed are kept as
 * they are (the rules may look at them), only the listed ones are checked.
 */
const jsonSchemaShape: z.ZodType<JsonSchema> = z.lazy(() =>
  z.looseObject({
    type: z.union([z.string(), z.array(z.string())]).optional(),
    format: z.string().optional(),
    enum: z.array(z.unknown()).optional(),
    const: z.unknown().optional(),
    pattern: z.string().optional(),
    minLength: z.number().optional(),
    minimum: z.number().optional(),
    minItems: z.number().optional(),
    nullable: z.boolean().optional(),
    properties: z.record(z.string(), jsonSchemaShape).optional(),
    required: z.array(z.string()).optional(),
    items: jsonSchemaShape.optional(),
    anyOf: z.array(jsonSchemaShape).optional(),
    oneOf: z.array(jsonSchemaShape).optional(),
    allOf: z.array(jsonSchemaShape).optional(),
    $ref: z.string().optional(),
    default: z.unknown().optional(),
  }),
);
const parameterShape = z.looseObject({
  name: z.string(),
  in: z.enum(['path', 'query', 'header', 'cookie']),
  required: z.boolean().optional(),
  schema: jsonSchemaShape.optional(),
});
const serversShape = z.array(z.looseObject({ url: z.string() })).optional();
const documentShape = z.looseObject({
  servers: serversShape,
  paths: z.record(
    z.string(),
    z.record(
      z.string(),
      z.looseObject({
        servers: serversShape,
        parameters: z.array(parameterShape).optional(),
        requestBody: z
          .looseObject({
            content: z.record(z.string(), z.looseObject({ schema: jsonSchemaShape.optional() })).optional(),
          })
          .optional(),
      }),
    ),
  ),
  components: z.looseObject({ schemas: z.record(z.string(), jsonSchemaShape).optional() }).optional(),
});
type Document = z.infer<typeof documentShape>;

/** What a test decides about the values; the walk itself is the same for every test. */
export interface SampleRules {
  /** Whether an object's property gets a value (all of them, or e.g. the required ones). */
  includes(key: string, property: JsonSchema, object: JsonSchema): boolean;
  /** The value of a property chosen with its siblings in view; undefined: generate it as usual. */
  property?(key: string, property: JsonSchema, object: JsonSchema): unknown;
  /** A whole value for a schema before it is walked (e.g. a reference object); undefined: walk it. */
  whole?(s: JsonSchema, name: string): unknown;
  /** An object that got no property gets its first one (a change must change something). */
  nonEmpty?: boolean;
  /** Whether an array gets one item (`name` is the array's, the item is generated as its singular). */
  arrayItem(s: JsonSchema, name: string): boolean;
  /** One of an enum's values. */
  choose(values: unknown[], name: string): unknown;
  /** A string, number, integer or boolean (`type`), or null for what is none of these. */
  leaf(type: string | undefined, s: JsonSchema, name: string): unknown;
}

/** Nesting beyond this is cut off (the API's bodies nest three deep). */
const MAX_DEPTH = 6;

export class OpenApi {
  constructor(private readonly doc: Document) {}

  /** The document the app serves. */
  static async of(app: FastifyInstance): Promise<OpenApi> {
    return new OpenApi(
      bodyOf(await app.inject({ method: 'GET', url: '/api/v1/openapi.json' }), documentShape),
    );
  }

  /** Every operation of the document, in its order. */
  get operations(): Operation[] {
    return Object.entries(this.doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, o]) => ({
        method: method.toUpperCase(),
        path: requestPath(this.doc, path),
        parameters: o.parameters ?? [],
        body: this.deref(o.requestBody?.content?.['application/json']?.schema),
      })),
    );
  }

  /** The schema a `$ref` names (`#/components/schemas/X`), or the schema itself. */
  deref(s: JsonSchema | undefined): JsonSchema | undefined {
    if (!s?.$ref) return s;
    return this.deref(this.doc.components?.schemas?.[s.$ref.split('/').pop() ?? '']);
  }

  /** A value for `schema` under `rules`; `name` is the field it is for ('' for a whole body). */
  sample(schema: JsonSchema | undefined, rules: SampleRules, name = '', depth = 0): unknown {
    const s = this.deref(schema);
    if (!s || depth > MAX_DEPTH) return null;
    if (s.const !== undefined) return s.const;
    const alternatives = s.anyOf ?? s.oneOf;
    if (alternatives?.length) {
      const chosen = alternatives.find((a) => this.deref(a)?.type !== 'null') ?? alternatives[0];
      return this.sample(chosen, rules, name, depth + 1);
    }
    if (s.allOf?.length) {
      return Object.assign({}, ...s.allOf.map((a) => this.sample(a, rules, name, depth + 1)));
    }
    const whole = rules.whole?.(s, name);
    if (whole !== undefined) return whole;
    if (s.enum?.length) return rules.choose(s.enum, name);
    const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
    if (type === 'object' || s.properties) {
      const out: Record<string, unknown> = {};
      const properties = Object.entries(s.properties ?? {});
      for (const [key, p] of properties) {
        if (!rules.includes(key, p, s)) continue;
        const chosen = rules.property?.(key, p, s);
        out[key] = chosen !== undefined ? chosen : this.sample(p, rules, key, depth + 1);
      }
      const [first] = properties;
      if (rules.nonEmpty && Object.keys(out).length === 0 && first) {
        out[first[0]] = this.sample(first[1], rules, first[0], depth + 1);
      }
      return out;
    }
    if (type === 'array') {
      const item = s.items ?? {};
      const singular = name.replace(/s$/, '');
      return rules.arrayItem(s, name) ? [this.sample(item, rules, singular, depth + 1)] : [];
    }
    return rules.leaf(type, s, name);
  }
}
