import {
  CASE_TYPES,
  CREDITOR_TYPES,
  caseSchema,
  createSignalSchema,
  importResultSchema,
  publicReportSchema,
  SIGNAL_SOURCES,
  SIGNAL_STATUSES,
  signalCategorySchema,
  signalSchema,
  updateSignalCategorySchema,
  updateSignalSchema,
  VISIT_OUTCOMES,
} from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { SystemDb } from '../../db/scope.js';
import { ctxOf } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { collection, problemResponses } from '../../http/openapi.js';
import { idParams, pagingQuery } from '../../http/paging.js';
import { listAreas } from '../areas/repository.js';
import { areaSchema } from '../areas/routes.js';
import { Throttle } from '../throttle/throttle.js';
import { changeCategory, createCategory, createRoute, removeRoute } from './configure.js';
import { exportSignals, monitorOf } from './export.js';
import { importCreditorCsv, importProgress } from './import.js';
import {
  createPublicReport,
  REPORT_LIMIT,
  resolvePublicTenant,
  TRACK_LIMIT,
  throttlePublic,
  trackReport,
} from './public.js';
import { listRoutes, signalCategories } from './repository.js';
import {
  createSignal,
  duplicatesOf,
  findSignals,
  getSignal,
  mergeSignal,
  planVisit,
  recordOutcome,
  startCase,
  updateSignal,
  worklistOf,
} from './use-cases.js';

const PURPOSE = 'Vroegsignalering en signalen integrale wijkaanpak';
const TAGS = ['Signalen'];
const CSV_LIMIT = 50 * 1024 * 1024;

/** A buffer as a stream of 1 MiB slices (views, no copies). */
async function* slices(buf: Buffer, size = 1024 * 1024): AsyncGenerator<Buffer> {
  for (let at = 0; at < buf.length; at += size) yield buf.subarray(at, at + size);
}
const date = z.iso.date({ error: 'Geen geldige datum (JJJJ-MM-DD)' });
const bool = z.enum(['true', 'false'], { error: 'Kies true of false' }).optional();

const filterQuery = {
  status: z.enum(SIGNAL_STATUSES, { error: 'Onbekende status' }).optional(),
  category: z.string().max(60).optional(),
  source: z.enum(SIGNAL_SOURCES, { error: 'Onbekende bron' }).optional(),
  creditorType: z.enum(CREDITOR_TYPES, { error: 'Onbekend soort schuldeiser' }).optional(),
  areaId: z.uuid({ error: 'Geen geldig gebied' }).optional(),
  routedToMe: bool,
  overdue: bool,
  open: bool,
  from: date.optional(),
  to: date.optional(),
  q: z.string().trim().max(200).optional(),
};
type FilterQuery = { [K in keyof typeof filterQuery]?: z.infer<(typeof filterQuery)[K]> };
const toFilter = (q: FilterQuery) => ({
  ...q,
  routedToMe: q.routedToMe === 'true',
  overdue: q.overdue === 'true',
  open: q.open === 'true',
});

const visitSchema = z.object({
  id: z.uuid(),
  signalId: z.uuid(),
  plannedDate: z.string(),
  visitorUserId: z.uuid().nullable(),
  visitorName: z.string().nullable(),
  partnerId: z.uuid(),
  outcome: z.enum(VISIT_OUTCOMES).nullable(),
  referredPartnerId: z.uuid().nullable(),
  nextStep: z.string().nullable(),
  nextDate: z.string().nullable(),
  notes: z.string().nullable(),
  recordedAt: z.string().nullable(),
  createdAt: z.string(),
});

