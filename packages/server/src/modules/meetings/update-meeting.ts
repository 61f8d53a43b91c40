import { type Meeting, seesCase, type UpdateMeeting } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';
import { audit } from '../audit/record.js';
import { presentOne, validateMeetingRefs, visibleMeeting, writtenMeeting } from './meeting-view.js';
import { agendaCases, setAgenda, setMeetingPartners, updateMeetingRow } from './repository.js';

/** `PATCH /meetings/:id`: the chair, whoever planned it, or a regisseur changes it. */
export function updateMeeting(ctx: RequestContext, id: string, u: UpdateMeeting): Promise<Meeting> {
  return ctx.db.transaction(async (s) => {
    const m = await visibleMeeting(s, ctx, id);
    const mayChange =
      ctx.roles.includes('regisseur') || m.chairUserId === ctx.userId || m.createdByUserId === ctx.userId;
    if (!mayChange)
      throw forbidden('Alleen de voorzitter, wie het overleg plande of een regisseur kan het wijzigen.');
    // Items of cases the caller cannot see stay on the agenda untouched.
    const cases = await agendaCases(s, m.caseIds);
    const hidden = m.caseIds.filter((caseId) => {
      const c = cases.get(caseId);
      return c !== undefined && !seesCase(ctx, c);
    });
    await validateMeetingRefs(s, ctx, u);
    await updateMeetingRow(s, id, u);
    if (u.partnerIds) await setMeetingPartners(s, id, u.partnerIds);
    if (u.caseIds) await setAgenda(s, id, [...u.caseIds, ...hidden]);
    await audit(s, ctx, {
      action: 'update',
      objectType: 'meeting',
      objectId: id,
      details: { fields: Object.keys(u) },
    });
    return presentOne(s, ctx, await writtenMeeting(s, id));
  });
}
