import fs from 'node:fs';
import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations } from '../axe.ts';
import { apiAs, expectJson, expectReadableOnPhone, login, openMenu, REGISSEUR_EMAIL } from '../helpers.ts';

/**
 * Issue 13, the neighbourhood picture in the browser: Wijkbeeld from the menu, the Leaflet map (the
 * buurten, the chosen area, the hotspots; no background map unless one is configured), the period in the
 * URL changing the numbers, the tables with "<5" for small counts about people, the CSV, axe, and 390 px.
 * The incidents are made through the API; the numbers the page must show are read from the API too, so
 * the test holds on a database other tests also write to.
 */

interface Area {
  id: string;
  kind: 'wijk' | 'buurt';
  name: string;
  parentId: string | null;
  geometry: { type: string; coordinates: number[][][] };
}

interface Picture {
  from: string;
  to: string;
  months: {
    month: string;
    incidents: number;
    signals: number | null;
    casesOpened: number | null;
    casesClosed: number | null;
  }[];
  buurten: {
    id: string;
    name: string;
    incidents: number;
    signals: number | null;
    openCases: number | null;
  }[];
  hotspots: { lat: number; lng: number; count: number }[];
}

function daysAgo(n: number): Date {
  return new Date(Date.now() - n * 24 * 3600 * 1000);
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** The demo's first wijk (the page's default) and its first buurt, with a point in that buurt's middle. */
async function demoBuurt(
  api: APIRequestContext,
): Promise<{ wijk: Area; buurt: Area; lat: number; lng: number }> {
  const areas = await expectJson<{ items: Area[] }>(await api.get('/api/v1/areas'), 200);
  const wijk = areas.items.find((a) => a.kind === 'wijk');
  const buurt = areas.items.find((a) => a.kind === 'buurt' && a.parentId === wijk?.id);
  if (!wijk || !buurt) throw new Error('The demo has no wijk with a buurt');
  // The demo's buurten are convex four-sided cells: the mean of the corners lies inside.
  const ring = (buurt.geometry.coordinates[0] ?? []).slice(0, -1);
  const lng = ring.reduce((n, p) => n + (p[0] ?? 0), 0) / ring.length;
  const lat = ring.reduce((n, p) => n + (p[1] ?? 0), 0) / ring.length;
  return { wijk, buurt, lat, lng };
}

async function addIncidents(api: APIRequestContext, at: Date, lat: number, lng: number, n: number) {
  for (let i = 0; i < n; i++) {
    await expectJson(
      await api.post('/api/v1/incidents', {
        data: {
          category: 'overlast_jeugd',
          occurredAt: new Date(at.getTime() + i * 60_000).toISOString(),
          // A few metres apart: one hotspot.
          lat: lat + i * 0.00005,
          lng: lng + i * 0.00005,
          source: 'politie',
        },
      }),
      201,
    );
  }
}

async function pictureOf(api: APIRequestContext, areaId: string, period = ''): Promise<Picture> {
  return expectJson<Picture>(await api.get(`/api/v1/areas/${areaId}/picture${period}`), 200);
}

