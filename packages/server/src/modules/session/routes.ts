import { loginSchema, SESSION_COOKIE, type User, userSchema } from '@wijkregie/shared';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { SystemDb } from '../../db/scope.js';
import { ctxOf } from '../../http/context.js';
import { problemResponses } from '../../http/openapi.js';
import { Throttle } from '../throttle/throttle.js';
import { type LoginThrottle, login } from './login.js';
import { endSession, type SessionUser } from './repository.js';

const publicUser = ({ id, email, name, partnerId, roles }: SessionUser): User => ({
  id,
  email,
  name,
  partnerId,
  roles,
});

const sessionResponse = z.object({ user: userSchema });

export function sessionRoutes(
  app: FastifyInstance,
  deps: { system: SystemDb; throttle: LoginThrottle; secureCookies: boolean },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const throttle = new Throttle(deps.system.db);
  const cookieOptions = (req: FastifyRequest) => ({
    httpOnly: true,
    sameSite: 'lax' as const,
    path: '/',
    secure: deps.secureCookies || req.protocol === 'https',
  });

  r.post(
    '/api/v1/session',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['Sessie'],
        summary: 'Inloggen',
        body: loginSchema,
        response: { 200: sessionResponse, ...problemResponses(400, 401, 429) },
      },
    },
    async (req, reply) => {
      const { user, token } = await login(deps.system.db, throttle, deps.throttle, req.body, req.ip);
      reply.setCookie(SESSION_COOKIE, token, cookieOptions(req));
      return { user: publicUser(user) };
    },
  );

  r.get(
    '/api/v1/session',
    {
      config: { auth: 'session' },
      schema: {
        tags: ['Sessie'],
        summary: 'De ingelogde gebruiker',
        response: { 200: sessionResponse, ...problemResponses(401) },
      },
    },
    async (req) => ({ user: publicUser(ctxOf(req).user) }),
  );

  r.delete(
    '/api/v1/session',
    {
      config: { auth: 'session' },
      schema: { tags: ['Sessie'], summary: 'Uitloggen', response: { ...problemResponses(401) } },
    },
    async (req: FastifyRequest, reply: FastifyReply) => {
      await endSession(deps.system.db, ctxOf(req).sessionId);
      reply.clearCookie(SESSION_COOKIE, cookieOptions(req));
      return reply.code(204).send();
    },
  );
}
