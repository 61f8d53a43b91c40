import type { ProcessingActivity, UpdateProcessingActivity } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { notFound } from '../../http/errors.js';
import { audit } from '../audit/record.js';
import { checkActivityInput } from './check-activity.js';
import { findActivity, takeDefaultsFromOthers, updateActivity } from './repository.js';

const NOT_FOUND = 'Deze verwerking staat niet in het register.';

/**
 * `PATCH /processing-activities/:id` (admin): the fields given; the audit record keeps each changed
 * field's before and after. Defaults it takes on are taken from the activity that had them.
 */
export function updateProcessingActivity(
  ctx: RequestContext,
  id: string,
  u: UpdateProcessingActivity,
): Promise<ProcessingActivity> {
  return ctx.db.transaction(async (s) => {
    const before = await findActivity(s, id, true);
    if (!before) throw notFound(NOT_FOUND);
    await checkActivityInput(s, u, id);
    const dedupe = <T>(xs: T[] | undefined) => (xs === undefined ? undefined : [...new Set(xs)]);
    const next = {
      ...u,
      categories: dedupe(u.categories),
      defaultForCaseTypes: dedupe(u.defaultForCaseTypes),
      defaultForSignalSources: dedupe(u.defaultForSignalSources),
    };
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of Object.keys(next) as (keyof typeof next)[]) {
      const to = next[key];
      if (to === undefined) continue;
      const from = before[key];
      if (JSON.stringify(from) !== JSON.stringify(to)) changes[key] = { from, to };
    }
    if (Object.keys(changes).length === 0) return before;
    await updateActivity(s, id, {
      name: next.name,
      purpose: next.purpose,
      legalBasis: next.legalBasis,
      retentionDays: next.retentionDays,
      categories: next.categories,
      lawReference: next.lawReference,
      recipients: next.recipients,
      defaultForCaseTypes: next.defaultForCaseTypes,
      defaultForSignalSources: next.defaultForSignalSources,
    });
    const movedFrom = await takeDefaultsFromOthers(
      s,
      id,
      next.defaultForCaseTypes ?? [],
      next.defaultForSignalSources ?? [],
    );
    await audit(s, ctx, {
      action: 'update',
      objectType: 'processing_activity',
      objectId: id,
      details: { ...changes, ...(movedFrom.length ? { defaultsTakenFrom: movedFrom } : {}) },
    });
    const after = await findActivity(s, id);
    if (!after) throw new Error(`processing activity ${id} just updated cannot be read`);
    return after;
  });
}
