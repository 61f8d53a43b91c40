import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'Wijkregie-demo-2026';
export const ADMIN_EMAIL = 'beheer@voorbeeldstad.example';
export const REGISSEUR_EMAIL = 'regisseur@voorbeeldstad.example';

/** Logs in through the login form and waits for the application shell. */
export async function login(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).toBeVisible();
}

/** Opens a page through the main menu and waits for its heading. */
export async function openMenu(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name, exact: true }).click();
}

/** A name nobody else uses, so the tests can run against a database that is not empty. */
export function unique(prefix: string): string {
  return `${prefix} ${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
}
