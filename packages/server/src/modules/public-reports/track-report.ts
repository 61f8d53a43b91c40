import { type PublicReportStatus, SIGNAL_STATUS_PUBLIC } from '@wijkregie/shared';
import { notFound } from '../../http/errors.js';
import type { PublicDeps } from '../throttle/throttle.js';
import { TRACK_LIMIT, throttlePublic } from './public-access.js';
import { findByTrackingCode } from './repository.js';

/**
 * `GET /api/public/v1/reports/:code`: what a resident may see of their report — the status in plain
 * words and the public updates, never names of people or organisations. At most 60 look-ups a minute
 * per address.
 */
export async function trackReport(deps: PublicDeps, ip: string, code: string): Promise<PublicReportStatus> {
  await throttlePublic(deps.throttle, TRACK_LIMIT, ip);
  const found = await findByTrackingCode(deps.system.db, code.toUpperCase());
  if (!found) throw notFound('Er is geen melding met deze code.');
  return {
    status: found.status,
    statusText: SIGNAL_STATUS_PUBLIC[found.status],
    createdAt: found.created_at.toISOString(),
    updates: found.updates.map((u) => ({ at: u.at.toISOString(), text: u.text })),
  };
}
