import type { CreateSignal, CreateSignalForm, FieldError, Signal } from '@wijkregie/shared';
import { visibleSubjectIds } from '../../access/subjects.js';
import { viewerOf } from '../../access/viewer.js';
import type { AuditEvent, RequestContext } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { attachFiles } from '../attachments/attach-files.js';
import { checkUploads } from '../attachments/uploads.js';
import { audit } from '../audit/record.js';
import { matchSignals } from '../early-warning/match-signals.js';
import { addSignalPersons } from './repository.js';
import { takeInSignal } from './signal-intake.js';
import { presentAfterChange } from './signal-view.js';

/**
 * `POST /signals`: a professional's signal, routed, matched and with its first-contact deadline. Sent
 * as a form it brings photos or documents, checked by content (415) before anything is stored and
 * stored in the signal's transaction.
 */
export function createSignal(ctx: RequestContext, input: CreateSignal | CreateSignalForm): Promise<Signal> {
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
    const { file = [], ...signal } = 'file' in input ? input : { ...input, file: [] };
    const uploads = await checkUploads(file);
    const id = await takeInSignal(s, signal, { userId: ctx.userId, partnerId: ctx.partnerId });
    const attachments = await attachFiles(s, { signalId: id }, uploads, ctx.userId);
    await addSignalPersons(s, id, personIds);
    await matchSignals(s, [id], { userId: ctx.userId, publicUrl: ctx.publicUrl });
    const created = await presentAfterChange(s, ctx, id);
    const { processingActivityId } = created;
    await audit(
      s,
      ctx,
      { action: 'create', objectType: 'signal', objectId: id, personIds, processingActivityId },
      ...attachments.map(
        (a): AuditEvent => ({
          action: 'create',
          objectType: 'attachment',
          objectId: a.id,
          personIds,
          processingActivityId,
          details: { signalId: id, contentType: a.contentType, size: a.size },
        }),
      ),
    );
    return created;
  });
}
