import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from '../axe.ts';
import {
  ADMIN_EMAIL,
  apiAs,
  expectJson,
  expectReadableOnPhone,
  login,
  openMenu,
  REGISSEUR_EMAIL,
  unique,
} from '../helpers.ts';

/*
 * Beheer › Webhooks (issue 14): the admin adds an endpoint with a generated secret, sees it listed, opens
 * its delivery log (a signal taken in through the API makes a delivery; `.example` never resolves, so it
 * waits for another attempt), filters it, and deletes the endpoint after a confirmation. Axe on every
 * state, and the page at 390 px. The shared demo database holds other webhooks too: rows are found by
 * this test's own address.
 */
test('de beheerder voegt een webhook toe, bekijkt het leveringslog en verwijdert de webhook', async ({
  page,
  playwright,
  baseURL,
}) => {
  const url = `https://${unique('wijkraad').replace(/\s+/g, '-').toLowerCase()}.example/hook`;
  await login(page, ADMIN_EMAIL);
  await openMenu(page, 'Beheer');
  await page.getByRole('navigation', { name: 'Beheer' }).getByRole('link', { name: 'Webhooks' }).click();
  await expect(page).toHaveURL(/\/beheer\/webhooks$/);
  await expect(page).toHaveTitle('Webhooks – Wijkregie');
  await expect(page.getByRole('heading', { level: 1, name: 'Webhooks' })).toBeFocused();
  await expect(page.getByRole('table', { name: /Webhooks \(\d+\)/ })).toBeVisible();

  // The form refuses what the server would refuse, naming the fields.
  const form = page.getByRole('form', { name: 'Webhook toevoegen' });
  await expect(form.getByLabel('Geheim')).toHaveAccessibleDescription(/webhook-signature.*HMAC-SHA256/);
  await form.getByRole('button', { name: 'Webhook toevoegen' }).click();
  await expect(form.getByLabel('Adres (URL)')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByRole('group', { name: 'Gebeurtenissen' })).toContainText(
    'Kies minstens één soort gebeurtenis',
  );
  await expect(form.getByLabel('Adres (URL)')).toBeFocused();
  await expectNoAxeViolations(page, 'beheer › webhooks met foutmeldingen');

  // An address in an internal network is refused by the server (this installation does not allow them).
  await form.getByLabel('Adres (URL)').fill('https://169.254.169.254/latest/meta-data/');
  await form.getByRole('group', { name: 'Gebeurtenissen' }).getByLabel('Signaal ontvangen').check();
  await form.getByRole('button', { name: 'Genereer een geheim' }).click();
  await expect(form.getByLabel('Geheim')).toHaveValue(/^[0-9a-f]{64}$/);
  await expect(form.getByLabel('Geheim')).toBeFocused();
  await form.getByRole('button', { name: 'Webhook toevoegen' }).click();
  await expect(form.getByLabel('Adres (URL)')).toHaveAccessibleDescription(/intern netwerk/);

  // "Alle gebeurtenissen" stands alone.
  await form.getByLabel('Adres (URL)').fill(url);
  const events = form.getByRole('group', { name: 'Gebeurtenissen' });
  await events.getByLabel(/Alle gebeurtenissen/).check();
  await expect(events.getByLabel('Signaal ontvangen')).not.toBeChecked();
  await form.getByRole('button', { name: 'Webhook toevoegen' }).click();
  await expect(page.getByRole('status')).toContainText(`De webhook naar ${url} is toegevoegd.`);
  await expect(form.getByLabel('Adres (URL)')).toHaveValue('');
  await expect(form.getByLabel('Geheim')).toHaveValue('');

  const row = page
    .getByRole('table', { name: /Webhooks/ })
    .getByRole('row')
    .filter({ hasText: url });
  await expect(row).toBeVisible();
  await expect(row).toContainText('Alle gebeurtenissen');

  // A signal comes in: a delivery to this endpoint (it cannot be reached, so it waits for another attempt).
  const regisseur = await apiAs(playwright, baseURL, REGISSEUR_EMAIL);
  await expectJson(
    await regisseur.post('/api/v1/signals', {
      data: {
        category: 'woonoverlast',
        description: 'Geluidsoverlast in het trappenhuis',
        source: 'professional',
      },
    }),
    201,
  );
  await regisseur.dispose();

  await row.getByRole('button', { name: `Leveringen van ${url} tonen` }).click();
  const log = page.getByRole('region', { name: 'Leveringslog' });
  await expect(log.getByRole('heading', { name: 'Leveringslog' })).toBeFocused();
  const deliveries = log.getByRole('table', { name: /Leveringen \(\d+\)/ });
  await expect(deliveries.getByRole('row').filter({ hasText: 'Signaal ontvangen' }).first()).toBeVisible();
  await expectNoAxeViolations(page, 'beheer › webhooks met leveringslog');

  // The status filter: nothing of this endpoint was delivered.
  await log.getByLabel('Status').selectOption({ label: 'Afgeleverd' });
  await expect(log.getByRole('table', { name: /Leveringen \(0\), gefilterd/ })).toBeVisible();
  await expect(log).toContainText('Geen leveringen met deze status.');
  await log.getByLabel('Status').selectOption({ label: 'Alle' });
  await expect(deliveries.getByRole('row').filter({ hasText: 'Signaal ontvangen' }).first()).toBeVisible();

  await expectReadableOnPhone(page, 'beheer › webhooks');

  // Deleting asks first; "Nee" keeps it.
  await row.getByRole('button', { name: `Webhook naar ${url} verwijderen` }).click();
  const confirm = page.getByRole('region', { name: 'Webhook verwijderen?' });
  await expect(confirm.getByRole('heading', { name: 'Webhook verwijderen?' })).toBeFocused();
  await expectNoAxeViolations(page, 'beheer › webhook verwijderen?');
  await confirm.getByRole('button', { name: 'Nee' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(row.getByRole('button', { name: `Webhook naar ${url} verwijderen` })).toBeFocused();

  await row.getByRole('button', { name: `Webhook naar ${url} verwijderen` }).click();
  await page
    .getByRole('region', { name: 'Webhook verwijderen?' })
    .getByRole('button', { name: 'Ja, verwijderen' })
    .click();
  await expect(page.getByRole('status')).toContainText(`De webhook naar ${url} is verwijderd.`);
  await expect(page.getByRole('heading', { level: 1, name: 'Webhooks' })).toBeFocused();
  await expect(row).toHaveCount(0);
  await expect(log).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('table', { name: /Webhooks/ })).toBeVisible();
  await expect(page.getByRole('table', { name: /Webhooks/ }).getByText(url)).toHaveCount(0);
});
