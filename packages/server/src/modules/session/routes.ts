import { sessionOperations as op, SESSION_COOKIE, securityOperations as sec } from '@wijkregie/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SystemDb } from '../../db/scope.js';
import { routesFor } from '../../http/serve.js';
import { Throttle } from '../throttle/throttle.js';
import { confirmTotp } from './confirm-totp.js';
import { currentSession } from './current-session.js';
import { demoAccounts } from './demo-accounts.js';
import { endOtherSessions } from './end-other-sessions.js';
import { endOwnSession } from './end-own-session.js';
import { getSecuritySettings } from './get-security-settings.js';
import { listOwnSessions } from './list-own-sessions.js';
import { type LoginThrottle, login } from './login.js';
import { logout } from './logout.js';
import { startTotpEnrolment } from './start-totp-enrolment.js';
import { totpStatus } from './totp-status.js';
import { updateSecuritySettings } from './update-security-settings.js';

export function sessionRoutes(
  app: FastifyInstance,
  deps: {
    system: SystemDb;
    throttle: LoginThrottle;
    secureCookies: boolean;
    demoPassword: string | undefined;
    sessionLimits: { idleMs: number; absoluteMs: number };
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
    const { session, token } = await login(
      deps.system.db,
      throttle,
      deps.throttle,
      c.body,
      c.request.ip,
      c.request.headers['user-agent'],
    );
    c.reply.setCookie(SESSION_COOKIE, token, cookieOptions(c.request));
    return session;
  });
  serve(op.currentSession, (c) => currentSession(c.ctx));
  serve(op.logout, async (c) => {
    await logout(deps.system, c.ctx);
    c.reply.clearCookie(SESSION_COOKIE, cookieOptions(c.request));
  });
  serve(op.demoAccounts, () => demoAccounts(deps.system, deps.demoPassword));

  serve(sec.totpStatus, (c) => totpStatus(c.ctx));
  serve(sec.startTotpEnrolment, (c) => startTotpEnrolment(c.ctx));
  serve(sec.confirmTotp, (c) => confirmTotp(c.ctx, c.body));
  serve(sec.listOwnSessions, (c) => listOwnSessions(c.ctx, deps.sessionLimits));
  serve(sec.endOwnSession, (c) => endOwnSession(c.ctx, c.params.id));
  serve(sec.endOtherSessions, (c) => endOtherSessions(c.ctx));
  serve(sec.getSecuritySettings, (c) => getSecuritySettings(c.ctx));
  serve(sec.updateSecuritySettings, (c) => updateSecuritySettings(c.ctx, c.body));
}
