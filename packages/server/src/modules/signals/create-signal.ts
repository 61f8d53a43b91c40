import type { CreateSignal, FieldError, Signal } from '@wijkregie/shared';
import { visibleSubjectIds } from '../../access/subjects.js';
import { viewerOf } from '../../access/viewer.js';
import type { RequestContext } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { audit } from '../audit/record.js';
import { matchSignals } from '../early-warning/match-signals.js';
import { addSignalPersons } from './repository.js';
import { takeInSignal } from './signal-intake.js';
import { presentAfterChange } from './signal-view.js';

/** `POST /signals`: a professional's signal, routed, matched and with its first-contact deadline. */
export function createSignal(ctx: RequestContext, input: CreateSignal): Promise<Signal> {
  return ctx.db.transaction(async (s) => {
    const personIds = input.personIds ?? [];
    if (personIds.length) {
      const found = await visibleSubjectIds(s, 'person', personIds, viewerOf(ctx));
      const errors: FieldError[] = [];
      personIds.forEach((id, i) => {
        if (!found.has(id)) errors.push({ path: `personIds.${i}`, message: 'Onbekende persoon' });
      });
      if (errors.length) throw new AppError('validation', 'Onbekende personen.', errors);
    }
    const id = await takeInSignal(s, input, { userId: ctx.userId, partnerId: ctx.partnerId });
    await addSignalPersons(s, id, personIds);
    await matchSignals(s, [id], { userId: ctx.userId, publicUrl: ctx.publicUrl });
    await audit(s, ctx, { action: 'create', objectType: 'signal', objectId: id, personIds });
    return presentAfterChange(s, ctx, id);
  });
}
