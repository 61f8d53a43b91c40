import { type APIRequestContext, type APIResponse, expect, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe.ts';

export const DEMO_PASSWORD = 'Wijkregie-demo-2026';
export const ADMIN_EMAIL = 'beheer@voorbeeldstad.example';
export const REGISSEUR_EMAIL = 'regisseur@voorbeeldstad.example';

/**
 * Signs in through the API (the page's own cookie jar, so the browser is signed in too) and opens the
 * start page. The login form itself is walked by login.spec.ts and logout.spec.ts; every other test
 * saves the extra page load of the form (about two seconds each in CI's Chromium).
 */
export async function login(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await expectJson(await page.request.post('/api/v1/session', { data: { email, password } }), 200);
  await page.goto('/');
  await expect(page).not.toHaveURL(/\/login/);
  await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).toBeAttached();
}

/** Logs in through the login form and waits for the application shell. */
export async function loginWithForm(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  // The shell is there; on a phone its menu is folded away (attached, not visible).
  await expect(page).not.toHaveURL(/\/login/);
  await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).toBeAttached();
}

/** Opens a page through the main menu and waits for its heading. */
export async function openMenu(page: Page, name: string): Promise<void> {
  await unfoldPhoneMenu(page);
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name, exact: true }).click();
}

/** On a phone the menu and the account links are folded behind the button "Menu": unfold them. */
export async function unfoldPhoneMenu(page: Page): Promise<void> {
  const toggle = page.getByRole('button', { name: 'Menu', exact: true });
  if ((await toggle.isVisible()) && (await toggle.getAttribute('aria-expanded')) === 'false') {
    await toggle.click();
  }
}

/** A name nobody else uses, so the tests can run against a database that is not empty. */
export function unique(prefix: string): string {
  return `${prefix} ${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
}

export const WIJKAGENT_EMAIL = 'wijkagent@voorbeeldstad.example';
export const AUDITOR_EMAIL = 'privacy@voorbeeldstad.example';

/** The JSON body of an API answer, failing with the status and body when it is not the expected status. */
export async function expectJson<T>(response: APIResponse, status: number): Promise<T> {
  const text = await response.text();
  expect(response.status(), `${response.url()} answered ${response.status()}: ${text}`).toBe(status);
  return JSON.parse(text) as T;
}

/** An API client signed in as the given user (its own cookie jar, apart from the page's). */
export async function apiAs(
  playwright: { request: { newContext: (options: { baseURL?: string }) => Promise<APIRequestContext> } },
  baseURL: string | undefined,
  email: string,
  password = DEMO_PASSWORD,
): Promise<APIRequestContext> {
  const api = await playwright.request.newContext(baseURL ? { baseURL } : {});
  await expectJson(await api.post('/api/v1/session', { data: { email, password } }), 200);
  return api;
}

export interface NamedPartner {
  id: string;
  name: string;
  kind: string;
}

/** Sets a partner's whole row of the authorisation matrix: the given categories, `none` for the rest. */
export async function setMatrixRow(
  api: APIRequestContext,
  partnerKind: string,
  access: Record<string, 'read' | 'write'>,
): Promise<NamedPartner> {
  const partners = await expectJson<{ items: NamedPartner[] }>(await api.get('/api/v1/partners'), 200);
  const partner = partners.items.find((p) => p.kind === partnerKind);
  if (!partner) throw new Error(`No partner of kind ${partnerKind}`);
  const categories = await expectJson<{ items: { key: string }[] }>(await api.get('/api/v1/categories'), 200);
  const cells = categories.items.map((c) => ({
    partnerId: partner.id,
    category: c.key,
    access: access[c.key] ?? 'none',
  }));
  await expectJson(await api.put('/api/v1/access-matrix', { data: { cells } }), 200);
  return partner;
}

export interface NarrowCell {
  cell: string;
  word: string;
  wordWidth: number;
  cellWidth: number;
  lines: number;
}

/**
 * Measures, in the page, every visible table cell (td, th) in the main content — and every button and
 * menu link of the page, header included — against the words of its text: each word (a Range over it)
 * must lie on one line and fit in the element's content box. Cells of a visually hidden header row (the
 * card layout keeps it for screen readers) are not on screen and skipped. (At 390 px the header's
 * search button read "Zoek" / "en".)
 */
export async function narrowCells(page: Page): Promise<{ cells: number; narrow: NarrowCell[] }> {
  return page.evaluate(() => {
    const narrow: NarrowCell[] = [];
    let cells = 0;
    const measured = 'main td, main th, button, nav a';
    for (const cell of Array.from(document.querySelectorAll<HTMLElement>(measured))) {
      const box = cell.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1 || !cell.checkVisibility({ visibilityProperty: true })) continue;
      const group = cell.closest('thead');
      if (group && group.getBoundingClientRect().width <= 1) continue;
      if (cell.matches('td, th')) cells++;
      const style = getComputedStyle(cell);
      const contentLeft = box.left + Number.parseFloat(style.paddingLeft);
      const contentRight = box.right - Number.parseFloat(style.paddingRight);
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        if (node.parentElement?.closest('.wr-visually-hidden')) continue;
        // Words: runs without spaces; a hyphen or slash is a place where a line may break.
        for (const match of text.matchAll(/[^\s\-/]+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0);
          if (rects.length === 0) continue;
          const left = Math.min(...rects.map((r) => r.left));
          const right = Math.max(...rects.map((r) => r.right));
          const lines = new Set(rects.map((r) => Math.round(r.top))).size;
          if (lines > 1 || left < contentLeft - 1 || right > contentRight + 1) {
            narrow.push({
              cell: (cell.textContent ?? '').trim().slice(0, 60),
              word: match[0],
              wordWidth: Math.round(right - left),
              cellWidth: Math.round(contentRight - contentLeft),
              lines,
            });
          }
        }
      }
    }
    return { cells, narrow };
  });
}

/**
 * At 390 px: no table cell or button narrower than a word in it, nothing wider than the screen, axe clean.
 * `settled` waits for, and checks, what the page draws after its data has loaded (a map, a chart). The
 * viewport goes back to the desktop size afterwards.
 */
export async function expectReadableOnPhone(
  page: Page,
  label: string,
  settled?: (page: Page) => Promise<void>,
): Promise<void> {
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByText(/worden geladen|wordt geladen/)).toHaveCount(0);
  await settled?.(page);
  const { narrow } = await narrowCells(page);
  expect(narrow, `${label} (390 px): cellen smaller dan een woord`).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${label} (390 px): de pagina is breder dan het scherm`).toBeLessThanOrEqual(0);
  await expectNoAxeViolations(page, `${label} (390 px)`);
  await page.setViewportSize({ width: 1280, height: 900 });
}
