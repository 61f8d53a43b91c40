import { sessionOperations as op, SESSION_COOKIE } from '@wijkregie/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SystemDb } from '../../db/scope.js';
import { routesFor } from '../../http/serve.js';
import { Throttle } from '../throttle/throttle.js';
import { currentSession } from './current-session.js';
import { demoAccounts } from './demo-accounts.js';
import { type LoginThrottle, login } from './login.js';
import { logout } from './logout.js';

export function sessionRoutes(
  app: FastifyInstance,
  deps: {
    system: SystemDb;
    throttle: LoginThrottle;
    secureCookies: boolean;
    demoPassword: string | undefined;
  },
) {
  const serve = routesFor(app);
  const throttle = new Throttle(deps.system.db);
  const cookieOptions = (req: FastifyRequest) => ({
    httpOnly: true,
    sameSite: 'lax' as const,
    path: '/',
    secure: deps.secureCookies || req.protocol === 'https',
  });

  serve(op.login, async (c) => {
    const { session, token } = await login(deps.system.db, throttle, deps.throttle, c.body, c.request.ip);
    c.reply.setCookie(SESSION_COOKIE, token, cookieOptions(c.request));
    return session;
  });
  serve(op.currentSession, (c) => currentSession(c.ctx));
  serve(op.logout, async (c) => {
    await logout(deps.system, c.ctx);
    c.reply.clearCookie(SESSION_COOKIE, cookieOptions(c.request));
  });
  serve(op.demoAccounts, () => demoAccounts(deps.system, deps.demoPassword));
}
