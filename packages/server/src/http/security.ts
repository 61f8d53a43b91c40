import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from './errors.js';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The Content-Security-Policy of JSON, problem and HTML answers that set none themselves: nothing may
 * load, nobody may frame it. The pages set their own: the web app's (`web-app.ts`) and the API
 * documentation's (`DOCS_CSP`). Files (PDF, photos, CSV) are left to the browser's viewer.
 */
export const NO_CONTENT_CSP =
  "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * The policy of the API documentation (swagger-ui at `/api/docs`): its scripts and styles come from
 * this server (no inline script); swagger-ui sets styles in attributes and shows its logo as data:.
 */
export const DOCS_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

function requestOrigin(req: FastifyRequest): string | undefined {
  const host = req.headers.host;
  return host ? `${req.protocol}://${host}` : undefined;
}

/**
 * Refuses state-changing requests from another site: an `Origin` that is neither this server nor
 * the configured public URL, or (without Origin) a browser's `Sec-Fetch-Site: cross-site`.
 * Clients that are not browsers send neither and are judged by their session alone.
 */
export function registerSecurity(app: FastifyInstance, publicUrl: string) {
  const publicOrigin = new URL(publicUrl).origin;
  app.addHook('onSend', async (_req, reply, payload) => {
    const type = String(reply.getHeader('content-type') ?? '');
    if (
      !reply.hasHeader('content-security-policy') &&
      /^(application\/(problem\+)?json|text\/html)/.test(type)
    ) {
      reply.header('Content-Security-Policy', NO_CONTENT_CSP);
    }
    return payload;
  });
  app.addHook('onRequest', async (req, reply) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('X-Frame-Options', 'DENY');
    if (req.url.startsWith('/api/')) reply.header('Cache-Control', 'no-store');
    if (!STATE_CHANGING.has(req.method)) return;
    const origin = req.headers.origin;
    if (origin !== undefined) {
      if (origin !== publicOrigin && origin !== requestOrigin(req)) {
        throw new AppError('cross-site', 'Verzoeken van een andere website worden geweigerd.');
      }
    } else if (req.headers['sec-fetch-site'] === 'cross-site') {
      throw new AppError('cross-site', 'Verzoeken van een andere website worden geweigerd.');
    }
  });
}
