import { type CreateEntry, can, type Entry, type EntryKind } from '@wijkregie/shared';
import { readVisibleCase } from '../../access/cases.js';
import type { RequestContext } from '../../http/context.js';
import { conflict, forbidden, invalidField } from '../../http/errors.js';
import { raiseAlert } from '../alerts/raise-alert.js';
import { audit } from '../audit/record.js';
import { categoryExists, partnerAccess } from '../matrix/repository.js';
import { entryCategory, insertEntry } from './entry-repository.js';
import { touchCase } from './repository.js';

/**
 * `POST /cases/:id/entries`: a journal entry in a category the caller's partner may write, on an
 * open case; a correction names an earlier entry the caller may read.
 */
export function addEntry(
  ctx: RequestContext,
  caseId: string,
  input: CreateEntry,
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
    const entry = await insertEntry(s, {
      caseId,
      category: input.category,
      text: input.text,
      authorUserId: ctx.userId,
      partnerId: ctx.partnerId,
      correctsEntryId: input.correctsEntryId ?? null,
      kind: origin.kind,
      meetingId: origin.meetingId,
    });
    await touchCase(s, caseId);
    await raiseAlert(s, ctx.publicUrl, { kind: 'entry_added', caseId, actorUserId: ctx.userId });
    await audit(s, ctx, {
      action: 'create',
      objectType: 'entry',
      objectId: entry.id,
      personIds: c.personIds,
      details: {
        caseId,
        category: entry.category,
        ...(origin.meetingId ? { meetingId: origin.meetingId, kind: origin.kind } : {}),
      },
    });
    return entry;
  });
}
