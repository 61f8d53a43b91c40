import { type CreateMinutes, type Entry, seesCase } from '@wijkregie/shared';
import { findCase } from '../../access/case-record.js';
import type { RequestContext } from '../../http/context.js';
import { invalidField } from '../../http/errors.js';
import { addEntry } from '../cases/add-entry.js';
import { visibleMeeting } from './meeting-view.js';

/** `POST /meetings/:id/minutes`: minutes or a decision for an agenda item — an entry of that case, under the same matrix. */
export async function addMinutes(
  ctx: RequestContext,
  meetingId: string,
  input: CreateMinutes,
): Promise<Entry> {
  const s = ctx.db.read;
  const m = await visibleMeeting(s, ctx, meetingId);
  const c = m.caseIds.includes(input.caseId) ? await findCase(s, input.caseId) : undefined;
  if (!c || !seesCase(ctx, c))
    throw invalidField('caseId', 'Deze casus staat niet op de agenda van dit overleg');
  return addEntry(
    ctx,
    input.caseId,
    { category: input.category, text: input.text },
    { kind: input.kind, meetingId },
  );
}
