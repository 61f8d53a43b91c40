import { expect, type Page, test } from '@playwright/test';
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
  WIJKAGENT_EMAIL,
} from '../helpers.ts';

// Issue 11: a deactivated partner (and its people) is no longer offered for new work, a deactivated
// account reads on the login page why it cannot log in (only after the right password), and a page a
// user's roles do not allow says so — naming the roles it is for — without asking the server for data.

interface Me {
  id: string;
  name: string;
  partnerId: string;
}

/** The API paths the page requested, from the moment of the call. */
function requestedApiPaths(page: Page): string[] {
  const paths: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/')) paths.push(url.pathname);
  });
  return paths;
}

test('een gedeactiveerde partner en zijn medewerkers worden niet meer aangeboden voor nieuw werk', async ({
  page,
  playwright,
}, testInfo) => {
  test.setTimeout(120_000);
  const baseURL = testInfo.project.use.baseURL;
  const adminApi = await apiAs(playwright, baseURL, ADMIN_EMAIL);
  const regApi = await apiAs(playwright, baseURL, REGISSEUR_EMAIL);
  const regisseur = (await expectJson<{ user: Me }>(await regApi.get('/api/v1/session'), 200)).user;

  const partner = await expectJson<NamedPartner>(
    await adminApi.post('/api/v1/partners', {
      data: { name: unique('Stichting Straatwerk'), kind: 'overig' },
    }),
    201,
  );
  const workerName = unique('Straatwerker');
  await expectJson(
    await adminApi.post('/api/v1/users', {
      data: {
        email: `${workerName.replaceAll(' ', '-').toLowerCase()}@voorbeeldstad.example`,
        name: workerName,
        password: DEMO_PASSWORD,
        partnerId: partner.id,
        roles: ['professional'],
      },
    }),
    201,
  );
  // A case the partner took part in before its deactivation.
  const title = unique('Hangjongeren speeltuin');
  const kase = await expectJson<{ id: string }>(
    await regApi.post('/api/v1/cases', {
      data: { type: 'area', title, subjects: [], partnerIds: [partner.id], directorUserId: regisseur.id },
    }),
    201,
  );
  await expectJson(await adminApi.patch(`/api/v1/partners/${partner.id}`, { data: { active: false } }), 200);

  await login(page, REGISSEUR_EMAIL);

  // A new case: neither the partner nor its worker is offered.
  await page.goto('/casussen/nieuw');
  const newCase = page.getByRole('form', { name: 'Nieuwe casus' });
  const newCasePartners = newCase.getByRole('group', { name: 'Deelnemende partners' });
  await expect(newCasePartners.getByRole('checkbox').first()).toBeVisible();
  await expect(newCasePartners.getByLabel(partner.name, { exact: false })).toHaveCount(0);
  const director = newCase.getByLabel('Casusregisseur');
  await expect(director.locator('option').nth(1)).toBeAttached();
  await expect(director.locator('option', { hasText: workerName })).toHaveCount(0);

  // The case it took part in: it stays there (marked), but gets no new action.
  await page.goto(`/casussen/${kase.id}`);
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(title) })).toBeVisible();
  const owner = page
    .getByRole('form', { name: 'Actie toevoegen' })
    .getByLabel('Verantwoordelijke organisatie');
  await expect(owner.locator('option').nth(1)).toBeAttached();
  await expect(owner.locator('option', { hasText: partner.name })).toHaveCount(0);
  await page.locator('summary', { hasText: 'Casusgegevens wijzigen' }).click();
  const edit = page.getByRole('form', { name: 'Casusgegevens wijzigen' });
  await expect(edit.getByLabel(`${partner.name} (gedeactiveerd)`)).toBeChecked();
  await expect(edit.getByLabel('Casusregisseur').locator('option', { hasText: workerName })).toHaveCount(0);
  await expectNoAxeViolations(page, 'casus met een gedeactiveerde partner');

  // A new meeting: not invited, its worker does not chair.
  await page.goto('/overleggen/nieuw');
  const invitees = page.getByRole('group', { name: 'Uitgenodigde partners' });
  await expect(invitees.getByRole('checkbox').first()).toBeVisible();
  await expect(invitees.getByLabel(partner.name, { exact: false })).toHaveCount(0);
  await expect(page.getByLabel('Voorzitter').locator('option', { hasText: workerName })).toHaveCount(0);
});

