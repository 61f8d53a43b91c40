import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from '../axe.ts';
import { login, openMenu, REGISSEUR_EMAIL } from '../helpers.ts';

test('de regisseur ziet het menu en de partners, maar kan geen partners toevoegen', async ({ page }) => {
  await login(page, REGISSEUR_EMAIL);

  // The shell.
  const menu = page.getByRole('navigation', { name: 'Hoofdmenu' });
  for (const item of ['Overzicht', 'Signalen', 'Casussen', 'Overleggen', 'Beheer']) {
    await expect(menu.getByRole('link', { name: item, exact: true })).toBeVisible();
  }
  await expect(menu.getByRole('link', { name: 'Overzicht' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('banner')).toContainText('Wijkregie');
  await expect(page.getByRole('button', { name: 'Uitloggen' })).toBeVisible();
  await expect(page.getByRole('main')).toBeVisible();

  // Overzicht.
  await expect(page).toHaveTitle('Overzicht – Wijkregie');
  await expect(page.getByRole('heading', { level: 1, name: /^Welkom, / })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Regisseur');
  await expect(page.getByRole('main')).toContainText('Gemeente Voorbeeldstad');
  await expectNoAxeViolations(page, 'overzicht');

  // Signalen: the inbox, with its own sub-menu (home visits, import, monitor).
  await openMenu(page, 'Signalen');
  await expect(page).toHaveURL(/\/signalen$/);
  await expect(page).toHaveTitle('Signalen – Wijkregie');
  await expect(page.getByRole('heading', { level: 1, name: 'Signalen' })).toBeFocused();
  await expect(page.getByRole('link', { name: 'Nieuw signaal', exact: true })).toBeVisible();
  const signalsMenu = page.getByRole('navigation', { name: 'Signalen' });
  for (const item of ['Binnengekomen', 'Huisbezoeken', 'Import', 'Monitor']) {
    await expect(signalsMenu.getByRole('link', { name: item, exact: true })).toBeVisible();
  }
  await expect(page.getByRole('table', { name: /^Signalen \(/ })).toBeVisible();
  await expect(menu.getByRole('link', { name: 'Signalen' })).toHaveAttribute('aria-current', 'page');
  await expectNoAxeViolations(page, 'signalen');

  // Beheer › Partners.
  await openMenu(page, 'Beheer');
  await expect(page).toHaveURL(/\/beheer\/partners$/);
  await expect(page).toHaveTitle('Partners – Wijkregie');
  await expect(page.getByRole('heading', { level: 1, name: 'Partners' })).toBeFocused();
  const table = page.getByRole('table', { name: /Partners/ });
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  expect(await table.getByRole('row').count()).toBeGreaterThan(2);
  await expect(table.getByRole('cell', { name: /Politie/ }).first()).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'Soort' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Partner toevoegen' })).toHaveCount(0);
  await expect(page.getByRole('form', { name: 'Partner toevoegen' })).toHaveCount(0);
  await expectNoAxeViolations(page, 'beheer › partners (regisseur)');

  // Beheer › Gebruikers: the regisseur may read users, but not add them.
  await page.getByRole('navigation', { name: 'Beheer' }).getByRole('link', { name: 'Gebruikers' }).click();
  await expect(page).toHaveURL(/\/beheer\/gebruikers$/);
  await expect(page).toHaveTitle('Gebruikers – Wijkregie');
  const users = page.getByRole('table', { name: /Gebruikers/ });
  await expect(users.getByRole('cell', { name: REGISSEUR_EMAIL })).toBeVisible();
  await expect(page.getByRole('form', { name: 'Gebruiker toevoegen' })).toHaveCount(0);
  await expectNoAxeViolations(page, 'beheer › gebruikers (regisseur)');
});

test('een professional ziet de gebruikerslijst niet', async ({ page }) => {
  await login(page, 'wijkteam@voorbeeldstad.example');
  await openMenu(page, 'Beheer');
  await expect(page.getByRole('heading', { level: 1, name: 'Partners' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Gebruikers' })).toHaveCount(0);
  await expect(page.getByRole('form', { name: 'Partner toevoegen' })).toHaveCount(0);
});
