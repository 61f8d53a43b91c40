import { expect, type Locator, type Page, test } from '@playwright/test';
import { expectNoAxeViolations } from '../axe.ts';
import {
  ADMIN_EMAIL,
  expectJson,
  expectReadableOnPhone,
  login,
  openMenu,
  REGISSEUR_EMAIL,
  unique,
} from '../helpers.ts';

/*
 * Beheer › Wijken en buurten (issue 13 point 0): the functioneel beheerder reads in the CBS Wijk- en
 * Buurtkaart and draws or pastes an area. The demo database is shared by every test, so every area here
 * has a unique name and code, and lies east of Voorbeeldstad (whose buurten end near 5.44° E): no signal,
 * incident or location of the demo moves to another buurt.
 */

type Position = [number, number];

/** A closed rectangle from its west, south, east and north edges, `[lng, lat]`. */
function box(
  west: number,
  south: number,
  east: number,
  north: number,
): { type: 'Polygon'; coordinates: Position[][] } {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [west, south],
        [east, south],
        [east, north],
        [west, north],
        [west, south],
      ],
    ],
  };
}

/** A stamp for codes: letters and digits only, unique per run. */
const stamp = () => unique('x').split(' ')[1]?.toUpperCase() ?? String(Date.now());

async function openAreasPage(page: Page) {
  await openMenu(page, 'Beheer');
  await page
    .getByRole('navigation', { name: 'Beheer' })
    .getByRole('link', { name: 'Wijken en buurten' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Wijken en buurten' })).toBeVisible();
}

const areaTable = (page: Page) =>
  page.getByRole('table', { name: 'Wijken en buurten, elke buurt onder de wijk waarin hij ligt' });

/** The table row of an area by its name (the row's first cell; its name is the cells one after the other). */
const areaRow = (page: Page, name: string) =>
  areaTable(page).getByRole('row', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `) });

/** The drawing map with Geoman's toolbar, once it has loaded. */
async function drawingMap(page: Page): Promise<Locator> {
  const map = page.getByRole('region', { name: 'Kaart om de grenzen te tekenen' });
  await expect(map).toHaveClass(/leaflet-container/);
  await expect(map.getByRole('button', { name: 'Grens tekenen (klik de hoekpunten aan)' })).toBeVisible();
  return map;
}

test.describe('Wijken en buurten', () => {
  test('de beheerder leest de CBS Wijk- en Buurtkaart in en plakt een wijk', async ({ page }) => {
    await login(page, ADMIN_EMAIL);
    await openAreasPage(page);

    // The demo's wijken and buurten, each buurt under its wijk.
    const table = areaTable(page);
    await expect(areaRow(page, 'Centrum')).toContainText('Wijk');
    const binnenstad = areaRow(page, 'Binnenstad');
    await expect(binnenstad).toContainText('Buurt');
    await expect(binnenstad.getByRole('cell').nth(3)).toHaveText('Centrum');
    const names = await table.getByRole('row').allTextContents();
    const centrumAt = names.findIndex((n) => n.startsWith('Centrum'));
    expect(names.findIndex((n) => n.startsWith('Binnenstad'))).toBe(centrumAt + 1);

    // Geoman's toolbar: every tool has a Dutch name; the page passes axe with it.
    const map = await drawingMap(page);
    for (const name of [
      'Rechthoek tekenen',
      'Hoekpunten verschuiven',
      'Tekening weghalen (klik daarna op het vlak)',
    ]) {
      await expect(map.getByRole('button', { name })).toBeVisible();
    }
    await expect(map.locator('path.wr-leaflet-buurt').first()).toBeAttached();
    await expectNoAxeViolations(page, 'beheer › wijken en buurten');

    // A CBS-style file: a new wijk, two buurten in it (WGS84), and a feature without codes.
    const run = stamp();
    const wijk = { code: `WKE2E${run}`, name: unique('Oostpolder') };
    const buurten = [
      { code: `BUE2E${run}01`, name: unique('Polderhoek') },
      { code: `BUE2E${run}02`, name: unique('Dijkzicht') },
    ];
    const file = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { wijkcode: wijk.code, wijknaam: wijk.name },
          geometry: box(5.45, 52.14, 5.47, 52.16),
        },
        {
          type: 'Feature',
          properties: { buurtcode: buurten[0]?.code, buurtnaam: buurten[0]?.name, wijkcode: wijk.code },
          geometry: box(5.45, 52.14, 5.46, 52.16),
        },
        {
          type: 'Feature',
          properties: { buurtcode: buurten[1]?.code, buurtnaam: buurten[1]?.name, wijkcode: wijk.code },
          geometry: box(5.46, 52.14, 5.47, 52.16),
        },
        { type: 'Feature', properties: { naam: 'Zonder code' }, geometry: box(5.47, 52.14, 5.48, 52.16) },
      ],
    };

    // Nothing chosen: the field says so.
    await page.getByRole('button', { name: 'Kaart inlezen' }).click();
    const fileField = page.getByLabel('GeoJSON-bestand');
    await expect(fileField).toHaveAccessibleDescription(/Kies het GeoJSON-bestand/);
    await expect(fileField).toBeFocused();

    await fileField.setInputFiles({
      name: 'wijkenbuurten.geojson',
      mimeType: 'application/geo+json',
      buffer: Buffer.from(JSON.stringify(file)),
    });
    await page.getByRole('button', { name: 'Kaart inlezen' }).click();
    const result = page.getByRole('region', { name: 'Resultaat van het inlezen' });
    await expect(result.getByRole('heading', { name: 'Resultaat van het inlezen' })).toBeFocused();
    await expect(result).toContainText('Nieuw: 3 gebieden');
    await expect(result).toContainText('Bijgewerkt: 0 gebieden');
    await expect(result).toContainText('Afgewezen: 1 feature');
    const rejected = result.getByRole('table', { name: 'Afgewezen features' });
    await expect(rejected.getByRole('cell').first()).toHaveText('4');
    await expect(rejected.getByRole('cell').nth(1)).toContainText('geen wijkcode of buurtcode');
    await expect(page.getByRole('status').filter({ hasText: 'De kaart is ingelezen' })).toContainText(
      '3 nieuw, 0 bijgewerkt, 1 afgewezen',
    );

    // The table has them at once: the buurten under the new wijk, with their CBS codes.
    await expect(areaRow(page, wijk.name)).toContainText(wijk.code);
    for (const buurt of buurten) {
      const row = areaRow(page, buurt.name);
      await expect(row).toContainText(buurt.code);
      await expect(row.getByRole('cell').nth(3)).toHaveText(wijk.name);
    }
    await expectNoAxeViolations(page, 'beheer › wijken en buurten › resultaat van het inlezen');

    // A wijk pasted as GeoJSON (the way without a mouse); first what is missing.
    const form = page.getByRole('form', { name: 'Gebied tekenen' });
    await form.getByRole('button', { name: 'Gebied opslaan' }).click();
    await expect(form.getByLabel('Naam')).toHaveAccessibleDescription(/Geef een naam/);
    await expect(form.getByLabel('Naam')).toBeFocused();
    await expect(form.getByLabel('Soort')).toHaveAccessibleDescription(/Kies wijk of buurt/);
    const geojson = form.getByLabel('Of plak de grenzen als GeoJSON');
    await expect(geojson).toHaveAccessibleDescription(/Teken de grenzen op de kaart of plak ze als GeoJSON/);

    const pasted = unique('Havenkwartier');
    await form.getByLabel('Naam').fill(pasted);
    await form.getByLabel('Soort').selectOption({ label: 'Wijk' });
    await geojson.fill('{"type":"Point","coordinates":[5.49,52.15]}');
    await form.getByRole('button', { name: 'Gebied opslaan' }).click();
    await expect(geojson).toHaveAccessibleDescription(/Geef een Polygon of MultiPolygon.*\(nu: Point\)/);
    await expect(geojson).toBeFocused();

    await geojson.fill(
      JSON.stringify({ type: 'Feature', properties: {}, geometry: box(5.48, 52.14, 5.5, 52.16) }),
    );
    // The pasted outline shows on the map.
    await expect(map.locator('path.leaflet-interactive')).toHaveCount(1);
    await form.getByRole('button', { name: 'Gebied opslaan' }).click();
    await expect(page.getByRole('status').filter({ hasText: `De wijk „${pasted}”` })).toContainText(
      'is opgeslagen en staat in de tabel',
    );
    const pastedRow = areaRow(page, pasted);
    await expect(pastedRow.getByRole('cell').nth(1)).toHaveText('Wijk');
    await expect(pastedRow.getByRole('cell').nth(2)).not.toBeEmpty();
    await expect(form.getByLabel('Naam')).toHaveValue('');
    await expect(geojson).toHaveValue('');

    // After a reload it is still there (stored, not only shown), with the API's outline.
    await page.reload();
    await expect(areaRow(page, pasted)).toBeVisible();
    const areas = await expectJson<{ items: { name: string; kind: string; geometry: { type: string } }[] }>(
      await page.request.get('/api/v1/areas'),
      200,
    );
    expect(areas.items.find((a) => a.name === pasted)).toMatchObject({
      kind: 'wijk',
      geometry: { type: 'Polygon' },
    });
  });

  test('de beheerder tekent een buurt met de tekentools van de kaart', async ({ page }) => {
    await login(page, ADMIN_EMAIL);
    await page.goto('/beheer/gebieden');
    await expect(page.getByRole('heading', { level: 1, name: 'Wijken en buurten' })).toBeVisible();

    // A wijk of its own east of the demo, to draw the buurt in.
    const wijkName = unique('Veerhaven');
    await expectJson(
      await page.request.post('/api/v1/areas', {
        data: { name: wijkName, kind: 'wijk', geometry: box(5.52, 52.14, 5.55, 52.16) },
      }),
      201,
    );
    await page.reload();
    await expect(areaRow(page, wijkName)).toBeVisible();

    const form = page.getByRole('form', { name: 'Gebied tekenen' });
    const geojson = form.getByLabel('Of plak de grenzen als GeoJSON');
    const map = await drawingMap(page);
    // A small outline pasted first brings the map to the wijk (away from the demo's buurten) …
    await geojson.fill(JSON.stringify(box(5.53, 52.145, 5.54, 52.155)));
    await expect(map.locator('path.leaflet-interactive')).toHaveCount(1);
    await map.scrollIntoViewIfNeeded();
    const frame = await map.boundingBox();
    if (!frame) throw new Error('the map has no box');
    const cx = frame.x + frame.width / 2;
    const cy = frame.y + frame.height / 2;

    // … then Geoman draws four corners; 'Klaar' closes the shape, which replaces the pasted one.
    await map.getByRole('button', { name: 'Grens tekenen (klik de hoekpunten aan)' }).click();
    // Right of the middle and below it: Geoman's toolbar and the words of the active tool are top left.
    for (const [dx, dy] of [
      [60, 20],
      [180, 15],
      [190, 120],
      [70, 125],
    ] as const) {
      await page.mouse.click(cx + dx, cy + dy);
    }
    await map.getByRole('button', { name: 'Klaar' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'De getekende grens staat in het veld' }),
    ).toContainText('een vlak met 4 hoekpunten');
    const drawn = JSON.parse(await geojson.inputValue()) as { type: string; coordinates: Position[][] };
    expect(drawn.type).toBe('Polygon');
    expect(drawn.coordinates[0]).toHaveLength(5);
    for (const [lng, lat] of drawn.coordinates[0] ?? []) {
      expect(lng).toBeGreaterThan(5.52);
      expect(lng).toBeLessThan(5.55);
      expect(lat).toBeGreaterThan(52.14);
      expect(lat).toBeLessThan(52.16);
    }
    await expect(map.locator('path.leaflet-interactive')).toHaveCount(1);

    const buurt = unique('Kadebuurt');
    await form.getByLabel('Naam').fill(buurt);
    await form.getByLabel('Soort').selectOption({ label: 'Buurt' });
    await form.getByRole('button', { name: 'Gebied opslaan' }).click();
    const wijkField = form.getByLabel('Ligt in wijk');
    await expect(wijkField).toHaveAccessibleDescription(/Kies de wijk waarin de buurt ligt/);
    await wijkField.selectOption({ label: wijkName });
    await form.getByRole('button', { name: 'Gebied opslaan' }).click();
    await expect(page.getByRole('status').filter({ hasText: `De buurt „${buurt}”` })).toContainText(
      'is opgeslagen',
    );
    await expect(areaRow(page, buurt).getByRole('cell').nth(3)).toHaveText(wijkName);
    await expectNoAxeViolations(page, 'beheer › wijken en buurten › getekend');
  });

  test('een regisseur heeft geen toegang tot Wijken en buurten', async ({ page }) => {
    await login(page, REGISSEUR_EMAIL);
    await page.goto('/beheer/gebieden');
    await expect(page.getByRole('heading', { level: 1, name: 'Wijken en buurten' })).toBeVisible();
    await expect(page.locator('main')).toContainText('Je hebt geen toegang tot deze pagina');
    await expect(page.getByRole('form')).toHaveCount(0);
    await expect(
      page.getByRole('navigation', { name: 'Beheer' }).getByRole('link', { name: 'Wijken en buurten' }),
    ).toHaveCount(0);
    const refused = await page.request.post('/api/v1/areas', {
      data: { name: 'Niet van mij', kind: 'wijk', geometry: box(5.6, 52.14, 5.61, 52.15) },
    });
    expect(refused.status()).toBe(403);
  });

  test('wijken en buurten op telefoonbreedte', async ({ page }) => {
    await login(page, ADMIN_EMAIL);
    await page.goto('/beheer/gebieden');
    await expect(page.getByRole('heading', { level: 1, name: 'Wijken en buurten' })).toBeVisible();
    await expectReadableOnPhone(page, 'wijken en buurten', async (p) => {
      await drawingMap(p);
    });
  });
});
