import { type APIRequestContext, expect, test } from '@playwright/test';
import { expectNoAxeViolations } from '../axe.ts';
import {
  apiAs,
  expectJson,
  expectReadableOnPhone,
  login,
  openMenu,
  REGISSEUR_EMAIL,
  unique,
  WIJKAGENT_EMAIL,
} from '../helpers.ts';

/**
 * Issue 13, the area approach in the browser: from Wijkbeeld to the demo's approach "Veilig
 * Stationskwartier" — the joint goal, what each partner does, the indicators with their progress (a
 * progress bar with its value in words, a chart and the table beside it) — a measurement and a field note
 * added through the page's forms, axe, and 390 px. The numbers the page must show are read from the API.
 */

interface Indicator {
  id: string;
  name: string;
  unit: string;
  baseline: number;
  target: number;
  source: 'manual' | 'incidents' | 'survey';
  series: { date: string; value: number }[];
  latest: number | null;
  progress: number | null;
}

interface Approach {
  id: string;
  areaId: string;
  title: string;
  jointGoal: string;
  partners: { partnerId: string; name: string; commitment: string | null }[];
  indicators: Indicator[];
}

/** The demo's approach "Veilig Stationskwartier" (its id and title), read through the regisseur's API client. */
async function demoApproach(api: APIRequestContext, options: { keep?: boolean } = {}) {
  const list = await expectJson<{ items: { id: string; title: string }[] }>(
    await api.get('/api/v1/approaches'),
    200,
  );
  if (!options.keep) await api.dispose();
  const summary = list.items.find((a) => a.title === 'Veilig Stationskwartier');
  if (!summary) throw new Error('The demo has no approach "Veilig Stationskwartier"');
  return summary;
}

const progressText = (progress: number) => `${Math.round(progress * 100)}% van de weg naar het doel`;

