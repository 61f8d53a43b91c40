import { type FieldError, type Meeting, seesCase, type UpdateMeeting } from '@wijkregie/shared';
import { enqueueWebhookEvent } from '../../background/webhook-repository.js';
import type { TenantScope } from '../../db/scope.js';
import type { RequestContext } from '../../http/context.js';
import { AppError, conflict, forbidden } from '../../http/errors.js';
import { audit } from '../audit/record.js';
import { presentOne, validateMeetingRefs, visibleMeeting, writtenMeeting } from './meeting-view.js';
import {
  agendaCases,
  attendanceOf,
  cancelMeetingRow,
  lockMeeting,
  partnersOfUsers,
  recordAttendance,
  setAgenda,
  setMeetingPartners,
  updateMeetingRow,
} from './repository.js';

/**
 * `PATCH /meetings/:id`: the chair, whoever planned it, or a regisseur edits it — title, place,
 * time (moving one meeting of a series moves only that one), invited partners, the agenda (cases
 * added must be visible to the caller; items of cases the caller cannot see stay untouched), the
 * attendance list, or cancels it. A cancelled meeting stays with its minutes and actions and can no
 * longer be changed (409).
 *
 * No alert goes out for a change of the agenda or the time: alerts are about what happens in a
 * case (SITRAP), and an agenda is usually put together in several edits before the meeting. Who is
 * concerned sees it where they look for it: the meeting on their start page and on the case page.
 */
export function updateMeeting(ctx: RequestContext, id: string, u: UpdateMeeting): Promise<Meeting> {
  return ctx.db.transaction(async (s) => {
    await visibleMeeting(s, ctx, id);
    await lockMeeting(s, id);
    const m = await writtenMeeting(s, id);
    const mayChange =
      ctx.roles.includes('regisseur') || m.chairUserId === ctx.userId || m.createdByUserId === ctx.userId;
    if (!mayChange)
      throw forbidden('Alleen de voorzitter, wie het overleg plande of een regisseur kan het wijzigen.');
    if (m.status === 'cancelled')
      throw conflict('Dit overleg is geannuleerd en kan niet meer worden gewijzigd.');
    // Items of cases the caller cannot see stay on the agenda untouched.
    const cases = await agendaCases(s, m.caseIds);
    const hidden = m.caseIds.filter((caseId) => {
      const c = cases.get(caseId);
      return c !== undefined && !seesCase(ctx, c);
    });
    await validateMeetingRefs(s, ctx, u, m.partnerIds);
    const partnerIds = u.partnerIds ?? m.partnerIds;
    if (u.attendance?.length) await checkAttendees(s, u.attendance, m.chairUserId, partnerIds);

    await updateMeetingRow(s, id, u);
    if (u.partnerIds) await setMeetingPartners(s, id, u.partnerIds);
    const agenda = u.caseIds ? [...new Set([...u.caseIds, ...hidden])] : m.caseIds;
    if (u.caseIds) await setAgenda(s, id, agenda);
    // A meeting has no status 'held': it was held when attendance is first recorded with someone present.
    const heldNow =
      u.attendance?.some((a) => a.present) === true &&
      !(await attendanceOf(s, [id])).get(id)?.some((a) => a.present);
    if (u.attendance) await recordAttendance(s, id, u.attendance, ctx.userId);
    if (heldNow) {
      await enqueueWebhookEvent(s, 'nl.wijkregie.meeting.held', {
        meetingId: id,
        status: 'held',
        startsAt: new Date(u.startsAt ?? m.startsAt).toISOString(),
        recordedAt: new Date().toISOString(),
      });
    }
    if (u.status === 'cancelled') await cancelMeetingRow(s, id, ctx.userId);

    const movedTo = u.startsAt === undefined ? m.startsAt : new Date(u.startsAt).toISOString();
    const added = agenda.filter((c) => !m.caseIds.includes(c));
    const removed = m.caseIds.filter((c) => !agenda.includes(c));
    await audit(s, ctx, {
      action: 'update',
      objectType: 'meeting',
      objectId: id,
      // The cases whose agenda item came or went: a case's history shows it was discussed.
      objectIds: [...added, ...removed],
      details: {
        fields: Object.keys(u),
        ...(movedTo !== m.startsAt ? { startsAt: { from: m.startsAt, to: movedTo } } : {}),
        ...(added.length || removed.length ? { agenda: { added, removed } } : {}),
        ...(u.attendance
          ? { attendance: u.attendance.map((a) => ({ userId: a.userId, present: a.present })) }
          : {}),
        ...(u.status === 'cancelled' ? { cancelled: true } : {}),
      },
    });
    return presentOne(s, ctx, await writtenMeeting(s, id));
  });
}

/** Who may be on the attendance list: the chair and users of the invited partners. */
async function checkAttendees(
  s: TenantScope,
  attendance: readonly { userId: string }[],
  chairUserId: string,
  partnerIds: readonly string[],
): Promise<void> {
  const partnerOf = await partnersOfUsers(
    s,
    attendance.map((a) => a.userId),
  );
  const errors: FieldError[] = [];
  attendance.forEach((a, i) => {
    const partner = partnerOf.get(a.userId);
    if (partner === undefined)
      errors.push({ path: `attendance.${i}.userId`, message: 'Onbekende gebruiker' });
    else if (a.userId !== chairUserId && !partnerIds.includes(partner)) {
      errors.push({
        path: `attendance.${i}.userId`,
        message: 'Deze persoon hoort niet bij een uitgenodigde partner',
      });
    }
  });
  if (errors.length) throw new AppError('validation', 'Ongeldige aanwezigheid.', errors);
}
