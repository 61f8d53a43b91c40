import type { Login } from '@wijkregie/shared';
import type { Queryable } from '../../db/db.js';
import { AppError } from '../../http/errors.js';
import { verifyPassword } from './passwords.js';
import {
  clearFailures,
  countFailures,
  createSession,
  findLoginCandidate,
  recordFailure,
  type SessionUser,
} from './repository.js';

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

/**
 * Logs a user in. Unknown email and wrong password get the same 401 after the same work; too many
 * failures for the account or the address within the window get 429 before any password check.
 */
export async function login(
  system: Queryable,
  input: Login,
  ip: string,
  throttle: LoginThrottle,
): Promise<{ user: SessionUser; token: string }> {
  const email = input.email.trim().toLowerCase();
  const accountKey = `email:${email}`;
  const ipKey = `ip:${ip}`;
  const [forAccount = 0, forIp = 0] = await countFailures(system, [accountKey, ipKey], throttle.windowMs);
  if (forAccount >= throttle.maxPerAccount || forIp >= throttle.maxPerIp) {
    throw new AppError(
      'too-many-requests',
      'Te veel mislukte inlogpogingen. Probeer het over enkele minuten opnieuw.',
      undefined,
      { 'Retry-After': String(Math.ceil(throttle.windowMs / 1000)) },
    );
  }
  const candidate = await findLoginCandidate(system, email);
  const ok = await verifyPassword(candidate?.passwordHash, input.password);
  if (!candidate || !ok) {
    await recordFailure(system, [accountKey, ipKey], throttle.windowMs);
    throw new AppError('unauthenticated', 'E-mailadres of wachtwoord onjuist.');
  }
  await clearFailures(system, accountKey);
  const { passwordHash: _, ...user } = candidate;
  return { user, token: await createSession(system, user) };
}
