import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from '../axe.ts';
import { ADMIN_EMAIL, login, openMenu, unique } from '../helpers.ts';

test('de beheerder voegt een partner en een gebruiker toe', async ({ page }) => {
  await login(page, ADMIN_EMAIL);
  await openMenu(page, 'Beheer');
  await expect(page.getByRole('heading', { level: 1, name: 'Partners' })).toBeVisible();

  // A partner.
  const partnerName = unique('Buurtteam Test');
  const partnerForm = page.getByRole('form', { name: 'Partner toevoegen' });
  await expect(partnerForm).toBeVisible();
  await expectNoAxeViolations(page, 'beheer › partners (beheerder)');

  await partnerForm.getByRole('button', { name: 'Partner toevoegen' }).click();
  await expect(partnerForm.getByLabel('Naam')).toHaveAttribute('aria-invalid', 'true');
  await expect(partnerForm.getByLabel('Naam')).toHaveAccessibleDescription('Naam is verplicht');
  await expect(partnerForm.getByLabel('Soort')).toHaveAccessibleDescription('Kies een soort partner');

  await partnerForm.getByLabel('Naam').fill(partnerName);
  await partnerForm.getByLabel('Soort').selectOption({ label: 'GGZ' });
  await partnerForm.getByRole('button', { name: 'Partner toevoegen' }).click();

  await expect(page.getByRole('status')).toContainText(`Partner „${partnerName}” is toegevoegd.`);
  const partners = page.getByRole('table', { name: /Partners/ });
  const partnerRow = partners.getByRole('row').filter({ hasText: partnerName });
  await expect(partnerRow).toBeVisible();
  await expect(partnerRow.getByRole('cell', { name: 'GGZ', exact: true })).toBeVisible();
  await expect(partnerForm.getByLabel('Naam')).toHaveValue('');

  // After a reload the partner is still there (it was stored, not just shown).
  await page.reload();
  await expect(
    page.getByRole('table', { name: /Partners/ }).getByRole('cell', { name: partnerName, exact: true }),
  ).toBeVisible();

  // A user of that partner.
  await page.getByRole('navigation', { name: 'Beheer' }).getByRole('link', { name: 'Gebruikers' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Gebruikers' })).toBeVisible();
  const userForm = page.getByRole('form', { name: 'Gebruiker toevoegen' });
  const userName = unique('Sam Tester');
  const email = `${userName.split(' ').pop()}@test.example`;

  await userForm.getByLabel('Naam').fill(userName);
  await userForm.getByLabel('E-mailadres').fill(email);
  await userForm.getByLabel('Wachtwoord').fill('te-kort');
  await userForm.getByLabel('Partner').selectOption({ label: partnerName });
  await userForm.getByRole('group', { name: 'Rollen' }).getByLabel('Professional').check();
  await expect(userForm.getByLabel('Wachtwoord')).toHaveAccessibleDescription(/minstens 12 tekens/);
  await userForm.getByRole('button', { name: 'Gebruiker toevoegen' }).click();

  const password = userForm.getByLabel('Wachtwoord');
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await expect(password).toHaveAccessibleDescription(/Wachtwoord moet minstens 12 tekens hebben/);
  await expect(password).toBeFocused();
  await expectNoAxeViolations(page, 'beheer › gebruikers met foutmelding');

  await password.fill('een-lang-genoeg-wachtwoord');
  await userForm.getByRole('button', { name: 'Gebruiker toevoegen' }).click();

  await expect(page.getByRole('status')).toContainText(`Gebruiker „${userName}” is toegevoegd.`);
  const userRow = page
    .getByRole('table', { name: /Gebruikers/ })
    .getByRole('row')
    .filter({ hasText: email });
  await expect(userRow).toContainText(userName);
  await expect(userRow).toContainText(partnerName);
  await expect(userRow).toContainText('Professional');
  await expect(password).not.toHaveAttribute('aria-invalid');
  await expectNoAxeViolations(page, 'beheer › gebruikers (beheerder)');

  // The new user can log in.
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await login(page, email, 'een-lang-genoeg-wachtwoord');
  await expect(page.getByRole('heading', { level: 1, name: `Welkom, ${userName}` })).toBeVisible();
  await expect(page.getByRole('main')).toContainText(partnerName);
});
