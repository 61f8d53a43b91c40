import type { Login, SessionResponse } from '@wijkregie/shared';
import type { Queryable } from '../../db/db.js';
import { AppError } from '../../http/errors.js';
import type { Throttle, ThrottleRule } from '../throttle/throttle.js';
import { publicUser } from './current-session.js';
import { verifyPassword } from './passwords.js';
import { createSession, findLoginCandidate } from './repository.js';
import { acceptedTimeStep, decryptSecret, recoveryCodeHash } from './totp.js';
import {
  findTotp,
  mfaRequiredRoles,
  type StoredTotp,
  takeTimeStep,
  useRecoveryCode,
} from './totp-repository.js';

export interface LoginThrottle {
  windowMs: number;
  maxPerAccount: number;
  maxPerIp: number;
}

export const DEFAULT_LOGIN_THROTTLE: LoginThrottle = {
  windowMs: 15 * 60 * 1000,
  maxPerAccount: 5,
  maxPerIp: 50,
};

/** The two counters of a login: failures per account (the email as typed) and per client address. */
export const loginRules = (t: LoginThrottle): { account: ThrottleRule; address: ThrottleRule } => ({
  account: { name: 'login-account', max: t.maxPerAccount, windowMs: t.windowMs },
  address: { name: 'login-address', max: t.maxPerIp, windowMs: t.windowMs },
});

/**
 * Logs a user in. Every attempt first takes a slot for its account and for its address, in one
 * database transaction (all or none), so the limits hold for attempts that arrive together and on
 * every app instance: of 30 simultaneous wrong passwords for one account, 5 are checked and 25 get
 * 429 without a password check. A failure keeps its slots; a success clears the account's
 * failures and gives the address's slot back (an office behind one address logs in all day).
 * Unknown email and wrong password get the same 401 after the same work.
 *
 * Tweestapsverificatie: a user with confirmed TOTP must also send `otp`, a code from the app (a code
 * is accepted once: its time step must be later than the last one taken) or an unused recovery code.
 * Without `otp` the answer is 401 on `otp` and the attempt's slots are given back (the password was
 * right; the login page now asks for the code); a wrong code keeps them, so codes are throttled as
 * passwords are. A user without TOTP whose role the municipality requires it of gets a session that
 * may only enrol (`mustEnrolTotp`).
 */
export async function login(
  system: Queryable,
  throttle: Throttle,
  limits: LoginThrottle,
  input: Login,
  ip: string,
  userAgent?: string,
): Promise<{ session: SessionResponse; token: string }> {
  const email = input.email.trim().toLowerCase();
  const rules = loginRules(limits);
  const slots = await throttle.takeOrRefuse(
    'Te veel mislukte inlogpogingen. Probeer het over enkele minuten opnieuw.',
    [rules.account, email],
    [rules.address, ip],
  );
  const candidate = await findLoginCandidate(system, email);
  const ok = await verifyPassword(candidate?.passwordHash, input.password);
  if (!candidate || !ok) throw new AppError('unauthenticated', 'E-mailadres of wachtwoord onjuist.');
  // Only who knows the password learns that the account (or its organisation) was deactivated, so
  // that a former colleague knows whom to ask instead of retyping; it counts as a failed attempt.
  if (!candidate.active) {
    throw new AppError(
      'account-inactive',
      'Dit account is niet (meer) actief. Neem contact op met de functioneel beheerder van Wijkregie in jouw gemeente.',
    );
  }
  const totp = await findTotp(system, candidate.tenantId, candidate.id);
  let enrolOnly = false;
  if (totp?.confirmed) {
    const otp = input.otp?.trim() ?? '';
    if (!otp) {
      await Promise.all(slots.map((slot) => throttle.release(slot)));
      throw otpProblem('Vul de code uit je authenticator-app in (of een herstelcode).');
    }
    if (!(await secondFactorHolds(system, candidate, totp, otp))) {
      throw otpProblem(
        'Deze code klopt niet of is al gebruikt. Wacht op de volgende code en probeer opnieuw.',
      );
    }
  } else {
    const required = await mfaRequiredRoles(system, candidate.tenantId);
    enrolOnly = candidate.roles.some((r) => required.includes(r));
  }
  const [, addressSlot] = slots;
  await Promise.all([
    throttle.clear(rules.account, email),
    addressSlot ? throttle.release(addressSlot) : undefined,
  ]);
  const { passwordHash: _, active: __, ...user } = candidate;
  return {
    session: { user: publicUser(user), ...(enrolOnly && { mustEnrolTotp: true as const }) },
    token: await createSession(system, user, { userAgent, enrolOnly }),
  };
}

const otpProblem = (message: string) => new AppError('otp-required', message, [{ path: 'otp', message }]);

/** A code of the app (taken once) or an unused recovery code. */
async function secondFactorHolds(
  system: Queryable,
  user: { id: string; tenantId: string },
  totp: StoredTotp,
  otp: string,
): Promise<boolean> {
  const code = otp.replace(/\s/g, '');
  if (/^\d{6}$/.test(code)) {
    const step = await acceptedTimeStep(
      decryptSecret(system.auditKey, totp.secretEncrypted),
      code,
      totp.lastTimeStep,
    );
    return step !== undefined && (await takeTimeStep(system, user.tenantId, user.id, step));
  }
  return useRecoveryCode(system, user.tenantId, user.id, recoveryCodeHash(user.id, code));
}
