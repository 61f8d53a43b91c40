import { ACTION_STATUS_LABELS, ENTRY_KIND_LABELS, MEETING_KIND_LABELS, seesCase } from '@wijkregie/shared';
import { viewerOf } from '../../access/viewer.js';
import type { RequestContext } from '../../http/context.js';
import { endPdf, pdfDate, pdfMoment, pdfViewActor, startPdf } from '../../lib/pdf.js';
import { amsterdamDate } from '../../lib/time.js';
import { listActions } from '../actions/repository.js';
import { listCategories } from '../matrix/repository.js';
import { listLifeDomains, openGoalsOf } from '../plans/repository.js';
import { minutesFor, visibleMeeting } from './meeting-view.js';
import { type AgendaCase, agendaCases, partnerNames } from './repository.js';

/**
 * Agenda and minutes as a PDF for one partner. It holds only what that partner may see: agenda items
 * of cases it takes part in, their open goals and minutes in categories its row of the matrix may
 * read, and the actions of those cases. By default the caller's own view; a regisseur may print the view of an invited
 * partner (to send it on), which never shows the regisseur's wider view. `GET /meetings/:id/pdf`.
 */
export async function exportMeetingPdf(
  ctx: RequestContext,
  meetingId: string,
  forPartnerId?: string,
): Promise<{ pdf: Buffer; filename: string }> {
  const s = ctx.db.read;
  const m = await visibleMeeting(s, ctx, meetingId);
  const actor = pdfViewActor(
    ctx,
    forPartnerId,
    m.partnerIds,
    'het verslag',
    'Deze partner is niet uitgenodigd voor dit overleg',
  );
  const [cases, partners, categories, minutes] = await Promise.all([
    agendaCases(s, m.caseIds),
    partnerNames(s),
    listCategories(s),
    minutesFor(s, actor, m),
  ]);
  const labels = new Map(categories.map((c) => [c.key, c.label]));
  const agenda = m.caseIds
    .map((id) => cases.get(id))
    .filter((c): c is AgendaCase => c !== undefined && seesCase(actor, c));
  const [actions, goals, domains] = await Promise.all([
    listActions(s, viewerOf(actor), { meetingId }, amsterdamDate(), { limit: 200, offset: 0 }),
    // The plan's open goals per case, only of domains this partner may read.
    openGoalsOf(
      s,
      viewerOf(actor),
      agenda.map((c) => c.id),
    ),
    listLifeDomains(s),
  ]);
  const domainLabels = new Map(domains.map((d) => [d.key, d.label]));

  const { doc, done } = startPdf(`${m.title} — agenda en verslag`);

  doc.font('Helvetica-Bold').fontSize(18).text(m.title);
  doc.moveDown(0.3).font('Helvetica').fontSize(10).fillColor('#444');
  doc.text(
    `${MEETING_KIND_LABELS[m.kind]} · ${pdfMoment.format(new Date(m.startsAt))}${m.place ? ` · ${m.place}` : ''}`,
  );
  doc.text(`Voorzitter: ${m.chairName}`);
  doc.text(
    `Uitgenodigd: ${
      m.partnerIds
        .map((p) => partners.get(p) ?? '')
        .filter(Boolean)
        .join(', ') || '—'
    }`,
  );
  doc.text(
    `Versie voor: ${partners.get(actor.partnerId) ?? 'onbekende partner'} (alleen wat deze partner mag zien)`,
  );
  doc.fillColor('black').moveDown();

  doc.font('Helvetica-Bold').fontSize(14).text('Agenda');
  doc.font('Helvetica').fontSize(11);
  if (!agenda.length) doc.text('Geen agendapunten die voor deze partner zichtbaar zijn.');
  for (const [i, c] of agenda.entries()) doc.text(`${i + 1}. ${c.reference} — ${c.title}`);
  doc.moveDown();

  doc.font('Helvetica-Bold').fontSize(14).text('Verslag en besluiten');
  for (const c of agenda) {
    doc.moveDown(0.5).font('Helvetica-Bold').fontSize(12).text(`${c.reference} — ${c.title}`);
    const items = minutes.items.filter((e) => e.caseId === c.id);
    doc.font('Helvetica').fontSize(10);
    const caseGoals = goals.get(c.id) ?? [];
    if (caseGoals.length) {
      doc.font('Helvetica-Bold').text('Lopende doelen');
      doc.font('Helvetica');
      for (const g of caseGoals) doc.text(`• ${domainLabels.get(g.domain) ?? g.domain}: ${g.text}`);
      doc.moveDown(0.3);
    }
    if (!items.length) doc.text('Geen verslag in categorieën die deze partner mag lezen.');
    for (const e of items) {
      doc
        .font('Helvetica-Bold')
        .text(`${ENTRY_KIND_LABELS[e.kind]} · ${labels.get(e.category) ?? e.category} · ${e.authorName}`);
      doc.font('Helvetica').text(e.text).moveDown(0.3);
    }
    const caseActions = actions.items.filter((a) => a.caseId === c.id);
    if (caseActions.length) {
      doc.font('Helvetica-Bold').text('Acties');
      doc.font('Helvetica');
      for (const a of caseActions) {
        doc.text(
          `• ${a.title} — ${partners.get(a.ownerPartnerId) ?? ''}${a.assigneeName ? ` (${a.assigneeName})` : ''}, ` +
            `uiterlijk ${pdfDate(a.dueDate)}, ${ACTION_STATUS_LABELS[a.status].toLowerCase()}`,
        );
      }
    }
  }
  endPdf(doc, 'Vertrouwelijk: bevat persoonsgegevens; niet verder verspreiden dan nodig.');
  const pdf = await done;

  await ctx.auditRead([
    {
      action: 'export',
      objectType: 'meeting',
      objectId: meetingId,
      objectIds: [...agenda.map((c) => c.id), ...minutes.items.map((e) => e.id)],
      personIds: minutes.personIds,
      details: { format: 'pdf', forPartnerId: actor.partnerId },
    },
  ]);
  const day = m.startsAt.slice(0, 10);
  return { pdf, filename: `overleg-${day}.pdf` };
}
