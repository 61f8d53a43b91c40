import { planOperations as op } from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import { routesFor } from '../../http/serve.js';
import { pdfAnswer } from '../../lib/pdf.js';
import { createAssessment } from './create-assessment.js';
import { createEvaluation } from './create-evaluation.js';
import { createGoal } from './create-goal.js';
import { createLifeDomain } from './create-life-domain.js';
import { exportPlanPdf } from './export-plan-pdf.js';
import { getPlan } from './get-plan.js';
import { listAssessments } from './list-assessments.js';
import { listLifeDomains } from './list-life-domains.js';
import { updateGoal } from './update-goal.js';
import { updateLifeDomain } from './update-life-domain.js';

export function planRoutes(app: FastifyInstance) {
  const serve = routesFor(app, 'Casusregie integrale wijkaanpak');
  serve(op.listLifeDomains, (c) => listLifeDomains(c.ctx));
  serve(op.createLifeDomain, (c) => createLifeDomain(c.ctx, c.body));
  serve(op.updateLifeDomain, (c) => updateLifeDomain(c.ctx, c.params.key, c.body));
  serve(op.createAssessment, (c) => createAssessment(c.ctx, c.params.id, c.body));
  serve(op.listAssessments, (c) => listAssessments(c.ctx, c.params.id));
  serve(op.createGoal, (c) => createGoal(c.ctx, c.params.id, c.body));
  serve(op.updateGoal, (c) => updateGoal(c.ctx, c.params.id, c.body));
  serve(op.getPlan, (c) => getPlan(c.ctx, c.params.id));
  serve(op.createEvaluation, (c) => createEvaluation(c.ctx, c.params.id, c.body));
  serve(op.exportPlanPdf, async (c) =>
    pdfAnswer(c.reply, await exportPlanPdf(c.ctx, c.params.id, c.query.partnerId)),
  );
}
