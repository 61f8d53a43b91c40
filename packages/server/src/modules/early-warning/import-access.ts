import { CREDITOR_IMPORT_REFUSAL, mayImportCreditorSignals } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';
import { partnerKind } from './import-repository.js';

/**
 * Regisseurs, and professionals of the municipality, debt counselling and the care team; never the police.
 * The rule is the shared one, so that the web offers the import to exactly these users.
 */
export async function assertMayImport(ctx: RequestContext): Promise<void> {
  const regisseur = ctx.roles.includes('regisseur');
  const kind = regisseur ? undefined : await partnerKind(ctx.db.read, ctx.partnerId);
  if (mayImportCreditorSignals(ctx, kind)) return;
  throw forbidden(CREDITOR_IMPORT_REFUSAL);
}
