import { entryListSchema, entrySchema } from '../cases.js';
import { idParams } from '../contract.js';
import {
  createMeetingSchema,
  createMinutesSchema,
  meetingListQuerySchema,
  meetingListSchema,
  meetingPdfQuerySchema,
  meetingPdfSchema,
  meetingSchema,
  updateMeetingSchema,
} from '../coordination.js';
import { operations } from '../operation.js';

const tag = 'Overleggen';

/** Meetings: planning, the agenda, minutes and the PDF of agenda and minutes. */
export const meetingOperations = operations({
  createMeeting: {
    method: 'POST',
    path: '/api/v1/meetings',
    auth: 'meetings.write',
    tag,
    summary: 'Overleg plannen (met `recurrence` een reeks, bijv. om de week)',
    body: createMeetingSchema,
    status: 201,
    response: meetingSchema,
    problems: [400, 401, 403],
  },
  findMeetings: {
    method: 'GET',
    path: '/api/v1/meetings',
    auth: 'meetings.read',
    tag,
    summary: 'Overleggen die ik mag zien',
    query: meetingListQuerySchema,
    response: meetingListSchema,
    problems: [400, 401, 403],
  },
  getMeeting: {
    method: 'GET',
    path: '/api/v1/meetings/:id',
    auth: 'meetings.read',
    tag,
    summary: 'Overleg; de agenda toont alleen casussen die ik mag zien',
    params: idParams,
    response: meetingSchema,
    problems: [400, 401, 403, 404],
  },
  updateMeeting: {
    method: 'PATCH',
    path: '/api/v1/meetings/:id',
    auth: 'meetings.write',
    tag,
    summary:
      'Overleg wijzigen, verplaatsen of annuleren, de agenda aanpassen en de aanwezigheid vastleggen (voorzitter, planner of regisseur)',
    params: idParams,
    body: updateMeetingSchema,
    response: meetingSchema,
    problems: [400, 401, 403, 404, 409],
  },
  addMinutes: {
    method: 'POST',
    path: '/api/v1/meetings/:id/minutes',
    auth: 'meetings.write',
    tag,
    summary: 'Verslag of besluit bij een agendapunt (een notitie in de casus, onder dezelfde matrix)',
    params: idParams,
    body: createMinutesSchema,
    status: 201,
    response: entrySchema,
    problems: [400, 401, 403, 404, 409],
  },
  listMinutes: {
    method: 'GET',
    path: '/api/v1/meetings/:id/minutes',
    auth: 'meetings.read',
    tag,
    summary: 'Verslag en besluiten die ik mag lezen',
    params: idParams,
    response: entryListSchema,
    problems: [400, 401, 403, 404],
  },
  exportMeetingPdf: {
    method: 'GET',
    path: '/api/v1/meetings/:id/pdf',
    auth: 'meetings.read',
    tag,
    summary:
      'Agenda en verslag als PDF, met alleen wat mijn partner (of, voor een regisseur, `partnerId`) mag zien',
    params: idParams,
    query: meetingPdfQuerySchema,
    response: meetingPdfSchema,
    problems: [400, 401, 403, 404],
  },
});
