import { type APIRequestContext, type Browser, expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations } from '../axe.ts';
import {
  ADMIN_EMAIL,
  apiAs,
  expectJson,
  login,
  type NamedPartner,
  openMenu,
  REGISSEUR_EMAIL,
  unique,
} from '../helpers.ts';

// Every test makes its own case (and meeting) through the API, so the tests do not depend on each other
// or on the demo dossiers.

const GGZ_EMAIL = 'ggz@voorbeeldstad.example';
const GGZ_NAME = 'GGZ Regio Voorbeeldstad';
const SCHULDHULP_EMAIL = 'schuldhulp@voorbeeldstad.example';

interface CreatedCase {
  id: string;
  reference: string;
  title: string;
}

async function sessionUser(api: APIRequestContext): Promise<{ id: string; name: string; partnerId: string }> {
  const session = await expectJson<{ user: { id: string; name: string; partnerId: string } }>(
    await api.get('/api/v1/session'),
    200,
  );
  return session.user;
}

/** A demo partner by name (other tests add partners of the same kinds). */
async function partnerNamed(api: APIRequestContext, name: string): Promise<NamedPartner> {
  const partners = await expectJson<{ items: NamedPartner[] }>(await api.get('/api/v1/partners'), 200);
  const partner = partners.items.find((p) => p.name === name);
  if (!partner) throw new Error(`No partner named ${name}`);
  return partner;
}

/** One cell of the matrix, leaving the rest of the row as it is. */
async function setCell(api: APIRequestContext, partnerId: string, category: string, access: string) {
  await expectJson(
    await api.put('/api/v1/access-matrix', { data: { cells: [{ partnerId, category, access }] } }),
    200,
  );
}

/** An area case without subjects, directed by the regisseur, with the given partners taking part. */
async function createCase(api: APIRequestContext, directorUserId: string, partnerIds: string[]) {
  const title = unique('Overlast speelplein');
  const created = await expectJson<{ id: string; reference: string }>(
    await api.post('/api/v1/cases', {
      data: { type: 'area', title, subjects: [], partnerIds, directorUserId },
    }),
    201,
  );
  return { id: created.id, reference: created.reference, title } satisfies CreatedCase;
}

function bell(page: Page) {
  return page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: /^Notificaties,/ });
}

function bellName(unread: number): string {
  return unread === 0 ? 'Notificaties, geen ongelezen' : `Notificaties, ${unread} ongelezen`;
}

async function newPage(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({
    ...(baseURL ? { baseURL } : {}),
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    viewport: { width: 1280, height: 900 },
  });
  return context.newPage();
}

