import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations } from '../axe.ts';
import {
  ADMIN_EMAIL,
  apiAs,
  DEMO_PASSWORD,
  expectJson,
  login,
  type NamedPartner,
  REGISSEUR_EMAIL,
  unique,
} from '../helpers.ts';

// Issue 11: a meeting is edited, moved, cancelled, its agenda changed and its attendance recorded; the
// invitees are listed once each, by name (fault 2: "Onbekende partner" several times beside them);
// the admin deactivates a user and a partner, and a deactivated user is logged out at once.

// Each journey scans both widths with axe and edits several parts: more than the usual 60 s on two cores.
test.describe.configure({ timeout: 180_000 });

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

async function me(api: APIRequestContext): Promise<{ id: string; name: string; partnerId: string }> {
  return (
    await expectJson<{ user: { id: string; name: string; partnerId: string } }>(
      await api.get('/api/v1/session'),
      200,
    )
  ).user;
}

async function partners(api: APIRequestContext): Promise<NamedPartner[]> {
  return (await expectJson<{ items: NamedPartner[] }>(await api.get('/api/v1/partners'), 200)).items;
}

async function areaCase(api: APIRequestContext, directorUserId: string, partnerIds: string[]) {
  const title = unique('Overlast winkelcentrum');
  const created = await expectJson<{ id: string; reference: string }>(
    await api.post('/api/v1/cases', {
      data: { type: 'area', title, subjects: [], partnerIds, directorUserId },
    }),
    201,
  );
  return { ...created, title };
}

async function expectNoHorizontalScroll(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, 'de pagina past in de breedte van de telefoon').toBeLessThanOrEqual(PHONE.width);
}

function facts(page: Page) {
  return page.getByRole('region', { name: 'Gegevens' });
}

function invitedList(page: Page) {
  // The facts of the meeting: the list under "Uitgenodigd".
  return facts(page).locator('ul.wr-plain-list');
}

test('het overleg noemt elke uitgenodigde partner één keer, ook als de namen later binnenkomen', async ({
  page,
  playwright,
}, testInfo) => {
  const api = await apiAs(playwright, testInfo.project.use.baseURL, REGISSEUR_EMAIL);
  const regisseur = await me(api);
  const invited = (await partners(api)).filter((p) => p.kind !== 'bewoners').slice(0, 4);
  const meeting = await expectJson<{ id: string }>(
    await api.post('/api/v1/meetings', {
      data: {
        title: unique('Casusoverleg namen'),
        kind: 'case',
        startsAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
        chairUserId: regisseur.id,
        partnerIds: invited.map((p) => p.id),
        caseIds: [],
      },
    }),
    201,
  );
  await login(page, REGISSEUR_EMAIL);
  // The partners' names arrive well after the meeting: the page must not fill the wait with stand-ins
  // that stay once the names are there.
  await page.route('**/api/v1/partners', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await route.continue();
  });
  for (const viewport of [DESKTOP, PHONE]) {
    await page.setViewportSize(viewport);
    await page.goto(`/overleggen/${meeting.id}`);
    await expect(page.getByText('Partners worden geladen…')).toBeVisible();
    await expect(invitedList(page).getByRole('listitem')).toHaveCount(invited.length);
    for (const p of invited)
      await expect(invitedList(page).getByText(p.name, { exact: true })).toHaveCount(1);
    await expect(page.getByText('Onbekende partner')).toHaveCount(0);
    // Still so a moment later (stale rows of the old list stayed behind after a re-render).
    await page.waitForTimeout(500);
    await expect(invitedList(page).getByRole('listitem')).toHaveCount(invited.length);
    await expect(page.getByText('Onbekende partner')).toHaveCount(0);
    await expectNoAxeViolations(page, `overleg (${viewport.width}px)`);
    if (viewport === PHONE) await expectNoHorizontalScroll(page);
  }
});

