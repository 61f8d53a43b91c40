import { expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations } from '../axe.ts';
import {
  AUDITOR_EMAIL,
  apiAs,
  expectJson,
  expectReadableOnPhone,
  login,
  openMenu,
  unique,
  WIJKAGENT_EMAIL,
} from '../helpers.ts';

interface AreaItem {
  id: string;
  name: string;
  kind: string;
}
interface Picture {
  buurten: { id: string; incidents: number }[];
}

/** The incidents of one buurt in its wijk's picture (the default twelve months), through the API. */
async function buurtIncidents(page: Page, buurtId: string): Promise<number> {
  const areas = await expectJson<{ items: (AreaItem & { parentId: string | null })[] }>(
    await page.request.get('/api/v1/areas'),
    200,
  );
  const wijkId = areas.items.find((a) => a.id === buurtId)?.parentId;
  const picture = await expectJson<Picture>(await page.request.get(`/api/v1/areas/${wijkId}/picture`), 200);
  return picture.buurten.find((b) => b.id === buurtId)?.incidents ?? -1;
}

test.describe('Incidenten', () => {
  test('de wijkagent legt een incident vast in een buurt en ziet het meetellen', async ({ page }) => {
    await login(page, WIJKAGENT_EMAIL);
    await openMenu(page, 'Wijkbeeld');
    await page.getByRole('link', { name: 'Incident vastleggen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Incident vastleggen' })).toBeVisible();
    await expectNoAxeViolations(page, 'incident vastleggen');

    // Without a kind, and then without a place, the form says what is missing, and nothing is saved.
    await page.getByRole('button', { name: 'Incident vastleggen' }).click();
    await expect(page.getByText('Kies een soort incident')).toBeVisible();

    const buurt = page.getByLabel('Of zet de speld midden in een buurt');
    const buurtId = await buurt.locator('option', { hasText: 'Molenbuurt' }).getAttribute('value');
    expect(buurtId).toBeTruthy();
    const before = await buurtIncidents(page, buurtId ?? '');

    await page.getByLabel('Soort incident').selectOption({ label: 'Vernieling' });
    const yesterday = new Date(Date.now() - 24 * 3600_000);
    const local = `${yesterday.toISOString().slice(0, 10)}T21:30`;
    await page.getByLabel('Wanneer').fill(local);
    await page.getByRole('button', { name: 'Incident vastleggen' }).click();
    await expect(page.getByText('Geef een plek: een adres of een punt')).toBeVisible();
    await buurt.selectOption({ label: 'Molenbuurt' });
    await page.getByLabel('Omschrijving (niet verplicht)').fill('Bushokje ingegooid');
    await page.getByLabel('Bron', { exact: true }).fill('Politie');
    await page.getByLabel('Nummer bij de bron (niet verplicht)').fill(unique('BVH').replace(' ', '-'));
    await page.getByRole('button', { name: 'Incident vastleggen' }).click();

    const saved = page.getByRole('status').filter({ hasText: 'Het incident is vastgelegd' });
    await expect(saved).toContainText('In buurt Molenbuurt');
    await expect(page.getByLabel('Soort incident')).toHaveValue('');
    expect(await buurtIncidents(page, buurtId ?? '')).toBe(before + 1);

    await saved.getByRole('link', { name: 'Bekijk het wijkbeeld van Molenbuurt' }).click();
    await expect(page).toHaveURL(new RegExp(`/wijkbeeld\\?gebied=${buurtId}`));
  });

  test('een export van de politie importeren: aantallen, afgewezen regels en dubbele', async ({ page }) => {
    await login(page, WIJKAGENT_EMAIL);
    await openMenu(page, 'Wijkbeeld');
    await page.getByRole('link', { name: 'Incidenten importeren' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Incidenten importeren' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Kolommen van het bestand' })).toContainText('externalId');

    const run = unique('e2e').replace(' ', '-');
    const csv = [
      'source;externalId;category;occurredAt;street;houseNumber;postalCode;lat;lng;description',
      `Politie;${run}-1;overlast_jeugd;2026-10-03 22:10;Stationsplein;1;1011 AB;;;Groep jongeren bij het station`,
      `Politie;${run}-2;Vernieling;03-10-2026 23:00;;;;52.0905;5.1205;Ruit bushokje`,
      `Politie;${run}-3;vuurwerk-op-de-maan;2026-10-04 01:00;Stationsplein;2;1011 AB;;;Onbekende soort`,
      `Politie;${run}-1;overlast_jeugd;2026-10-03 22:10;Stationsplein;1;1011 AB;;;Dezelfde regel nog eens`,
    ].join('\n');
    const file = { name: 'incidenten.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) };
    await page.getByLabel('CSV-bestand').setInputFiles(file);
    await page.getByRole('button', { name: 'Importeren' }).click();

    const result = page.getByRole('region', { name: 'Resultaat van de import' });
    await expect(result.getByRole('heading', { name: 'Resultaat van de import' })).toBeFocused();
    await expect(result).toContainText('Geïmporteerd: 2 incidenten');
    await expect(result).toContainText('Dubbel (al bekend): 1');
    await expect(result).toContainText('Afgewezen: 1 regel');
    const rejected = result.getByRole('table', { name: 'Afgewezen regels' });
    await expect(rejected.getByRole('cell').first()).toHaveText('4');
    await expect(rejected.getByRole('cell').nth(1)).toContainText('soort');
    await expectNoAxeViolations(page, 'incidenten importeren › resultaat');

    // The same file again: nothing new, the known rows counted as duplicates.
    await page.getByLabel('CSV-bestand').setInputFiles(file);
    await page.getByRole('button', { name: 'Importeren' }).click();
    await expect(result).toContainText('Geïmporteerd: 0 incidenten');
    await expect(result).toContainText('Dubbel (al bekend): 3');
    await expectReadableOnPhone(page, 'incidenten importeren');
  });

  test('de privacyfunctionaris mag geen incidenten vastleggen of importeren', async ({
    page,
    playwright,
    baseURL,
  }) => {
    await login(page, AUDITOR_EMAIL);
    for (const path of ['/wijkbeeld/incidenten/nieuw', '/wijkbeeld/incidenten/import']) {
      await page.goto(path);
      await expect(page.locator('main')).toContainText('Je hebt geen toegang tot deze pagina');
      await expect(page.getByRole('button', { name: /vastleggen|Importeren/ })).toHaveCount(0);
    }
    // Wijkbeeld itself is for the privacy officer too, without the links to enter incidents.
    await page.goto('/wijkbeeld');
    await expect(page.getByRole('heading', { level: 1, name: 'Wijkbeeld' })).toBeVisible();
    await expect(page.getByRole('link', { name: /Incident vastleggen|Incidenten importeren/ })).toHaveCount(
      0,
    );
    const api = await apiAs(playwright, baseURL, AUDITOR_EMAIL);
    const refused = await api.post('/api/v1/incidents', {
      data: {
        category: 'vernieling',
        occurredAt: new Date().toISOString(),
        address: 'Stationsplein 1',
        source: 'x',
      },
    });
    expect(refused.status()).toBe(403);
    await api.dispose();
  });

  test('incident vastleggen op telefoonbreedte', async ({ page }) => {
    await login(page, WIJKAGENT_EMAIL);
    await page.goto('/wijkbeeld/incidenten/nieuw');
    await expect(page.getByRole('heading', { level: 1, name: 'Incident vastleggen' })).toBeVisible();
    await expectReadableOnPhone(page, 'incident vastleggen');
  });
});
