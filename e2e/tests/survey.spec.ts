import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from '../axe.ts';
import { apiAs, expectJson, expectReadableOnPhone, login, REGISSEUR_EMAIL } from '../helpers.ts';

/**
 * Issue 14, the neighbourhood survey in the browser: a resident answers the demo's running survey on a
 * phone (390 px, no login, axe clean), a second time is refused; the regisseur reads the results per buurt
 * of the finished survey, a buurt under 10 responses shown as "<10 reacties".
 */

interface SurveySummary {
  id: string;
  publicCode: string;
  title: string;
  status: 'planned' | 'open' | 'closed';
  publishedAt: string | null;
}

interface Question {
  key: string;
  text: string;
  kind: 'choice' | 'scale';
  options?: { value: string | number; label: string }[];
}

async function demoSurveys(playwright: Parameters<typeof apiAs>[0], baseURL: string | undefined) {
  const api = await apiAs(playwright, baseURL, REGISSEUR_EMAIL);
  const list = await expectJson<{ items: SurveySummary[] }>(await api.get('/api/v1/surveys'), 200);
  const survey = await expectJson<{ questions: Question[] }>(
    await api.get(`/api/v1/surveys/${list.items[0]?.id}`),
    200,
  );
  await api.dispose();
  const running = list.items.find((s) => s.status === 'open' && s.title.startsWith('Buurtenquête Centrum'));
  const finished = list.items.find((s) => s.status === 'closed' && s.publishedAt !== null);
  if (!running || !finished) throw new Error('The demo has no running and finished survey');
  return { running, finished, questions: survey.questions };
}

test('een bewoner vult de lopende enquête in op een telefoon; een tweede keer kan niet', async ({
  page,
  playwright,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const { running, questions } = await demoSurveys(playwright, baseURL);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/enquete/${running.publicCode}`);
  await expect(page.getByRole('heading', { level: 1, name: running.title })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).toHaveCount(0);
  await expectReadableOnPhone(page, 'enquête');
  await page.setViewportSize({ width: 390, height: 844 });

  // Sending it empty names the first question and moves focus there.
  await page.getByRole('button', { name: 'Antwoorden versturen' }).click();
  const first = questions[0];
  if (!first) throw new Error('no questions');
  await expect(page.getByRole('group', { name: first.text })).toContainText('Beantwoord deze vraag');

  await page.getByLabel('In welke buurt woont u?').selectOption({ label: 'Stationskwartier' });
  for (const q of questions) {
    const group = page.getByRole('group', { name: q.text });
    const label = q.options ? (q.options.at(-1)?.label ?? '') : '7';
    // The choices are large labels: a tap on the words chooses.
    await group.getByText(label, { exact: true }).click();
  }
  // Willing ("Nee" was the last option of willingness): choose "Ja" and leave an email apart from the answers.
  await page
    .getByRole('group', { name: /Bent u bereid/ })
    .getByText('Ja', { exact: true })
    .click();
  await page.getByLabel('E-mailadres').fill('meedoen@voorbeeld.example');
  await expectNoAxeViolations(page, 'enquête ingevuld (390 px)');
  await page.getByRole('button', { name: 'Antwoorden versturen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bedankt!' })).toBeFocused();
  await expectNoAxeViolations(page, 'enquête › bedankt (390 px)');

  // The same browser again: the server remembers it answered.
  await page.goto(`/enquete/${running.publicCode}`);
  await page.getByLabel('In welke buurt woont u?').selectOption({ label: 'Stationskwartier' });
  for (const q of questions) {
    const label = q.options ? (q.options[0]?.label ?? '') : '5';
    await page.getByRole('group', { name: q.text }).getByText(label, { exact: true }).click();
  }
  await page.getByRole('button', { name: 'Antwoorden versturen' }).click();
  await expect(page.getByRole('alert')).toContainText('al ingevuld');
});

test('de regisseur ziet de uitkomsten per buurt, met "<10 reacties" waar te weinig bewoners antwoordden', async ({
  page,
  playwright,
  baseURL,
}) => {
  const { finished } = await demoSurveys(playwright, baseURL);
  await login(page, REGISSEUR_EMAIL);
  await page.goto('/wijkbeeld');
  await page.getByRole('link', { name: 'Bewonersenquêtes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bewonersenquêtes' })).toBeVisible();
  await expectNoAxeViolations(page, 'bewonersenquêtes');

  // A new survey through the form: the page gives the link for the flyer.
  const title = `Enquête Westerveld ${Date.now()}`;
  const form = page.getByRole('form', { name: 'Nieuwe enquête' });
  await form.getByRole('button', { name: 'Enquête aanmaken' }).click();
  await expect(form.getByLabel('Titel')).toBeFocused();
  await form.getByLabel('Titel').fill(title);
  await form
    .getByRole('group', { name: 'Voor welke wijken of buurten?' })
    .getByLabel('West', { exact: true })
    .check();
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  await form.getByLabel('Open vanaf').fill(day(0));
  await form.getByLabel('Open tot en met').fill(day(21));
  await form.getByRole('button', { name: 'Enquête aanmaken' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'De enquête is aangemaakt' })).toContainText(
    '/enquete/',
  );
  await expect(page.getByRole('table', { name: /Bewonersenquêtes/ })).toContainText(title);
  await page.getByRole('link', { name: finished.title }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: finished.title })).toBeVisible();
  const table = page.getByRole('table', { name: /Uitkomsten per buurt/ });
  await expect(table).toBeVisible();
  const station = table.getByRole('row').filter({ hasText: 'Stationskwartier' });
  await expect(station).toContainText('%');
  await expect(station).toContainText('(was ');
  await expect(table.getByRole('row').filter({ hasText: 'Bedrijventerrein De Vaart' })).toContainText(
    '<10 reacties',
  );
  await expect(table).toContainText('vuistregel van 20%');
  // The regisseur sees who wants to help: emails only, apart from the answers.
  await expect(page.getByRole('region', { name: 'Bewoners die willen meedoen' })).toContainText(
    '@voorbeeld.example',
  );
  await expectNoAxeViolations(page, 'enquête › resultaten');
  await expectReadableOnPhone(page, 'enquête › resultaten');
  // The new survey (not closed yet) has a QR code of its link, for the flyer.
  await page.goto('/wijkbeeld/enquetes');
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('img', { name: `QR-code naar de enquête ${title}` })).toBeVisible();
  await expect(page.getByRole('link', { name: 'QR-code downloaden (SVG)' })).toHaveAttribute(
    'download',
    /^enquete-.+\.svg$/,
  );
  await expectNoAxeViolations(page, 'enquête › nieuwe enquête met QR-code');
});
