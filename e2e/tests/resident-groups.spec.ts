import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from '../axe.ts';
import { login, REGISSEUR_EMAIL, unique, WIJKAGENT_EMAIL } from '../helpers.ts';

/**
 * Issue 14, points 2 and 3: a resident group's report reaches the signal inbox marked with the group and
 * how urgent it is, and the group follows it with its code; members' contact data only for the regisseur
 * and the coordinator; the public page "Wat meld ik waar?" linked from the report form. At phone width.
 */

test.use({ viewport: { width: 390, height: 844 } });

const noWiderThanThePhone = async (page: import('@playwright/test').Page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

test('een regisseur legt een bewonersgroep vast; de melding van de groep staat in de inbox met groep en urgentie', async ({
  page,
}) => {
  const name = unique('Buurtpreventie E2E');
  await login(page, REGISSEUR_EMAIL);
  await page.goto('/wijkbeeld');
  await page.getByRole('link', { name: 'Bewonersgroepen', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bewonersgroepen' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Buurtpreventie Molenbuurt' })).toBeVisible();
  await expectNoAxeViolations(page, 'bewonersgroepen');

  const form = page.getByRole('form', { name: 'Bewonersgroep vastleggen' });
  await form.getByRole('button', { name: 'Bewonersgroep vastleggen' }).click();
  await expect(form.getByLabel('Naam')).toBeFocused();
  await form.getByLabel('Naam').fill(name);
  await form.getByLabel('Soort groep').selectOption({ label: 'Buurtpreventie' });
  await form.getByLabel('Wijk of buurt').selectOption({ label: 'Molenbuurt' });
  await form.getByLabel('E-mailadres van de groep').fill('e2e-preventie@voorbeeldstad.example');
  await form.getByRole('button', { name: 'Bewonersgroep vastleggen' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();

  const member = page.getByRole('form', { name: 'Lid toevoegen' });
  await member.getByLabel('Naam').fill('Wilma Bos');
  await member.getByLabel('E-mailadres').fill('wilma.bos@mail.example');
  await member.getByLabel('Telefoon (niet verplicht)').fill('06-99887766');
  await member.getByLabel('Rol in de groep').fill('Loopt avondronde');
  await member.getByRole('button', { name: 'Lid toevoegen' }).click();
  await expect(page.getByText('Wilma Bos is toegevoegd.')).toBeVisible();
  await expect(page.getByRole('table', { name: /Leden/ })).toContainText('wilma.bos@mail.example');

  const report = page.getByRole('form', { name: 'Melding van de groep' });
  const description = unique('Jongeren slopen de bankjes bij het speelveld');
  await report.getByLabel('Wat: onderwerp').selectOption({ label: 'Overlast jeugd' });
  await report.getByLabel('Wat: wat is er aan de hand?').fill(description);
  await report.getByLabel('Straat').fill('Molenweg');
  await report.getByRole('radio', { name: 'Hoog' }).check();
  await report.getByRole('button', { name: 'Melding versturen' }).click();
  const receipt = page.getByText('Melding van de groep ontvangen');
  await expect(receipt).toBeVisible();
  const code = ((await page.locator('.wr-tracking-code-inline').textContent()) ?? '').trim();
  expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  const reports = page.getByRole('table', { name: /Meldingen/ });
  await expect(reports).toContainText(code);
  await expect(reports).toContainText('Hoog');
  await noWiderThanThePhone(page);
  await expectNoAxeViolations(page, 'bewonersgroep met melding (390 px)');

  // The inbox: the report, marked with the group and its urgency.
  await page.goto('/signalen');
  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Bewoner');
  await expect(row).toContainText('Hoog');
  await expectNoAxeViolations(page, 'signalen met een groepsmelding');
  await row.getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Overlast jeugd');
  await expect(page.getByText(`Bewoner — ${name}`)).toBeVisible();
  await expect(page.getByRole('link', { name })).toBeVisible();
  // From the signal to the group's page, and from there to the inbox filtered on the group.
  await page.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await page.getByRole('link', { name: 'De meldingen van deze groep bij de signalen' }).click();
  await expect(page.getByText('1 signaal, gefilterd.')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: name })).toHaveCount(1);

  // The group follows it on the public page with its code.
  await page.goto(`/melden/${code}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Stand van uw melding' })).toBeVisible();
  await expect(page.getByText('De melding van uw groep is ontvangen.')).toBeVisible();
});

test('leden zonder contactgegevens voor wie de groep niet coördineert, met voor de coördinator', async ({
  page,
}) => {
  await login(page, WIJKAGENT_EMAIL);
  await page.goto('/wijkbeeld/bewonersgroepen');
  // The wijkraad of Centrum: coordinated by the regisseur, so the wijkagent sees names and roles only.
  await page.getByRole('link', { name: 'Wijkraad Centrum' }).click();
  const members = page.getByRole('table', { name: /Leden/ });
  await expect(members).toContainText('Hanneke Postma');
  await expect(members).not.toContainText('@');
  await expect(page.getByRole('form', { name: 'Lid toevoegen' })).toHaveCount(0);
  // The buurtpreventie of the Molenbuurt: the wijkagent coordinates it.
  await page.goto('/wijkbeeld/bewonersgroepen');
  await page.getByRole('link', { name: 'Buurtpreventie Molenbuurt' }).click();
  await expect(page.getByRole('table', { name: /Leden/ })).toContainText('gerda.hoekstra@mail.example');
  await expect(page.getByRole('table', { name: /Meldingen/ })).toContainText('Hoog');
  await noWiderThanThePhone(page);
  await expectNoAxeViolations(page, 'bewonersgroep van de coördinator (390 px)');
});

test('het meldformulier verwijst naar "Wat meld ik waar?": 112, politie, Meld Misdaad Anoniem', async ({
  page,
}) => {
  await page.goto('/melden');
  await page.getByRole('link', { name: 'wat u waar meldt' }).click();
  await expect(page).toHaveURL(/\/hoe-melden$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Wat meld ik waar?' })).toBeVisible();
  await expect(page).toHaveTitle('Wat meld ik waar? – Gemeente Voorbeeldstad');
  await expect(page.getByRole('heading', { name: '112 (spoed)' })).toBeVisible();
  await expect(page.getByText('Bel 0900-8844')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Meld Misdaad Anoniem' })).toBeVisible();
  await expect(page.getByText('Bel 0800-7000 (gratis)')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Meedoen in uw buurt' })).toBeVisible();
  await noWiderThanThePhone(page);
  await expectNoAxeViolations(page, 'hoe melden (390 px)');
  await page.getByRole('link', { name: 'Naar het meldformulier' }).first().click();
  await expect(page).toHaveURL(/\/melden$/);
});

test('de regisseur bewerkt "Wat meld ik waar?"; bewoners lezen de nieuwe tekst', async ({ page }) => {
  await login(page, REGISSEUR_EMAIL);
  await page.goto('/wijkbeeld/hoe-melden');
  await expect(page.getByRole('heading', { level: 1, name: 'Wat meld ik waar? bewerken' })).toBeVisible();
  await expectNoAxeViolations(page, 'hoe melden bewerken (390 px)');
  const intro = unique('Meld het, dan weten wij het.');
  await page.getByLabel('Inleiding').fill(intro);
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByText(/De tekst is opgeslagen/)).toBeVisible();
  await page.goto('/hoe-melden');
  await expect(page.getByText(intro)).toBeVisible();
});
