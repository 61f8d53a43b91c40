import {
  type AccessReport,
  AUDIT_ACTION_LABELS,
  CASE_STATUS_LABELS,
  CASE_TYPE_LABELS,
  GOAL_STATUS_LABELS,
  RELATION_LABELS,
  SIGNAL_SOURCE_LABELS,
  SIGNAL_STATUS_LABELS,
  SUBJECT_KIND_LABELS,
} from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { endPdf, type PdfDownload, pdfDate, startPdf } from '../../lib/pdf.js';
import { amsterdamDate } from '../../lib/time.js';
import { getAccessReport } from './get-access-report.js';

const day = (iso: string) => pdfDate(amsterdamDate(new Date(iso)));
const short = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/**
 * `GET /persons/:id/access-report?format=pdf`: the access report as a letter to the person in plain
 * Dutch (B1): what is held, per case why (purpose, legal basis, retention), who looked at it or changed
 * it — the organisation only, never an employee's name, as is customary — and the person's rights.
 * Assembled (and audited) by `getAccessReport`.
 */
export async function exportAccessReportPdf(ctx: RequestContext, personId: string): Promise<PdfDownload> {
  const report = await getAccessReport(ctx, personId, 'pdf');
  return { filename: `inzage-${personId.slice(0, 8)}-${amsterdamDate()}.pdf`, pdf: await letter(report) };
}

function letter(r: AccessReport & { municipality: string }): Promise<Buffer> {
  const p = r.person;
  const name = `${p.firstName} ${p.lastName}`;
  const { doc, done } = startPdf(`Inzage in uw gegevens - ${r.municipality}`);
  const heading = (text: string) => {
    if (doc.y > doc.page.height - 160) doc.addPage();
    doc.moveDown().font('Helvetica-Bold').fontSize(13).fillColor('#000').text(text).moveDown(0.3);
    doc.font('Helvetica').fontSize(10);
  };
  const sub = (text: string) =>
    doc.moveDown(0.4).font('Helvetica-Bold').fontSize(11).text(text).font('Helvetica').fontSize(10);
  const line = (text: string) => doc.text(text, { paragraphGap: 2 });

  doc.font('Helvetica').fontSize(10).text(r.municipality);
  doc.moveDown();
  line(name);
  if (p.address) {
    line(`${p.address.street} ${p.address.houseNumber}`);
    line(`${p.address.postalCode} ${p.address.city}`);
  }
  doc.moveDown();
  line(`Datum: ${pdfDate(amsterdamDate())}`);
  line('Onderwerp: inzage in uw gegevens');
  doc.moveDown();
  doc.font('Helvetica-Bold').fontSize(18).text('Inzage in uw gegevens').moveDown(0.5);
  doc.font('Helvetica').fontSize(10);
  line(`Beste ${name},`);
  doc.moveDown(0.5);
  line(
    'U wilt weten welke gegevens wij over u hebben. Dat is uw recht (artikel 15 van de Algemene verordening ' +
      'gegevensbescherming, de AVG). In deze brief leest u welke gegevens wij over u hebben, waarom wij ze ' +
      'gebruiken, en welke organisaties ze hebben bekeken of veranderd.',
  );

  heading('1. Wat wij over u weten');
  line(`Naam: ${name}`);
  line(`Geboortedatum: ${p.birthDate ? pdfDate(p.birthDate) : 'niet bekend'}`);
  line(`Burgerservicenummer: ${p.bsn ?? 'niet bekend'}`);
  line(
    `Adres: ${p.address ? `${p.address.street} ${p.address.houseNumber}, ${p.address.postalCode} ${p.address.city}` : 'niet bekend'}`,
  );
  line(`Vastgelegd op ${day(p.createdAt)}${p.registeredBy ? ` door ${p.registeredBy}` : ''}.`);
  if (r.relations.length > 0) {
    sub('Met wie of wat u verbonden bent');
    for (const rel of r.relations) {
      const kind = SUBJECT_KIND_LABELS[rel.kind].toLowerCase();
      const what = RELATION_LABELS[rel.relation as keyof typeof RELATION_LABELS] ?? rel.relation;
      line(
        rel.direction === 'to'
          ? `U bent ${what} ${kind} ${rel.name}.`
          : `${kind.charAt(0).toUpperCase()}${kind.slice(1)} ${rel.name} is ${what} u.`,
      );
    }
  }

  heading('2. Uw dossiers');
  if (r.cases.length === 0) line('Er is geen dossier (casus) over u.');
  for (const c of r.cases) {
    sub(`Dossier ${c.reference} (${CASE_TYPE_LABELS[c.type].toLowerCase()})`);
    line(`Gestart op ${day(c.createdAt)}. Stand: ${CASE_STATUS_LABELS[c.status].toLowerCase()}.`);
    if (c.closedAt) line(`Afgesloten op ${day(c.closedAt)}.`);
    if (c.via !== 'person')
      line(`U staat in dit dossier omdat u bij dit ${SUBJECT_KIND_LABELS[c.via].toLowerCase()} hoort.`);
    line(`Waarom wij deze gegevens gebruiken: ${c.processingActivity.purpose}`);
    line(
      `Wat ons het recht geeft: ${c.processingActivity.legalBasis}${c.processingActivity.lawReference ? `; ${c.processingActivity.lawReference}` : ''}.`,
    );
    line(
      `Hoe lang wij het bewaren: ${c.processingActivity.retentionDays} dagen nadat het dossier is afgesloten.`,
    );
    if (c.partners.length > 0)
      line(`Organisaties die meewerken: ${c.partners.map((x) => x.name).join(', ')}.`);
    if (c.entries.length > 0) {
      const byCategory = new Map<string, typeof c.entries>();
      for (const e of c.entries)
        byCategory.set(e.categoryLabel, [...(byCategory.get(e.categoryLabel) ?? []), e]);
      for (const [label, entries] of byCategory) {
        doc
          .moveDown(0.3)
          .font('Helvetica-Bold')
          .text(`Notities over ${label.toLowerCase()}`)
          .font('Helvetica');
        for (const e of entries) line(`${day(e.createdAt)}, ${e.partner.name}: ${e.text}`);
      }
    }
    if (c.goals.length > 0) {
      doc.moveDown(0.3).font('Helvetica-Bold').text('Doelen').font('Helvetica');
      for (const g of c.goals)
        line(`${g.domainLabel}: ${g.text} (${GOAL_STATUS_LABELS[g.status].toLowerCase()})`);
    }
    if (c.assessments.length > 0) {
      doc
        .moveDown(0.3)
        .font('Helvetica-Bold')
        .text('Scores (1 = grote zorgen, 5 = gaat goed)')
        .font('Helvetica');
      for (const a of c.assessments) {
        line(`${pdfDate(a.assessedOn)}: ${a.scores.map((x) => `${x.domainLabel} ${x.score}`).join(', ')}`);
      }
    }
  }

  heading('3. Meldingen over u');
  if (r.signals.length === 0) line('Er zijn geen meldingen over u.');
  for (const s of r.signals) {
    line(
      `${day(s.createdAt)}: ${s.categoryLabel} (${SIGNAL_SOURCE_LABELS[s.source].toLowerCase()}, ${SIGNAL_STATUS_LABELS[s.status].toLowerCase()}). ${s.description}`,
    );
    line(`Waarom: ${s.processingActivity.purpose} Grond: ${s.processingActivity.legalBasis}.`);
  }

  heading('4. Wie uw gegevens heeft bekeken of veranderd');
  line(
    'Hieronder staat elke keer dat iemand uw gegevens bekeek of veranderde: wanneer, welke organisatie, wat ' +
      'er gebeurde en voor welke taak. Wij noemen de organisatie, niet de naam van de medewerker.',
  );
  accessTable(doc, r);

  heading('5. Uw rechten');
  for (const right of [
    'Klopt er iets niet? Dan kunt u ons vragen het te verbeteren (artikel 16 AVG).',
    'U kunt ons vragen gegevens te verwijderen als wij ze niet meer nodig hebben (artikel 17 AVG).',
    'U kunt bezwaar maken tegen het gebruik van uw gegevens (artikel 21 AVG). Wij kijken dan opnieuw of het nodig is.',
    'U kunt ook vragen het gebruik tijdelijk te stoppen (artikel 18 AVG).',
    'Bent u het niet eens met hoe wij met uw gegevens omgaan? Neem dan eerst contact op met de ' +
      'privacyfunctionaris van de gemeente. U kunt ook een klacht indienen bij de Autoriteit ' +
      'Persoonsgegevens (www.autoriteitpersoonsgegevens.nl).',
  ]) {
    line(`- ${right}`);
  }
  doc.moveDown();
  line('Met vriendelijke groet,');
  line(r.municipality);
  endPdf(doc, 'Namen van medewerkers staan niet in deze brief, alleen de organisatie.');
  return done;
}

