import type { CreateSignalRoute, FieldError, SignalRoute } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { AppError, conflict } from '../../http/errors.js';
import { audit } from '../audit/record.js';
import { areaExists } from '../cases/repository.js';
import { existingPartnerIds } from '../matrix/repository.js';
import { insertRoute, signalCategory } from './configuration-repository.js';

/** `POST /signal-routes`: a routing rule with checked references (category, partner, area), audited. */
export function createSignalRoute(ctx: RequestContext, r: CreateSignalRoute): Promise<SignalRoute> {
  return ctx.db.transaction(async (s) => {
    const errors: FieldError[] = [];
    if (!(await signalCategory(s, r.category)))
      errors.push({ path: 'category', message: 'Onbekende categorie' });
    if (!(await existingPartnerIds(s, [r.partnerId])).has(r.partnerId)) {
      errors.push({ path: 'partnerId', message: 'Onbekende partner' });
    }
    if (r.areaId && !(await areaExists(s, r.areaId)))
      errors.push({ path: 'areaId', message: 'Onbekend gebied' });
    if (errors.length) throw new AppError('validation', 'Ongeldige regel.', errors);
    const rule = { category: r.category, areaId: r.areaId ?? null, partnerId: r.partnerId };
    const id = await insertRoute(s, rule);
    if (!id) throw conflict('Er is al een regel voor deze categorie en dit gebied.');
    await audit(s, ctx, { action: 'create', objectType: 'signal_route', objectId: id, details: rule });
    return { id, ...rule };
  });
}
