import { expect, type Locator, type Page, test } from '@playwright/test';
import { expectNoAxeViolations } from '../axe.ts';
import { ADMIN_EMAIL, apiAs, expectJson, login, REGISSEUR_EMAIL } from '../helpers.ts';

/**
 * Issue 11, sortable columns on every list: besides the cases and signals (search.spec.ts), the actions,
 * the meetings (coming and past each on their own), the persons and the households, the notifications,
 * the partners and the users sort on the server by a click on a column header. The choice is in the URL
 * (`sorteer`, `volgorde`, or with a prefix where a page has two lists), the header says how in
 * `aria-sort`, and the rows come in that order. At phone width the header row is hidden and the
 * "Sorteren" select does the same.
 */

type Compare = (a: string, b: string) => number;

/** Text the Dutch way, as a person reads a sorted list (case and accents aside). */
const dutch: Compare = (a, b) => a.localeCompare(b, 'nl', { sensitivity: 'base' });
/** ISO timestamps (the `datetime` of a `time`). */
const instants: Compare = (a, b) => Date.parse(a) - Date.parse(b);

/** The texts of one column (by its header, the cells' `data-label`) of a table. */
function texts(table: Locator, header: string): () => Promise<string[]> {
  return () =>
    table
      .locator(`tbody td[data-label="${header}"]`)
      .evaluateAll((cells) => cells.map((cell) => (cell.textContent ?? '').trim()));
}

/** The `datetime` of the `time` elements in one column. */
function times(table: Locator, header: string): () => Promise<string[]> {
  return () =>
    table
      .locator(`tbody td[data-label="${header}"] time`)
      .evaluateAll((cells) => cells.map((cell) => cell.getAttribute('datetime') ?? ''));
}

/**
 * Waits until the column's values are in the given order (the sorted page replaces the shown one once
 * it has loaded); more than one value, or the check says nothing. Values that are empty ('–') go last
 * whichever way and are left out of the comparison.
 */
async function expectOrdered(
  read: () => Promise<string[]>,
  compare: Compare,
  direction: 'ascending' | 'descending',
): Promise<void> {
  const sign = direction === 'ascending' ? 1 : -1;
  await expect
    .poll(
      async () => {
        const all = await read();
        const values = all.filter((v) => v !== '–' && v !== '');
        if (values.length < 2) return `te weinig waarden: ${all.join(' | ')}`;
        const blanks = all.slice(values.length);
        if (blanks.some((v) => v !== '–' && v !== ''))
          return `lege waarden niet achteraan: ${all.join(' | ')}`;
        const wrong = values.findIndex((v, i) => i > 0 && sign * compare(values[i - 1] ?? '', v) > 0);
        return wrong === -1 ? 'op volgorde' : `niet ${direction}: ${values.join(' | ')}`;
      },
      { timeout: 10_000 },
    )
    .toBe('op volgorde');
}

interface SortCheck {
  /** The table, found by the start of its caption (the end names the order). */
  table: Locator;
  /** The list's usual order, as the caption ends without a choice ("nieuwste eerst"). */
  usual: string;
  /** The header of the column to sort on. */
  header: string;
  /** The field the URL names (`sorteer=<field>`). */
  field: string;
  /** The prefix of the URL parameters where a page has two sortable lists (`komende-sorteer`). */
  prefix?: string;
  read: () => Promise<string[]>;
  compare: Compare;
}

/** Clicks the header: ascending (URL, aria-sort, rows), clicks again: descending. */
async function expectHeaderSorts(page: Page, check: SortCheck): Promise<void> {
  const { table, header, field, read, compare } = check;
  const p = check.prefix ? `${check.prefix}-` : '';
  const usual = new RegExp(`, ${check.usual}$`);
  await expect(table).toHaveAccessibleName(usual);
  const columnHeader = table.getByRole('columnheader', { name: header, exact: true });
  await expect(columnHeader).not.toHaveAttribute('aria-sort');

  await columnHeader.getByRole('button', { name: header, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]${p}sorteer=${field}&${p}volgorde=op`));
  await expect(columnHeader).toHaveAttribute('aria-sort', 'ascending');
  // Sorted, the caption no longer claims the usual order.
  await expect(table).not.toHaveAccessibleName(usual);
  await expectOrdered(read, compare, 'ascending');

  await columnHeader.getByRole('button', { name: header, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]${p}sorteer=${field}&${p}volgorde=af`));
  await expect(columnHeader).toHaveAttribute('aria-sort', 'descending');
  await expectOrdered(read, compare, 'descending');
  // One column at a time says how the list is sorted.
  await expect(table.locator('th[aria-sort]')).toHaveCount(1);
}

