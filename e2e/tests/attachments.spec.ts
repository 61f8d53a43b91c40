import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from '../axe.ts';
import { apiAs, expectJson, login, REGISSEUR_EMAIL, unique } from '../helpers.ts';

/**
 * Issue 11, point 4: documents and photos on a journal entry, at phone width. The files are real
 * (the server checks their content); the photo shows as a thumbnail that links to the full picture,
 * the document as a download link.
 */

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
// A 2 × 2 PNG (red, green, blue, white).
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFElEQVR4nGP4z8DAAMIM/////w8AH+4F+7C4l8kAAAAASUVORK5CYII=',
  'base64',
);

test.use({ viewport: { width: 390, height: 844 } });

test('een notitie met een pdf en een foto: miniatuur en downloadlink, ook op een telefoon', async ({
  page,
  playwright,
  baseURL,
}) => {
  const api = await apiAs(playwright, baseURL, REGISSEUR_EMAIL);
  const title = unique('Bijlagen');
  const created = await expectJson<{ id: string; reference: string }>(
    await api.post('/api/v1/cases', { data: { type: 'area', title } }),
    201,
  );
  await api.dispose();

  await login(page, REGISSEUR_EMAIL);
  await page.goto(`/casussen/${created.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(created.reference);

  const entryForm = page.getByRole('form', { name: 'Notitie toevoegen' });
  const files = entryForm.getByLabel('Bijlagen (niet verplicht)');
  // The field says beforehand what it takes.
  await expect(files).toHaveAccessibleDescription(/PDF, JPEG, PNG, DOCX, XLSX of ODT, tot 20 MB per bestand/);
  await entryForm.getByLabel('Categorie').selectOption({ label: 'Basisgegevens' });
  await entryForm.getByLabel('Tekst').fill('Brief van de woningcorporatie en een foto van de voordeur.');

  // A file that is not allowed is refused in the browser, before anything is sent.
  await files.setInputFiles({ name: 'notitie.txt', mimeType: 'text/plain', buffer: Buffer.from('tekst') });
  await entryForm.getByRole('button', { name: 'Notitie toevoegen' }).click();
  await expect(files).toHaveAccessibleDescription(/notitie\.txt: dit soort bestand kan niet/);
  await expect(files).toBeFocused();

  await files.setInputFiles([
    { name: 'brief corporatie.pdf', mimeType: 'application/pdf', buffer: PDF },
    { name: 'voordeur.png', mimeType: 'image/png', buffer: PNG },
  ]);
  await expect(entryForm.getByRole('list', { name: 'Gekozen bestanden' })).toContainText('voordeur.png');
  await entryForm.getByRole('button', { name: 'Notitie toevoegen' }).click();
  await expect(page.getByText('De notitie is toegevoegd aan het journaal.')).toBeVisible();

  const entry = page.getByRole('list', { name: 'Notities' }).getByRole('article').first();
  await expect(entry).toContainText('Brief van de woningcorporatie');
  // The photo: a thumbnail with alt text, linking to the full picture, and the picture really loads.
  const thumbnail = entry.getByRole('img', { name: /Foto: voordeur\.png/ });
  await expect(thumbnail).toBeVisible();
  await expect
    .poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBe(2);
  const photoLink = entry.getByRole('link', { name: /Foto: voordeur\.png/ });
  await expect(photoLink).toHaveAttribute('href', /^\/api\/v1\/attachments\/[0-9a-f-]{36}$/);
  // The document: a download link with its kind and size.
  const pdfLink = entry.getByRole('link', { name: 'brief corporatie.pdf' });
  await expect(pdfLink).toBeVisible();
  await expect(entry).toContainText(`(PDF, ${PDF.length} bytes)`);
  const [download] = await Promise.all([page.waitForEvent('download'), pdfLink.click()]);
  expect(download.suggestedFilename()).toBe('brief corporatie.pdf');

  // The file input is empty again; nothing is wider than the phone.
  await expect(entryForm.getByRole('list', { name: 'Gekozen bestanden' })).toHaveCount(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectNoAxeViolations(page, 'casus met bijlagen (390 px)');
});
