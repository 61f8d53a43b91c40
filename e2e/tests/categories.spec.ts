import { expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations } from '../axe.ts';
import { expectJson, login, REGISSEUR_EMAIL, unique } from '../helpers.ts';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

interface Category {
  key: string;
  label: string;
  publicReport: boolean;
  deadlineDays: number;
  deadlineWorking: boolean;
}

async function expectNoHorizontalScroll(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, 'de pagina past in de breedte van de telefoon').toBeLessThanOrEqual(PHONE.width);
}

test('signaalcategorieën toevoegen en de termijn wijzigen', async ({ page }) => {
  await login(page, REGISSEUR_EMAIL);
  await page.goto('/beheer/signaalcategorieen');
  await expect(page.getByRole('heading', { level: 1, name: 'Signaalcategorieën' })).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: 'Beheer' }).getByRole('link', { name: 'Signaalcategorieën' }),
  ).toHaveAttribute('aria-current', 'page');
  await expect(page.getByText(/worden geladen/)).toHaveCount(0);

  const key = `e2e_${Date.now()}`;
  const label = unique('Testcategorie');
  const form = page.getByRole('form', { name: 'Categorie toevoegen' });
  await form.getByLabel('Naam').fill(label);
  await form.getByLabel('Sleutel').fill(key);
  await form.getByLabel('Aantal dagen').fill('10');
  await form.getByLabel('Soort dagen').selectOption({ label: 'Werkdagen' });
  await form.getByLabel('Bewoners kunnen deze categorie kiezen bij een melding').check();
  await form.getByRole('button', { name: 'Categorie toevoegen' }).click();
  await expect(page.getByRole('status').filter({ hasText: `„${label}” is toegevoegd` })).toBeVisible();
  const table = page.getByRole('table', { name: 'Signaalcategorieën met de termijn voor eerste contact' });
  const row = table.getByRole('row').filter({ hasText: key });
  await expect(row.getByRole('cell')).toHaveText([label, key, '10 werkdagen', 'Ja', /^Wijzigen/]);

  // The same key again is refused at the field.
  await form.getByLabel('Naam').fill(label);
  await form.getByLabel('Sleutel').fill(key);
  await form.getByRole('button', { name: 'Categorie toevoegen' }).click();
  await expect(form.getByLabel('Sleutel')).toBeFocused();
  await expect(form.getByLabel('Sleutel')).toHaveAccessibleDescription(
    /Er is al een categorie met deze sleutel/,
  );

  // Change the deadline with the keyboard: the editor opens with focus on its heading.
  const edit = row.getByRole('button', { name: `Wijzigen categorie ${label}` });
  await edit.focus();
  await page.keyboard.press('Enter');
  await expect(edit).toHaveAttribute('aria-expanded', 'true');
  const editor = page.getByRole('form', { name: `Categorie wijzigen: ${label}` });
  await expect(page.getByRole('heading', { level: 3, name: `Categorie wijzigen: ${label}` })).toBeFocused();
  await expect(editor.getByLabel('Aantal dagen')).toHaveValue('10');
  await expectNoAxeViolations(page, 'beheer › signaalcategorieën (wijzigen)');

  await editor.getByLabel('Aantal dagen').fill('');
  await editor.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
  await expect(editor.getByLabel('Aantal dagen')).toBeFocused();
  await expect(editor.getByLabel('Aantal dagen')).toHaveAccessibleDescription(/heel aantal dagen/);

  await editor.getByLabel('Aantal dagen').fill('28');
  await editor.getByLabel('Soort dagen').selectOption({ label: 'Kalenderdagen' });
  await editor.getByLabel('Bewoners kunnen deze categorie kiezen bij een melding').uncheck();
  await editor.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
  await expect(page.getByRole('status').filter({ hasText: `„${label}” is gewijzigd` })).toBeVisible();
  await expect(editor).toHaveCount(0);
  await expect(edit).toBeFocused();
  await expect(row.getByRole('cell')).toHaveText([label, key, '28 kalenderdagen', 'Nee', /^Wijzigen/]);

  const saved = await expectJson<{ items: Category[] }>(
    await page.request.get('/api/v1/signal-categories'),
    200,
  );
  expect(saved.items.find((c) => c.key === key)).toEqual({
    key,
    label,
    publicReport: false,
    deadlineDays: 28,
    deadlineWorking: false,
  });

  // Escape closes the editor and gives focus back to the button.
  await edit.click();
  await expect(editor).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(editor).toHaveCount(0);
  await expect(edit).toBeFocused();

  for (const viewport of [DESKTOP, PHONE]) {
    await page.setViewportSize(viewport);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Signaalcategorieën' })).toBeVisible();
    await expect(page.getByText(/worden geladen/)).toHaveCount(0);
    await expect(row).toBeVisible();
    await expectNoAxeViolations(page, `/beheer/signaalcategorieen (${viewport.width}px)`);
    if (viewport === PHONE) await expectNoHorizontalScroll(page);
  }
});
