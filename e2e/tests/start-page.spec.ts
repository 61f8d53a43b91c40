import { expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations } from '../axe.ts';
import { AUDITOR_EMAIL, login, REGISSEUR_EMAIL, WIJKAGENT_EMAIL } from '../helpers.ts';

/**
 * Issue 11, point 1: the start page says what needs me — per role, as cards that stand side by side on
 * a desktop and stack on a phone, each with its counts, its first items and the way to the full list.
 */

const WIDTHS = [
  { name: 'telefoon', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 900 },
] as const;

const ROLES = [
  {
    label: 'regisseur',
    email: REGISSEUR_EMAIL,
    cards: [
      'Acties in de gemeente',
      'Signalen zonder eerste contact',
      'Overleggen de komende twee weken',
      'Gewijzigd sinds je laatste blik',
      'Ongelezen notificaties',
    ],
    absent: ['Mijn acties', 'Geweigerde toegang, afgelopen week', 'E-mail'],
    monitor: true,
  },
  {
    label: 'wijkagent (professional)',
    email: WIJKAGENT_EMAIL,
    cards: [
      'Mijn acties',
      'Signalen voor mijn organisatie',
      'Mijn overleggen de komende twee weken',
      'Gewijzigd sinds je laatste blik',
      'Ongelezen notificaties',
    ],
    absent: ['Acties in de gemeente', 'Geweigerde toegang, afgelopen week', 'E-mail'],
    monitor: false,
  },
] as const;

/** The cards of the start page: their boxes, and whether any text runs out of its card or a word breaks. */
async function layout(page: Page) {
  return page.evaluate(() => {
    const cards = Array.from(document.querySelectorAll<HTMLElement>('main .wr-overview__card'));
    const boxes = cards.map((c) => {
      const r = c.getBoundingClientRect();
      return { left: Math.round(r.left), top: Math.round(r.top), width: Math.round(r.width) };
    });
    const broken: string[] = [];
    for (const card of cards) {
      const box = card.getBoundingClientRect();
      const walker = document.createTreeWalker(card, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (const match of text.matchAll(/[^\s\-/]+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0);
          if (rects.length === 0) continue;
          const lines = new Set(rects.map((r) => Math.round(r.top))).size;
          const right = Math.max(...rects.map((r) => r.right));
          if (lines > 1 || right > box.right + 1) broken.push(match[0]);
        }
      }
    }
    return {
      boxes,
      broken,
      tables: document.querySelectorAll('main table').length,
      overflow: document.documentElement.scrollWidth - window.innerWidth,
      main: Math.round(document.querySelector('main')?.getBoundingClientRect().width ?? 0),
    };
  });
}

for (const size of WIDTHS) {
  test.describe(`Startpagina op ${size.name}breedte (${size.width} px)`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });

    for (const role of ROLES) {
      test(`${role.label}: wat aandacht vraagt, als kaarten, axe schoon`, async ({ page }) => {
        await login(page, role.email);
        await expect(page).toHaveTitle('Overzicht – Wijkregie');
        await expect(page.getByRole('heading', { level: 1, name: /^Welkom, / })).toBeVisible();
        await expect(page.getByText(/wordt geladen/)).toHaveCount(0);
        const main = page.getByRole('main');

        for (const title of role.cards) {
          const card = main.getByRole('region', { name: title, exact: true });
          await expect(card).toBeVisible();
          // Counts in words ("2 acties te laat", or "Je hebt alles gelezen."), and the way to the full list.
          await expect(card.locator('.wr-overview__summary')).toHaveText(/\d|alles gelezen/);
          await expect(card.getByRole('link').last()).toBeVisible();
        }
        for (const title of role.absent) {
          await expect(main.getByRole('region', { name: title, exact: true })).toHaveCount(0);
        }
        const monitor = main.getByRole('region', { name: /^Vroegsignalering in / });
        if (role.monitor) {
          await expect(monitor).toBeVisible();
          for (const figure of ['Signalen', 'Huishoudens bereikt', 'Contact gehad', 'Doorverwezen']) {
            await expect(monitor.getByRole('term').filter({ hasText: figure })).toBeVisible();
          }
        } else {
          await expect(monitor).toHaveCount(0);
        }
        // The demo's actions: every card's items are links into the app, or the card says there are none.
        const actions = main.getByRole('region', { name: role.cards[0], exact: true });
        await expect(actions.getByRole('list').or(actions.locator('.wr-overview__empty'))).toBeVisible();

        const l = await layout(page);
        expect(l.tables, 'de startpagina heeft geen tabellen (dus geen cel smaller dan een woord)').toBe(0);
        expect(l.broken, 'geen woord over twee regels of buiten zijn kaart').toEqual([]);
        expect(l.overflow, 'niets breder dan het scherm').toBeLessThanOrEqual(0);
        if (size.width < 640) {
          // Stacked: one card a row, each as wide as the others.
          expect(new Set(l.boxes.map((b) => b.left)).size).toBe(1);
          expect(new Set(l.boxes.map((b) => b.top)).size).toBe(l.boxes.length);
        } else {
          // Side by side: more than one card in the first row.
          const firstRow = l.boxes.filter((b) => b.top === l.boxes[0]?.top);
          expect(firstRow.length).toBeGreaterThan(1);
        }
        await expectNoAxeViolations(page, `startpagina ${role.label} (${size.width} px)`);

        // The way to the full list works.
        await actions.getByRole('link', { name: 'Alle acties' }).click();
        await expect(page).toHaveURL(/\/acties$/);
      });
    }
  });
}

test('de privacyfunctionaris ziet geweigerde toegang, geen casuswerk', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await login(page, AUDITOR_EMAIL);
  const main = page.getByRole('main');
  const audit = main.getByRole('region', { name: 'Geweigerde toegang, afgelopen week' });
  await expect(audit).toBeVisible();
  await expect(audit.getByRole('link', { name: 'Naar de auditlog' })).toBeVisible();
  for (const title of ['Mijn acties', 'Signalen voor mijn organisatie', 'Ongelezen notificaties']) {
    await expect(main.getByRole('region', { name: title })).toHaveCount(0);
  }
  await expectNoAxeViolations(page, 'startpagina privacyfunctionaris (390 px)');
});
