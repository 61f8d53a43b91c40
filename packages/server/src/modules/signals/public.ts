import { type PublicReport, SIGNAL_STATUS_PUBLIC, type SignalStatus } from '@wijkregie/shared';
import type { SystemDb } from '../../db/scope.js';
import { AppError, invalidField, notFound } from '../../http/errors.js';
import { appendAudit } from '../audit/repository.js';
import type { Throttle, ThrottleRule } from '../throttle/throttle.js';
import {
  addSignalHistory,
  findByTrackingCode,
  insertSignal,
  publicTenant,
  signalCategory,
} from './repository.js';
import { newTrackingCode, prepareSignal } from './use-cases.js';

/**
 * Per client address: 5 reports per 10 minutes, 60 tracking look-ups per minute. Counted in the
 * database (`throttle/`), so the limits hold across app instances and restarts.
 */
export const REPORT_LIMIT: ThrottleRule = { name: 'public-report', max: 5, windowMs: 10 * 60_000 };
export const TRACK_LIMIT: ThrottleRule = { name: 'public-track', max: 60, windowMs: 60_000 };

/** Takes a slot under `rule` for the address, or throws 429 saying when to try again. */
export async function throttlePublic(throttle: Throttle, rule: ThrottleRule, ip: string): Promise<void> {
  const taken = await throttle.take([rule, ip]);
  if (!taken.ok) {
    throw new AppError(
      'too-many-requests',
      'U heeft kort na elkaar veel meldingen gedaan. Probeer het later opnieuw.',
      undefined,
      { 'Retry-After': String(taken.retryAfterSeconds) },
    );
  }
}

export async function resolvePublicTenant(system: SystemDb, gemeente?: string): Promise<string> {
  const tenantId = await publicTenant(system.db, gemeente);
  if (tenantId) return tenantId;
  if (gemeente) throw invalidField('gemeente', 'Onbekende gemeente');
  throw new AppError('unavailable', 'Meldingen doen is nog niet mogelijk.');
}

/**
 * A resident's report becomes a signal with source `resident` in the municipality's inbox (the
 * first municipality of this installation). The resident gets a tracking code, nothing else.
 */
export async function createPublicReport(
  system: SystemDb,
  input: PublicReport,
  gemeente?: string,
): Promise<{ trackingCode: string }> {
  const trackingCode = newTrackingCode();
  // The honeypot: a person never fills this field. A bot gets a receipt; nothing is stored.
  if (input.website) return { trackingCode };
  const tenantId = await resolvePublicTenant(system, gemeente);
  return system.forTenant(tenantId).transaction(async (s) => {
    const category = await signalCategory(s, input.category);
    if (!category?.public_report) throw invalidField('category', 'Kies een onderwerp uit de lijst');
    const n = await prepareSignal(
      s,
      {
        category: input.category,
        description: input.description,
        source: 'resident',
        location: input.location,
      },
      { userId: null, partnerId: null },
      { trackingCode, contact: input.contact ?? null },
    );
    const id = await insertSignal(s, n);
    await addSignalHistory(
      s,
      id,
      null,
      { created: { source: 'resident', routing: n.routingReason } },
      'Uw melding is ontvangen.',
    );
    await appendAudit(s.q, [
      {
        tenantId,
        userId: null,
        partnerId: null,
        action: 'create',
        objectType: 'signal',
        objectId: id,
        purpose: 'Melding van een bewoner',
      },
    ]);
    return { trackingCode };
  });
}

/** What a resident may see of their report: the status in plain words and the public updates. */
export async function trackReport(system: SystemDb, code: string) {
  const found = await findByTrackingCode(system.db, code.toUpperCase());
  if (!found) throw notFound('Er is geen melding met deze code.');
  return {
    status: found.status as SignalStatus,
    statusText: SIGNAL_STATUS_PUBLIC[found.status as SignalStatus],
    createdAt: found.created_at.toISOString(),
    updates: found.updates.map((u) => ({ at: u.at.toISOString(), text: u.text })),
  };
}