test('de bel van de regisseur telt live mee als een professional iets toevoegt', async ({
  page,
  browser,
  playwright,
}, testInfo) => {
  const baseURL = testInfo.project.use.baseURL;
  const regisseurApi = await apiAs(playwright, baseURL, REGISSEUR_EMAIL);
  const regisseur = await sessionUser(regisseurApi);
  const ggz = await partnerNamed(regisseurApi, GGZ_NAME);
  await setCell(regisseurApi, ggz.id, 'zorg', 'write');
  const theCase = await createCase(regisseurApi, regisseur.id, [ggz.id]);
  const before = await expectJson<{ unread: number }>(
    await regisseurApi.get('/api/v1/alerts?unread=true'),
    200,
  );

  // The regisseur has the app open, with the alert stream connected.
  const stream = page.waitForResponse((r) => r.url().includes('/api/v1/alerts/stream'));
  await login(page, REGISSEUR_EMAIL);
  await stream;
  await expect(bell(page)).toHaveAccessibleName(bellName(before.unread));
  await page.evaluate(() => {
    (window as unknown as { notReloaded: boolean }).notReloaded = true;
  });

  // A professional of the GGZ adds information to the case, in another browser.
  const ggzPage = await newPage(browser, baseURL);
  try {
    await login(ggzPage, GGZ_EMAIL);
    await ggzPage.goto(`/casussen/${theCase.id}`);
    await expect(ggzPage.getByRole('heading', { level: 1 })).toContainText(theCase.reference);
    const entryForm = ggzPage.getByRole('form', { name: 'Notitie toevoegen' });
    await entryForm.getByLabel('Categorie').selectOption({ label: 'Zorg' });
    await entryForm.getByLabel('Tekst').fill('Contact gehad met de huisarts.');
    await entryForm.getByRole('button', { name: 'Notitie toevoegen' }).click();
    await expect(ggzPage.getByText('De notitie is toegevoegd aan het journaal.')).toBeVisible();

    // The regisseur's bell counts it, without a reload.
    await expect(bell(page)).toHaveAccessibleName(bellName(before.unread + 1));
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(
      true,
    );

    // The notifications page lists it.
    await bell(page).click();
    await expect(page).toHaveURL(/\/notificaties$/);
    await expect(page).toHaveTitle('Notificaties – Wijkregie');
    await expect(page.getByRole('heading', { level: 1, name: 'Notificaties' })).toBeFocused();
    const table = page.getByRole('table', { name: /Notificaties/ });
    const rows = table.getByRole('row').filter({ hasText: theCase.reference });
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('Nieuwe informatie');
    await expect(rows.first()).toContainText('Ongelezen');
    await expect(rows.first().getByRole('link', { name: theCase.reference })).toHaveAttribute(
      'href',
      `/casussen/${theCase.id}`,
    );
    await expectNoAxeViolations(page, 'notificaties');

    // A second entry within a few minutes joins the same notification ("2 nieuwe notities"), on the
    // open page by itself; the bell counts one unread notification, not two.
    await entryForm.getByLabel('Categorie').selectOption({ label: 'Zorg' });
    await entryForm.getByLabel('Tekst').fill('Afspraak gemaakt voor een huisbezoek.');
    await entryForm.getByRole('button', { name: 'Notitie toevoegen' }).click();
    await expect(rows.first()).toContainText('2 nieuwe notities');
    await expect(rows).toHaveCount(1);
    await expect(bell(page)).toHaveAccessibleName(bellName(before.unread + 1));

    // Mark it read; the next entry starts a new notification. Then mark all read.
    await rows
      .first()
      .getByRole('button', { name: /^Markeer als gelezen/ })
      .click();
    await expect(page.getByRole('status')).toContainText('is gemarkeerd als gelezen');
    await expect(rows.filter({ hasText: 'Ongelezen' })).toHaveCount(0);
    await expect(bell(page)).toHaveAccessibleName(bellName(before.unread));
    await entryForm.getByLabel('Categorie').selectOption({ label: 'Zorg' });
    await entryForm.getByLabel('Tekst').fill('Huisbezoek gedaan, het gaat beter.');
    await entryForm.getByRole('button', { name: 'Notitie toevoegen' }).click();
    await expect(rows).toHaveCount(2);
    await expect(rows.filter({ hasText: 'Ongelezen' })).toHaveCount(1);
    await expect(bell(page)).toHaveAccessibleName(bellName(before.unread + 1));
    await page.getByRole('button', { name: 'Alles gelezen' }).click();
    await expect(page.getByRole('status')).toContainText('Alle notificaties zijn gemarkeerd als gelezen.');
    await expect(rows.filter({ hasText: 'Ongelezen' })).toHaveCount(0);
    await expect(bell(page)).toHaveAccessibleName(bellName(0));
    await expectNoAxeViolations(page, 'notificaties, alles gelezen');
  } finally {
    await ggzPage.context().close();
    await regisseurApi.dispose();
  }
});

