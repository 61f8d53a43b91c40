import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from './errors.js';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

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
