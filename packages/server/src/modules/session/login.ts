import type { Login, SessionResponse } from '@wijkregie/shared';
import type { Queryable } from '../../db/db.js';
import { AppError, tooManyRequests } from '../../http/errors.js';
import type { Throttle, ThrottleRule } from '../throttle/throttle.js';
import { publicUser } from './current-session.js';
import { verifyPassword } from './passwords.js';
import { createSession, findLoginCandidate } from './repository.js';

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
 */
export async function login(
  system: Queryable,
  throttle: Throttle,
  limits: LoginThrottle,
  input: Login,
  ip: string,
): Promise<{ session: SessionResponse; token: string }> {
  const email = input.email.trim().toLowerCase();
  const rules = loginRules(limits);
  const taken = await throttle.take([rules.account, email], [rules.address, ip]);
  if (!taken.ok) {
    throw tooManyRequests(
      'Te veel mislukte inlogpogingen. Probeer het over enkele minuten opnieuw.',
      taken.retryAfterSeconds,
    );
  }
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
  const [, addressSlot] = taken.slots;
  await Promise.all([
    throttle.clear(rules.account, email),
    addressSlot ? throttle.release(addressSlot) : undefined,
  ]);
  const { passwordHash: _, active: __, ...user } = candidate;
  return { session: { user: publicUser(user) }, token: await createSession(system, user) };
}
