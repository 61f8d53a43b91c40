import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from '../axe.ts';
import {
  AUDITOR_EMAIL,
  apiAs,
  expectJson,
  expectReadableOnPhone,
  login,
  type NamedPartner,
  REGISSEUR_EMAIL,
  unique,
  WIJKAGENT_EMAIL,
} from '../helpers.ts';

/*
 * The access report (AVG art. 15, issue 15): from a person's page the regisseur opens "Inzageoverzicht
 * (AVG)": the data held and who read it — here the police, who read the person's case — and the letter as
 * a PDF. The privacy officer reaches it from the audit log. Axe at 1280 and 390 px.
 */
test('de regisseur en de privacyfunctionaris maken een inzageoverzicht', async ({
  page,
  playwright,
  baseURL,
}) => {
  const regisseur = await apiAs(playwright, baseURL, REGISSEUR_EMAIL);
  const partners = await expectJson<{ items: NamedPartner[] }>(await regisseur.get('/api/v1/partners'), 200);
  const police = partners.items.find((p) => p.kind === 'politie');
  expect(police).toBeDefined();
  const lastName = unique('Inzage');
  const person = await expectJson<{ id: string }>(
    await regisseur.post('/api/v1/persons', { data: { firstName: 'Bram', lastName } }),
    201,
  );
  const kase = await expectJson<{ id: string; reference: string }>(
    await regisseur.post('/api/v1/cases', {
      data: {
        type: 'person',
        title: unique('Inzagecasus'),
        subjects: [{ kind: 'person', id: person.id }],
        partnerIds: [police?.id],
      },
    }),
    201,
  );
  // A professional of the police reads the case.
  const cop = await apiAs(playwright, baseURL, WIJKAGENT_EMAIL);
  await expectJson(await cop.get(`/api/v1/cases/${kase.id}`), 200);

  await login(page, REGISSEUR_EMAIL);
  await page.goto(`/personen/${person.id}`);
  await page.getByRole('link', { name: 'Inzageoverzicht (AVG)' }).click();
  await expect(page).toHaveURL(new RegExp(`/personen/${person.id}/inzage$`));
  await expect(
    page.getByRole('heading', { level: 1, name: `Inzageoverzicht (AVG): Bram ${lastName}` }),
  ).toBeVisible();
  await expect(page.getByRole('table', { name: /Casussen met de verwerking/ })).toContainText(kase.reference);
  const accesses = page.getByRole('table', { name: /Wie de gegevens bekeek of veranderde/ });
  await expect(
    accesses
      .getByRole('row')
      .filter({ hasText: police?.name ?? '' })
      .filter({ hasText: 'Ingezien' })
      .first(),
  ).toBeVisible();
  await expectNoAxeViolations(page, 'inzageoverzicht');

  const pdfLink = page.getByRole('link', { name: 'Brief aan de persoon downloaden (PDF)' });
  const pdf = await page.request.get((await pdfLink.getAttribute('href')) ?? '');
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect(pdf.headers()['content-disposition']).toMatch(/^attachment; filename="inzage-.*\.pdf"$/);
  expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await expectReadableOnPhone(page, 'inzageoverzicht');

  // The privacy officer reaches it from the audit log of the person.
  await login(page, AUDITOR_EMAIL);
  await page.goto(`/audit?object=${person.id}`);
  await page.getByRole('link', { name: 'inzageoverzicht' }).first().click();
  await expect(page).toHaveURL(new RegExp(`/personen/${person.id}/inzage$`));
  await expect(page.getByRole('table', { name: /Wie de gegevens bekeek/ })).toContainText('Geëxporteerd');
  await expectNoAxeViolations(page, 'inzageoverzicht (privacyfunctionaris)');
});