test.describe('sorteerbare lijsten (1280 px)', () => {
  test('acties: op titel', async ({ page, playwright, baseURL }) => {
    // The regisseur's organisation's actions, every status: enough rows to sort.
    const api = await apiAs(playwright, baseURL, REGISSEUR_EMAIL);
    const own = await expectJson<{ total: number }>(await api.get('/api/v1/actions?partner=true'), 200);
    expect(own.total, 'de gemeente heeft acties in de demo').toBeGreaterThan(1);
    await api.dispose();

    await login(page, REGISSEUR_EMAIL);
    await page.goto('/acties?weergave=organisatie&status=alle');
    const table = page.getByRole('table', { name: /^Mijn organisatie \(\d+\)/ });
    await expectHeaderSorts(page, {
      table,
      usual: 'vroegste termijn eerst',
      header: 'Actie',
      field: 'title',
      read: texts(table, 'Actie'),
      compare: dutch,
    });
    // Another view keeps the order.
    await page.getByRole('link', { name: 'Te laat' }).click();
    await expect(page).toHaveURL(/weergave=te-laat.*sorteer=title&volgorde=af/);
  });

  test('overleggen: komende op datum, los van de eerdere; axe schoon', async ({ page }) => {
    await login(page, REGISSEUR_EMAIL);
    await page.goto('/overleggen');
    const coming = page.getByRole('table', { name: /^Komende overleggen \(\d+\)/ });
    await expectHeaderSorts(page, {
      table: coming,
      usual: 'eerstvolgende eerst',
      header: 'Datum en tijd',
      prefix: 'komende',
      field: 'startsAt',
      read: times(coming, 'Datum en tijd'),
      compare: instants,
    });
    // The past meetings keep their own (usual) order.
    const past = page.getByRole('table', { name: /^Eerdere overleggen/ });
    await expect(past).toHaveAccessibleName(/meest recente eerst$/);
    await expect(past.locator('th[aria-sort]')).toHaveCount(0);
    expect(page.url()).not.toContain('eerdere-sorteer');
    await expectNoAxeViolations(page, 'overleggen gesorteerd');

    // A reload keeps the order.
    await page.reload();
    await expect(
      page
        .getByRole('table', { name: /^Komende overleggen/ })
        .getByRole('columnheader', { name: 'Datum en tijd', exact: true }),
    ).toHaveAttribute('aria-sort', 'descending');
  });

  test('personen en huishoudens: op postcode en op naam', async ({ page, playwright, baseURL }) => {
    // A surname that more than one person the regisseur may see has.
    const api = await apiAs(playwright, baseURL, REGISSEUR_EMAIL);
    const all = await expectJson<{ items: { lastName: string }[] }>(
      await api.get('/api/v1/persons?limit=100'),
      200,
    );
    await api.dispose();
    const counts = new Map<string, number>();
    for (const p of all.items) counts.set(p.lastName, (counts.get(p.lastName) ?? 0) + 1);
    const [surname] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? [];
    if (!surname || (counts.get(surname) ?? 0) < 2) throw new Error('the demo has no shared surname');

    await login(page, REGISSEUR_EMAIL);
    await page.goto(`/personen?q=${encodeURIComponent(surname)}`);
    const persons = page.getByRole('table', { name: /^Zoekresultaten voor / });
    await expectHeaderSorts(page, {
      table: persons,
      usual: 'beste overeenkomst eerst',
      header: 'Postcode',
      field: 'postalCode',
      read: texts(persons, 'Postcode'),
      compare: dutch,
    });

    // Households: every one the regisseur may see, then by name.
    const other = page.getByRole('region', { name: 'Huishoudens, groepen en locaties' });
    await other.getByLabel('Soort').selectOption({ label: 'Huishoudens' });
    await other.getByRole('button', { name: 'Zoeken' }).click();
    const households = other.getByRole('table', { name: /^Gevonden: huishoudens \(\d+\)/ });
    await expectHeaderSorts(page, {
      table: households,
      usual: 'op naam',
      header: 'Naam',
      prefix: 'overig',
      field: 'name',
      read: texts(households, 'Naam'),
      compare: dutch,
    });
    // The persons' order stayed as it was.
    await expect(page).toHaveURL(/[?&]sorteer=postalCode&volgorde=af/);
  });

  test('notificaties: op tijdstip', async ({ page }) => {
    await login(page, REGISSEUR_EMAIL);
    await page.goto('/notificaties');
    const table = page.getByRole('table', { name: /^Notificaties \(\d+\)/ });
    await expectHeaderSorts(page, {
      table,
      usual: 'nieuwste eerst',
      header: 'Tijdstip',
      field: 'createdAt',
      read: times(table, 'Tijdstip'),
      compare: instants,
    });
  });

  test('partners en gebruikers: op naam en op e-mailadres', async ({ page }) => {
    await login(page, ADMIN_EMAIL);
    await page.goto('/beheer/partners');
    const partners = page.getByRole('table', { name: /^Partners \(\d+\)/ });
    await expectHeaderSorts(page, {
      table: partners,
      usual: 'op naam gesorteerd',
      header: 'Naam',
      field: 'name',
      read: texts(partners, 'Naam'),
      compare: dutch,
    });

    await page.goto('/beheer/gebruikers');
    const users = page.getByRole('table', { name: /^Gebruikers \(\d+\)/ });
    await expectHeaderSorts(page, {
      table: users,
      usual: 'op naam gesorteerd',
      header: 'E-mailadres',
      field: 'email',
      read: texts(users, 'E-mailadres'),
      compare: dutch,
    });
  });
});

