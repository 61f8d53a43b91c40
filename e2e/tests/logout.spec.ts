import { expect, test } from '@playwright/test';
import { loginWithForm, openMenu, REGISSEUR_EMAIL } from '../helpers.ts';

test('uitloggen brengt je naar de inlogpagina en beschermde pagina’s verwijzen daarheen', async ({
  page,
}) => {
  await loginWithForm(page, REGISSEUR_EMAIL);
  await page.getByRole('button', { name: 'Uitloggen' }).click();

  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Inloggen bij Wijkregie' })).toBeVisible();

  await page.goto('/beheer/partners');
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Inloggen bij Wijkregie' })).toBeVisible();

  // After logging in again you land on the page you asked for.
  await page.getByLabel('E-mailadres').fill(REGISSEUR_EMAIL);
  await page.getByLabel('Wachtwoord').fill('Wijkregie-demo-2026');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page).toHaveURL(/\/beheer\/partners$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Partners' })).toBeVisible();
});

test('een verlopen sessie stuurt je naar de inlogpagina met een melding', async ({ page, context }) => {
  await loginWithForm(page, REGISSEUR_EMAIL);
  await context.clearCookies();

  await openMenu(page, 'Beheer');
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('status')).toHaveText('Je sessie is verlopen, log opnieuw in');
});
