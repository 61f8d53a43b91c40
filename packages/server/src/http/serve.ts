import type { Operation, OperationInput, OperationResponse } from '@wijkregie/shared';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { z } from 'zod';
import { ctxOf, type RequestContext } from './context.js';
import { AppError, validationError } from './errors.js';
import { DEFAULT_FORM_LIMITS, type FormLimits, readForm } from './form.js';
import { problemResponses } from './openapi.js';

/** What a route's handler gets: the parsed input, the caller, and the raw request and reply. */
export interface Call<O extends Operation> extends OperationInput<O> {
  /** The logged-in caller; only public operations have none (asking for it there is a bug and throws). */
  readonly ctx: RequestContext;
  readonly request: FastifyRequest;
  readonly reply: FastifyReply;
}

export type Handler<O extends Operation> = (
  call: Call<O>,
) => Promise<OperationResponse<O>> | OperationResponse<O>;

/** Route options an operation cannot say (a content-type's body limit, a form's file limits). */
export interface ServeOptions {
  bodyLimit?: number;
  /** For an operation with a `form`: how many files of what size (default: ten of 20 MiB). */
  form?: FormLimits;
}

const FORM = 'multipart/form-data';

/** A 302 has no body; the document shows its `Location` (`applyApiDesignRules`). */
const REDIRECT_RESPONSE = z.null().describe('Doorverwijzing: de browser volgt de Location-header');
const JSON_TYPE = 'application/json';

/**
 * The body schema Fastify validates with. An operation with a `form` has one per content type: its
 * JSON body (if any) and its form, which `readForm` has turned into fields and files by then; the
 * OpenAPI document shows both (see `openapiTransform`).
 */
function bodySchema(op: Operation): unknown {
  if (!op.form) return op.body;
  return {
    content: {
      ...(op.body && { [JSON_TYPE]: { schema: op.body } }),
      [FORM]: { schema: op.form },
    },
  };
}

/**
 * Multipart bodies only where an operation takes files. For one that does, the form is read here,
 * before validation (the limits hold while reading: 413 before anything is stored); any other content
 * type is refused, since Fastify validates a per-content-type body only for the types it names.
 */
function formHook(op: Operation, limits: FormLimits) {
  return async (request: FastifyRequest): Promise<void> => {
    // Apps built without the multipart plugin (none today) simply have no forms.
    const multipart = typeof request.isMultipart === 'function' && request.isMultipart();
    if (!op.form) {
      if (multipart)
        throw new AppError(
          'unsupported-media-type',
          'Stuur de gegevens als JSON (Content-Type: application/json).',
        );
      return;
    }
    if (multipart) {
      request.body = await readForm(request, limits);
      return;
    }
    if (op.body && request.mediaType === JSON_TYPE) return;
    if (op.body && request.body === undefined) {
      // No body at all: the JSON schema names what is missing, as it does for the other operations.
      const parsed = op.body.safeParse(undefined);
      if (!parsed.success) throw validationError(parsed.error);
    }
    throw new AppError(
      'unsupported-media-type',
      op.body
        ? 'Stuur de gegevens als JSON of, met bestanden, als multipart/form-data.'
        : 'Stuur de bestanden als multipart/form-data.',
    );
  };
}

/**
 * The routes of one module: `serve(op, handler)` registers the operation's route with its schemas,
 * auth, purpose and problem statuses, and answers with the handler's result under the operation's
 * status. A routes file is then one line per operation, naming the use case it calls.
 *
 * `purpose` is the processing purpose the audit records for what the module's routes read and write.
 */
export function routesFor(app: FastifyInstance, purpose?: string) {
  return function serve<O extends Operation>(op: O, handler: Handler<O>, options: ServeOptions = {}): void {
    const status = op.status ?? 200;
    const route: RouteOptions = {
      method: op.method,
      url: op.path,
      config: {
        auth: op.auth,
        ...(purpose !== undefined && { purpose }),
        ...(op.duringEnrolment && { duringEnrolment: true }),
      },
      ...(options.bodyLimit !== undefined && { bodyLimit: options.bodyLimit }),
      schema: {
        tags: [op.tag],
        summary: op.summary,
        ...(op.params && { params: op.params }),
        ...(op.query && { querystring: op.query }),
        ...((op.body || op.form) && { body: bodySchema(op) }),
        ...(op.consumes && { consumes: [...op.consumes] }),
        response: {
          [status]: status === 302 ? REDIRECT_RESPONSE : (op.response ?? z.null()),
          ...problemResponses(...op.problems),
        },
      },
      preValidation: formHook(op, options.form ?? DEFAULT_FORM_LIMITS),
      handler: async (request, reply) => {
        // The schemas above have parsed params, query and body before the handler runs (the Zod
        // validator compiler replaces them with the parsed values), so they have the operation's types.
        const call = {
          params: request.params,
          query: request.query,
          body: request.body,
          request,
          reply,
          get ctx() {
            return ctxOf(request);
          },
        } as Call<O>;
        const result = await handler(call);
        // A browser's redirect: the handler answered the Location.
        if (status === 302) return reply.redirect(String(result), 302);
        return reply.code(status).send(status === 204 ? null : result);
      },
    };
    app.route(route);
  };
}
