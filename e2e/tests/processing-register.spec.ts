import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from '../axe.ts';
import {
  ADMIN_EMAIL,
  apiAs,
  expectJson,
  expectReadableOnPhone,
  login,
  openMenu,
  REGISSEUR_EMAIL,
  unique,
  WIJKAGENT_EMAIL,
} from '../helpers.ts';

/*
 * Beheer › Verwerkingsregister (issue 15): the admin sees the default register, adds an activity (the form
 * refuses what the server would refuse, naming the fields) and changes it; a professional reads the
 * register without forms; the regisseur puts a case under another activity with a reason. Axe on every
 * state, the pages at 1280 and 390 px.
 */
test('de beheerder houdt het verwerkingsregister bij', async ({ page }) => {
  await login(page, ADMIN_EMAIL);
  await openMenu(page, 'Beheer');
  await page
    .getByRole('navigation', { name: 'Beheer' })
    .getByRole('link', { name: 'Verwerkingsregister' })
    .click();
  await expect(page).toHaveURL(/\/beheer\/verwerkingsregister$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Verwerkingsregister' })).toBeVisible();
  const table = page.getByRole('table', { name: /Verwerkingen met doel, grondslag/ });
  await expect(table.getByRole('row', { name: /Vroegsignalering schulden/ })).toContainText(
    'Wet gemeentelijke schuldhulpverlening',
  );
  await expect(
    table.getByRole('row').filter({ has: page.getByRole('cell', { name: 'Jeugd', exact: true }) }),
  ).toContainText('7.300 dagen');
  await expectNoAxeViolations(page, 'verwerkingsregister');

  const form = page.getByRole('form', { name: 'Verwerking toevoegen' });
  await form.getByRole('button', { name: 'Verwerking toevoegen' }).click();
  await expect(form.getByLabel('Naam')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('Naam')).toBeFocused();
  await expect(form.getByLabel('Bewaartermijn in dagen')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page, 'verwerkingsregister met foutmeldingen');

  const name = unique('Huisvesting statushouders');
  await form.getByLabel('Naam').fill(name);
  await form.getByLabel('Doel').fill('Huisvesting en begeleiding van statushouders.');
  await form.getByLabel('Grondslag (AVG)').fill('AVG art. 6 lid 1 sub c (wettelijke verplichting)');
  await form.getByLabel('Wettelijke basis (optioneel)').fill('Huisvestingswet 2014 art. 28');
  await form.getByLabel('Bewaartermijn in dagen').fill('0');
  await form.getByRole('group', { name: 'Informatiecategorieën' }).getByLabel('Wonen').check();
  await form.getByRole('button', { name: 'Verwerking toevoegen' }).click();
  await expect(form.getByLabel('Bewaartermijn in dagen')).toHaveAccessibleDescription(/minstens 1 dag/);
  await form.getByLabel('Bewaartermijn in dagen').fill('1095');
  await form.getByRole('button', { name: 'Verwerking toevoegen' }).click();
  await expect(page.getByRole('status')).toContainText(`De verwerking „${name}” is toegevoegd.`);
  const row = table.getByRole('row', { name: new RegExp(name) });
  await expect(row).toContainText('1.095 dagen');
  await expect(row).toContainText('Wonen');

  await row.getByRole('button', { name: `Wijzigen verwerking ${name}` }).click();
  const editor = page.getByRole('region', { name: `Verwerking wijzigen: ${name}` });
  await editor.getByLabel('Bewaartermijn in dagen').fill('1460');
  await expectNoAxeViolations(page, 'verwerking wijzigen');
  await editor.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
  await expect(page.getByRole('status')).toContainText(`De verwerking „${name}” is gewijzigd.`);
  await expect(row).toContainText('1.460 dagen');
  await expectReadableOnPhone(page, 'verwerkingsregister');
});

test('een professional leest het register zonder formulieren', async ({ page }) => {
  await login(page, WIJKAGENT_EMAIL);
  await page.goto('/beheer/verwerkingsregister');
  await expect(page.getByRole('heading', { level: 1, name: 'Verwerkingsregister' })).toBeVisible();
  await expect(
    page.getByRole('table', { name: /Verwerkingen met doel/ }).getByRole('row', { name: /Gezinsaanpak/ }),
  ).toBeVisible();
  await expect(page.getByRole('form', { name: 'Verwerking toevoegen' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Wijzigen/ })).toHaveCount(0);
  await expect(page.getByText('Alleen de functioneel beheerder kan verwerkingen toevoegen')).toBeVisible();
  await expectNoAxeViolations(page, 'verwerkingsregister alleen-lezen');
});

test('de regisseur zet een casus onder een andere verwerking, met een reden', async ({
  page,
  playwright,
  baseURL,
}) => {
  const regisseur = await apiAs(playwright, baseURL, REGISSEUR_EMAIL);
  const title = unique('Overlast portiek');
  const created = await expectJson<{ id: string }>(
    await regisseur.post('/api/v1/cases', { data: { type: 'area', title } }),
    201,
  );
  await login(page, REGISSEUR_EMAIL);
  await page.goto(`/casussen/${created.id}`);
  const section = page.getByRole('region', { name: 'Verwerking' });
  await expect(section).toContainText('Wijkaanpak en bewonersmeldingen');
  await expect(section).toContainText('AVG art. 6 lid 1 sub e');
  await expectNoAxeViolations(page, 'casus met verwerking');

  await section.getByText('Verwerking wijzigen', { exact: true }).first().click();
  const form = section.getByRole('form', { name: 'Verwerking wijzigen' });
  await form.getByLabel('Verwerking', { exact: true }).selectOption({ label: 'Jeugd' });
  await form.getByRole('button', { name: 'Verwerking wijzigen' }).click();
  await expect(form.getByLabel('Reden van de wijziging')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('Reden van de wijziging')).toBeFocused();
  await expectNoAxeViolations(page, 'verwerking wijzigen zonder reden');
  await form.getByLabel('Reden van de wijziging').fill('Het gaat om een minderjarige');
  await form.getByRole('button', { name: 'Verwerking wijzigen' }).click();
  await expect(page.getByRole('status')).toContainText('De casus valt nu onder de verwerking „Jeugd”.');
  await expect(section).toContainText('7.300 dagen');
  await expectReadableOnPhone(page, 'casus met verwerking');

  // The audit log names the activity of each record about the case.
  await page.goto(`/audit?object=${created.id}`);
  const records = page.getByRole('table', { name: /Auditrecords/ });
  await expect(records.getByRole('row').filter({ hasText: 'Gewijzigd' }).first()).toContainText('Jeugd');
  await expect(records.getByRole('row').filter({ hasText: 'Aangemaakt' }).first()).toContainText(
    'Wijkaanpak en bewonersmeldingen',
  );
  await expectNoAxeViolations(page, 'auditlog met verwerking');
  await regisseur.dispose();
});

test('de regisseur zet een signaal onder een andere verwerking, met een reden', async ({
  page,
  playwright,
  baseURL,
}) => {
  const regisseur = await apiAs(playwright, baseURL, REGISSEUR_EMAIL);
  const signal = await expectJson<{ id: string }>(
    await regisseur.post('/api/v1/signals', {
      data: { category: 'woonoverlast', description: unique('Achterstand huur'), source: 'professional' },
    }),
    201,
  );
  await login(page, REGISSEUR_EMAIL);
  await page.goto(`/signalen/${signal.id}`);
  const section = page.getByRole('region', { name: 'Verwerking' });
  await expect(section).toContainText('Persoonsgerichte aanpak');
  await section.getByText('Verwerking wijzigen', { exact: true }).first().click();
  const form = section.getByRole('form', { name: 'Verwerking wijzigen' });
  await form.getByLabel('Verwerking', { exact: true }).selectOption({ label: 'Vroegsignalering schulden' });
  await form.getByLabel('Reden van de wijziging').fill('Het gaat om een huurachterstand');
  await expectNoAxeViolations(page, 'signaal: verwerking wijzigen');
  await form.getByRole('button', { name: 'Verwerking wijzigen' }).click();
  await expect(page.getByRole('status')).toContainText(
    'Het signaal valt nu onder de verwerking „Vroegsignalering schulden”.',
  );
  await expect(section).toContainText('365 dagen');
  await expectReadableOnPhone(page, 'signaal met verwerking');
  await regisseur.dispose();
});
