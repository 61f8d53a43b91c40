import type { CreateLifeDomain, LifeDomain } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { conflict, invalidField } from '../../http/errors.js';
import { audit } from '../audit/record.js';
import { categoryExists } from '../matrix/repository.js';
import { insertLifeDomain } from './repository.js';

/**
 * `POST /life-domains`: a regisseur adds a life domain under an existing category (400 `category`
 * otherwise); a key in use is 409. Audited in the same transaction.
 */
export function createLifeDomain(ctx: RequestContext, input: CreateLifeDomain): Promise<LifeDomain> {
  return ctx.db.transaction(async (s) => {
    if (!(await categoryExists(s, input.category))) throw invalidField('category', 'Onbekende categorie');
    const created = await insertLifeDomain(s, input);
    if (!created) {
      throw conflict('Er is al een leefgebied met deze sleutel.', [
        { path: 'key', message: 'Deze sleutel bestaat al' },
      ]);
    }
    await audit(s, ctx, {
      action: 'create',
      objectType: 'life_domain',
      objectId: null,
      details: { key: created.key, label: created.label, group: created.group, category: created.category },
    });
    return created;
  });
}
