import type { LifeDomain, UpdateLifeDomain } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { invalidField, notFound } from '../../http/errors.js';
import { audit } from '../audit/record.js';
import { categoryExists } from '../matrix/repository.js';
import { lockLifeDomain, updateLifeDomainRow } from './repository.js';

/**
 * `PATCH /life-domains/:key`: name, group or category of a domain (404 when unknown; the category
 * must exist). A new category moves who sees the domain's scores and goals at once. Audited with
 * before and after.
 */
export function updateLifeDomain(
  ctx: RequestContext,
  key: string,
  input: UpdateLifeDomain,
): Promise<LifeDomain> {
  return ctx.db.transaction(async (s) => {
    const before = await lockLifeDomain(s, key);
    if (!before) throw notFound('Dit leefgebied bestaat niet.');
    if (input.category !== undefined && !(await categoryExists(s, input.category))) {
      throw invalidField('category', 'Onbekende categorie');
    }
    const after = await updateLifeDomainRow(s, {
      key,
      label: input.label ?? before.label,
      group: input.group ?? before.group,
      category: input.category ?? before.category,
    });
    await audit(s, ctx, {
      action: 'update',
      objectType: 'life_domain',
      objectId: null,
      details: { key, before, after },
    });
    return after;
  });
}
