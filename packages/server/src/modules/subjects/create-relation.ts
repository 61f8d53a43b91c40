import { type CreateRelation, RELATION_RULES, type Relation } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { invalidField } from '../../http/errors.js';
import { audit } from '../audit/record.js';
import { insertRelation } from './repository.js';
import { requireVisible } from './visible-subjects.js';

/** Records a typed relation between two subjects the caller may see (kinds as `RELATION_RULES` allows). */
export function createRelation(ctx: RequestContext, input: CreateRelation): Promise<Relation> {
  const rule = RELATION_RULES[input.type];
  if (!rule.from.includes(input.from.kind))
    throw invalidField('from.kind', `"${input.type}" begint bij: ${rule.from.join(', ')}`);
  if (!rule.to.includes(input.to.kind))
    throw invalidField('to.kind', `"${input.type}" wijst naar: ${rule.to.join(', ')}`);
  if (input.from.kind === input.to.kind && input.from.id === input.to.id) {
    throw invalidField('to.id', 'Een relatie met zichzelf kan niet');
  }
  return ctx.db.transaction(async (s) => {
    await requireVisible(s, ctx, input.from.kind, [input.from.id], () => 'from.id');
    await requireVisible(s, ctx, input.to.kind, [input.to.id], () => 'to.id');
    const rel = await insertRelation(s, input, ctx.userId);
    const personIds = [input.from, input.to].filter((r) => r.kind === 'person').map((r) => r.id);
    await audit(s, ctx, { action: 'create', objectType: 'relation', objectId: rel.id, personIds });
    return rel;
  });
}
