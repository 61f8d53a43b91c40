import type { SystemDb } from '../../db/scope.js';
import { AppError, invalidField } from '../../http/errors.js';
import type { Throttle, ThrottleRule } from '../throttle/throttle.js';
import { publicTenant } from './repository.js';

/**
 * Per client address: 5 reports per 10 minutes, 60 tracking look-ups per minute. Counted in the
 * database (`throttle/`), so the limits hold across app instances and restarts.
 */
export const REPORT_LIMIT: ThrottleRule = { name: 'public-report', max: 5, windowMs: 10 * 60_000 };
export const TRACK_LIMIT: ThrottleRule = { name: 'public-track', max: 60, windowMs: 60_000 };

/** Takes a slot under `rule` for the address, or throws 429 saying when to try again. */
export async function throttlePublic(throttle: Throttle, rule: ThrottleRule, ip: string): Promise<void> {
  await throttle.takeOrRefuse('U heeft kort na elkaar veel meldingen gedaan. Probeer het later opnieuw.', [
    rule,
    ip,
  ]);
}

/** The municipality asked for, or the installation's first; 400 for an unknown one, 503 when there is none. */
export async function resolvePublicTenant(system: SystemDb, gemeente?: string): Promise<string> {
  const tenantId = await publicTenant(system.db, gemeente);
  if (tenantId) return tenantId;
  if (gemeente) throw invalidField('gemeente', 'Onbekende gemeente');
  throw new AppError('unavailable', 'Meldingen doen is nog niet mogelijk.');
}
