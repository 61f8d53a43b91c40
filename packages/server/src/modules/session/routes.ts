import {
  OIDC_CALLBACK_PATH,
  oidcOperations,
  sessionOperations as op,
  SESSION_COOKIE,
  securityOperations as sec,
} from '@wijkregie/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SystemDb } from '../../db/scope.js';
import { routesFor } from '../../http/serve.js';
import { Throttle } from '../throttle/throttle.js';
import { confirmTotp } from './confirm-totp.js';
import { currentSession } from './current-session.js';
import { demoAccounts } from './demo-accounts.js';
import { endOtherSessions } from './end-other-sessions.js';
import { endOwnSession } from './end-own-session.js';
import { finishOidcLogin } from './finish-oidc-login.js';
import { getSecuritySettings } from './get-security-settings.js';
import { listOwnSessions } from './list-own-sessions.js';
import { type LoginThrottle, login } from './login.js';
import { logout } from './logout.js';
import type { OidcRelyingParty } from './oidc-client.js';
import { OIDC_LOGIN_TTL_MS } from './oidc-repository.js';
import { oidcStatus } from './oidc-status.js';
import { startOidcLogin } from './start-oidc-login.js';
import { startTotpEnrolment } from './start-totp-enrolment.js';
import { totpStatus } from './totp-status.js';
import { updateSecuritySettings } from './update-security-settings.js';

/** The state of a login at the provider, in the browser that started it (login CSRF). */
const OIDC_STATE_COOKIE = 'wijkregie_oidc_state';

export function sessionRoutes(
  app: FastifyInstance,
  deps: {
    system: SystemDb;
    throttle: LoginThrottle;
    secureCookies: boolean;
    demoPassword: string | undefined;
    sessionLimits: { idleMs: number; absoluteMs: number };
    /** The municipality's OpenID Connect provider; undefined: OIDC login is off (404). */
    oidc: OidcRelyingParty | undefined;
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
  // Only the callback reads the state cookie; Lax lets the provider's top-level redirect carry it.
  const stateCookie = (req: FastifyRequest) => ({
    ...cookieOptions(req),
    path: OIDC_CALLBACK_PATH,
    maxAge: OIDC_LOGIN_TTL_MS / 1000,
  });
  serve(oidcOperations.oidcStatus, () => oidcStatus(deps.oidc));
  serve(oidcOperations.oidcLogin, async (c) => {
    const { location, state } = await startOidcLogin(deps.system, deps.oidc, c.request.log);
    c.reply.setCookie(OIDC_STATE_COOKIE, state, stateCookie(c.request));
    return location;
  });
  serve(oidcOperations.oidcCallback, async (c) => {
    const query = c.request.url.includes('?') ? c.request.url.slice(c.request.url.indexOf('?') + 1) : '';
    const { location, token } = await finishOidcLogin(
      deps.system,
      deps.oidc,
      { query, cookieState: c.request.cookies[OIDC_STATE_COOKIE] },
      c.request.log,
    );
    c.reply.clearCookie(OIDC_STATE_COOKIE, stateCookie(c.request));
    if (token) c.reply.setCookie(SESSION_COOKIE, token, cookieOptions(c.request));
    return location;
  });
}
