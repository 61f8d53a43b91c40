import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from '../axe.ts';
import { DEMO_PASSWORD, REGISSEUR_EMAIL } from '../helpers.ts';

test.describe('Inloggen', () => {
  test('de inlogpagina is Nederlands, toont de demo-accounts en is toegankelijk', async ({ page }) => {
    await page.goto('/login');

    await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
    await expect(page).toHaveTitle('Inloggen – Wijkregie');
    await expect(page.getByRole('heading', { level: 1, name: 'Inloggen bij Wijkregie' })).toBeVisible();
    await expect(page.getByLabel('E-mailadres')).toHaveAttribute('autocomplete', 'username');
    await expect(page.getByLabel('Wachtwoord')).toHaveAttribute('autocomplete', 'current-password');
    await expect(page.getByRole('button', { name: 'Inloggen' })).toBeVisible();

    const demo = page.getByRole('region', { name: 'Demo-omgeving' });
    await expect(demo).toBeVisible();
    await expect(demo).toContainText(REGISSEUR_EMAIL);
    await expect(demo).toContainText(DEMO_PASSWORD);

    await expectNoAxeViolations(page, 'inlogpagina');

    // A demo account's button fills in the form.
    await demo.getByRole('listitem').filter({ hasText: REGISSEUR_EMAIL }).getByRole('button').click();
    await expect(page.getByLabel('E-mailadres')).toHaveValue(REGISSEUR_EMAIL);
    await expect(page.getByLabel('Wachtwoord')).toHaveValue(DEMO_PASSWORD);
  });

  test('een verkeerd wachtwoord geeft een Nederlandse foutmelding', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('E-mailadres').fill('wijkagent@voorbeeldstad.example');
    await page.getByLabel('Wachtwoord').fill('dit-is-niet-het-wachtwoord');
    await page.getByRole('button', { name: 'Inloggen' }).click();

    await expect(page.getByRole('alert')).toHaveText('E-mailadres of wachtwoord onjuist');
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).toHaveCount(0);
    await expectNoAxeViolations(page, 'inlogpagina met foutmelding');
  });

  test('na herhaalde mislukte pogingen meldt de pagina dat je moet wachten', async ({ page }) => {
    // A made-up address, so that no other test's account gets throttled.
    const email = `onbekend-${Date.now().toString(36)}@voorbeeldstad.example`;
    await page.goto('/login');
    const alert = page.getByRole('alert');
    for (let attempt = 0; attempt < 15; attempt++) {
      await page.getByLabel('E-mailadres').fill(email);
      await page.getByLabel('Wachtwoord').fill('fout-wachtwoord');
      await page.getByRole('button', { name: 'Inloggen' }).click();
      await expect(alert).toBeVisible();
      if ((await alert.textContent()) !== 'E-mailadres of wachtwoord onjuist') break;
    }
    await expect(alert).toHaveText('Te veel mislukte pogingen. Probeer het over enkele minuten opnieuw.');
  });

  test('lege velden worden bij het veld gemeld', async ({ page }) => {
    await page.goto('/login');
    await page.getByRole('button', { name: 'Inloggen' }).click();

    const email = page.getByLabel('E-mailadres');
    await expect(email).toHaveAttribute('aria-invalid', 'true');
    await expect(email).toHaveAccessibleDescription('Vul je e-mailadres in');
    await expect(email).toBeFocused();
    await expect(page.getByLabel('Wachtwoord')).toHaveAccessibleDescription('Vul je wachtwoord in');
  });
});
