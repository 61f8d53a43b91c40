import { expect, type Page, test } from '@playwright/test';
import { login, REGISSEUR_EMAIL } from '../helpers.ts';

/** The accessible name (roughly: the text) of the element that has focus. */
function focusedText(page: Page): Promise<string> {
  return page.evaluate(() => (document.activeElement?.textContent ?? '').trim());
}

test.describe('Toetsenbord', () => {
  test('op de inlogpagina is de skiplink het eerste element', async ({ page }) => {
    await page.goto('/login');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Naar de inhoud' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
  });

  test('skiplink eerst, daarna zijn alle menu-items bereikbaar', async ({ page }) => {
    await login(page, REGISSEUR_EMAIL);
    // Start from the top of a freshly loaded page.
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Naar de inhoud' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();

    // The skip link moves focus to the main content.
    await page.keyboard.press('Enter');
    await expect(page.locator('main#inhoud')).toBeFocused();

    // From the top again, Tab through the header and menu.
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const reached: string[] = [];
    // Skip link, logo, the header's search field and button, Instellingen, Uitloggen, then the menu (the
    // regisseur's eleven items, Beheer last).
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      reached.push(await focusedText(page));
    }
    for (const item of ['Overzicht', 'Signalen', 'Casussen', 'Overleggen', 'Beheer']) {
      expect(reached, `menu-item ${item} is met Tab bereikbaar`).toContain(item);
    }

    // A focused menu link has a visible focus indicator and opens with Enter.
    const menu = page.getByRole('navigation', { name: 'Hoofdmenu' });
    const casussen = menu.getByRole('link', { name: 'Casussen' });
    await casussen.focus();
    await expect(casussen).toHaveCSS('outline-style', 'solid');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/casussen$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Casussen' })).toBeFocused();
  });

  test('inloggen kan helemaal met het toetsenbord', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('E-mailadres').focus();
    await page.keyboard.type(REGISSEUR_EMAIL);
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Wachtwoord')).toBeFocused();
    await page.keyboard.type('Wijkregie-demo-2026');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).toBeVisible();
  });
});
