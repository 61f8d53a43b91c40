import type { Actor } from '@wijkregie/shared';
import type { FastifyReply } from 'fastify';
import PDFDocument from 'pdfkit';
import { forbidden, invalidField } from '../http/errors.js';

/**
 * What the PDFs (meeting agenda and minutes, a case's plan, the area report) share: the document, its
 * closing line, Dutch dates and a partner's view.
 */

/** A moment as the PDFs write it: "dinsdag 1 december 2026 om 10:00", in Amsterdam time. */
export const pdfMoment = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  dateStyle: 'full',
  timeStyle: 'short',
});

/** A calendar date (`YYYY-MM-DD`) as the PDFs write it: "1 december 2026". */
export const pdfDate = (d: string) =>
  new Intl.DateTimeFormat('nl-NL', { timeZone: 'UTC', dateStyle: 'long' }).format(new Date(`${d}T00:00:00Z`));

/**
 * The actor a regisseur prints for when making a PDF as a partner would see it: an ordinary user of
 * that partner — no director, no regisseur, nobody's own user id.
 */
export const partnerViewActor = (partnerId: string): Actor => ({
  userId: '00000000-0000-0000-0000-000000000000',
  partnerId,
  roles: ['professional'],
});

/**
 * Whose view a PDF shows: the caller's own, or — for a regisseur — that of `forPartnerId`, which must
 * be among `partnerIds` (the meeting's invited partners, the case's partners). `what` names the
 * document in the 403 ("het verslag", "het plan"), `notAmong` is the 400 when the partner is not one of them.
 */
export function pdfViewActor(
  caller: Actor,
  forPartnerId: string | undefined,
  partnerIds: readonly string[],
  what: string,
  notAmong: string,
): Actor {
  if (!forPartnerId || forPartnerId === caller.partnerId) return caller;
  if (!caller.roles.includes('regisseur')) {
    throw forbidden(`Alleen een regisseur kan ${what} voor een andere partner maken.`);
  }
  if (!partnerIds.includes(forPartnerId)) throw invalidField('partnerId', notAmong);
  return partnerViewActor(forPartnerId);
}

/** A new A4 document in Dutch with this title, and the bytes it will have once it ends. */
export function startPdf(title: string): { doc: PDFKit.PDFDocument; done: Promise<Buffer> } {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: title, Author: 'Wijkregie' },
    lang: 'nl-NL',
  } as PDFKit.PDFDocumentOptions);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  return { doc, done };
}

/** The closing line of every PDF ("Gemaakt op … door Wijkregie. " and `note`); ends the document. */
export function endPdf(doc: PDFKit.PDFDocument, note: string): void {
  doc.moveDown().fontSize(8).fillColor('#666');
  doc.text(`Gemaakt op ${pdfMoment.format(new Date())} door Wijkregie. ${note}`);
  doc.end();
}

/** A PDF to download: its name and bytes. */
export interface PdfDownload {
  filename: string;
  pdf: Buffer;
}

/**
 * Makes the answer a PDF download (the browser saves it under its name) and gives the bytes to send:
 * the route returns them and `serve` sends them as they are under the type set here.
 */
export function pdfAnswer(reply: FastifyReply, file: PdfDownload): Buffer {
  reply.type('application/pdf').header('Content-Disposition', `attachment; filename="${file.filename}"`);
  return file.pdf;
}
