import type { AddAttachmentsForm, AttachmentList } from '@wijkregie/shared';
import type { AuditEvent, RequestContext } from '../../http/context.js';
import { attachFiles } from '../attachments/attach-files.js';
import { checkUploads } from '../attachments/uploads.js';
import { audit } from '../audit/record.js';
import { visibleSignal } from './signal-view.js';

/**
 * `POST /signals/:id/attachments`: photos or documents added to a signal the caller sees — the
 * outreach worker's photo after a visit, a letter that came later. Checked by content (415) before
 * anything is stored; all files or none.
 */
export function addSignalAttachments(
  ctx: RequestContext,
  signalId: string,
  form: AddAttachmentsForm,
): Promise<AttachmentList> {
  return ctx.db.transaction(async (s) => {
    const sig = await visibleSignal(s, ctx, signalId);
    const uploads = await checkUploads(form.file);
    const items = await attachFiles(s, { signalId }, uploads, ctx.userId);
    await audit(
      s,
      ctx,
      ...items.map(
        (a): AuditEvent => ({
          action: 'create',
          objectType: 'attachment',
          objectId: a.id,
          personIds: sig.personIds,
          processingActivityId: sig.processingActivityId,
          details: { signalId, contentType: a.contentType, size: a.size },
        }),
      ),
    );
    return { items };
  });
}
