import type { PartnerKind } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';
import { partnerKind } from './import-repository.js';

/** Partner kinds whose professionals may import creditor signals (regisseurs always may). */
export const IMPORTING_PARTNER_KINDS: readonly PartnerKind[] = ['gemeente', 'schuldhulp', 'wijkteam'];

/** Regisseurs, and professionals of the municipality, debt counselling and the care team; never the police. */
export async function assertMayImport(ctx: RequestContext): Promise<void> {
  if (ctx.roles.includes('regisseur')) return;
  if (ctx.roles.includes('professional')) {
    const kind = await partnerKind(ctx.db.read, ctx.partnerId);
    if (kind && IMPORTING_PARTNER_KINDS.includes(kind)) return;
  }
  throw forbidden(
    'Alleen de gemeente, schuldhulpverlening en het wijkteam mogen signalen van schuldeisers inlezen.',
  );
}
