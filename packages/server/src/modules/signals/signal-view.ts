import { type Signal, seesSignal, triagesSignal } from '@wijkregie/shared';
import { viewerOf } from '../../access/viewer.js';
import type { TenantScope } from '../../db/scope.js';
import type { RequestContext } from '../../http/context.js';
import { forbidden, notFound } from '../../http/errors.js';
import { amsterdamDate } from '../../lib/time.js';
import { findSignal, type SignalRecord } from './repository.js';

/** How the inbox's use cases read a signal for the caller and hand it out. */

const NOT_FOUND = 'Dit signaal bestaat niet of is niet zichtbaar voor jou.';

/**
 * What leaves the server: never the resident's tracking code or internal keys, and of its
 * references (case, persons, merged into, bundle) only those the caller it was read for may open.
 */
export function present(r: SignalRecord): Signal {
  const { reporterUserId: _u, trackingCode: _t, addressKey: _a, shown, ...rest } = r;
  return { ...rest, ...shown };
}

export const isRegisseur = (ctx: RequestContext) => ctx.roles.includes('regisseur');

/** The signal if the caller may see it, else 404 (a signal they may not see does not exist for them). */
export async function visibleSignal(
  s: TenantScope,
  ctx: RequestContext,
  id: string,
  lock = false,
): Promise<SignalRecord> {
  const sig = await findSignal(s, id, amsterdamDate(), viewerOf(ctx), lock);
  if (!sig || !seesSignal(ctx, sig)) throw notFound(NOT_FOUND);
  return sig;
}

/** Only regisseurs and the partner the signal is routed to triage it; others get 403 with `message`. */
export function assertTriages(ctx: RequestContext, sig: SignalRecord, message: string): void {
  if (!triagesSignal(ctx, sig)) throw forbidden(message);
}

/** A signal as the caller sees it after a change in this transaction (it exists: it was just written). */
export async function presentAfterChange(s: TenantScope, ctx: RequestContext, id: string): Promise<Signal> {
  const sig = await findSignal(s, id, amsterdamDate(), viewerOf(ctx));
  if (!sig) throw new Error(`signal ${id} vanished inside its own transaction`);
  return present(sig);
}
