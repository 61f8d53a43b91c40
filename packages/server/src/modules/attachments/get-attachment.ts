import { type AttachmentType, can, hasPermission, isPhotoType, seesSignal } from '@wijkregie/shared';
import { readCase } from '../../access/case-record.js';
import type { RequestContext } from '../../http/context.js';
import { notFound } from '../../http/errors.js';
import { partnerAccess } from '../matrix/repository.js';
import { findAttachment, type StoredAttachment } from './repository.js';

/** A file to send: its bytes, type and name, and whether a browser may show it in the page. */
export interface AttachmentDownload {
  name: string;
  contentType: AttachmentType;
  content: Buffer;
  /** Photos may be shown in the page (thumbnails); documents are always downloaded. */
  disposition: 'inline' | 'attachment';
}

const NOT_FOUND = 'Deze bijlage bestaat niet of is niet zichtbaar voor jou.';

/**
 * Whether the caller may read the file, and the persons it concerns (for the audit): an entry's
 * file under the matrix of the entry's category in a case the caller sees — exactly as the entry
 * itself —, a signal's file for whoever sees the signal.
 */
async function readableBy(
  ctx: RequestContext,
  a: StoredAttachment,
): Promise<{ personIds: string[]; details: Record<string, unknown> } | undefined> {
  const s = ctx.db.read;
  if (a.owner.kind === 'signal') {
    if (!hasPermission(ctx, 'signals.read') || !seesSignal(ctx, a.owner)) return undefined;
    return { personIds: a.owner.personIds, details: { signalId: a.owner.signalId } };
  }
  if (!hasPermission(ctx, 'cases.read')) return undefined;
  const read = await readCase(s, a.owner.caseId);
  if (!read) return undefined;
  const access = await partnerAccess(s, ctx.partnerId, read.matrixVersion);
  if (!can(ctx, 'entry.read', { case: read.case, access, category: a.owner.category })) return undefined;
  return {
    personIds: [...read.case.personIds],
    details: { caseId: a.owner.caseId, entryId: a.owner.entryId },
  };
}

/**
 * `GET /attachments/:id`: the file, for whoever may read what it belongs to; for anybody else it
 * does not exist (404). Reading it is recorded like reading the entry or signal.
 */
export async function getAttachment(ctx: RequestContext, id: string): Promise<AttachmentDownload> {
  const found = await findAttachment(ctx.db.read, id);
  const readable = found && (await readableBy(ctx, found));
  if (!found || !readable) throw notFound(NOT_FOUND);
  await ctx.auditRead([
    {
      action: 'read',
      objectType: 'attachment',
      objectId: id,
      personIds: readable.personIds,
      details: readable.details,
    },
  ]);
  return {
    name: found.name,
    contentType: found.contentType,
    content: found.content,
    disposition: isPhotoType(found.contentType) ? 'inline' : 'attachment',
  };
}
