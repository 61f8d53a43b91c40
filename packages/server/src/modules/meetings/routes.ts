import { meetingOperations as op } from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import { routesFor } from '../../http/serve.js';
import { pdfAnswer } from '../../lib/pdf.js';
import { addMinutes } from './add-minutes.js';
import { createMeeting } from './create-meeting.js';
import { exportMeetingPdf } from './export-meeting-pdf.js';
import { findMeetings } from './find-meetings.js';
import { getMeeting } from './get-meeting.js';
import { listMinutes } from './list-minutes.js';
import { updateMeeting } from './update-meeting.js';

export function meetingRoutes(app: FastifyInstance) {
  const serve = routesFor(app, 'Multidisciplinair overleg integrale wijkaanpak');
  serve(op.createMeeting, (c) => createMeeting(c.ctx, c.body));
  serve(op.findMeetings, (c) => findMeetings(c.ctx, c.query));
  serve(op.getMeeting, (c) => getMeeting(c.ctx, c.params.id));
  serve(op.updateMeeting, (c) => updateMeeting(c.ctx, c.params.id, c.body));
  serve(op.addMinutes, (c) => addMinutes(c.ctx, c.params.id, c.body));
  serve(op.listMinutes, (c) => listMinutes(c.ctx, c.params.id));
  serve(op.exportMeetingPdf, async (c) =>
    pdfAnswer(c.reply, await exportMeetingPdf(c.ctx, c.params.id, c.query.partnerId)),
  );
}
