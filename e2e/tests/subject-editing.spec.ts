import { expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations } from '../axe.ts';
import { apiAs, expectJson, login, REGISSEUR_EMAIL, unique } from '../helpers.ts';

/**
 * Issue 11, "change what you made, with history": a person's data is changed on their page and the
 * earlier values stay visible under Wijzigingen; a household is registered from the app, gets a member
 * and the membership is ended (and stays, as ended). At phone and desktop width, keyboard first, axe clean.
 */

const WIDTHS = [
  { name: 'telefoon', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 900 },
] as const;

async function nothingWiderThanThePage(page: Page, width: number) {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth).toBeLessThanOrEqual(width);
}

for (const size of WIDTHS) {
  test(`gegevens van een persoon wijzigen en de historie zien (${size.name})`, async ({
    page,
    playwright,
    baseURL,
  }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    const api = await apiAs(playwright, baseURL, REGISSEUR_EMAIL);
    const lastName = unique('Wijzig');
    const person = await expectJson<{ id: string }>(
      await api.post('/api/v1/persons', { data: { firstName: 'Els', lastName } }),
      201,
    );
    await login(page, REGISSEUR_EMAIL);
    await page.goto(`/personen/${person.id}`);
    await expect(page.getByRole('heading', { level: 1, name: `Els ${lastName}` })).toBeVisible();
    const data = page.getByRole('region', { name: 'Gegevens' });

    // Keyboard: the button opens the form and puts the focus in its first field.
    await data.getByRole('button', { name: 'Gegevens wijzigen' }).focus();
    await page.keyboard.press('Enter');
    const form = page.getByRole('form', { name: 'Gegevens wijzigen' });
    await expect(form.getByLabel('Voornaam')).toBeFocused();
    await expectNoAxeViolations(page, `persoon wijzigen (${size.name})`);
    await nothingWiderThanThePage(page, size.width);

    // A wrong BSN is refused at the field, and nothing is saved.
    await form.getByLabel('BSN').fill('123456789');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await expect(form.getByLabel('BSN')).toHaveAccessibleDescription(/elfproef/);
    await expect(form.getByLabel('BSN')).toBeFocused();

    await form.getByLabel('BSN').fill('');
    await form.getByLabel('Achternaam').fill(`${lastName}-de Wit`);
    await form.getByLabel('Geboortedatum').fill('1975-06-30');
    await form.getByRole('button', { name: 'Opslaan' }).click();

    await expect(page.getByRole('status').filter({ hasText: 'opgeslagen' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: `Els ${lastName}-de Wit` })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Gegevens' })).toBeFocused();
    const history = page.getByRole('region', { name: 'Wijzigingen' });
    await expect(history).toContainText('Achternaam');
    await expect(history.locator('del').first()).toHaveText(lastName);
    await expect(history.locator('ins').first()).toHaveText(`${lastName}-de Wit`);
    await expect(history).toContainText('30 juni 1975');
    await expect(history).toContainText('Gemeente');
    await expectNoAxeViolations(page, `persoon met historie (${size.name})`);
    await nothingWiderThanThePage(page, size.width);
  });

  test(`huishouden registreren, een lid toevoegen en de relatie beëindigen (${size.name})`, async ({
    page,
    playwright,
    baseURL,
  }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    const api = await apiAs(playwright, baseURL, REGISSEUR_EMAIL);
    const lastName = unique('Lid');
    await expectJson(await api.post('/api/v1/persons', { data: { firstName: 'Kees', lastName } }), 201);
    const household = unique('Gezin');

    await login(page, REGISSEUR_EMAIL);
    await page.goto('/personen');
    await page.getByRole('link', { name: 'Huishouden registreren' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Huishouden registreren' })).toBeVisible();
    const newForm = page.getByRole('form', { name: 'Huishouden registreren' });
    await newForm.getByRole('button', { name: 'Huishouden registreren' }).click();
    await expect(newForm.getByLabel('Naam')).toHaveAccessibleDescription(/verplicht/);
    await expectNoAxeViolations(page, `huishouden registreren (${size.name})`);
    await newForm.getByLabel('Naam').fill(household);
    await newForm.getByRole('button', { name: 'Huishouden registreren' }).click();
    await expect(page.getByRole('heading', { level: 1, name: household })).toBeVisible();

    // Add a member: the relation from the household's side, the person found by name.
    const relations = page.getByRole('region', { name: 'Relaties' });
    await relations.getByLabel('Soort relatie').selectOption({ label: 'heeft als lid persoon' });
    await relations.getByLabel('Persoon zoeken').fill(lastName);
    await relations.getByLabel('Persoon zoeken').press('Enter');
    await relations.getByRole('button', { name: `Toevoegen Kees ${lastName}` }).click();
    await relations.getByRole('button', { name: 'Relatie toevoegen' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Relatie vastgelegd' })).toBeVisible();
    await expect(relations.getByRole('link', { name: `Kees ${lastName}` })).toBeVisible();
    await expectNoAxeViolations(page, `huishouden met lid (${size.name})`);
    await nothingWiderThanThePage(page, size.width);

    // End it: it leaves the relations that hold and stays as ended.
    await relations.getByRole('button', { name: /^Beëindigen/ }).click();
    const end = relations.getByRole('form', { name: /Relatie beëindigen/ });
    await end.getByLabel('Einddatum').fill('2024-03-01');
    await end.getByRole('button', { name: 'Beëindigen' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Relatie beëindigd' })).toBeVisible();
    await expect(relations).toContainText('Er zijn geen relaties die nu gelden.');
    const ended = relations.getByRole('list', { name: 'Beëindigde relaties' });
    await expect(ended).toContainText(`Kees ${lastName}`);
    await expect(ended).toContainText('tot 1 maart 2024');
    await expectNoAxeViolations(page, `huishouden met beëindigde relatie (${size.name})`);
    await nothingWiderThanThePage(page, size.width);
  });
}
