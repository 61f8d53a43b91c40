import {
  ACTION_STATUS_LABELS,
  can,
  GOAL_STATUS_LABELS,
  type Goal,
  SCORE_LABELS,
  type Score,
} from '@wijkregie/shared';
import { readVisibleCase } from '../../access/cases.js';
import { viewerOf } from '../../access/viewer.js';
import type { RequestContext } from '../../http/context.js';
import { notFound } from '../../http/errors.js';
import { endPdf, pdfDate, pdfViewActor, startPdf } from '../../lib/pdf.js';
import { amsterdamDate } from '../../lib/time.js';
import { listActions } from '../actions/repository.js';
import { planFor } from './plan-view.js';
import { listLifeDomains, partnerName, subjectNames } from './repository.js';

/**
 * The plan of a case as a PDF for one partner: only what that partner may read — goals and scores of
 * domains whose category its row of the matrix may read, the statuses of those goals at evaluations,
 * and names only of subjects it may open. By default the caller's own view; a regisseur may print
 * the view of a partner of the case (`partnerId`), which never shows the regisseur's wider view.
 * `GET /cases/:id/plan.pdf`.
 */
export async function exportPlanPdf(
  ctx: RequestContext,
  caseId: string,
  forPartnerId?: string,
): Promise<{ pdf: Buffer; filename: string }> {
  const s = ctx.db.read;
  const read = await readVisibleCase(s, ctx, caseId);
  const c = read.case;
  const actor = pdfViewActor(
    ctx,
    forPartnerId,
    c.partnerIds,
    'het plan',
    'Deze partner neemt niet deel aan deze casus',
  );
  if (!can(actor, 'case.read', { case: c })) throw notFound();
  const v = viewerOf(actor);
  const [plan, domains, partner, actions] = await Promise.all([
    planFor(s, v, c),
    listLifeDomains(s),
    partnerName(s, actor.partnerId),
    listActions(s, v, { caseId }, amsterdamDate(), { limit: 500, offset: 0 }),
  ]);
  const names = await subjectNames(s, [
    ...plan.goals.flatMap((g) => (g.subjectId ? [g.subjectId] : [])),
    ...plan.latestScores.flatMap((x) => (x.subjectId ? [x.subjectId] : [])),
    ...plan.linkedCases.flatMap((x) => (x.subjectId ? [x.subjectId] : [])),
  ]);
  const domainLabel = new Map(domains.map((d) => [d.key, d.label]));
  const nameOf = (id: string | null) => (id ? (names.get(id) ?? 'Betrokkene') : 'Betrokkene');
  const actionsById = new Map(actions.items.map((a) => [a.id, a]));

  const { doc, done } = startPdf(`Plan van aanpak ${c.reference}`);

  doc.font('Helvetica-Bold').fontSize(18).text(`Plan van aanpak ${c.reference}`);
  doc.moveDown(0.3).font('Helvetica').fontSize(10).fillColor('#444');
  doc.text(c.title);
  doc.text(`Versie voor: ${partner ?? 'onbekende partner'} (alleen wat deze partner mag zien)`);
  doc.fillColor('black').moveDown();

  const goalSection = (title: string, goals: readonly Goal[]) => {
    doc.font('Helvetica-Bold').fontSize(14).text(title);
    doc.font('Helvetica').fontSize(10);
    if (!goals.length) doc.text('Geen doelen op leefgebieden die deze partner mag lezen.');
    for (const g of goals) {
      doc
        .font('Helvetica-Bold')
        .text(
          `${domainLabel.get(g.domain) ?? g.domain} · ${nameOf(g.subjectId)} · ${GOAL_STATUS_LABELS[g.status]}`,
        );
      doc.font('Helvetica').text(g.text);
      const extra = [
        g.targetScore ? `streefscore ${g.targetScore} (${SCORE_LABELS[g.targetScore as Score]})` : '',
        g.dueDate ? `uiterlijk ${pdfDate(g.dueDate)}` : '',
      ].filter(Boolean);
      if (extra.length) doc.text(extra.join(', '));
      for (const id of g.actionIds) {
        const a = actionsById.get(id);
        if (a) {
          doc.text(
            `• ${a.title}${a.assigneeName ? ` (${a.assigneeName})` : ''}, uiterlijk ${pdfDate(a.dueDate)}, ${ACTION_STATUS_LABELS[a.status].toLowerCase()}`,
          );
        }
      }
      doc.moveDown(0.3);
    }
    doc.moveDown();
  };

  goalSection('Doelen', plan.goals);

  doc.font('Helvetica-Bold').fontSize(14).text('Laatste zelfredzaamheidsscores');
  doc.font('Helvetica').fontSize(10);
  if (!plan.latestScores.length) doc.text('Geen scores op leefgebieden die deze partner mag lezen.');
  for (const x of plan.latestScores) {
    doc.text(
      `${nameOf(x.subjectId)} · ${domainLabel.get(x.domain) ?? x.domain}: ${x.score} (${SCORE_LABELS[x.score as Score]}), ${pdfDate(x.date)}`,
    );
  }
  doc.moveDown();

  if (plan.linkedCases.length) {
    doc.font('Helvetica-Bold').fontSize(14).text('Eigen casussen van gezinsleden');
    doc.font('Helvetica').fontSize(10);
    for (const x of plan.linkedCases) doc.text(`${x.reference} · ${nameOf(x.subjectId)}`);
    doc.moveDown();
    goalSection('Doelen in die casussen', plan.linkedGoals);
  }
  if (plan.householdCases.length) {
    doc.font('Helvetica-Bold').fontSize(14).text('Hoort bij het gezinsplan');
    doc.font('Helvetica').fontSize(10);
    for (const x of plan.householdCases) doc.text(x.reference);
    doc.moveDown();
  }

  doc.font('Helvetica-Bold').fontSize(14).text('Evaluaties');
  doc.font('Helvetica').fontSize(10);
  if (!plan.evaluations.length) doc.text('Nog geen evaluaties.');
  const goalText = new Map(plan.goals.map((g) => [g.id, g]));
  for (const e of plan.evaluations) {
    doc.font('Helvetica-Bold').text(`${pdfDate(e.date)}${e.authorName ? ` · ${e.authorName}` : ''}`);
    doc.font('Helvetica').text(e.text);
    for (const gs of e.goalStatuses) {
      const g = goalText.get(gs.goalId);
      doc.text(
        `• ${g ? (domainLabel.get(g.domain) ?? g.domain) : 'Doel'}: ${GOAL_STATUS_LABELS[gs.status].toLowerCase()}`,
      );
    }
    doc.moveDown(0.3);
  }

  endPdf(doc, 'Vertrouwelijk: bevat persoonsgegevens; niet verder verspreiden dan nodig.');
  const pdf = await done;

  await ctx.auditRead([
    {
      action: 'export',
      objectType: 'plan',
      objectId: caseId,
      objectIds: [caseId, ...plan.goals.map((g) => g.id), ...plan.linkedGoals.map((g) => g.id)],
      personIds: c.personIds,
      processingActivityId: c.processingActivityId,
      details: { format: 'pdf', forPartnerId: actor.partnerId },
    },
  ]);
  return { pdf, filename: `plan-${c.reference}.pdf` };
}
