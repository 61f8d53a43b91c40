import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from '../axe.ts';
import { ADMIN_EMAIL, expectReadableOnPhone, login, openMenu } from '../helpers.ts';

/*
 * Beheer › Bewaartermijnen (issue 15): the admin sees per processing activity what is due for
 * anonymisation and when the next falls due, and runs the job with "Nu uitvoeren" (keyboard). Axe at
 * 1280 and 390 px.
 */
test('de beheerder ziet wat aan de beurt is en voert de bewaartermijnen nu uit', async ({ page }) => {
  await login(page, ADMIN_EMAIL);
  await openMenu(page, 'Beheer');
  await page
    .getByRole('navigation', { name: 'Beheer' })
    .getByRole('link', { name: 'Bewaartermijnen' })
    .click();
  await expect(page).toHaveURL(/\/beheer\/bewaartermijnen$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Bewaartermijnen' })).toBeVisible();
  const table = page.getByRole('table', { name: /Per verwerking/ });
  await expect(table.getByRole('row', { name: /Persoonsgerichte aanpak/ })).toContainText('1.825 dagen');
  await expect(page.getByText(/Tot nu toe geanonimiseerd/)).toBeVisible();
  await expectNoAxeViolations(page, 'bewaartermijnen');

  const run = page.getByRole('button', { name: 'Nu uitvoeren' });
  await run.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toContainText('Uitgevoerd.');
  await expectNoAxeViolations(page, 'bewaartermijnen na uitvoeren');
  await expectReadableOnPhone(page, 'bewaartermijnen');
});
