import type { TenantScope } from '../../db/scope.js';
import { raiseAlert } from '../alerts/raise-alert.js';
import { matchAndBundle } from './matching-repository.js';

/**
 * Matches new signals to persons, households and open cases (matching-repository.ts) and bundles
 * them by address. Every newly matched open case gets one `signal_matched` alert per call, inside the
 * caller's transaction; nothing of this goes back to the source of the signal.
 */
export async function matchSignals(
  s: TenantScope,
  signalIds: string[],
  actor: { userId: string | null; publicUrl: string },
): Promise<void> {
  for (const caseId of await matchAndBundle(s, signalIds)) {
    await raiseAlert(s, actor.publicUrl, { kind: 'signal_matched', caseId, actorUserId: actor.userId });
  }
}