/** Today in Amsterdam as YYYY-MM-DD, and a date as the page writes it ("3 maart 2026"). */
const today = () =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
const dutchDate = (iso: string) =>
  new Intl.DateTimeFormat('nl-NL', {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(`${iso}T00:00:00Z`));

test('een regisseur opent de wijkaanpak vanuit het wijkbeeld: doel, partners, voortgang, een meting en een veldnotitie, ook op 390 px', async ({
  page,
  playwright,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const regisseur = await apiAs(playwright, baseURL, REGISSEUR_EMAIL);
  const summary = await demoApproach(regisseur, { keep: true });
  const approach = await expectJson<Approach>(await regisseur.get(`/api/v1/approaches/${summary.id}`), 200);
  const felt = approach.indicators.find((i) => i.source === 'manual');
  if (!felt || felt.progress === null) throw new Error('The demo approach has no measured manual indicator');

  // From Wijkbeeld: the approach's wijk, its list of approaches, the link.
  await login(page, REGISSEUR_EMAIL);
  await openMenu(page, 'Wijkbeeld');
  await page.getByLabel('Wijk of buurt').selectOption(approach.areaId);
  await page.getByRole('button', { name: 'Toon wijkbeeld' }).click();
  const approaches = page.getByRole('region', { name: 'Wijkaanpak' });
  await approaches.getByRole('link', { name: approach.title }).click();
  await expect(page).toHaveURL(new RegExp(`/wijkbeeld/aanpak/${approach.id}$`));
  await expect(page.getByRole('heading', { level: 1, name: approach.title })).toBeVisible();
  await expect(page).toHaveTitle(`Wijkaanpak ${approach.title} – Wijkregie`);

  // The joint goal and what each partner does.
  await expect(page.getByRole('region', { name: 'Gezamenlijk doel' })).toContainText(approach.jointGoal);
  const partners = page.getByRole('region', { name: 'Wat elke partner doet' });
  for (const p of approach.partners) {
    await expect(partners).toContainText(p.name);
    if (p.commitment) await expect(partners).toContainText(p.commitment);
  }

  // Every indicator with a value shows how far along the way it is, in words and as a bar.
  for (const i of approach.indicators) {
    const card = page.getByRole('region', { name: i.name, exact: true });
    await expect(card).toBeVisible();
    if (i.progress === null) continue;
    const bar = card.getByRole('progressbar', { name: `Voortgang ${i.name}` });
    await expect(bar).toHaveAttribute('aria-valuetext', progressText(i.progress));
    await expect(card).toContainText(progressText(i.progress));
    if (i.series.length > 0) {
      await expect(card.getByRole('img', { name: new RegExp(`^Lijndiagram van ${i.name}`) })).toBeVisible();
    }
  }
  const feltCard = page.getByRole('region', { name: felt.name, exact: true });
  const feltTable = feltCard.getByRole('table', { name: `Metingen van „${felt.name}”` });
  await expect(feltTable.getByRole('row')).toHaveCount(felt.series.length + 1);
  await expectNoAxeViolations(page, 'wijkaanpak');

  // A measurement of the hand-measured indicator: a date the series does not have yet.
  const taken = new Set(felt.series.map((p) => p.date));
  let date = today();
  while (taken.has(date)) date = new Date(Date.parse(`${date}T12:00:00Z`) - 864e5).toISOString().slice(0, 10);
  const value = felt.target - 2;
  const form = page.getByRole('form', { name: 'Meting toevoegen' });
  await expect(form.getByLabel('Indicator')).toHaveValue(felt.id);
  await form.getByLabel('Datum').fill(date);
  await form.getByLabel('Waarde').fill(String(value));
  await form.getByRole('button', { name: 'Meting toevoegen' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `De meting van ${dutchDate(date)} is vastgelegd` }),
  ).toBeVisible();
  await expect(feltTable.getByRole('row')).toHaveCount(felt.series.length + 2);
  await expect(feltTable.getByRole('row', { name: new RegExp(`^${dutchDate(date)}\\b`) })).toContainText(
    `${value}${felt.unit === '%' ? '%' : ` ${felt.unit}`}`,
  );
  const after = await expectJson<Approach>(await regisseur.get(`/api/v1/approaches/${approach.id}`), 200);
  const feltAfter = after.indicators.find((i) => i.id === felt.id);
  expect(feltAfter?.series.some((p) => p.date === date && p.value === value)).toBe(true);
  if (feltAfter?.progress != null) {
    await expect(feltCard.getByRole('progressbar', { name: `Voortgang ${felt.name}` })).toHaveAttribute(
      'aria-valuetext',
      progressText(feltAfter.progress),
    );
  }

  // A field note: a street talk, its topics, what was heard and what follows.
  const text = unique('Gesprek met winkeliers bij het plein over de avonduren');
  const noteForm = page.getByRole('form', { name: 'Veldnotitie toevoegen' });
  await expect(noteForm.getByLabel('Wijk of buurt')).toHaveValue(approach.areaId);
  await noteForm.getByLabel('Soort').selectOption({ label: 'Straatgesprek' });
  await noteForm.getByLabel('Onderwerpen').fill('verlichting, winkels');
  await noteForm.getByLabel('Waarneming').fill(text);
  await noteForm
    .getByLabel('Vervolg (optioneel)')
    .fill('Gemeente bespreekt de verlichting in het wijkoverleg');
  await noteForm.getByRole('button', { name: 'Veldnotitie toevoegen' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'De veldnotitie (straatgesprek) is toegevoegd' }),
  ).toBeVisible();
  const notes = page.getByRole('region', { name: 'Veldnotities' });
  const note = notes.getByRole('article').filter({ hasText: text });
  await expect(note.getByRole('heading', { level: 3 })).toHaveText(`Straatgesprek, ${dutchDate(today())}`);
  await expect(note).toContainText('verlichting, winkels');
  await expect(note).toContainText('Vervolg: Gemeente bespreekt de verlichting in het wijkoverleg');
  // It was stored: the page opened again shows it.
  await page.reload();
  await expect(
    page.getByRole('region', { name: 'Veldnotities' }).getByRole('article').filter({ hasText: text }),
  ).toBeVisible();
  // The demo's notes of the walks and talks are there too.
  await expect(page.getByRole('region', { name: 'Veldnotities' })).toContainText('Wijkschouw');

  await expectNoAxeViolations(page, 'wijkaanpak na een meting en een veldnotitie');
  await expectReadableOnPhone(page, 'wijkaanpak', async (p) => {
    await expect(p.getByRole('img', { name: /^Lijndiagram van / }).first()).toBeVisible();
  });
});