/** The table of reads and changes: when, organisation, what, why; a new page repeats the header. */
function accessTable(doc: PDFKit.PDFDocument, r: AccessReport) {
  const left = doc.page.margins.left;
  const columns = [
    { title: 'Wanneer', width: 90 },
    { title: 'Organisatie', width: 120 },
    { title: 'Wat', width: 100 },
    { title: 'Voor welke taak', width: 173 },
  ];
  const drawRow = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8);
    const height = Math.max(
      ...cells.map((text, i) => doc.heightOfString(text, { width: (columns[i]?.width ?? 100) - 6 })),
    );
    if (doc.y + height > doc.page.height - doc.page.margins.bottom - 20) {
      doc.addPage();
      if (!bold)
        drawRow(
          columns.map((c) => c.title),
          true,
        );
      doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8);
    }
    const y = doc.y;
    let x = left;
    cells.forEach((text, i) => {
      const width = columns[i]?.width ?? 100;
      doc.text(text, x, y, { width: width - 6 });
      x += width;
    });
    doc.x = left;
    doc.y = y + height + 3;
  };
  doc.moveDown(0.5);
  if (r.accesses.length === 0) {
    doc.text('Niemand heeft uw gegevens bekeken of veranderd.');
    return;
  }
  drawRow(
    columns.map((c) => c.title),
    true,
  );
  for (const a of r.accesses) {
    const what = `${AUDIT_ACTION_LABELS[a.action]}${a.caseReference ? ` (dossier ${a.caseReference})` : ''}`;
    drawRow(
      [
        short.format(new Date(a.at)),
        a.partnerName ?? 'Het systeem',
        what,
        a.processingActivityName ?? a.purpose,
      ],
      false,
    );
  }
  doc.font('Helvetica').fontSize(10);
}