test('een overleg met een casus op de agenda: verslag, actie en de actie afronden', async ({
  page,
  playwright,
}, testInfo) => {
  const regisseurApi = await apiAs(playwright, testInfo.project.use.baseURL, REGISSEUR_EMAIL);
  const regisseur = await sessionUser(regisseurApi);
  const wijkteam = await partnerNamed(regisseurApi, 'Wijkteam Voorbeeldstad');
  await setCell(regisseurApi, regisseur.partnerId, 'basis', 'write');
  const theCase = await createCase(regisseurApi, regisseur.id, [wijkteam.id]);
  const meetingTitle = unique('Casusoverleg Centrum');
  const decision = unique('Besluit: gezamenlijk huisbezoek');
  const actionTitle = unique('Huisbezoek plannen');
  await regisseurApi.dispose();

  await login(page, REGISSEUR_EMAIL);
  await openMenu(page, 'Overleggen');
  await expect(page).toHaveTitle('Overleggen – Wijkregie');
  await expect(page.getByRole('heading', { level: 1, name: 'Overleggen' })).toBeFocused();
  await expect(page.getByRole('heading', { level: 2, name: 'Komende overleggen' })).toBeVisible();
  await expectNoAxeViolations(page, 'overleggen');

  // Plan it.
  await page.getByRole('link', { name: 'Nieuw overleg' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nieuw overleg' })).toBeFocused();
  const form = page.getByRole('form', { name: 'Nieuw overleg' });
  await form.getByRole('button', { name: 'Overleg plannen' }).click();
  await expect(form.getByLabel('Titel')).toHaveAccessibleDescription('Titel is verplicht');
  await expect(form.getByLabel('Titel')).toBeFocused();

  await form.getByLabel('Titel').fill(meetingTitle);
  await form.getByLabel('Soort overleg').selectOption({ label: 'Casusoverleg' });
  await form.getByLabel('Begintijd').fill('14:30');
  await form.getByLabel('Plaats (optioneel)').fill('Stadhuis, zaal 3');
  await expect(form.getByLabel('Voorzitter')).toHaveValue(regisseur.id);
  await form
    .getByRole('group', { name: 'Uitgenodigde partners' })
    .getByLabel('Wijkteam Voorbeeldstad')
    .check();
  const agenda = form.getByRole('group', { name: 'Casussen op de agenda' });
  await agenda.getByLabel('Casus zoeken').fill(theCase.reference);
  await agenda.getByLabel('Casus zoeken').press('Enter');
  await agenda.getByLabel(`${theCase.reference} ${theCase.title}`).check();
  await expect(agenda).toContainText('1 gekozen');
  await expectNoAxeViolations(page, 'nieuw overleg');
  await form.getByRole('button', { name: 'Overleg plannen' }).click();

  // The meeting page.
  await expect(page.getByRole('heading', { level: 1, name: meetingTitle })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'is gepland' })).toBeVisible();
  await expect(page).toHaveTitle(`Overleg ${meetingTitle} – Wijkregie`);
  const facts = page.getByRole('region', { name: 'Gegevens' });
  await expect(facts).toContainText('Stadhuis, zaal 3');
  await expect(facts).toContainText('Sanne de Vries (jij)');
  await expect(facts).toContainText('Wijkteam Voorbeeldstad');
  await expect(facts).toContainText('14:30');
  const item = page.getByRole('region', { name: new RegExp(theCase.reference) });
  await expect(item.getByRole('link', { name: new RegExp(theCase.reference) })).toHaveAttribute(
    'href',
    `/casussen/${theCase.id}`,
  );
  await expectNoAxeViolations(page, 'overleg');

  // A decision for the case on the agenda.
  const minutesForm = page.getByRole('form', { name: 'Verslag of besluit toevoegen' });
  await minutesForm.getByRole('group', { name: 'Soort' }).getByLabel('Besluit').check();
  await minutesForm.getByLabel('Categorie').selectOption({ label: 'Basisgegevens' });
  await minutesForm.getByLabel('Tekst').fill(decision);
  await minutesForm.getByRole('button', { name: 'Besluit vastleggen' }).click();
  await expect(page.getByRole('status')).toContainText('Het besluit is vastgelegd');
  await expect(item.getByRole('article')).toHaveCount(1);
  await expect(item.getByRole('article')).toContainText(decision);
  await expect(item.getByRole('article')).toContainText('Besluit');

  // An action for the regisseur herself.
  const actionForm = page.getByRole('form', { name: 'Actie toevoegen' });
  await actionForm.getByLabel('Omschrijving').fill(actionTitle);
  await expect(actionForm.getByLabel('Verantwoordelijke organisatie')).toHaveValue(regisseur.partnerId);
  await actionForm.getByLabel('Uitvoerder (optioneel)').selectOption({ label: 'Sanne de Vries (jij)' });
  await actionForm.getByRole('button', { name: 'Actie toevoegen' }).click();
  await expect(page.getByRole('status')).toContainText(`De actie „${actionTitle}” is toegevoegd.`);
  const meetingActions = page.getByRole('table', { name: /Acties uit dit overleg \(1\)/ });
  await expect(meetingActions.getByRole('row').filter({ hasText: actionTitle })).toContainText('Open');
  await expectNoAxeViolations(page, 'overleg met verslag en actie');

  // The PDF with agenda and minutes.
  const pdfLink = page.getByRole('link', { name: 'Download PDF (agenda en verslag)' });
  const href = (await pdfLink.getAttribute('href')) ?? '';
  expect(href).toMatch(/^\/api\/v1\/meetings\/[0-9a-f-]+\/pdf$/);
  const pdf = await page.request.get(href);
  expect(pdf.status(), `GET ${href}`).toBe(200);
  expect(pdf.headers()['content-type']).toContain('application/pdf');

  // The action is on the Acties page, and is marked done there.
  await openMenu(page, 'Acties');
  await expect(page).toHaveTitle('Acties – Wijkregie');
  await expect(page.getByRole('heading', { level: 1, name: 'Acties' })).toBeFocused();
  const views = page.getByRole('navigation', { name: 'Weergave acties' });
  await expect(views.getByRole('link', { name: 'Mijn acties' })).toHaveAttribute('aria-current', 'page');
  const row = page
    .getByRole('table', { name: /Mijn acties/ })
    .getByRole('row')
    .filter({ hasText: actionTitle });
  await expect(row).toContainText(theCase.reference);
  await expect(row).toContainText('Gemeente Voorbeeldstad');
  await expect(row).toContainText('Sanne de Vries');
  await expectNoAxeViolations(page, 'acties');

  await row.getByRole('button', { name: `Bijwerken actie ${actionTitle}` }).click();
  const editor = page.getByRole('region', { name: `Actie bijwerken: ${actionTitle}` });
  await expect(editor.getByRole('heading', { level: 3 })).toBeFocused();
  await expectNoAxeViolations(page, 'acties › bijwerken');
  await editor.getByLabel('Resultaat (optioneel)').fill('Huisbezoek staat gepland op dinsdag.');
  await editor.getByRole('button', { name: 'Markeer als gedaan' }).click();
  await expect(page.getByRole('status')).toContainText(`De actie „${actionTitle}” is afgerond.`);
  await expect(row).toHaveCount(0);
  await page.getByLabel('Status').selectOption({ label: 'Gedaan' });
  const doneRow = page
    .getByRole('table', { name: /Mijn acties, gedaan/ })
    .getByRole('row')
    .filter({ hasText: actionTitle });
  await expect(doneRow).toContainText('Gedaan');
  await expect(doneRow).toContainText('Resultaat: Huisbezoek staat gepland op dinsdag.');
});

