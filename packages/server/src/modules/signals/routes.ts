import {
  caseFromSignalSchema,
  createSignalRouteSchema,
  createSignalSchema,
  idParams,
  mergeSignalSchema,
  planVisitSchema,
  recordVisitOutcomeSchema,
  signalCategoryListSchema,
  signalCategoryParamsSchema,
  signalCategorySchema,
  signalCategoryViewSchema,
  signalDetailSchema,
  signalExportSchema,
  signalFilterQuerySchema,
  signalListQuerySchema,
  signalListSchema,
  signalRouteListSchema,
  signalRouteSchema,
  signalSchema,
  startCaseFromSignalSchema,
  updateSignalCategorySchema,
  updateSignalSchema,
  visitSchema,
  worklistQuerySchema,
  worklistSchema,
} from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../http/context.js';
import { problemResponses } from '../../http/openapi.js';
import { sendCsv } from '../../lib/spreadsheet-csv.js';
import { changeSignalCategory } from './change-signal-category.js';
import { createSignal } from './create-signal.js';
import { createSignalCategory } from './create-signal-category.js';
import { createSignalRoute } from './create-signal-route.js';
import { exportSignals } from './export-signals.js';
import { findDuplicates } from './find-duplicates.js';
import { findSignals } from './find-signals.js';
import { getSignal } from './get-signal.js';
import { getWorklist } from './get-worklist.js';
import { listSignalCategories } from './list-signal-categories.js';
import { listSignalRoutes } from './list-signal-routes.js';
import { mergeSignal } from './merge-signal.js';
import { planVisit } from './plan-visit.js';
import { recordVisitOutcome } from './record-visit-outcome.js';
import { removeSignalRoute } from './remove-signal-route.js';
import { startCaseFromSignal } from './start-case-from-signal.js';
import { updateSignal } from './update-signal.js';

/** Why signals are processed; recorded in every audit record of these routes (and of early-warning's). */
const PURPOSE = 'Vroegsignalering en signalen integrale wijkaanpak';
const TAGS = ['Signalen'];

/** The signal inbox: categories and routing, intake, triage, duplicates, export, visits and the worklist. */
export function signalRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = { auth: 'signals.read', purpose: PURPOSE } as const;
  const write = { auth: 'signals.write', purpose: PURPOSE } as const;
  const configure = { auth: 'signals.configure' } as const;

  r.get(
    '/api/v1/signal-categories',
    {
      config: { auth: 'signalcategories.read' },
      schema: {
        tags: TAGS,
        summary: 'Signaalcategorieën van de gemeente, met de termijn voor eerste contact',
        response: { 200: signalCategoryListSchema, ...problemResponses(401, 403) },
      },
    },
    async (req) => listSignalCategories(ctxOf(req)),
  );
  r.post(
    '/api/v1/signal-categories',
    {
      config: configure,
      schema: {
        tags: TAGS,
        summary:
          'Signaalcategorie toevoegen (met termijn voor eerste contact; of bewoners haar mogen kiezen)',
        body: signalCategorySchema,
        response: { 201: signalCategoryViewSchema, ...problemResponses(400, 401, 403, 409) },
      },
    },
    async (req, reply) => reply.code(201).send(await createSignalCategory(ctxOf(req), req.body)),
  );
  r.patch(
    '/api/v1/signal-categories/:key',
    {
      config: configure,
      schema: {
        tags: TAGS,
        summary: 'Signaalcategorie wijzigen (naam, termijn, zichtbaar voor bewoners)',
        params: signalCategoryParamsSchema,
        body: updateSignalCategorySchema,
        response: { 200: signalCategoryViewSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => changeSignalCategory(ctxOf(req), req.params.key, req.body),
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
        querystring: signalListQuerySchema,
        response: { 200: signalListSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (req) => findSignals(ctxOf(req), req.query),
  );

  r.get(
    '/api/v1/signals/export',
    {
      config: read,
      schema: {
        tags: TAGS,
        summary: 'Precies de gefilterde lijst als CSV (puntkomma, UTF-8 met BOM)',
        querystring: signalFilterQuerySchema,
        response: { 200: signalExportSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (req, reply) => sendCsv(reply, await exportSignals(ctxOf(req), req.query)),
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
        response: { 200: signalDetailSchema, ...problemResponses(400, 401, 403, 404) },
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
        body: startCaseFromSignalSchema,
        response: { 201: caseFromSignalSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await startCaseFromSignal(ctxOf(req), req.params.id, req.body)),
  );

  r.get(
    '/api/v1/signals/:id/duplicates',
    {
      config: read,
      schema: {
        tags: TAGS,
        summary: 'Waarschijnlijke dubbele signalen (zelfde categorie, dichtbij, recent)',
        params: idParams,
        response: { 200: signalListSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => findDuplicates(ctxOf(req), req.params.id),
  );

  r.post(
    '/api/v1/signals/:id/merge',
    {
      config: write,
      schema: {
        tags: TAGS,
        summary: 'Dubbel signaal samenvoegen met een ander; beide geschiedenissen blijven',
        params: idParams,
        body: mergeSignalSchema,
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
        body: planVisitSchema,
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
        body: recordVisitOutcomeSchema,
        response: { 200: visitSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => recordVisitOutcome(ctxOf(req), req.params.id, req.body),
  );

  r.get(
    '/api/v1/outreach/worklist',
    {
      config: read,
      schema: {
        tags: TAGS,
        summary: 'Werklijst huisbezoeken van de dag, in loop-/fietsvolgorde',
        querystring: worklistQuerySchema,
        response: { 200: worklistSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (req) => getWorklist(ctxOf(req), req.query.date),
  );

  r.get(
    '/api/v1/signal-routes',
    {
      config: configure,
      schema: {
        tags: TAGS,
        summary: 'Routeringsregels: categorie × gebied → partner',
        response: { 200: signalRouteListSchema, ...problemResponses(401, 403) },
      },
    },
    async (req) => listSignalRoutes(ctxOf(req)),
  );
  r.post(
    '/api/v1/signal-routes',
    {
      config: configure,
      schema: {
        tags: TAGS,
        summary: 'Routeringsregel toevoegen',
        body: createSignalRouteSchema,
        response: { 201: signalRouteSchema, ...problemResponses(400, 401, 403, 409) },
      },
    },
    async (req, reply) => reply.code(201).send(await createSignalRoute(ctxOf(req), req.body)),
  );
  r.delete(
    '/api/v1/signal-routes/:id',
    {
      config: configure,
      schema: {
        tags: TAGS,
        summary: 'Routeringsregel verwijderen',
        params: idParams,
        response: { 204: z.null(), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      await removeSignalRoute(ctxOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  );
}
