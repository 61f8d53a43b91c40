import type { Actor } from '@wijkregie/shared';

/** What the PDFs (meeting agenda and minutes, a case's plan) share: Dutch dates and a partner's view. */

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
