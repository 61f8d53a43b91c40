import type { Category, CreateCategory } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { conflict } from '../../http/errors.js';
import { audit } from '../audit/record.js';
import { categoryExists, insertCategory } from './repository.js';

/** Adds an information category (last in the order); its key must be new. */
export function createCategory(ctx: RequestContext, input: CreateCategory): Promise<Category> {
  return ctx.db.transaction(async (s) => {
    if (await categoryExists(s, input.key)) {
      throw conflict('Deze categorie bestaat al.', [{ path: 'key', message: 'Bestaat al' }]);
    }
    const created = await insertCategory(s, input);
    await audit(s, ctx, { action: 'create', objectType: 'category', details: { key: created.key } });
    return created;
  });
}
