import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from '../axe.ts';
import { apiAs, expectJson, login, REGISSEUR_EMAIL } from '../helpers.ts';

/**
 * Issue 11, point 3: one search in the header (persons, cases, signals, meetings, locations) and
 * sortable columns. At phone and desktop width: the field is in the header, Enter opens the results
 * grouped by kind with links, the page is axe clean; the case list sorts by its headers (or, when the
 * rows are cards, by the Sorteren select).
 */

const WIDTHS = [
  { name: 'telefoon', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 900 },
] as const;

interface CasePage {
  items: { id: string; reference: string; title: string }[];
}

for (const size of WIDTHS) {
  test.describe(`zoeken op ${size.name} (${size.width} px)`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });

    test('de zoekbalk vindt een casus op kenmerk en opent hem', async ({ page, playwright, baseURL }) => {
      const api = await apiAs(playwright, baseURL, REGISSEUR_EMAIL);
      const [first] = (await expectJson<CasePage>(await api.get('/api/v1/cases?limit=1'), 200)).items;
      if (!first) throw new Error('the demo has no cases');
      await login(page, REGISSEUR_EMAIL);

      const search = page.getByRole('search', { name: 'Zoeken in Wijkregie' });
      const field = search.getByRole('searchbox', { name: 'Zoek op naam, kenmerk, titel of adres' });
      await expect(field).toBeVisible();
      await field.fill(first.reference);
      await field.press('Enter');

      await expect(page).toHaveURL(/\/zoeken\?q=/);
      await expect(page.getByRole('heading', { level: 1, name: 'Zoeken' })).toBeVisible();
      const cases = page.getByRole('region', { name: /^Casussen \(\d+\)$/ });
      const link = cases.getByRole('link', { name: `${first.reference} ${first.title}` });
      await expect(link).toBeVisible();
      await expect(field).toHaveValue(first.reference);
      await expectNoAxeViolations(page, `zoekresultaten ${size.name}`);
      // Nothing on the results page is wider than the screen.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);

      await link.click();
      await expect(page).toHaveURL(new RegExp(`/casussen/${first.id}$`));
      await api.dispose();
    });

    test('te weinig tekens en niets gevonden zeggen wat er is', async ({ page }) => {
      await login(page, REGISSEUR_EMAIL);
      await page.goto('/zoeken?q=x');
      await expect(page.getByText('Typ in het zoekveld bovenaan minstens 2 tekens')).toBeVisible();
      await page.goto('/zoeken?q=zzqqxxyy');
      await expect(
        page.getByRole('status').filter({ hasText: 'Niets gevonden voor “zzqqxxyy”' }),
      ).toBeVisible();
      await expectNoAxeViolations(page, `niets gevonden ${size.name}`);
    });

    test('de casuslijst sorteert op titel', async ({ page }) => {
      await login(page, REGISSEUR_EMAIL);
      await page.goto('/casussen');
      const table = page.getByRole('table', { name: /^Casussen/ });
      await expect(table).toBeVisible();
      if (size.width >= 1280) {
        await table.getByRole('button', { name: 'Titel' }).click();
        await expect(table.getByRole('columnheader', { name: 'Titel' })).toHaveAttribute(
          'aria-sort',
          'ascending',
        );
        await table.getByRole('button', { name: 'Titel' }).click();
        await expect(table.getByRole('columnheader', { name: 'Titel' })).toHaveAttribute(
          'aria-sort',
          'descending',
        );
      } else {
        await page.getByLabel('Sorteren').selectOption({ label: 'Titel (aflopend)' });
      }
      await expect(page).toHaveURL(/sorteer=title&volgorde=af/);
      // The sorted page replaces the first one once it is loaded: wait until the titles descend (compared on
      // the first letter, which every collation orders alike).
      const initials = () =>
        page.evaluate(() =>
          Array.from(document.querySelectorAll('main tbody tr')).map((tr) =>
            (tr.querySelectorAll('td')[1]?.textContent?.trim() ?? '').charAt(0).toLowerCase(),
          ),
        );
      await expect
        .poll(async () => {
          const now = await initials();
          return now.length > 1 && now.join('') === [...now].sort().reverse().join('');
        })
        .toBe(true);
      await expectNoAxeViolations(page, `casussen gesorteerd ${size.name}`);
    });
  });
}
