import type { Operation, OperationInput, OperationResponse } from '@wijkregie/shared';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { z } from 'zod';
import { ctxOf, type RequestContext } from './context.js';
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

/** Route options an operation cannot say (a content-type's body limit). */
export interface ServeOptions {
  bodyLimit?: number;
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
      config: { auth: op.auth, ...(purpose !== undefined && { purpose }) },
      ...(options.bodyLimit !== undefined && { bodyLimit: options.bodyLimit }),
      schema: {
        tags: [op.tag],
        summary: op.summary,
        ...(op.params && { params: op.params }),
        ...(op.query && { querystring: op.query }),
        ...(op.body && { body: op.body }),
        ...(op.consumes && { consumes: [...op.consumes] }),
        response: { [status]: op.response ?? z.null(), ...problemResponses(...op.problems) },
      },
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
        if (reply.sent) return reply;
        return reply.code(status).send(status === 204 ? null : result);
      },
    };
    app.route(route);
  };
}
