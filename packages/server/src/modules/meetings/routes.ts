import {
  createMeetingSchema,
  createMinutesSchema,
  entryListSchema,
  entrySchema,
  idParams,
  meetingListQuerySchema,
  meetingListSchema,
  meetingPdfQuerySchema,
  meetingPdfSchema,
  meetingSchema,
  updateMeetingSchema,
} from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf } from '../../http/context.js';
import { problemResponses } from '../../http/openapi.js';
import { addMinutes } from './add-minutes.js';
import { createMeeting } from './create-meeting.js';
import { exportMeetingPdf } from './export-meeting-pdf.js';
import { findMeetings } from './find-meetings.js';
import { getMeeting } from './get-meeting.js';
import { listMinutes } from './list-minutes.js';
import { updateMeeting } from './update-meeting.js';

const PURPOSE = 'Multidisciplinair overleg integrale wijkaanpak';
const TAGS = ['Overleggen'];

export function meetingRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = { auth: 'meetings.read', purpose: PURPOSE } as const;
  const write = { auth: 'meetings.write', purpose: PURPOSE } as const;

  r.post(
    '/api/v1/meetings',
    {
      config: write,
      schema: {
        tags: TAGS,
        summary: 'Overleg plannen (met `recurrence` een reeks, bijv. om de week)',
        body: createMeetingSchema,
        response: { 201: meetingSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (req, reply) => reply.code(201).send(await createMeeting(ctxOf(req), req.body)),
  );

  r.get(
    '/api/v1/meetings',
    {
      config: read,
      schema: {
        tags: TAGS,
        summary: 'Overleggen die ik mag zien',
        querystring: meetingListQuerySchema,
        response: { 200: meetingListSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (req) => findMeetings(ctxOf(req), req.query),
  );

  r.get(
    '/api/v1/meetings/:id',
    {
      config: read,
      schema: {
        tags: TAGS,
        summary: 'Overleg; de agenda toont alleen casussen die ik mag zien',
        params: idParams,
        response: { 200: meetingSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => getMeeting(ctxOf(req), req.params.id),
  );

  r.patch(
    '/api/v1/meetings/:id',
    {
      config: write,
      schema: {
        tags: TAGS,
        summary: 'Overleg wijzigen (voorzitter, planner of regisseur)',
        params: idParams,
        body: updateMeetingSchema,
        response: { 200: meetingSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => updateMeeting(ctxOf(req), req.params.id, req.body),
  );

  r.post(
    '/api/v1/meetings/:id/minutes',
    {
      config: write,
      schema: {
        tags: TAGS,
        summary: 'Verslag of besluit bij een agendapunt (een notitie in de casus, onder dezelfde matrix)',
        params: idParams,
        body: createMinutesSchema,
        response: { 201: entrySchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.code(201).send(await addMinutes(ctxOf(req), req.params.id, req.body)),
  );

  r.get(
    '/api/v1/meetings/:id/minutes',
    {
      config: read,
      schema: {
        tags: TAGS,
        summary: 'Verslag en besluiten die ik mag lezen',
        params: idParams,
        response: { 200: entryListSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => listMinutes(ctxOf(req), req.params.id),
  );

  r.get(
    '/api/v1/meetings/:id/pdf',
    {
      config: read,
      schema: {
        tags: TAGS,
        summary:
          'Agenda en verslag als PDF, met alleen wat mijn partner (of, voor een regisseur, `partnerId`) mag zien',
        params: idParams,
        querystring: meetingPdfQuerySchema,
        response: { 200: meetingPdfSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      const { pdf, filename } = await exportMeetingPdf(ctxOf(req), req.params.id, req.query.partnerId);
      return reply
        .type('application/pdf')
        .header('Content-Disposition', `attachment; filename="${filename}"`)
        .send(pdf);
    },
  );
}