test.describe('sorteren op een telefoon (390 px)', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('gebruikers: de kolomkoppen zijn verborgen, de keuzelijst sorteert', async ({ page }) => {
    await login(page, ADMIN_EMAIL);
    await page.goto('/beheer/gebruikers');
    const users = page.getByRole('table', { name: /^Gebruikers/ });
    await expect(users).toBeVisible();
    await expect(users.getByRole('button', { name: 'Naam', exact: true })).toBeHidden();

    const select = page.getByLabel('Sorteren');
    await expect(select).toHaveValue('');
    await select.selectOption({ label: 'Naam (aflopend)' });
    await expect(page).toHaveURL(/[?&]sorteer=name&volgorde=af/);
    await expect(users.getByRole('columnheader', { name: 'Naam' })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    await expectOrdered(texts(users, 'Naam'), dutch, 'descending');

    await select.selectOption({ label: 'E-mailadres (oplopend)' });
    await expect(page).toHaveURL(/[?&]sorteer=email&volgorde=op/);
    await expectOrdered(texts(users, 'E-mailadres'), dutch, 'ascending');

    // Back to the usual order: nothing in the URL, the caption says which order that is.
    await select.selectOption({ label: 'Standaard (op naam)' });
    await expect(page).not.toHaveURL(/sorteer=/);
    await expect(page.getByRole('table', { name: /, op naam gesorteerd$/ })).toBeVisible();
    await expectOrdered(texts(users, 'Naam'), dutch, 'ascending');
  });

  test('overleggen: twee lijsten, twee keuzelijsten die elk hun lijst noemen', async ({ page }) => {
    await login(page, REGISSEUR_EMAIL);
    await page.goto('/overleggen');
    const coming = page.getByLabel('Sorteren: Komende overleggen', { exact: true });
    const past = page.getByLabel('Sorteren: Eerdere overleggen', { exact: true });
    await expect(coming).toHaveCount(1);
    await expect(past).toHaveCount(1);
    await coming.selectOption({ label: 'Overleg (oplopend)' });
    await expect(page).toHaveURL(/komende-sorteer=title/);
    await expect(past).toHaveValue('');
  });
});
