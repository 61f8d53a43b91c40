import type { FieldError } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { AppError, notFound } from '../../http/errors.js';
import { auditEntries } from '../audit/context.js';
import { appendAudit } from '../audit/repository.js';
import { areaExists } from '../cases/repository.js';
import { existingPartnerIds } from '../matrix/repository.js';
import {
  deleteRoute,
  insertRoute,
  insertSignalCategory,
  signalCategory,
  updateSignalCategory,
} from './repository.js';

/** The municipality's configuration of signals: categories and routing rules. Every change is audited. */

interface CategoryInput {
  key: string;
  label: string;
  publicReport: boolean;
  deadlineDays: number;
  deadlineWorking: boolean;
}

export function createCategory(ctx: RequestContext, c: CategoryInput): Promise<CategoryInput> {
  return ctx.db.transaction(async (s) => {
    if (!(await insertSignalCategory(s, c))) throw new AppError('conflict', 'Deze categorie bestaat al.');
    await appendAudit(
      s.q,
      auditEntries(ctx, [{ action: 'create', objectType: 'signal_category', details: { key: c.key } }]),
    );
    return c;
  });
}

export function changeCategory(
  ctx: RequestContext,
  key: string,
  u: Partial<Omit<CategoryInput, 'key'>>,
): Promise<CategoryInput> {
  return ctx.db.transaction(async (s) => {
    if (!(await updateSignalCategory(s, key, u))) throw notFound('Deze categorie bestaat niet.');
    await appendAudit(
      s.q,
      auditEntries(ctx, [{ action: 'update', objectType: 'signal_category', details: { key, ...u } }]),
    );
    const c = (await signalCategory(s, key))!;
    return {
      key: c.key,
      label: c.label,
      publicReport: c.public_report,
      deadlineDays: c.deadline_days,
      deadlineWorking: c.deadline_working,
    };
  });
}

export function createRoute(
  ctx: RequestContext,
  r: { category: string; areaId?: string | null | undefined; partnerId: string },
) {
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
    if (!id) throw new AppError('conflict', 'Er is al een regel voor deze categorie en dit gebied.');
    await appendAudit(
      s.q,
      auditEntries(ctx, [{ action: 'create', objectType: 'signal_route', objectId: id, details: rule }]),
    );
    return { id, ...rule };
  });
}

export function removeRoute(ctx: RequestContext, id: string): Promise<void> {
  return ctx.db.transaction(async (s) => {
    if (!(await deleteRoute(s, id))) throw notFound('Deze regel bestaat niet.');
    await appendAudit(
      s.q,
      auditEntries(ctx, [{ action: 'delete', objectType: 'signal_route', objectId: id }]),
    );
  });
}