test('een gedeactiveerd account leest bij het inloggen waarom het niet lukt, alleen met het goede wachtwoord', async ({
  page,
  playwright,
}, testInfo) => {
  const adminApi = await apiAs(playwright, testInfo.project.use.baseURL, ADMIN_EMAIL);
  const partners = await expectJson<{ items: NamedPartner[] }>(await adminApi.get('/api/v1/partners'), 200);
  const politie = partners.items.find((p) => p.kind === 'politie');
  if (!politie) throw new Error('no police partner in the demo');
  const name = unique('Oud Collega');
  const email = `${name.replaceAll(' ', '-').toLowerCase()}@voorbeeldstad.example`;
  const user = await expectJson<{ id: string }>(
    await adminApi.post('/api/v1/users', {
      data: { email, name, password: DEMO_PASSWORD, partnerId: politie.id, roles: ['professional'] },
    }),
    201,
  );
  await expectJson(await adminApi.patch(`/api/v1/users/${user.id}`, { data: { active: false } }), 200);

  await page.goto('/login');
  const form = page.getByRole('main');
  await form.getByLabel('E-mailadres').fill(email);
  await form.getByLabel('Wachtwoord').fill('een-verkeerd-wachtwoord');
  await form.getByRole('button', { name: 'Inloggen' }).click();
  // A wrong password learns nothing about the account.
  await expect(page.getByRole('alert')).toContainText('E-mailadres of wachtwoord onjuist');
  await expect(page.getByRole('alert')).not.toContainText('actief');

  await form.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
  await form.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByRole('alert')).toContainText(
    'Je account is niet meer actief. Neem contact op met de functioneel beheerder van je gemeente.',
  );
  await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).toHaveCount(0);
  await expectNoAxeViolations(page, 'inloggen met een gedeactiveerd account');
});

test('een pagina die niet bij de rol hoort legt uit waarom, zonder gegevens op te vragen', async ({
  page,
  playwright,
}, testInfo) => {
  test.setTimeout(120_000);
  const regApi = await apiAs(playwright, testInfo.project.use.baseURL, REGISSEUR_EMAIL);
  const person = await expectJson<{ id: string }>(
    await regApi.post('/api/v1/persons', { data: { firstName: 'Noor', lastName: unique('Visser') } }),
    201,
  );

  // The functioneel beheerder: persons, a person, the audit log and meetings are not theirs.
  await login(page, ADMIN_EMAIL);
  const paths = requestedApiPaths(page);
  const pages: [string, string, string][] = [
    ['/personen?q=Visser', 'Personen', 'regisseur en professional'],
    [`/personen/${person.id}`, 'Persoon', 'regisseur en professional'],
    ['/audit', 'Auditlog', 'privacyfunctionaris en regisseur'],
    ['/overleggen', 'Overleggen', 'regisseur en professional'],
    ['/overleggen/nieuw', 'Nieuw overleg', 'regisseur en professional'],
  ];
  for (const [path, title, roles] of pages) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: title, exact: true })).toBeVisible();
    await expect(page.getByRole('main')).toContainText(
      `Je hebt geen toegang tot deze pagina. Deze pagina is er voor de rollen ${roles}; jij hebt de rol functioneel beheerder.`,
    );
  }
  await expectNoAxeViolations(page, 'geen toegang (beheerder)');
  // Nothing was asked that the roles do not allow (no refused reads in the audit log either).
  expect(paths.filter((p) => /^\/api\/v1\/(persons|audit|meetings)/.test(p))).toEqual([]);

  // The wijkagent (professional): the authorisation matrix and the audit log are not theirs.
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  // Let the logout's own way to the login page finish; a new navigation on top of it is aborted.
  await expect(page).toHaveURL(/\/login/);
  await login(page, WIJKAGENT_EMAIL);
  const asProfessional = requestedApiPaths(page);
  await page.goto('/beheer/matrix');
  await expect(page.getByRole('heading', { level: 1, name: 'Autorisatiematrix' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText(
    'Deze pagina is er voor de rollen functioneel beheerder, regisseur en privacyfunctionaris; jij hebt de rol professional.',
  );
  await page.goto('/audit');
  await expect(page.getByRole('heading', { level: 1, name: 'Auditlog' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Je hebt geen toegang tot deze pagina.');
  await expectNoAxeViolations(page, 'geen toegang (professional)');
  expect(asProfessional.filter((p) => /^\/api\/v1\/(access-matrix|audit)/.test(p))).toEqual([]);
});
