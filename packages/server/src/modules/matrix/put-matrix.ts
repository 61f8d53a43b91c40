import type { FieldError, Matrix, PutMatrix } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { audit } from '../audit/record.js';
import { cellsOf, existingCategoryKeys, existingPartnerIds, fullMatrix, setCell } from './repository.js';

/** Sets the given cells (others stay), audits the real changes, and returns the whole matrix. */
export function putMatrix(ctx: RequestContext, { cells }: PutMatrix): Promise<Matrix> {
  return ctx.db.transaction(async (s) => {
    const partners = await existingPartnerIds(
      s,
      cells.map((c) => c.partnerId),
    );
    const categories = await existingCategoryKeys(s);
    const errors: FieldError[] = [];
    const seen = new Set<string>();
    cells.forEach((c, i) => {
      if (!partners.has(c.partnerId))
        errors.push({ path: `cells.${i}.partnerId`, message: 'Onbekende partner' });
      if (!categories.has(c.category))
        errors.push({ path: `cells.${i}.category`, message: 'Onbekende categorie' });
      const key = `${c.partnerId}/${c.category}`;
      if (seen.has(key)) errors.push({ path: `cells.${i}`, message: 'Deze cel staat er dubbel in' });
      seen.add(key);
    });
    if (errors.length) throw new AppError('validation', 'Ongeldige cellen in de matrix.', errors);

    const before = await cellsOf(s, cells);
    const changes = cells
      .map((c) => ({ ...c, from: before.get(`${c.partnerId}/${c.category}`) ?? 'none' }))
      .filter((c) => c.from !== c.access);
    for (const c of changes) await setCell(s, c, ctx.userId);
    if (changes.length) {
      await audit(s, ctx, {
        action: 'update',
        objectType: 'matrix',
        details: {
          changes: changes.map((c) => ({
            partnerId: c.partnerId,
            category: c.category,
            from: c.from,
            to: c.access,
          })),
        },
      });
    }
    return { cells: await fullMatrix(s) };
  });
}
