import { expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations } from '../axe.ts';
import { login, narrowCells, REGISSEUR_EMAIL } from '../helpers.ts';

/**
 * Issue 11, fault 1: at 390 px the tables shrank to a letter or two a line (the inbox grew to 35,000 px).
 * Every list page is checked at phone and desktop width: no table cell narrower than a word in it, no word
 * broken over two lines, nothing wider than the page, and axe clean.
 */

const WIDTHS = [
  { name: 'telefoon', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 900 },
] as const;

/** The checks of one page at one width. */
async function expectReadable(page: Page, label: string, width: number): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // Wait until the lists have loaded (no "wordt geladen" left).
  await expect(page.locator('main [aria-busy="true"]')).toHaveCount(0);
  await expect(page.getByText(/worden geladen|wordt geladen/)).toHaveCount(0);

  const { cells, narrow } = await narrowCells(page);
  expect(narrow, `${label} (${width} px): cellen smaller dan een woord`).toEqual([]);

  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${label} (${width} px): de pagina is breder dan het scherm`).toBeLessThanOrEqual(0);

  if (width < 640 && cells > 0) {
    // Cards: each data cell shows its column header as a label.
    const labelled = await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>('main td[data-label]')).every((td) =>
        getComputedStyle(td, '::before').content.includes(td.dataset.label ?? '\u0000'),
      ),
    );
    expect(labelled, `${label}: elke cel heeft zijn kolomkop als label`).toBe(true);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(height, `${label}: de pagina is niet meters lang`).toBeLessThan(25_000);
  }
  await expectNoAxeViolations(page, `${label} (${width} px)`);
}

/** Opens the first thing (a case, a meeting) linked from a table on a list page. */
async function openFirstOfList(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.locator(`main table a[href^="${path}/"]`).first().click();
  await expect(page).not.toHaveURL(new RegExp(`${path}$`));
}

const PAGES: { label: string; open: (page: Page) => Promise<void> }[] = [
  { label: 'startpagina', open: (page) => page.goto('/').then(() => undefined) },
  { label: 'signalen', open: (page) => page.goto('/signalen').then(() => undefined) },
  { label: 'casussen', open: (page) => page.goto('/casussen').then(() => undefined) },
  { label: 'casuspagina', open: (page) => openFirstOfList(page, '/casussen') },
  { label: 'acties', open: (page) => page.goto('/acties').then(() => undefined) },
  { label: 'overleggen', open: (page) => page.goto('/overleggen').then(() => undefined) },
  { label: 'overlegpagina', open: (page) => openFirstOfList(page, '/overleggen') },
  { label: 'huisbezoeken', open: (page) => page.goto('/outreach').then(() => undefined) },
];

// One test a page, both widths in it: a login and a page load fewer (each axe scan takes seconds here).
for (const target of PAGES) {
  test(`${target.label} op 390 en 1280 px: geen cel smaller dan een woord, niets breder dan het scherm, axe schoon`, async ({
    page,
  }) => {
    await login(page, REGISSEUR_EMAIL);
    for (const size of WIDTHS) {
      await page.setViewportSize({ width: size.width, height: size.height });
      await target.open(page);
      await expectReadable(page, `${target.label} (${size.name})`, size.width);
    }
  });
}

test('op een telefoon is een signaal in de inbox een kaart met dezelfde gegevens en link', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await login(page, REGISSEUR_EMAIL);
  await page.goto('/signalen');
  const table = page.getByRole('table', { name: /Signalen/ });
  const first = table.getByRole('row').nth(1);
  // Still a table row with its cells for assistive technology, and each cell's header still known.
  await expect(first.getByRole('cell')).toHaveCount(6);
  await expect(table.getByRole('columnheader', { name: 'Status' })).toHaveCount(1);
  // On screen it is a card as wide as the content, with the link to the signal.
  const box = await first.boundingBox();
  expect(box?.width ?? 0).toBeGreaterThan(300);
  const link = first.getByRole('link').first();
  await expect(link).toBeVisible();
  const href = await link.getAttribute('href');
  await link.click();
  await expect(page).toHaveURL(href ?? /\/signalen\//);
});

test('op een telefoon vouwt het menu achter één knop en begint de pagina op het eerste scherm', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await login(page, REGISSEUR_EMAIL);
  const menu = page.getByRole('navigation', { name: 'Hoofdmenu' });
  const toggle = page.getByRole('button', { name: 'Menu', exact: true });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(menu.getByRole('link', { name: 'Casussen', exact: true })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Uitloggen' })).toBeHidden();
  // The bell stays in sight, and the page's heading is on the first screen.
  await expect(page.getByRole('link', { name: /^Notificaties/ })).toBeVisible();
  const heading = await page.getByRole('heading', { level: 1 }).boundingBox();
  expect(heading?.y ?? 1_000).toBeLessThan(844 / 2);

  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('button', { name: 'Uitloggen' })).toBeVisible();
  await expectNoAxeViolations(page, 'telefoonmenu open');
  await menu.getByRole('link', { name: 'Casussen', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Casussen' })).toBeFocused();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(menu.getByRole('link', { name: 'Casussen', exact: true })).toBeHidden();

  // From 640 px on the menu shows as it is, without the button.
  await page.setViewportSize({ width: 1280, height: 900 });
  await expect(toggle).toBeHidden();
  await expect(menu.getByRole('link', { name: 'Casussen', exact: true })).toBeVisible();
});