const monthName = (month: string) =>
  new Intl.DateTimeFormat('nl-NL', { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(
    new Date(`${month}-01T00:00:00Z`),
  );

const count = (n: number | null) => (n === null ? '<5' : n.toLocaleString('nl-NL'));

/** The map is drawn, and fits on the phone's screen. */
async function mapFitsPhone(page: Page): Promise<void> {
  await expect(page.locator('.wr-leaflet-map path.wr-leaflet-buurt').first()).toBeAttached();
  const map = await page.locator('.wr-leaflet-map').boundingBox();
  expect(map?.width ?? 0, 'wijkbeeld (390 px): de kaart past op het scherm').toBeLessThanOrEqual(390);
}

test('een regisseur bekijkt het wijkbeeld: kaart, periode in het adres, tabellen met <5, CSV, ook op 390 px', async ({
  page,
  playwright,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const regisseur = await apiAs(playwright, baseURL, REGISSEUR_EMAIL);
  const { wijk, buurt, lat, lng } = await demoBuurt(regisseur);
  // Three incidents last week, two some three months ago: a later "Vanaf" leaves the older two out.
  await addIncidents(regisseur, daysAgo(5), lat, lng, 3);
  await addIncidents(regisseur, daysAgo(100), lat, lng, 2);
  const all = await pictureOf(regisseur, wijk.id);
  const allRow = all.buurten.find((b) => b.id === buurt.id);
  expect(allRow?.incidents ?? 0).toBeGreaterThanOrEqual(5);

  await login(page, REGISSEUR_EMAIL);
  await openMenu(page, 'Wijkbeeld');
  await expect(page).toHaveURL(/\/wijkbeeld$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Wijkbeeld' })).toBeVisible();
  await expect(page).toHaveTitle('Wijkbeeld – Wijkregie');
  // The first wijk and the API's twelve months are chosen.
  await expect(page.getByLabel('Wijk of buurt')).toHaveValue(wijk.id);
  await expect(page.getByLabel('Vanaf')).toHaveValue(all.from);
  await expect(page.getByLabel('Tot en met')).toHaveValue(all.to);

  // The map: Leaflet, the municipality's buurten as paths, the wijk outlined, the hotspots as circles.
  const map = page.getByRole('region', { name: `Kaart van ${wijk.name}` });
  await expect(map).toBeVisible();
  await expect(map).toHaveClass(/leaflet-container/);
  const buurten = (
    await expectJson<{ items: Area[] }>(await regisseur.get('/api/v1/areas'), 200)
  ).items.filter((a) => a.kind === 'buurt');
  await expect(map.locator('path.wr-leaflet-buurt')).toHaveCount(buurten.length);
  await expect(map.locator('path.wr-leaflet-area')).toHaveCount(1);
  await expect(map.locator('path.wr-leaflet-hotspot')).toHaveCount(all.hotspots.length);
  expect(all.hotspots.length).toBeGreaterThanOrEqual(1);
  await expect(map.locator('.wr-leaflet-label', { hasText: buurt.name })).toBeVisible();
  // Beside it, in words: the summary and the legend.
  await expect(page.locator('#wijkbeeld-kaart-samenvatting')).toContainText(
    'Alle cijfers staan in de tabellen',
  );
  await expect(page.getByRole('list', { name: 'Legenda van de kaart' })).toContainText('brandpunt');

  // The buurten table shows the API's numbers, "<5" for a withheld count.
  const buurtTable = page.getByRole('table', { name: /^Per buurt/ });
  for (const b of all.buurten) {
    const row = buurtTable.getByRole('row', { name: new RegExp(`^${b.name}\\b`) });
    await expect(row.getByRole('cell')).toHaveText([
      b.name,
      count(b.incidents),
      count(b.signals),
      count(b.openCases),
    ]);
  }
  const monthTable = page.getByRole('table', { name: /^Per maand/ });
  await expect(monthTable.getByRole('row')).toHaveCount(all.months.length + 1);
  for (const m of all.months) {
    await expect(
      monthTable.getByRole('row', { name: new RegExp(`^${monthName(m.month)}\\b`) }).getByRole('cell'),
    ).toHaveText([
      monthName(m.month),
      count(m.incidents),
      count(m.signals),
      count(m.casesOpened),
      count(m.casesClosed),
    ]);
  }
  // Small counts about people are there, and they read "<5".
  const withheld =
    all.months.filter((m) => m.signals === null).length +
    all.buurten.filter((b) => b.signals === null || b.openCases === null).length;
  expect(withheld, 'het beeld heeft aantallen onder de vijf').toBeGreaterThan(0);
  await expect(page.locator('main td', { hasText: /^<5$/ }).first()).toBeVisible();
  await expect(page.getByRole('table', { name: 'Incidenten per soort in de periode' })).toContainText(
    'Overlast jeugd',
  );
  await expect(page.getByRole('img', { name: /Lijndiagram: incidenten, signalen/ })).toBeVisible();

  // The CSV of the buurten, made in the browser from the same numbers.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Exporteer CSV van de buurten' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^wijkbeeld-buurten-.*\.csv$/);
  const csv = fs.readFileSync(await download.path(), 'utf8');
  expect(csv.startsWith('\uFEFFBuurt;Incidenten;Signalen;Open casussen\r\n')).toBe(true);
  expect(csv).toContain(`\r\n${buurt.name};${allRow?.incidents};${count(allRow?.signals ?? null)};`);
  const [monthsDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Exporteer CSV van de maanden' }).click(),
  ]);
  const monthsCsv = fs.readFileSync(await monthsDownload.path(), 'utf8');
  expect(monthsCsv.split('\r\n').filter((l) => l.length > 0)).toHaveLength(all.months.length + 1);
  await expectNoAxeViolations(page, 'wijkbeeld');

  // A later start: the URL says so, and the older incidents drop out of the numbers.
  const from = isoDay(daysAgo(30));
  await page.getByLabel('Vanaf').fill(from);
  await page.getByRole('button', { name: 'Toon wijkbeeld' }).click();
  await expect(page).toHaveURL(new RegExp(`gebied=${wijk.id}&van=${from}&tot=${all.to}`));
  const recent = await pictureOf(regisseur, wijk.id, `?from=${from}&to=${all.to}`);
  const recentRow = recent.buurten.find((b) => b.id === buurt.id);
  expect(recentRow?.incidents).toBeLessThanOrEqual((allRow?.incidents ?? 0) - 2);
  await expect(
    buurtTable
      .getByRole('row', { name: new RegExp(`^${buurt.name}\\b`) })
      .getByRole('cell')
      .nth(1),
  ).toHaveText(count(recentRow?.incidents ?? 0));
  await expect(monthTable.getByRole('row')).toHaveCount(recent.months.length + 1);
  await expect(page.getByText(/^Getoond: /)).toContainText('tot en met');

  // The address holds the choice: opened again, the same picture.
  await page.reload();
  await expect(page.getByLabel('Vanaf')).toHaveValue(from);
  await expect(
    buurtTable
      .getByRole('row', { name: new RegExp(`^${buurt.name}\\b`) })
      .getByRole('cell')
      .nth(1),
  ).toHaveText(count(recentRow?.incidents ?? 0));

  await expectReadableOnPhone(page, 'wijkbeeld', mapFitsPhone);
});

test('zonder achtergrondkaart (de standaard) tekent de kaart de buurten; een buurt kiezen, en het toetsenbord komt er weer uit', async ({
  page,
  playwright,
  baseURL,
}) => {
  const regisseur = await apiAs(playwright, baseURL, REGISSEUR_EMAIL);
  const { buurt } = await demoBuurt(regisseur);
  await login(page, REGISSEUR_EMAIL);
  await page.goto('/wijkbeeld');
  // No tile URL configured: no meta element, no tile layer, no tile images — and still the outlines.
  await expect(page.locator('meta[name="wijkregie-tile-url"]')).toHaveCount(0);
  const map = page.locator('.wr-leaflet-map');
  await expect(map.locator('path.wr-leaflet-buurt').first()).toBeVisible();
  await expect(map.locator('.leaflet-tile-pane img')).toHaveCount(0);
  await expect(map.locator('.wr-leaflet-tiles')).toHaveCount(0);
  await expect(map.locator('.leaflet-control-attribution')).toHaveCount(0);

  // One buurt: the URL names it, the map outlines it, the table has its one row.
  await page.getByLabel('Wijk of buurt').selectOption(buurt.id);
  await page.getByRole('button', { name: 'Toon wijkbeeld' }).click();
  await expect(page).toHaveURL(new RegExp(`gebied=${buurt.id}`));
  const buurtMap = page.getByRole('region', { name: `Kaart van ${buurt.name}` });
  await expect(buurtMap).toBeVisible();
  await expect(buurtMap.locator('path.wr-leaflet-area')).toHaveCount(1);
  const table = page.getByRole('table', { name: /^Per buurt/ });
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await expect(table.locator('tbody tr')).toContainText(buurt.name);

  // The keyboard: into the map (arrows pan, + zooms), through its zoom buttons, and out again.
  await buurtMap.focus();
  await expect(buurtMap).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('+');
  let left = false;
  for (let i = 0; i < 4 && !left; i++) {
    await page.keyboard.press('Tab');
    left = await page.evaluate(() => !document.activeElement?.closest('.wr-leaflet-map'));
  }
  expect(left, 'Tab leidt de focus weer uit de kaart').toBe(true);
  await expectNoAxeViolations(page, 'wijkbeeld van een buurt');
});

test('een soort incident kiezen beperkt de incidenten, signalen en casussen blijven; het wijkbeeld als PDF', async ({
  page,
  playwright,
  baseURL,
}) => {
  const regisseur = await apiAs(playwright, baseURL, REGISSEUR_EMAIL);
  const { wijk, buurt, lat, lng } = await demoBuurt(regisseur);
  await addIncidents(regisseur, daysAgo(3), lat, lng, 2);
  const all = await pictureOf(regisseur, wijk.id);
  const period = `?from=${all.from}&to=${all.to}`;
  const youth = await pictureOf(regisseur, wijk.id, `${period}&category=overlast_jeugd`);
  const total = (p: Picture) => p.months.reduce((n, m) => n + m.incidents, 0);
  // The demo has other kinds of incident in the wijk too: the filter takes some away.
  expect(total(youth)).toBeGreaterThanOrEqual(2);
  expect(total(youth)).toBeLessThan(total(all));

  await login(page, REGISSEUR_EMAIL);
  await page.goto(`/wijkbeeld?gebied=${wijk.id}`);
  const kind = page.getByLabel('Soort incident', { exact: true });
  await expect(kind).toHaveValue('');
  await expect(kind.locator('option:checked')).toHaveText('Alle soorten');
  const shown = page.getByText(/^Getoond: /);
  await expect(shown).toContainText(`${total(all).toLocaleString('nl-NL')} incidenten.`);

  await kind.selectOption({ label: 'Overlast jeugd' });
  await page.getByRole('button', { name: 'Toon wijkbeeld' }).click();
  await expect(page).toHaveURL(/[?&]soort=overlast_jeugd(&|$)/);
  await expect(shown).toContainText(
    `${total(youth).toLocaleString('nl-NL')} incidenten van de soort Overlast jeugd.`,
  );
  // Per buurt: the incidents of the kind; the signals and open cases as before.
  const buurtTable = page.getByRole('table', { name: /^Per buurt/ });
  const youthRow = youth.buurten.find((b) => b.id === buurt.id);
  const allRow = all.buurten.find((b) => b.id === buurt.id);
  await expect(
    buurtTable.getByRole('row', { name: new RegExp(`^${buurt.name}\\b`) }).getByRole('cell'),
  ).toHaveText([
    buurt.name,
    count(youthRow?.incidents ?? 0),
    count(allRow?.signals ?? null),
    count(allRow?.openCases ?? null),
  ]);
  const kinds = page.getByRole('table', { name: 'Incidenten per soort in de periode' });
  await expect(kinds.locator('tbody tr')).toHaveCount(1);
  await expect(kinds.locator('tbody tr')).toContainText('Overlast jeugd');
  await expect(page.locator('.wr-leaflet-map path.wr-leaflet-hotspot')).toHaveCount(youth.hotspots.length);

  // The report of the area and period shown, as a PDF.
  const pdfLink = page.getByRole('link', { name: 'Download het wijkbeeld als PDF' });
  const href = await pdfLink.getAttribute('href');
  expect(href).toBe(`/api/v1/areas/${wijk.id}/report.pdf${period}`);
  const pdf = await page.request.get(href ?? '');
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toContain('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  await expectNoAxeViolations(page, 'wijkbeeld van één soort incident');

  // All kinds again: the numbers of the whole picture.
  await kind.selectOption({ label: 'Alle soorten' });
  await page.getByRole('button', { name: 'Toon wijkbeeld' }).click();
  await expect(page).not.toHaveURL(/soort=/);
  await expect(shown).toContainText(`${total(all).toLocaleString('nl-NL')} incidenten.`);
});

/** A 1×1 grey PNG: every tile of the stand-in background map. */
const TILE = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgYAAAAAMAAWgmWQ0AAAAASUVORK5CYII=',
  'base64',
);

test('met een achtergrondkaart (zoals de BRT-Achtergrondkaart van PDOK) laadt de kaart de tegels en noemt de bron', async ({
  page,
}) => {
  // What the server writes into the page when WIJKREGIE_TILE_URL is set (web-app.ts, tested there): the two
  // meta elements. Here the page gets them on the way, and the tiles come from the same origin.
  await page.route('**/wijkbeeld', async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(
      '</head>',
      '<meta name="wijkregie-tile-url" content="/e2e-tiles/{z}/{x}/{y}.png" />' +
        '<meta name="wijkregie-tile-attribution" content="Kaartgegevens © Kadaster (proef)" /></head>',
    );
    await route.fulfill({ response, body: html });
  });
  const tiles: string[] = [];
  await page.route('**/e2e-tiles/**', async (route) => {
    tiles.push(route.request().url());
    await route.fulfill({ status: 200, contentType: 'image/png', body: TILE });
  });
  await login(page, REGISSEUR_EMAIL);
  await page.goto('/wijkbeeld');
  const map = page.locator('.wr-leaflet-map');
  await expect(map.locator('path.wr-leaflet-buurt').first()).toBeVisible();
  await expect(map.locator('.leaflet-tile-pane .wr-leaflet-tiles img').first()).toBeAttached();
  expect(tiles.length).toBeGreaterThan(0);
  expect(tiles[0]).toMatch(/\/e2e-tiles\/\d+\/\d+\/\d+\.png$/);
  await expect(map.locator('.leaflet-control-attribution')).toContainText('Kaartgegevens © Kadaster (proef)');
  await expectNoAxeViolations(page, 'wijkbeeld met achtergrondkaart');
});
