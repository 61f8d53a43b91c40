import { type Signal, seesSignal, triagesSignal } from '@wijkregie/shared';
import { viewerOf } from '../../access/viewer.js';
import type { RequestContext } from '../../http/context.js';
import { conflict, forbidden, invalidField } from '../../http/errors.js';
import { amsterdamDate } from '../../lib/time.js';
import { audit } from '../audit/record.js';
import { addSignalHistory, addSignalPersons, findSignal, updateSignalRow } from './repository.js';
import { presentAfterChange, visibleSignal } from './signal-view.js';

/**
 * `POST /signals/:id/merge`: merges a duplicate into another signal, a first-class action. The
 * duplicate is closed with a pointer to the one it was merged into; persons move along; both keep
 * their whole history.
 */
export function mergeSignal(ctx: RequestContext, id: string, intoId: string): Promise<Signal> {
  return ctx.db.transaction(async (s) => {
    if (id === intoId) throw invalidField('intoId', 'Een signaal kan niet met zichzelf worden samengevoegd');
    const dup = await visibleSignal(s, ctx, id, true);
    const into = await findSignal(s, intoId, amsterdamDate(), viewerOf(ctx), true);
    if (!into || !seesSignal(ctx, into)) throw invalidField('intoId', 'Onbekend signaal');
    if (!triagesSignal(ctx, dup) || !triagesSignal(ctx, into))
      throw forbidden('Je kunt deze signalen niet samenvoegen.');
    if (dup.mergedIntoId) throw conflict('Dit signaal is al samengevoegd.');
    if (into.mergedIntoId) throw invalidField('intoId', 'Dat signaal is zelf al samengevoegd');
    await updateSignalRow(s, id, {
      mergedIntoId: intoId,
      status: 'closed',
      outcome: 'Samengevoegd met een ander signaal over hetzelfde.',
    });
    await addSignalPersons(s, intoId, dup.personIds);
    await addSignalHistory(
      s,
      id,
      ctx.userId,
      { mergedInto: intoId },
      'Uw melding is samengevoegd met een gelijke melding en wordt daar verder behandeld.',
    );
    await addSignalHistory(s, intoId, ctx.userId, { merged: id });
    await audit(s, ctx, { action: 'merge', objectType: 'signal', objectId: id, objectIds: [id, intoId] });
    return presentAfterChange(s, ctx, intoId);
  });
}
