import { type CreateEntry, type CreateEntryForm, can, type Entry, type EntryKind } from '@wijkregie/shared';
import { readVisibleCase } from '../../access/cases.js';
import type { AuditEvent, RequestContext } from '../../http/context.js';
import { conflict, forbidden, invalidField } from '../../http/errors.js';
import { raiseAlert } from '../alerts/raise-alert.js';
import { attachFiles } from '../attachments/attach-files.js';
import { checkUploads } from '../attachments/uploads.js';
import { audit } from '../audit/record.js';
import { categoryExists, partnerAccess } from '../matrix/repository.js';
import { entryCategory, insertEntry } from './entry-repository.js';
import { touchCase } from './repository.js';

/**
 * `POST /cases/:id/entries`: a journal entry in a category the caller's partner may write, on an
 * open case; a correction names an earlier entry the caller may read. Sent as a form, it brings
 * files: checked by content first (415), then stored with the entry in its transaction, so a refused
 * file leaves no entry behind. They are read under the entry's category, like its text.
 */
export function addEntry(
  ctx: RequestContext,
  caseId: string,
  input: CreateEntry | CreateEntryForm,
  /** Minutes and decisions of a meeting are entries too; the meeting use case says which. */
  origin: { kind: EntryKind; meetingId: string | null } = { kind: 'note', meetingId: null },
): Promise<Entry> {
  return ctx.db.transaction(async (s) => {
    const read = await readVisibleCase(s, ctx, caseId);
    const c = read.case;
    if (!(await categoryExists(s, input.category))) throw invalidField('category', 'Onbekende categorie');
    const access = await partnerAccess(s, ctx.partnerId, read.matrixVersion);
    if (!can(ctx, 'entry.write', { case: c, access, category: input.category })) {
      throw forbidden('Jouw organisatie mag in deze categorie niet schrijven.');
    }
    if (c.status === 'closed') throw conflict('De casus is afgesloten; heropen hem eerst.');
    if (input.correctsEntryId) {
      const category = await entryCategory(s, caseId, input.correctsEntryId);
      // An entry the caller may not read does not exist for them.
      if (!category || !can(ctx, 'entry.read', { case: c, access, category })) {
        throw invalidField('correctsEntryId', 'Onbekende notitie in deze casus');
      }
    }
    const uploads = await checkUploads('file' in input ? input.file : []);
    const inserted = await insertEntry(s, {
      caseId,
      category: input.category,
      text: input.text,
      authorUserId: ctx.userId,
      partnerId: ctx.partnerId,
      correctsEntryId: input.correctsEntryId ?? null,
      kind: origin.kind,
      meetingId: origin.meetingId,
    });
    const attachments = await attachFiles(s, { entryId: inserted.id }, uploads, ctx.userId);
    const entry = { ...inserted, attachments };
    await touchCase(s, caseId);
    await raiseAlert(s, ctx.publicUrl, { kind: 'entry_added', caseId, actorUserId: ctx.userId });
    await audit(
      s,
      ctx,
      {
        action: 'create',
        objectType: 'entry',
        objectId: entry.id,
        personIds: c.personIds,
        processingActivityId: c.processingActivityId,
        details: {
          caseId,
          category: entry.category,
          ...(origin.meetingId ? { meetingId: origin.meetingId, kind: origin.kind } : {}),
          ...(attachments.length > 0 ? { attachments: attachments.length } : {}),
        },
      },
      ...attachments.map(
        (a): AuditEvent => ({
          action: 'create',
          objectType: 'attachment',
          objectId: a.id,
          personIds: c.personIds,
          processingActivityId: c.processingActivityId,
          details: { caseId, entryId: entry.id, contentType: a.contentType, size: a.size },
        }),
      ),
    );
    return entry;
  });
}
