import { type APIRequestContext, type Browser, expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations } from '../axe.ts';
import {
  expectJson,
  login,
  type NamedPartner,
  openMenu,
  REGISSEUR_EMAIL,
  unique,
  WIJKAGENT_EMAIL,
} from '../helpers.ts';

// Every test makes the signals it needs (through the API or the UI); the demo data may have none.

const SCHULDHULP_EMAIL = 'schuldhulp@voorbeeldstad.example';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
/** A point in the buurt Binnenstad of the demo map. */
const BINNENSTAD = { lat: 52.1535, lng: 5.387 };

interface CreatedSignal {
  id: string;
  status: string;
}

async function newPage(browser: Browser, baseURL: string | undefined, viewport = DESKTOP): Promise<Page> {
  const context = await browser.newContext({
    ...(baseURL ? { baseURL } : {}),
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    viewport,
  });
  return context.newPage();
}

async function createSignal(
  api: APIRequestContext,
  street: string,
  description = unique('Zorgen om bewoner'),
) {
  return expectJson<CreatedSignal>(
    await api.post('/api/v1/signals', {
      data: {
        category: 'zorgen_persoon',
        description,
        source: 'professional',
        location: { street, houseNumber: '12', postalCode: '1234AB', city: 'Voorbeeldstad', ...BINNENSTAD },
      },
    }),
    201,
  );
}

function todayInAmsterdam(): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}

/** A creditor file: two good rows and, as line 3, a row with an unknown creditor type. */
function creditorCsv(tag: string): string {
  const header =
    'creditorType;creditorName;reference;signalDate;lastName;initials;birthDate;street;houseNumber;postalCode;city;arrearsAmount;arrearsSince;endOfSupply';
  const today = todayInAmsterdam();
  return [
    header,
    `energie;Energie Voorbeeld;${tag}-1;${today};Jansen;P.;1970-04-12;Kerkstraat;3;1234AB;Voorbeeldstad;412,50;2026-01-01;nee`,
    `telefoon;Bel Voorbeeld;${tag}-2;${today};Pietersen;K.;1980-02-03;Kerkstraat;5;1234AB;Voorbeeldstad;120;2026-01-01;nee`,
    `water;Water Voorbeeld;${tag}-3;${today};de Boer;A.B.;1965-11-30;Molenweg;8;1234AC;Voorbeeldstad;98.10;2025-12-01;ja`,
  ].join('\r\n');
}

async function expectNoHorizontalScroll(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, 'de pagina past in de breedte van de telefoon').toBeLessThanOrEqual(PHONE.width);
}

