import { ALERT_KIND_LABELS, type AlertKind, alertLabel } from '@wijkregie/shared';
import type { EmailContent } from '../../background/outbox-repository.js';

/*
 * Alert emails are thin on purpose: the case reference, the kind of change and a link. Never a
 * name, an entry's text or its category — the recipient opens the case in Wijkregie, through the
 * same checks as always. Dutch, with a plain-text part.
 */
export type { EmailContent };

const FOOTER_TEXT =
  'Deze e-mail bevat bewust geen inhoud van het dossier. Log in bij Wijkregie om de casus te bekijken.\n' +
  'Je krijgt deze e-mail omdat je casusregisseur of voorzitter bent of de casus volgt. ' +
  'Je kunt e-mails uitzetten of bundelen bij Instellingen.';

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/** The footer of an email about an area approach: it goes to the approach's coordinator. */
const APPROACH_FOOTER_TEXT =
  'Deze e-mail bevat bewust geen inhoud van de wijkaanpak. Log in bij Wijkregie om de wijkaanpak te bekijken.\n' +
  'Je krijgt deze e-mail omdat je coördinator van de wijkaanpak bent. ' +
  'Je kunt e-mails uitzetten of bundelen bij Instellingen.';

function html(
  paragraphs: string[],
  link?: { href: string; text: string },
  footerText: string = FOOTER_TEXT,
): string {
  const body = paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  const a = link ? `<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.text)}</a></p>` : '';
  const footer = footerText
    .split('\n')
    .map((l) => `<p style="color:#555;font-size:90%">${escapeHtml(l)}</p>`)
    .join('\n');
  return `<!doctype html><html lang="nl"><body>\n${body}\n${a}\n${footer}\n</body></html>`;
}

/**
 * The email of a case alert. A bundle of entries ("3 nieuwe notities") says how many, still without
 * a word of what they say.
 */
export function alertEmail(
  publicUrl: string,
  alert: { kind: AlertKind; caseId: string; caseReference: string; count?: number },
): EmailContent {
  const count = alert.count ?? 1;
  const label = alertLabel({ kind: alert.kind, count });
  const link = `${publicUrl}/casussen/${alert.caseId}`;
  const line =
    count > 1
      ? `Er zijn ${label} in casus ${alert.caseReference}.`
      : `Er is een wijziging in casus ${alert.caseReference}: ${label.toLowerCase()}.`;
  return {
    subject: `Wijkregie: ${label.toLowerCase()} in casus ${alert.caseReference}`,
    text: `${line}\n\nBekijk de casus: ${link}\n\n${FOOTER_TEXT}\n`,
    html: html([line], { href: link, text: `Open casus ${alert.caseReference} in Wijkregie` }),
  };
}

/**
 * The email of an alert about an area approach: the kind of change and a link to the approach — not
 * its title, no names, no values.
 */
export function approachAlertEmail(
  publicUrl: string,
  alert: { kind: AlertKind; approachId: string },
): EmailContent {
  const label = ALERT_KIND_LABELS[alert.kind];
  const link = `${publicUrl}/wijkbeeld/aanpak/${alert.approachId}`;
  const line = `Er is een wijziging in een wijkaanpak die je coördineert: ${label.toLowerCase()}.`;
  return {
    subject: `Wijkregie: ${label.toLowerCase()}`,
    text: `${line}\n\nBekijk de wijkaanpak: ${link}\n\n${APPROACH_FOOTER_TEXT}\n`,
    html: html([line], { href: link, text: 'Open de wijkaanpak in Wijkregie' }, APPROACH_FOOTER_TEXT),
  };
}

export function digestEmail(
  publicUrl: string,
  day: string,
  items: { kind: AlertKind; caseReference: string | null; count: number }[],
): EmailContent {
  // Alerts about an area approach have no case reference: they say "Wijkaanpak".
  const lines = items.map(
    (i) =>
      `${i.caseReference ?? 'Wijkaanpak'}: ${ALERT_KIND_LABELS[i.kind].toLowerCase()}${i.count > 1 ? ` (${i.count}×)` : ''}`,
  );
  const intro = `Overzicht van wijzigingen in je casussen tot ${day}:`;
  const link = `${publicUrl}/notificaties`;
  return {
    subject: `Wijkregie: dagoverzicht van ${day}`,
    text: `${intro}\n\n${lines.map((l) => `- ${l}`).join('\n')}\n\nAlle notificaties: ${link}\n\n${FOOTER_TEXT}\n`,
    html: html([intro, ...lines], { href: link, text: 'Alle notificaties in Wijkregie' }),
  };
}

export function signalAlertEmail(publicUrl: string, signalId: string): EmailContent {
  const link = `${publicUrl}/signalen/${signalId}`;
  const line =
    'De termijn voor het eerste contact met een signaal dat bij jouw organisatie ligt, is verstreken.';
  return {
    subject: 'Wijkregie: eerste contact met een signaal is te laat',
    text: `${line}\n\nBekijk het signaal: ${link}\n\n${FOOTER_TEXT}\n`,
    html: html([line], { href: link, text: 'Open het signaal in Wijkregie' }),
  };
}