test('een actie over de termijn staat onder Te laat, niet alleen in kleur', async ({
  page,
  playwright,
}, testInfo) => {
  const regisseurApi = await apiAs(playwright, testInfo.project.use.baseURL, REGISSEUR_EMAIL);
  const regisseur = await sessionUser(regisseurApi);
  const theCase = await createCase(regisseurApi, regisseur.id, []);
  const title = unique('Brief sturen');
  await expectJson(
    await regisseurApi.post(`/api/v1/cases/${theCase.id}/actions`, {
      data: {
        title,
        ownerPartnerId: regisseur.partnerId,
        assigneeUserId: regisseur.id,
        dueDate: '2020-01-06',
      },
    }),
    201,
  );
  await regisseurApi.dispose();

  await login(page, REGISSEUR_EMAIL);
  await page.goto('/acties?weergave=te-laat');
  const row = page
    .getByRole('table', { name: /Te laat/ })
    .getByRole('row')
    .filter({ hasText: title });
  await expect(row).toContainText('Te laat');
  await expect(row).toContainText('6 januari 2020');
  // The due date can be moved.
  await row.getByRole('button', { name: `Bijwerken actie ${title}` }).click();
  const editor = page.getByRole('region', { name: `Actie bijwerken: ${title}` });
  await editor.getByLabel('Nieuwe termijn').fill('2099-12-31');
  await editor.getByRole('button', { name: 'Termijn wijzigen' }).click();
  await expect(page.getByRole('status')).toContainText('31 december 2099');
  await expect(row).toHaveCount(0);

  // The case page lists it, with a form to add another.
  await page.goto(`/casussen/${theCase.id}`);
  const actions = page.getByRole('region', { name: 'Acties' });
  await expect(actions.getByRole('row').filter({ hasText: title })).toContainText('31 december 2099');
  const form = actions.getByRole('form', { name: 'Actie toevoegen' });
  const second = unique('Buurtbewoners informeren');
  await form.getByLabel('Omschrijving').fill(second);
  await form.getByRole('button', { name: 'Actie toevoegen' }).click();
  await expect(page.getByRole('status')).toContainText(`De actie „${second}” is toegevoegd.`);
  await expect(actions.getByRole('table', { name: /Acties in deze casus \(2\)/ })).toBeVisible();

  // Tablet width: the page still fits, without sideways scrolling of the page itself.
  await page.setViewportSize({ width: 768, height: 1024 });
  await page.goto('/acties');
  await expect(page.getByRole('heading', { level: 1, name: 'Acties' })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectNoAxeViolations(page, 'acties (tablet)');
});

test('volgen en "sinds je laatste bezoek" op de casuspagina', async ({ page, playwright }, testInfo) => {
  const baseURL = testInfo.project.use.baseURL;
  const regisseurApi = await apiAs(playwright, baseURL, REGISSEUR_EMAIL);
  const regisseur = await sessionUser(regisseurApi);
  const ggz = await partnerNamed(regisseurApi, GGZ_NAME);
  await setCell(regisseurApi, ggz.id, 'zorg', 'write');
  const theCase = await createCase(regisseurApi, regisseur.id, [ggz.id]);
  await regisseurApi.dispose();

  await login(page, REGISSEUR_EMAIL);
  await page.goto(`/casussen/${theCase.id}`);
  const since = page.getByRole('region', { name: 'Sinds je laatste bezoek' });
  await expect(since).toContainText('Je bekijkt deze casus voor het eerst.');
  const follow = page.getByRole('button', { name: 'Volgen' });
  await expect(follow).toHaveAttribute('aria-pressed', 'false');
  await follow.click();
  const unfollow = page.getByRole('button', { name: 'Niet meer volgen' });
  await expect(unfollow).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('status')).toContainText('Je volgt deze casus.');
  await expectNoAxeViolations(page, 'casuspagina met acties en volgen');

  // Someone else adds information; the next visit says so.
  const ggzApi = await apiAs(playwright, baseURL, GGZ_EMAIL);
  await expectJson(
    await ggzApi.post(`/api/v1/cases/${theCase.id}/entries`, {
      data: { category: 'zorg', text: 'Melding van de huisarts.' },
    }),
    201,
  );
  await ggzApi.dispose();
  await page.reload();
  await expect(since).toContainText('Vorige keer bekeken');
  await expect(since).toContainText('1 nieuwe notitie');
  await expect(page.getByRole('button', { name: 'Niet meer volgen' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await page.getByRole('button', { name: 'Niet meer volgen' }).click();
  await expect(page.getByRole('button', { name: 'Volgen' })).toHaveAttribute('aria-pressed', 'false');
});

test('de e-mailvoorkeur wordt gewijzigd op de instellingenpagina', async ({ page }) => {
  await login(page, SCHULDHULP_EMAIL);
  await page.getByRole('banner').getByRole('link', { name: 'Instellingen' }).click();
  await expect(page).toHaveURL(/\/instellingen$/);
  await expect(page).toHaveTitle('Instellingen – Wijkregie');
  await expect(page.getByRole('heading', { level: 1, name: 'Instellingen' })).toBeFocused();
  const group = page.getByRole('group', { name: 'Wanneer wil je een e-mail?' });
  await expect(group.getByRole('radio')).toHaveCount(3);
  await expectNoAxeViolations(page, 'instellingen');

  await group.getByLabel('Eén overzicht per dag').check();
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('status')).toContainText('Opgeslagen. Je keuze: „Eén overzicht per dag”.');
  await page.reload();
  await expect(group.getByLabel('Eén overzicht per dag')).toBeChecked();

  await group.getByLabel('Geen e-mail (alleen in de app)').check();
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('status')).toContainText('Je keuze: „Geen e-mail (alleen in de app)”');
  await page.reload();
  await expect(group.getByLabel('Geen e-mail (alleen in de app)')).toBeChecked();
});

test('de beheerder ziet de uitgaande e-mail; zonder bel', async ({ page }) => {
  await login(page, ADMIN_EMAIL);
  await expect(bell(page)).toHaveCount(0);
  await openMenu(page, 'Beheer');
  await page
    .getByRole('navigation', { name: 'Beheer' })
    .getByRole('link', { name: 'Uitgaande e-mail' })
    .click();
  await expect(page).toHaveURL(/\/beheer\/e-mail$/);
  await expect(page).toHaveTitle('Uitgaande e-mail – Wijkregie');
  await expect(page.getByRole('heading', { level: 1, name: 'Uitgaande e-mail' })).toBeFocused();
  await expect(page.getByRole('table', { name: /Uitgaande e-mail \(\d+\)/ })).toBeVisible();
  await expectNoAxeViolations(page, 'beheer › uitgaande e-mail');
  await page.getByLabel('Status').selectOption({ label: 'Mislukt' });
  await expect(page.getByRole('table', { name: /Uitgaande e-mail \(\d+\)/ })).toBeVisible();
});

test('de nieuwe pagina’s zijn toegankelijk voor een professional, ook op tabletbreedte', async ({ page }) => {
  await login(page, 'wijkagent@voorbeeldstad.example');
  await expect(bell(page)).toBeVisible();
  for (const width of [1280, 768]) {
    await page.setViewportSize({ width, height: 1000 });
    for (const [path, heading] of [
      ['/overleggen', 'Overleggen'],
      ['/overleggen/nieuw', 'Nieuw overleg'],
      ['/acties?weergave=organisatie', 'Acties'],
      ['/notificaties', 'Notificaties'],
      ['/instellingen', 'Instellingen'],
    ] as const) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      await expect(page.getByText(/wordt geladen|worden geladen/)).toHaveCount(0);
      await expectNoAxeViolations(page, `${path} (${width}px)`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${path} past op ${width}px`).toBeLessThanOrEqual(0);
    }
  }
});
