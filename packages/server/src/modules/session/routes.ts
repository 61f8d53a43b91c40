import { demoAccountsSchema, loginSchema, SESSION_COOKIE, sessionResponseSchema } from '@wijkregie/shared';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { SystemDb } from '../../db/scope.js';
import { ctxOf } from '../../http/context.js';
import { problemResponses } from '../../http/openapi.js';
import { Throttle } from '../throttle/throttle.js';
import { currentSession } from './current-session.js';
import { demoAccounts } from './demo-accounts.js';
import { type LoginThrottle, login } from './login.js';
import { logout } from './logout.js';

const TAGS = ['Sessie'];

export function sessionRoutes(
  app: FastifyInstance,
  deps: {
    system: SystemDb;
    throttle: LoginThrottle;
    secureCookies: boolean;
    demoPassword: string | undefined;
  },
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
        tags: TAGS,
        summary: 'Inloggen',
        body: loginSchema,
        response: { 200: sessionResponseSchema, ...problemResponses(400, 401, 429) },
      },
    },
    async (req, reply) => {
      const { session, token } = await login(deps.system.db, throttle, deps.throttle, req.body, req.ip);
      reply.setCookie(SESSION_COOKIE, token, cookieOptions(req));
      return session;
    },
  );

  r.get(
    '/api/v1/session',
    {
      config: { auth: 'session' },
      schema: {
        tags: TAGS,
        summary: 'De ingelogde gebruiker',
        response: { 200: sessionResponseSchema, ...problemResponses(401) },
      },
    },
    async (req) => currentSession(ctxOf(req)),
  );

  r.delete(
    '/api/v1/session',
    {
      config: { auth: 'session' },
      schema: { tags: TAGS, summary: 'Uitloggen', response: { ...problemResponses(401) } },
    },
    // Untyped reply: the document declares no 204 body, the answer has none.
    async (req: FastifyRequest, reply: FastifyReply) => {
      await logout(deps.system, ctxOf(req));
      reply.clearCookie(SESSION_COOKIE, cookieOptions(req));
      return reply.code(204).send();
    },
  );

  r.get(
    '/api/v1/demo-accounts',
    {
      config: { auth: 'public' },
      schema: {
        tags: TAGS,
        summary: 'Demo-accounts (alleen in de demo-omgeving)',
        response: { 200: demoAccountsSchema },
      },
    },
    async () => demoAccounts(deps.system, deps.demoPassword),
  );
}