export function signalRoutes(app: FastifyInstance, system: SystemDb) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = { auth: 'signals.read', purpose: PURPOSE } as const;
  const write = { auth: 'signals.write', purpose: PURPOSE } as const;

  r.get(
    '/api/v1/signal-categories',
    {
      config: { auth: 'signalcategories.read' },
      schema: {
        tags: TAGS,
        summary: 'Signaalcategorieën van de gemeente, met de termijn voor eerste contact',
        response: {
          200: collection(
            z.object({
              key: z.string(),
              label: z.string(),
              publicReport: z.boolean(),
              deadlineDays: z.number(),
              deadlineWorking: z.boolean(),
            }),
          ),
          ...problemResponses(401, 403),
        },
      },
    },
    async (req) => {
      const items = await signalCategories(ctxOf(req).db.read);
      return { items, total: items.length };
    },
  );

  const categoryOut = z.object({
    key: z.string(),
    label: z.string(),
    publicReport: z.boolean(),
    deadlineDays: z.number(),
    deadlineWorking: z.boolean(),
  });
  r.post(
    '/api/v1/signal-categories',
    {
      config: { auth: 'signals.configure' },
      schema: {
        tags: TAGS,
        summary:
          'Signaalcategorie toevoegen (met termijn voor eerste contact; of bewoners haar mogen kiezen)',
        body: signalCategorySchema,
        response: { 201: categoryOut, ...problemResponses(400, 401, 403, 409) },
      },
    },
    async (req, reply) => reply.code(201).send(await createCategory(ctxOf(req), req.body)),
  );
  r.patch(
    '/api/v1/signal-categories/:key',
    {
      config: { auth: 'signals.configure' },
      schema: {
        tags: TAGS,
        summary: 'Signaalcategorie wijzigen (naam, termijn, zichtbaar voor bewoners)',
        params: z.strictObject({ key: z.string().max(60) }),
        body: updateSignalCategorySchema,
        response: { 200: categoryOut, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => changeCategory(ctxOf(req), req.params.key, req.body),
  );

  r.post(
    '/api/v1/signals',
    {
      config: write,
      schema: {
        tags: TAGS,
        summary: 'Signaal melden (wordt gerouteerd, gematcht en krijgt een termijn voor eerste contact)',
        body: createSignalSchema,
        response: { 201: signalSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (req, reply) => reply.code(201).send(await createSignal(ctxOf(req), req.body)),
  );

  r.get(
    '/api/v1/signals',
    {
      config: read,
      schema: {
        tags: TAGS,
        summary:
          'Signalen die ik mag zien (regisseur: alle; anders gemeld door of gerouteerd naar mijn organisatie)',
        querystring: z.strictObject({ ...filterQuery, ...pagingQuery }),
        response: { 200: collection(signalSchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (req) => {
      const { limit, offset, ...f } = req.query;
      return findSignals(ctxOf(req), toFilter(f), { limit, offset });
    },
  );

  r.get(
    '/api/v1/signals/export',
    {
      config: read,
      schema: {
        tags: TAGS,
        summary: 'Precies de gefilterde lijst als CSV (puntkomma, UTF-8 met BOM)',
        querystring: z.strictObject(filterQuery),
        response: { 200: z.string(), ...problemResponses(400, 401, 403) },
      },
    },
    async (req, reply) => {
      const { filename, body } = await exportSignals(ctxOf(req), toFilter(req.query), req.query);
      return reply
        .type('text/csv; charset=utf-8')
        .header('Content-Disposition', `attachment; filename="${filename}"`)
        .send(body);
    },
  );

  r.get(
    '/api/v1/signals/monitor',
    {
      config: read,
      schema: {
        tags: TAGS,
        summary:
          'Monitor vroegsignalering (Wgs): per soort schuldeiser en maand de trechter; `format=csv` voor export',
        querystring: z.strictObject({
          from: date.optional(),
          to: date.optional(),
          format: z.enum(['json', 'csv']).optional(),
        }),
        response: {
          200: z.union([
            z.object({
              items: z.array(
                z.object({
                  creditorType: z.enum(CREDITOR_TYPES),
                  month: z.string(),
                  signals: z.number(),
                  households: z.number(),
                  contacted: z.number(),
                  helpAccepted: z.number(),
                  referred: z.number(),
                }),
              ),
            }),
            z.string(),
          ]),
          ...problemResponses(400, 401, 403),
        },
      },
    },
    async (req, reply) => {
      const { items, toCsv } = await monitorOf(ctxOf(req), req.query);
      if (req.query.format !== 'csv') return { items };
      const { filename, body } = toCsv();
      return reply
        .type('text/csv; charset=utf-8')
        .header('Content-Disposition', `attachment; filename="${filename}"`)
        .send(body);
    },
  );

  // The creditor file is read whole (at most 50 MiB) before anything is stored: Fastify counts the
  // bytes as they arrive, so a larger file is 413 whether or not it announces its length, and no batch
  // of it can have been committed. The reader then takes it in 1 MiB slices.
  app.addContentTypeParser('text/csv', { parseAs: 'buffer', bodyLimit: CSV_LIMIT }, (_req, body, done) =>
    done(null, body),
  );
  r.post(
    '/api/v1/signals/import',
    {
      config: { auth: 'signals.import', purpose: PURPOSE },
      bodyLimit: CSV_LIMIT,
      schema: {
        tags: TAGS,
        summary: 'Vroegsignalen van schuldeisers importeren (text/csv, max. 50 MiB); niet voor de politie',
        consumes: ['text/csv'],
        response: {
          200: importResultSchema.extend({ importId: z.uuid().optional() }),
          ...problemResponses(400, 401, 403, 413, 415),
        },
      },
    },
    async (req) => {
      const body = req.body as unknown;
      if (!Buffer.isBuffer(body)) {
        throw new AppError('unsupported-media-type', 'Stuur het bestand als text/csv.');
      }
      return importCreditorCsv(ctxOf(req), slices(body));
    },
  );

  r.get(
    '/api/v1/signals/imports/current',
    {
      config: { auth: 'signals.import', purpose: PURPOSE },
      schema: {
        tags: TAGS,
        summary:
          'Voortgang van mijn lopende (of laatste) import, om te tonen terwijl het bestand wordt ingelezen',
        response: { 200: z.record(z.string(), z.unknown()), ...problemResponses(401, 403, 404) },
      },
    },
    async (req) => importProgress(ctxOf(req), 'current'),
  );

  r.get(
    '/api/v1/signals/imports/:id',
    {
      config: { auth: 'signals.import', purpose: PURPOSE },
      schema: {
        tags: TAGS,
        summary: 'Voortgang van een import',
        params: idParams,
        response: { 200: z.record(z.string(), z.unknown()), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => importProgress(ctxOf(req), req.params.id),
  );

  r.get(
    '/api/v1/signals/:id',
    {
      config: read,
      schema: {
        tags: TAGS,
        summary:
          'Signaal met geschiedenis, huisbezoeken en (alleen "dat", nooit "wat") betrokkenheid van andere partners',
        params: idParams,
        response: {
          200: signalSchema.extend({
            history: z.array(
              z.object({
                at: z.string(),
                userName: z.string().nullable(),
                change: z.record(z.string(), z.unknown()),
                publicText: z.string().nullable(),
              }),
            ),
            visits: z.array(visitSchema),
            involvement: z.object({ partners: z.array(z.string()), coordinator: z.string() }).nullable(),
            matches: z
              .array(z.object({ kind: z.string(), targetId: z.uuid(), method: z.string() }))
              .nullable(),
            canTriage: z.boolean(),
          }),
          ...problemResponses(400, 401, 403, 404),
        },
      },
    },
    async (req) => getSignal(ctxOf(req), req.params.id),
  );

  r.patch(
    '/api/v1/signals/:id',
    {
      config: write,
      schema: {
        tags: TAGS,
        summary:
          'Signaal behandelen: status, afwijzen met reden, koppelen aan een casus, bericht voor de melder',
        params: idParams,
        body: updateSignalSchema,
        response: { 200: signalSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => updateSignal(ctxOf(req), req.params.id, req.body),
  );

  r.post(
    '/api/v1/signals/:id/case',
    {
      config: { auth: 'cases.write', purpose: PURPOSE },
      schema: {
        tags: TAGS,
        summary: 'Casus starten vanuit een signaal (met de personen van het signaal)',
        params: idParams,
        body: z.strictObject({
          title: z.string().trim().min(1, 'Titel is verplicht').max(200),
          type: z.enum(CASE_TYPES, { error: 'Onbekend soort casus' }),
          partnerIds: z
            .array(z.uuid({ error: 'Geen geldige partner' }))
            .max(50)
            .default([]),
          directorUserId: z.uuid({ error: 'Geen geldige gebruiker' }).nullable().optional(),
        }),
        response: {
          201: z.object({ signal: signalSchema, case: caseSchema }),
          ...problemResponses(400, 401, 403, 404, 409),
        },
      },
    },
    async (req, reply) => reply.code(201).send(await startCase(ctxOf(req), req.params.id, req.body)),
  );

  r.get(
    '/api/v1/signals/:id/duplicates',
    {
      config: read,
      schema: {
        tags: TAGS,
        summary: 'Waarschijnlijke dubbele signalen (zelfde categorie, dichtbij, recent)',
        params: idParams,
        response: { 200: collection(signalSchema), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => duplicatesOf(ctxOf(req), req.params.id),
  );

  r.post(
    '/api/v1/signals/:id/merge',
    {
      config: write,
      schema: {
        tags: TAGS,
        summary: 'Dubbel signaal samenvoegen met een ander; beide geschiedenissen blijven',
        params: idParams,
        body: z.strictObject({ intoId: z.uuid({ error: 'Geen geldig signaal' }) }),
        response: { 200: signalSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => mergeSignal(ctxOf(req), req.params.id, req.body.intoId),
  );

  r.post(
    '/api/v1/signals/:id/visits',
    {
      config: write,
      schema: {
        tags: TAGS,
        summary: 'Huisbezoek plannen',
        params: idParams,
        body: z.strictObject({
          plannedDate: date,
          visitorUserId: z.uuid({ error: 'Geen geldige gebruiker' }).nullable().optional(),
        }),
        response: { 201: visitSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.code(201).send(await planVisit(ctxOf(req), req.params.id, req.body)),
  );

  r.post(
    '/api/v1/visits/:id/outcome',
    {
      config: write,
      schema: {
        tags: TAGS,
        summary: 'Uitkomst van een huisbezoek (eenmalig; een volgende poging is een nieuw bezoek)',
        params: idParams,
        body: z.strictObject({
          outcome: z.enum(VISIT_OUTCOMES, { error: 'Kies een uitkomst' }),
          referredPartnerId: z.uuid({ error: 'Geen geldige partner' }).nullable().optional(),
          nextStep: z.string().trim().max(500).nullable().optional(),
          nextDate: date.nullable().optional(),
          notes: z.string().trim().max(2000).nullable().optional(),
        }),
        response: { 200: visitSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => recordOutcome(ctxOf(req), req.params.id, req.body),
  );

  r.get(
    '/api/v1/outreach/worklist',
    {
      config: read,
      schema: {
        tags: TAGS,
        summary: 'Werklijst huisbezoeken van de dag, in loop-/fietsvolgorde',
        querystring: z.strictObject({ date: date.optional() }),
        response: { 200: z.record(z.string(), z.unknown()), ...problemResponses(400, 401, 403) },
      },
    },
    async (req) => worklistOf(ctxOf(req), req.query.date),
  );

  // Routing rules ---------------------------------------------------------------------------------
  const routeSchema = z.object({
    id: z.uuid(),
    category: z.string(),
    areaId: z.uuid().nullable(),
    partnerId: z.uuid(),
  });
  r.get(
    '/api/v1/signal-routes',
    {
      config: { auth: 'signals.configure' },
      schema: {
        tags: TAGS,
        summary: 'Routeringsregels: categorie × gebied → partner',
        response: { 200: collection(routeSchema), ...problemResponses(401, 403) },
      },
    },
    async (req) => {
      const items = await listRoutes(ctxOf(req).db.read);
      return { items, total: items.length };
    },
  );
  r.post(
    '/api/v1/signal-routes',
    {
      config: { auth: 'signals.configure' },
      schema: {
        tags: TAGS,
        summary: 'Routeringsregel toevoegen',
        body: z.strictObject({
          category: z.string().min(1).max(60),
          areaId: z.uuid({ error: 'Geen geldig gebied' }).nullable().optional(),
          partnerId: z.uuid({ error: 'Geen geldige partner' }),
        }),
        response: { 201: routeSchema, ...problemResponses(400, 401, 403, 409) },
      },
    },
    async (req, reply) => reply.code(201).send(await createRoute(ctxOf(req), req.body)),
  );
  r.delete(
    '/api/v1/signal-routes/:id',
    {
      config: { auth: 'signals.configure' },
      schema: {
        tags: TAGS,
        summary: 'Routeringsregel verwijderen',
        params: idParams,
        response: { 204: z.null(), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      await removeRoute(ctxOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  );

  // Public: residents, no login ------------------------------------------------------------------
  const throttle = new Throttle(system.db);
  const gemeenteQuery = z.strictObject({ gemeente: z.uuid({ error: 'Onbekende gemeente' }).optional() });
  r.get(
    '/api/public/v1/categories',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['Bewoners'],
        summary: 'Onderwerpen waarover bewoners een melding kunnen doen',
        querystring: gemeenteQuery,
        response: {
          200: collection(z.object({ key: z.string(), label: z.string() })),
          ...problemResponses(400, 503),
        },
      },
    },
    async (req) => {
      const tenantId = await resolvePublicTenant(system, req.query.gemeente);
      const items = (await signalCategories(system.forTenant(tenantId).read, true)).map(({ key, label }) => ({
        key,
        label,
      }));
      return { items, total: items.length };
    },
  );
  r.get(
    '/api/public/v1/areas',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['Bewoners'],
        summary: 'Wijken en buurten (openbare grenzen) voor de kaart op het meldformulier',
        querystring: gemeenteQuery,
        response: {
          200: collection(areaSchema),
          ...problemResponses(400, 503),
        },
      },
    },
    async (req) => {
      const tenantId = await resolvePublicTenant(system, req.query.gemeente);
      const items = await listAreas(system.forTenant(tenantId).read);
      return { items, total: items.length };
    },
  );

  r.post(
    '/api/public/v1/reports',
    {
      config: { auth: 'public' },
      bodyLimit: 16 * 1024,
      schema: {
        tags: ['Bewoners'],
        summary: 'Melding doen als bewoner (zonder inloggen); geeft een code om de melding te volgen',
        querystring: gemeenteQuery,
        body: publicReportSchema,
        response: { 201: z.object({ trackingCode: z.string() }), ...problemResponses(400, 413, 415, 429) },
      },
    },
    async (req, reply) => {
      await throttlePublic(throttle, REPORT_LIMIT, req.ip);
      return reply.code(201).send(await createPublicReport(system, req.body, req.query.gemeente));
    },
  );
  r.get(
    '/api/public/v1/reports/:code',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['Bewoners'],
        summary: 'Stand van een melding: status en berichten, nooit namen van mensen of organisaties',
        params: z.strictObject({ code: z.string().regex(/^[A-Za-z0-9-]{4,20}$/, 'Geen geldige code') }),
        response: {
          200: z.object({
            status: z.enum(SIGNAL_STATUSES),
            statusText: z.string(),
            createdAt: z.string(),
            updates: z.array(z.object({ at: z.string(), text: z.string() })),
          }),
          ...problemResponses(400, 404, 429),
        },
      },
    },
    async (req) => {
      await throttlePublic(throttle, TRACK_LIMIT, req.ip);
      return trackReport(system, req.params.code);
    },
  );
}
