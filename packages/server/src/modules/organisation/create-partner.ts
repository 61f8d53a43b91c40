import type { CreatePartner, Partner } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { fieldConflict } from '../../http/errors.js';
import { audit } from '../audit/record.js';
import { insertPartner, partnerNameTaken } from './repository.js';

export function createPartner(ctx: RequestContext, input: CreatePartner): Promise<Partner> {
  return ctx.db.transaction(async (s) => {
    if (await partnerNameTaken(s, input.name)) {
      throw fieldConflict('name', 'Er is al een partner met deze naam');
    }
    const partner = await insertPartner(s, input);
    await audit(s, ctx, {
      action: 'create',
      objectType: 'partner',
      objectId: partner.id,
      details: { kind: partner.kind },
    });
    return partner;
  });
}