test('de voorzitter wijzigt en verplaatst een overleg, past de agenda aan, legt aanwezigheid vast en annuleert', async ({
  page,
  playwright,
}, testInfo) => {
  const api = await apiAs(playwright, testInfo.project.use.baseURL, REGISSEUR_EMAIL);
  const regisseur = await me(api);
  const own = regisseur.partnerId;
  const first = await areaCase(api, regisseur.id, [own]);
  const second = await areaCase(api, regisseur.id, [own]);
  const title = unique('Afstemmingsoverleg');
  const meeting = await expectJson<{ id: string }>(
    await api.post('/api/v1/meetings', {
      data: {
        title,
        kind: 'coordination',
        startsAt: '2031-03-04T09:00:00.000Z', // 10:00 in Amsterdam
        chairUserId: regisseur.id,
        partnerIds: [own],
        caseIds: [first.id],
      },
    }),
    201,
  );

  await login(page, REGISSEUR_EMAIL);
  for (const viewport of [DESKTOP, PHONE]) {
    await page.setViewportSize(viewport);
    await page.goto(`/overleggen/${meeting.id}`);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Overleg wijzigen' })).toBeVisible();
    await expectNoAxeViolations(page, `overleg wijzigen (${viewport.width}px)`);
    if (viewport === PHONE) await expectNoHorizontalScroll(page);
  }
  await page.setViewportSize(DESKTOP);

  // Title and time: the fields show Amsterdam time, and a new time is saved as Amsterdam time.
  const details = page.getByRole('form', { name: 'Titel, tijd en plaats' });
  await expect(details.getByLabel('Begintijd')).toHaveValue('10:00');
  await details.getByLabel('Titel').fill(`${title} (verplaatst)`);
  await details.getByLabel('Datum').fill('2031-03-11');
  await details.getByLabel('Begintijd').fill('14:30');
  await details.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
  await expect(page.getByText('Het overleg is gewijzigd en verplaatst.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${title} (verplaatst)`);
  const moved = await expectJson<{ startsAt: string }>(await api.get(`/api/v1/meetings/${meeting.id}`), 200);
  expect(new Date(moved.startsAt).toISOString()).toBe('2031-03-11T13:30:00.000Z');

  // The agenda: the second case on, the first off.
  const agenda = page.getByRole('form', { name: 'Agenda aanpassen' });
  await agenda.getByLabel('Casus zoeken').fill(second.reference);
  await agenda.getByRole('button', { name: /Zoeken/ }).click();
  await agenda.getByLabel(`${second.reference} ${second.title}`).check();
  await agenda.getByLabel(`${first.reference} ${first.title}`).uncheck();
  await agenda.getByRole('button', { name: 'Agenda opslaan' }).click();
  await expect(page.getByText('De agenda is opgeslagen.')).toBeVisible();
  const agendaList = page.getByRole('region', { name: 'Agenda en verslag' });
  await expect(agendaList).toContainText(second.reference);
  await expect(agendaList).not.toContainText(first.reference);

  // Attendance: the chair was there.
  const attendance = page.getByRole('form', { name: 'Aanwezigheid' });
  await attendance.getByLabel(new RegExp(`^${regisseur.name} \\(`)).check();
  await attendance.getByRole('button', { name: 'Aanwezigheid opslaan' }).click();
  await expect(page.getByText(/De aanwezigheid is vastgelegd: 1 aanwezig\./)).toBeVisible();
  await expect(facts(page)).toContainText('Aanwezig');

  // Cancel, after a confirmation; the page says so and offers no more changes.
  await page.getByRole('button', { name: 'Overleg annuleren…' }).click();
  await page.getByRole('button', { name: 'Ja, overleg annuleren' }).click();
  await expect(page.getByText('Het overleg is geannuleerd.')).toBeVisible();
  await expect(page.getByText(/Dit overleg is geannuleerd op/)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Overleg wijzigen' })).toHaveCount(0);
  await expect(facts(page)).toContainText('Geannuleerd');
  for (const viewport of [DESKTOP, PHONE]) {
    await page.setViewportSize(viewport);
    await expectNoAxeViolations(page, `geannuleerd overleg (${viewport.width}px)`);
  }
});

test('de beheerder deactiveert een gebruiker (direct uitgelogd) en een partner, en activeert ze weer', async ({
  page,
  browser,
  playwright,
}, testInfo) => {
  const baseURL = testInfo.project.use.baseURL;
  const adminApi = await apiAs(playwright, baseURL, ADMIN_EMAIL);
  const partner = await expectJson<NamedPartner>(
    await adminApi.post('/api/v1/partners', {
      data: { name: unique('Stichting Buurtwerk'), kind: 'overig' },
    }),
    201,
  );
  const name = unique('Medewerker Buurtwerk');
  const email = `${name.replaceAll(' ', '-').toLowerCase()}@voorbeeldstad.example`;
  await expectJson(
    await adminApi.post('/api/v1/users', {
      data: { email, name, password: DEMO_PASSWORD, partnerId: partner.id, roles: ['professional'] },
    }),
    201,
  );

  // The user works in another browser.
  const context = await browser.newContext({ ...(baseURL ? { baseURL } : {}), locale: 'nl-NL' });
  const userPage = await context.newPage();
  try {
    await login(userPage, email);

    await login(page, ADMIN_EMAIL);
    for (const viewport of [DESKTOP, PHONE]) {
      await page.setViewportSize(viewport);
      await page.goto('/beheer/gebruikers');
      await page.getByRole('button', { name: `${name} wijzigen` }).click();
      await expect(page.getByRole('form', { name: `Gebruiker „${name}” wijzigen` })).toBeVisible();
      await expectNoAxeViolations(page, `gebruiker wijzigen (${viewport.width}px)`);
      if (viewport === PHONE) await expectNoHorizontalScroll(page);
    }
    await page.setViewportSize(DESKTOP);
    const form = page.getByRole('form', { name: `Gebruiker „${name}” wijzigen` });
    await form.getByRole('button', { name: 'Gebruiker deactiveren' }).click();
    await form.getByRole('button', { name: 'Ja, deactiveren' }).click();
    await expect(
      page.getByText(`Gebruiker „${name}” is gedeactiveerd en is direct uitgelogd.`),
    ).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: name })).toContainText('Gedeactiveerd');

    // At once: the user's next step leads to the login page, and logging in again is refused.
    await userPage.reload();
    await expect(userPage.getByRole('button', { name: 'Inloggen' })).toBeVisible();
    await userPage.getByLabel('E-mailadres').fill(email);
    await userPage.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
    await userPage.getByRole('button', { name: 'Inloggen' }).click();
    await expect(userPage.getByRole('alert')).toBeVisible();
    await expect(userPage.getByRole('navigation', { name: 'Hoofdmenu' })).toHaveCount(0);

    // Activated again, the user logs in.
    await page.getByRole('button', { name: `${name} wijzigen` }).click();
    await page.getByRole('button', { name: 'Gebruiker weer activeren' }).click();
    await expect(page.getByText(`Gebruiker „${name}” is weer actief en kan weer inloggen.`)).toBeVisible();
    await login(userPage, email);

    // The partner: deactivated, its user is logged out; it stays listed as such.
    await page.goto('/beheer/partners');
    await page.getByRole('button', { name: `${partner.name} wijzigen` }).click();
    await page.getByRole('button', { name: 'Partner deactiveren' }).click();
    await expectNoAxeViolations(page, 'partner deactiveren');
    await page.getByRole('button', { name: 'Ja, deactiveren' }).click();
    await expect(
      page.getByText(`Partner „${partner.name}” is gedeactiveerd; de gebruikers zijn uitgelogd.`),
    ).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: partner.name })).toContainText('Gedeactiveerd');
    await userPage.reload();
    await expect(userPage.getByRole('button', { name: 'Inloggen' })).toBeVisible();
    // No longer offered for a new meeting.
    const regisseurPage = await context.newPage();
    await login(regisseurPage, REGISSEUR_EMAIL);
    await regisseurPage.goto('/overleggen/nieuw');
    await expect(regisseurPage.getByRole('group', { name: 'Uitgenodigde partners' })).toBeVisible();
    await expect(regisseurPage.getByLabel(partner.name)).toHaveCount(0);
  } finally {
    await context.close();
  }
});
