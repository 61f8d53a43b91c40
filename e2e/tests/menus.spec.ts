import { expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations } from '../axe.ts';
import { login } from '../helpers.ts';

/**
 * Issue 11, fault 3: the admin and the privacy officer saw Signalen and Overleggen and got "geen toegang";
 * the wijkagent saw the creditor Import tab. For every kind of demo user: every item of the main menu and
 * every tab of a sub-menu opens a page they may use.
 */

const demo = (local: string) => `${local}@voorbeeldstad.example`;

const ROLES: { who: string; email: string; sees: string[]; notSees: string[] }[] = [
  {
    who: 'regisseur',
    email: demo('regisseur'),
    sees: [
      'Signalen',
      'Personen',
      'Casussen',
      'Overleggen',
      'Acties',
      'Resultaten',
      'Audit',
      'Sociale kaart',
      'Beheer',
    ],
    notSees: [],
  },
  {
    who: 'professional van het wijkteam',
    email: demo('wijkteam'),
    sees: ['Signalen', 'Personen', 'Casussen', 'Overleggen', 'Acties', 'Beheer'],
    notSees: ['Audit', 'Resultaten'],
  },
  {
    who: 'wijkagent (politie)',
    email: demo('wijkagent'),
    sees: ['Signalen', 'Casussen', 'Overleggen', 'Acties', 'Sociale kaart'],
    notSees: ['Audit'],
  },
  {
    who: 'handhaver (huisbezoeken)',
    email: demo('handhaving'),
    sees: ['Signalen', 'Casussen', 'Acties'],
    notSees: ['Audit'],
  },
  {
    who: 'schuldhulpverlener',
    email: demo('schuldhulp'),
    sees: ['Signalen', 'Casussen'],
    notSees: ['Audit'],
  },
  {
    who: 'functioneel beheerder',
    email: demo('beheer'),
    sees: ['Sociale kaart', 'Beheer'],
    notSees: ['Signalen', 'Personen', 'Casussen', 'Overleggen', 'Acties', 'Audit'],
  },
  {
    who: 'privacyfunctionaris',
    email: demo('privacy'),
    sees: ['Audit', 'Sociale kaart', 'Beheer'],
    notSees: ['Signalen', 'Personen', 'Casussen', 'Overleggen', 'Acties'],
  },
];

const NO_ACCESS = /geen toegang/i;

/** The page has loaded and says nothing about missing access. */
async function expectUsable(page: Page, what: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 }), what).toBeVisible();
  await expect(page.locator('main [aria-busy="true"]')).toHaveCount(0);
  await expect(page.locator('main'), `${what} leidt niet naar "geen toegang"`).not.toContainText(NO_ACCESS);
  await expect(page.locator('main'), `${what}: de pagina kon laden`).not.toContainText(
    /kon(den)? niet worden geladen/,
  );
}

async function linksOf(page: Page, navName: RegExp | string): Promise<{ label: string; href: string }[]> {
  const nav = page.getByRole('navigation', { name: navName });
  if ((await nav.count()) === 0) return [];
  return nav
    .first()
    .getByRole('link')
    .evaluateAll((links) =>
      links.map((a) => ({ label: (a.textContent ?? '').trim(), href: a.getAttribute('href') ?? '' })),
    );
}

for (const role of ROLES) {
  test(`${role.who}: elk menu-item en elk tabblad opent een pagina die hij of zij mag gebruiken`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await login(page, role.email);
    const menu = await linksOf(page, 'Hoofdmenu');
    const labels = menu.map((m) => m.label);
    for (const item of role.sees) expect(labels, `${role.who} ziet ${item}`).toContain(item);
    for (const item of role.notSees) expect(labels, `${role.who} ziet ${item} niet`).not.toContain(item);

    const visited = new Set<string>();
    for (const item of menu) {
      await page.goto(item.href);
      await expectUsable(page, `${role.who}: menu ${item.label}`);
      visited.add(item.href);
      // The sub-menus of the section (Signalen, Beheer, the views of Acties).
      const tabs = [...(await linksOf(page, 'Signalen')), ...(await linksOf(page, 'Beheer'))];
      for (const tab of tabs) {
        if (visited.has(tab.href)) continue;
        visited.add(tab.href);
        await page.goto(tab.href);
        await expectUsable(page, `${role.who}: ${item.label} › ${tab.label}`);
      }
    }
  });
}

test('de wijkagent ziet geen Import-tabblad; via het adres hoort hij waarom, zonder formulier', async ({
  page,
}) => {
  await login(page, demo('wijkagent'));
  await page.goto('/signalen');
  const tabs = page.getByRole('navigation', { name: 'Signalen' });
  await expect(tabs.getByRole('link', { name: 'Binnengekomen' })).toBeVisible();
  await expect(tabs.getByRole('link', { name: 'Import' })).toHaveCount(0);

  await page.goto('/signalen/import');
  const main = page.locator('main');
  await expect(main).toContainText('Alleen de gemeente, schuldhulpverlening en het wijkteam mogen');
  await expect(main.getByLabel(/bestand/i)).toHaveCount(0);
  await expectNoAxeViolations(page, 'import voor de wijkagent');
});

test('de schuldhulpverlener ziet het Import-tabblad en het formulier', async ({ page }) => {
  await login(page, demo('schuldhulp'));
  await page.goto('/signalen');
  await page.getByRole('navigation', { name: 'Signalen' }).getByRole('link', { name: 'Import' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('main')).not.toContainText(NO_ACCESS);
});

test('de functioneel beheerder die een casuspagina opent wordt niet naar zichzelf verwezen', async ({
  page,
}) => {
  await login(page, demo('beheer'));
  for (const path of ['/signalen', '/overleggen', '/casussen']) {
    await page.goto(path);
    const main = page.locator('main');
    await expect(main).toContainText(NO_ACCESS);
    await expect(main).toContainText('regisseur en professional');
    await expect(main).not.toContainText(/neem contact op met de functioneel beheerder/i);
    await expect(main).not.toContainText(/vraag .*functioneel beheerder/i);
  }
  await expectNoAxeViolations(page, 'geen toegang voor de beheerder');
});

test('de privacyfunctionaris krijgt op Signalen uitgelegd welke rollen er wel bij kunnen', async ({
  page,
}) => {
  await login(page, demo('privacy'));
  await page.goto('/signalen');
  const main = page.locator('main');
  await expect(main).toContainText('rollen regisseur en professional');
  await expect(main).toContainText('privacyfunctionaris');
  await expect(main.getByRole('link', { name: 'Naar het overzicht' })).toBeVisible();
});