test('de regisseur koppelt een casus en een overleg aan de wijkaanpak en ontkoppelt de casus; de wijkagent kan dat niet', async ({
  page,
  playwright,
  baseURL,
}) => {
  const summary = await demoApproach(await apiAs(playwright, baseURL, REGISSEUR_EMAIL));

  await login(page, REGISSEUR_EMAIL);
  await page.goto(`/wijkbeeld/aanpak/${summary.id}`);
  const links = page.getByRole('region', { name: 'Gekoppeld aan deze aanpak' });
  const form = page.getByRole('form', { name: 'Koppelen' });
  await expect(form).toBeVisible();

  // Without a choice the form says what is missing.
  await form.getByLabel('Wat koppel je').selectOption({ label: 'Casus' });
  await form.getByRole('button', { name: 'Koppelen' }).click();
  await expect(form.getByText('Kies een casus')).toBeVisible();

  const caseChoice = form.getByLabel('Casus', { exact: true });
  await expect(caseChoice.locator('option').nth(1)).toBeAttached();
  const caseOption = caseChoice.locator('option').nth(1);
  const [caseLabel, caseId] = [await caseOption.textContent(), await caseOption.getAttribute('value')];
  const reference = (caseLabel ?? '').split(' · ')[0] ?? '';
  await caseChoice.selectOption(caseId ?? '');
  await form.getByRole('button', { name: 'Koppelen' }).click();
  await expect(page.getByRole('status').filter({ hasText: `${reference} is gekoppeld` })).toBeVisible();
  const table = links.getByRole('table', { name: 'Casussen, signalen en overleggen van deze aanpak' });
  await expect(table.getByRole('link', { name: reference })).toBeVisible();

  await form.getByLabel('Wat koppel je').selectOption({ label: 'Overleg' });
  const meetingChoice = form.getByLabel('Overleg', { exact: true });
  await expect(meetingChoice.locator('option').nth(1)).toBeAttached();
  const meetingOption = meetingChoice.locator('option').nth(1);
  const [meetingLabel, meetingId] = [
    await meetingOption.textContent(),
    await meetingOption.getAttribute('value'),
  ];
  const meetingTitle = (meetingLabel ?? '').split(' · ')[0] ?? '';
  await meetingChoice.selectOption(meetingId ?? '');
  await form.getByRole('button', { name: 'Koppelen' }).click();
  await expect(table.getByRole('link', { name: meetingTitle })).toBeVisible();
  await expectNoAxeViolations(page, 'wijkaanpak met koppelingen');

  await table.getByRole('button', { name: `Ontkoppel ${reference}` }).click();
  await expect(page.getByRole('status').filter({ hasText: `${reference} is ontkoppeld` })).toBeVisible();
  await expect(table.getByRole('link', { name: reference })).toHaveCount(0);
  await expect(table.getByRole('link', { name: meetingTitle })).toBeVisible();

  // The police officer reads the approach but ties nothing to it.
  const police = await page.context().browser()?.newPage({ baseURL });
  if (!police) throw new Error('no browser');
  await login(police, WIJKAGENT_EMAIL);
  await police.goto(`/wijkbeeld/aanpak/${summary.id}`);
  await expect(police.getByRole('region', { name: 'Gekoppeld aan deze aanpak' })).toBeVisible();
  await expect(police.getByRole('form', { name: 'Koppelen' })).toHaveCount(0);
  await expect(police.getByRole('button', { name: /Ontkoppel/ })).toHaveCount(0);
  await police.close();
});

test('een veldnotitie met een speld op de kaart, bij een casus onder een categorie', async ({
  page,
  playwright,
  baseURL,
}) => {
  const summary = await demoApproach(await apiAs(playwright, baseURL, REGISSEUR_EMAIL));

  await login(page, REGISSEUR_EMAIL);
  await page.goto(`/wijkbeeld/aanpak/${summary.id}`);
  const form = page.getByRole('form', { name: 'Veldnotitie toevoegen' });
  await form.getByLabel('Soort', { exact: true }).selectOption({ label: 'Huisbezoek' });
  await form.getByLabel('Onderwerpen').fill('schulden, overlast');
  const text = unique('Bezoek bij het gezin boven de snackbar');
  await form.getByLabel('Waarneming').fill(text);

  // A pin in the middle of the map (the approach's buurt).
  const map = form.getByRole('img', { name: /Kaart van de buurten/ });
  await expect(map.locator('path').first()).toBeAttached();
  await map.click();
  await expect(form.getByText(/Speld: in /)).toBeVisible();

  // A case without a category is refused by the form, naming the category.
  const caseChoice = form.getByLabel('Casus', { exact: true });
  await expect(caseChoice.locator('option').nth(1)).toBeAttached();
  const caseOption = caseChoice.locator('option').nth(1);
  const reference = ((await caseOption.textContent()) ?? '').split(' · ')[0] ?? '';
  await caseChoice.selectOption((await caseOption.getAttribute('value')) ?? '');
  await form.getByRole('button', { name: 'Veldnotitie toevoegen' }).click();
  await expect(
    form.getByText('Kies de informatiecategorie waaronder de notitie bij de casus hoort'),
  ).toBeVisible();

  const category = form.getByLabel('Informatiecategorie');
  await expect(category.locator('option').nth(1)).toBeAttached();
  await category.selectOption({ index: 1 });
  await form.getByRole('button', { name: 'Veldnotitie toevoegen' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'De veldnotitie (huisbezoek) is toegevoegd' }),
  ).toBeVisible();
  const note = page.getByRole('article').filter({ hasText: text });
  await expect(note.getByRole('link', { name: reference })).toBeVisible();
  await expectNoAxeViolations(page, 'veldnotitie bij een casus');
});
