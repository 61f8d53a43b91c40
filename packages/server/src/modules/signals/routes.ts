import { signalOperations as op } from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import { routesFor } from '../../http/serve.js';
import { csvAnswer } from '../../lib/spreadsheet-csv.js';
import { addSignalAttachments } from './add-signal-attachments.js';
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

/** The signal inbox: categories and routing, intake, triage, duplicates, export, visits and the worklist. */
export function signalRoutes(app: FastifyInstance) {
  const serve = routesFor(app, PURPOSE);
  // The categories and the routing rules are configuration, not the processing of signals about
  // people: their routes record no purpose.
  const configure = routesFor(app);

  configure(op.listSignalCategories, (c) => listSignalCategories(c.ctx));
  configure(op.createSignalCategory, (c) => createSignalCategory(c.ctx, c.body));
  configure(op.changeSignalCategory, (c) => changeSignalCategory(c.ctx, c.params.key, c.body));
  serve(op.createSignal, (c) => createSignal(c.ctx, c.body));
  serve(op.findSignals, (c) => findSignals(c.ctx, c.query));
  serve(op.exportSignals, async (c) => csvAnswer(c.reply, await exportSignals(c.ctx, c.query)));
  serve(op.getSignal, (c) => getSignal(c.ctx, c.params.id));
  serve(op.addSignalAttachments, (c) => addSignalAttachments(c.ctx, c.params.id, c.body));
  serve(op.updateSignal, (c) => updateSignal(c.ctx, c.params.id, c.body));
  serve(op.startCaseFromSignal, (c) => startCaseFromSignal(c.ctx, c.params.id, c.body));
  serve(op.findDuplicates, (c) => findDuplicates(c.ctx, c.params.id));
  serve(op.mergeSignal, (c) => mergeSignal(c.ctx, c.params.id, c.body.intoId));
  serve(op.planVisit, (c) => planVisit(c.ctx, c.params.id, c.body));
  serve(op.recordVisitOutcome, (c) => recordVisitOutcome(c.ctx, c.params.id, c.body));
  serve(op.getWorklist, (c) => getWorklist(c.ctx, c.query.date));
  configure(op.listSignalRoutes, (c) => listSignalRoutes(c.ctx));
  configure(op.createSignalRoute, (c) => createSignalRoute(c.ctx, c.body));
  configure(op.removeSignalRoute, async (c) => {
    await removeSignalRoute(c.ctx, c.params.id);
  });
}