test.describe('Signalen', () => {
  test('een bewoner meldt, de regisseur neemt het in behandeling, de bewoner ziet het bericht', async ({
    page,
    browser,
    baseURL,
  }) => {
    // The resident: no login.
    const description = unique('Er staat al weken een kapotte auto met lekkende olie voor de school');
    await page.goto('/melden');
    await expect(page).toHaveTitle('Melding doen – Gemeente Voorbeeldstad');
    await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).toHaveCount(0);
    await expectNoAxeViolations(page, 'melden');
    // The honeypot is there for robots only: hidden from assistive technology and out of the tab order.
    const honeypot = page.locator('input[name="website"]');
    await expect(honeypot).toHaveAttribute('tabindex', '-1');
    await expect(honeypot).toHaveAttribute('autocomplete', 'off');

    await page.getByRole('button', { name: 'Melding versturen' }).click();
    await expect(page.getByLabel('Onderwerp')).toBeFocused();
    await expect(page.getByLabel('Onderwerp')).toHaveAccessibleDescription('Kies een onderwerp');
    await page.getByLabel('Onderwerp').selectOption({ label: 'Woonoverlast' });
    await page.getByLabel('Wat is er aan de hand?').fill(description);
    await page.getByLabel('Straat').fill('Schoolstraat');
    await page.getByLabel('Huisnummer').fill('4');
    await page.getByLabel('Plaats').fill('Voorbeeldstad');
    await page.getByRole('button', { name: 'Melding versturen' }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'Melding ontvangen' })).toBeFocused();
    const code = ((await page.locator('.wr-tracking-code').textContent()) ?? '').trim();
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    await expectNoAxeViolations(page, 'melden › ontvangen');
    await page.getByRole('link', { name: 'Volg uw melding' }).click();
    await expect(page).toHaveURL(new RegExp(`/melden/${code}$`));
    await expect(page.getByRole('heading', { level: 1, name: 'Stand van uw melding' })).toBeVisible();
    await expect(page.getByText('Ontvangen', { exact: true })).toBeVisible();
    await expectNoAxeViolations(page, 'melden › stand');

    // The regisseur finds it in the inbox and takes it in behandeling with a message for the resident.
    const staff = await newPage(browser, baseURL);
    await login(staff, REGISSEUR_EMAIL);
    await openMenu(staff, 'Signalen');
    await expect(staff.getByRole('heading', { level: 1, name: 'Signalen' })).toBeVisible();
    // The inbox's own filter, not the search in the header.
    const filters = staff.getByRole('search', { name: 'Signalen filteren' });
    await filters.getByLabel('Zoeken').fill(description);
    await filters.getByLabel('Bron').selectOption({ label: 'Bewoner' });
    await filters.getByRole('button', { name: 'Filteren' }).click();
    await expect(staff).toHaveURL(/bron=resident/);
    const table = staff.getByRole('table', { name: /^Signalen \(1\), gefilterd/ });
    await expect(table).toBeVisible();
    // The export carries exactly these filters.
    const exportLink = staff.getByRole('link', { name: /^Exporteer CSV/ });
    const href = (await exportLink.getAttribute('href')) ?? '';
    const exportUrl = new URL(href, 'http://x');
    expect(exportUrl.pathname).toBe('/api/v1/signals/export');
    expect(exportUrl.searchParams.get('source')).toBe('resident');
    expect(exportUrl.searchParams.get('q')).toBe(description);
    expect(exportUrl.searchParams.get('open')).toBe('true');
    const csv = await staff.request.get(href);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toContain('text/csv');
    const csvText = await csv.text();
    expect(csvText).toContain(description);
    expect(csvText.trim().split('\n')).toHaveLength(2);

    await table.getByRole('link').first().click();
    await expect(staff.getByRole('heading', { level: 1, name: 'Signaal: Woonoverlast' })).toBeFocused();
    await expect(staff.getByText('Waarom hier gerouteerd')).toBeVisible();
    await expect(staff.getByText('Eerste contact uiterlijk')).toBeVisible();
    await expectNoAxeViolations(staff, 'signaal');

    const statusForm = staff.getByRole('form', { name: 'Status en bericht voor de melder' });
    // Only the steps that are allowed from "Nieuw" are offered.
    await expect(statusForm.getByLabel('Nieuwe status').locator('option')).toHaveText([
      'Status niet wijzigen',
      'In behandeling',
      'Huisbezoek gepland',
      'Contact gelegd',
      'Doorverwezen',
      'Afgehandeld',
    ]);
    const update = unique('We kijken ernaar en nemen contact op met de eigenaar');
    await statusForm.getByLabel('Nieuwe status').selectOption({ label: 'In behandeling' });
    await statusForm.getByLabel('Bericht voor de melder (niet verplicht)').fill(update);
    await statusForm.getByRole('button', { name: 'Status wijzigen' }).click();
    await expect(staff.getByRole('status').filter({ hasText: 'In behandeling' })).toBeVisible();
    await expect(staff.getByText(`Bericht voor de melder: ${update}`)).toBeVisible();
    await expect(staff.getByText('Status: Nieuw → In behandeling.')).toBeVisible();

    // The resident sees the message and the state in plain words, and no names.
    const names = await expectJson<{ items: NamedPartner[] }>(
      await staff.request.get('/api/v1/partners'),
      200,
    );
    const me = await expectJson<{ user: { name: string } }>(await staff.request.get('/api/v1/session'), 200);
    await staff.context().close();
    await page.reload();
    const main = page.getByRole('main');
    await expect(main.getByText(update)).toBeVisible();
    await expect(main.getByText('In behandeling', { exact: true })).toBeVisible();
    const text = (await main.textContent()) ?? '';
    expect(text).not.toContain(me.user.name);
    for (const partner of names.items) expect(text, partner.name).not.toContain(partner.name);
  });

  test('een onbekende code geeft een duidelijke melding', async ({ page }) => {
    await page.goto('/melden/ABCD-EFGH-JKLM');
    await expect(page.getByRole('alert')).toContainText('Er is geen melding met deze code.');
  });

  test('vroegsignalen importeren: aantallen en afgewezen regels; de politie mag het niet', async ({
    page,
    browser,
    baseURL,
  }) => {
    await login(page, SCHULDHULP_EMAIL);
    await openMenu(page, 'Signalen');
    await page.getByRole('navigation', { name: 'Signalen' }).getByRole('link', { name: 'Import' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Vroegsignalen importeren' })).toBeFocused();
    await expect(page.getByRole('table', { name: 'Kolommen van het bestand' })).toContainText('endOfSupply');
    await expectNoAxeViolations(page, 'import');

    await page.getByRole('button', { name: 'Importeren' }).click();
    await expect(page.getByText('Kies een CSV-bestand')).toBeVisible();
    const file = {
      name: 'vroegsignalen.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(creditorCsv(unique('ref').replace(' ', '-'))),
    };
    await page.getByLabel('CSV-bestand').setInputFiles(file);
    await page.getByRole('button', { name: 'Importeren' }).click();

    const result = page.getByRole('region', { name: 'Resultaat van de import' });
    await expect(result.getByRole('heading', { name: 'Resultaat van de import' })).toBeFocused();
    await expect(result).toContainText('Geïmporteerd: 2 signalen');
    await expect(result).toContainText('Afgewezen: 1 regel');
    const rejected = result.getByRole('table', { name: 'Afgewezen regels' });
    await expect(rejected.getByRole('row')).toHaveCount(2);
    await expect(rejected.getByRole('cell').first()).toHaveText('3');
    await expect(rejected.getByRole('cell').nth(1)).toContainText('creditorType');
    await expectNoAxeViolations(page, 'import › resultaat');

    // The same file again: duplicates, nothing new.
    await page.getByLabel('CSV-bestand').setInputFiles(file);
    await page.getByRole('button', { name: 'Importeren' }).click();
    await expect(result).toContainText('Geïmporteerd: 0 signalen');
    await expect(result).toContainText('Dubbel (al bekend): 2');

    // The police officer is told on the page that he may not, and gets no form to upload with.
    const police = await newPage(browser, baseURL);
    await login(police, WIJKAGENT_EMAIL);
    await police.goto('/signalen/import');
    await expect(police.locator('main')).toContainText(
      'Alleen de gemeente, schuldhulpverlening en het wijkteam mogen signalen van schuldeisers inlezen.',
    );
    await expect(police.getByLabel('CSV-bestand')).toHaveCount(0);
    await expect(police.getByRole('button', { name: 'Importeren' })).toHaveCount(0);
    await police.context().close();
  });

  test('huisbezoek plannen en de uitkomst vastleggen op een telefoon', async ({ page }) => {
    await page.setViewportSize(PHONE);
    await login(page, REGISSEUR_EMAIL);
    const street = unique('Bezoekstraat');
    const signal = await createSignal(page.request, street);
    const me = await expectJson<{ user: { name: string } }>(await page.request.get('/api/v1/session'), 200);

    await page.goto(`/signalen/${signal.id}`);
    const plan = page.getByRole('form', { name: 'Huisbezoek plannen' });
    await expect(plan.getByLabel('Datum')).toHaveValue(todayInAmsterdam());
    await plan.getByLabel('Bezoeker (niet verplicht)').selectOption({ label: me.user.name });
    await plan.getByRole('button', { name: 'Huisbezoek plannen' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Het huisbezoek is gepland.' })).toBeVisible();
    await expect(page.getByRole('table', { name: /^Huisbezoeken \(1\)/ })).toContainText(
      'Nog niet vastgelegd',
    );

    await page.goto('/outreach');
    await expect(page.getByRole('heading', { level: 1, name: 'Huisbezoeken' })).toBeVisible();
    const card = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: new RegExp(street) }) });
    await expect(card).toContainText('Zorgen over een persoon');
    await expect(card).toContainText('Geen eerdere pogingen');
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page, 'outreach (390px)');

    await card.getByRole('button', { name: 'Uitkomst opslaan' }).click();
    await expect(card.getByText('Kies de uitkomst van het bezoek')).toBeVisible();
    await card.getByRole('radio', { name: 'Doorverwezen' }).check();
    await card.getByRole('button', { name: 'Uitkomst opslaan' }).click();
    await expect(card.getByText('Kies naar welke partner')).toBeVisible();
    await card.getByLabel('Doorverwezen naar').selectOption({ label: 'Schuldhulpverlening Voorbeeldstad' });
    await card.getByLabel('Vervolgstap (niet verplicht)').fill('Intake bij schuldhulp');
    await card.getByRole('button', { name: 'Uitkomst opslaan' }).click();
    await expect(card.getByRole('status')).toContainText('Uitkomst vastgelegd');
    await expect(card).toContainText(
      'Doorverwezen naar Schuldhulpverlening Voorbeeldstad. Vervolg: Intake bij schuldhulp',
    );
    await expect(card.getByRole('button', { name: 'Uitkomst opslaan' })).toHaveCount(0);
    await expectNoAxeViolations(page, 'outreach na uitkomst (390px)');

    // The attempt is history of the signal.
    await page.goto(`/signalen/${signal.id}`);
    await expect(page.getByRole('table', { name: /^Huisbezoeken \(1\)/ })).toContainText(
      'Doorverwezen naar Schuldhulpverlening Voorbeeldstad',
    );
    await expect(page.getByText('Huisbezoek: Doorverwezen.')).toBeVisible();
  });

  test('de monitor toont de trechter als tabel en als CSV', async ({ page }) => {
    await login(page, REGISSEUR_EMAIL);
    const answer = await page.request.post('/api/v1/signals/import', {
      headers: { 'Content-Type': 'text/csv' },
      data: creditorCsv(unique('mon').replace(' ', '-')),
    });
    expect(answer.status(), await answer.text()).toBe(200);

    await page.goto('/signalen/monitor');
    await expect(page.getByRole('heading', { level: 1, name: 'Monitor vroegsignalering' })).toBeVisible();
    const table = page.getByRole('table', { name: 'Trechter per maand en soort schuldeiser' });
    await expect(table.getByRole('columnheader', { name: 'Hulp geaccepteerd' })).toBeVisible();
    await expect(table.getByRole('row').filter({ hasText: 'Energie' }).first()).toBeVisible();
    await expect(page.getByRole('img', { name: /^Staafdiagram/ })).toBeVisible();
    const link = page.getByRole('link', { name: 'Exporteer CSV van de monitor' });
    const href = (await link.getAttribute('href')) ?? '';
    expect(href).toContain('format=csv');
    const csv = await page.request.get(href);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toContain('text/csv');
    expect(await csv.text()).toContain('maand;schuldeiser;signalen');
    await expectNoAxeViolations(page, 'monitor');
    await page.setViewportSize(PHONE);
    await expectNoAxeViolations(page, 'monitor (390px)');
  });

  test('een signaal melden met het formulier, met een speld op de kaart', async ({ page }) => {
    await login(page, REGISSEUR_EMAIL);
    await openMenu(page, 'Signalen');
    await page.getByRole('link', { name: 'Nieuw signaal', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Nieuw signaal' })).toBeFocused();
    const map = page.getByRole('img', { name: /^Kaart van de buurten/ });
    await expect(map).toBeVisible();
    await expectNoAxeViolations(page, 'nieuw signaal');

    await page.getByRole('button', { name: 'Signaal melden' }).click();
    await expect(page.getByLabel('Categorie')).toBeFocused();
    const description = unique('Jongeren hangen elke avond rond bij het speelveld');
    await page.getByLabel('Categorie').selectOption({ label: 'Overlast jeugd' });
    await page.getByLabel('Omschrijving').fill(description);
    await page.getByLabel('Straat').fill('Speelveldweg');
    await page.getByLabel('Postcode').fill('1234 ab');
    // A click in the middle of the map places the pin.
    await map.click();
    await expect(page.getByText(/^Speld: /)).toBeVisible();
    await expect(map).toHaveAccessibleName(/De speld staat in /);
    await page.getByRole('button', { name: 'Signaal melden' }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'Signaal: Overlast jeugd' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Het signaal is gemeld.' })).toBeVisible();
    await expect(page.getByText(description)).toBeVisible();
    await expect(page.getByText('Speelveldweg, 1234 AB')).toBeVisible();
  });

  test('routeringsregels toevoegen en verwijderen', async ({ page }) => {
    await login(page, REGISSEUR_EMAIL);
    await page.goto('/beheer/routering');
    await expect(page.getByRole('heading', { level: 1, name: 'Routering' })).toBeVisible();
    await expect(
      page.getByRole('navigation', { name: 'Beheer' }).getByRole('link', { name: 'Routering' }),
    ).toHaveAttribute('aria-current', 'page');
    await expectNoAxeViolations(page, 'beheer › routering');
    const form = page.getByRole('form', { name: 'Regel toevoegen' });
    await form.getByLabel('Categorie').selectOption({ label: 'Ondermijning: leegstand' });
    await form.getByLabel('Gebied').selectOption({ label: 'Oosterhof' });
    await form.getByLabel('Partner').selectOption({ label: 'Handhaving Voorbeeldstad' });
    await form.getByRole('button', { name: 'Regel toevoegen' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'is toegevoegd' })).toBeVisible();
    const row = page
      .getByRole('row')
      .filter({ hasText: 'Ondermijning: leegstand' })
      .filter({ hasText: 'Oosterhof' });
    await expect(row).toContainText('Handhaving Voorbeeldstad');

    // A signal with a pin in Oosterhof goes to Handhaving, and says why.
    const created = await expectJson<{ routedPartnerId: string | null; routingReason: string | null }>(
      await page.request.post('/api/v1/signals', {
        data: {
          category: 'ondermijning_leegstand',
          description: unique('Pand staat leeg, ramen dichtgeplakt'),
          source: 'professional',
          location: { lat: 52.1425, lng: 5.423 },
        },
      }),
      201,
    );
    expect(created.routingReason ?? '').toContain('Handhaving Voorbeeldstad');

    await row.getByRole('button', { name: /^Verwijderen/ }).click();
    await expect(page.getByRole('status').filter({ hasText: 'is verwijderd' })).toBeVisible();
    await expect(row).toHaveCount(0);
  });

  // One test per page and width: each stays far from the time limit, and a failure names its page.
  const AXE_PAGES: [string, string][] = [
    ['/signalen', 'Signalen'],
    ['/signalen/nieuw', 'Nieuw signaal'],
    ['signal', 'Signaal: Zorgen over een persoon'],
    ['/signalen/import', 'Vroegsignalen importeren'],
    ['/signalen/monitor', 'Monitor vroegsignalering'],
    ['/outreach', 'Huisbezoeken'],
    ['/beheer/routering', 'Routering'],
    ['/melden', 'Melding doen'],
  ];
  for (const viewport of [DESKTOP, PHONE]) {
    for (const [target, heading] of AXE_PAGES) {
      test(`axe op ${target === 'signal' ? 'een signaal' : target} (${viewport.width} pixels breed)`, async ({
        page,
      }) => {
        await login(page, REGISSEUR_EMAIL);
        let path = target;
        if (target === 'signal') {
          const signal = await createSignal(page.request, unique('Axestraat'));
          await page.request.post(`/api/v1/signals/${signal.id}/visits`, {
            data: { plannedDate: todayInAmsterdam() },
          });
          path = `/signalen/${signal.id}`;
        }
        await page.setViewportSize(viewport);
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
        // Wait until the page's data has arrived.
        await expect(page.getByText(/wordt geladen|worden geladen/)).toHaveCount(0);
        await expectNoAxeViolations(page, `${path} (${viewport.width}px)`);
        if (viewport === PHONE) await expectNoHorizontalScroll(page);
      });
    }
  }
});
