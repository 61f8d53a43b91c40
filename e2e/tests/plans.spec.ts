import fs from 'node:fs';
import { type APIRequestContext, expect, test } from '@playwright/test';
import { expectNoAxeViolations } from '../axe.ts';
import {
  ADMIN_EMAIL,
  apiAs,
  expectJson,
  expectReadableOnPhone,
  login,
  type NamedPartner,
  openMenu,
  REGISSEUR_EMAIL,
  unfoldPhoneMenu,
  unique,
} from '../helpers.ts';

/**
 * Issue 12, the plan of approach in the browser: assessing a person and reading the trend, a goal with an
 * action from a meeting, an evaluation, closing a case with a result, the results page, the life domains
 * in Beheer; axe on each, and the trend and the plan at 390 px. Every test makes its own person and case
 * through the API, so the tests do not depend on each other or on the demo dossiers.
 */

const WIJKTEAM_EMAIL = 'wijkteam@voorbeeldstad.example';

interface Setup {
  personId: string;
  personName: string;
  caseId: string;
  reference: string;
  regisseurId: string;
  partners: { gemeente: NamedPartner; wijkteam: NamedPartner };
}

async function partnerNamed(api: APIRequestContext, name: string): Promise<NamedPartner> {
  const partners = await expectJson<{ items: NamedPartner[] }>(await api.get('/api/v1/partners'), 200);
  const partner = partners.items.find((p) => p.name === name);
  if (!partner) throw new Error(`No partner named ${name}`);
  return partner;
}

/**
 * The cells of the matrix these tests rely on, as in the demo (other specs change rows of the same
 * partners): the wijkteam writes zorg, financiën and wonen and has no justitie or veiligheid; the
 * municipality writes wonen and veiligheid and only reads financiën.
 */
async function demoMatrixCells(api: APIRequestContext, gemeente: NamedPartner, wijkteam: NamedPartner) {
  const cells = [
    ...Object.entries({
      basis: 'write',
      zorg: 'write',
      financien: 'write',
      wonen: 'write',
      justitie: 'none',
      veiligheid: 'none',
      politie: 'none',
      ondermijning: 'none',
    }).map(([category, access]) => ({ partnerId: wijkteam.id, category, access })),
    ...Object.entries({ basis: 'write', wonen: 'write', veiligheid: 'write', financien: 'read' }).map(
      ([category, access]) => ({ partnerId: gemeente.id, category, access }),
    ),
  ];
  await expectJson(await api.put('/api/v1/access-matrix', { data: { cells } }), 200);
}

/** A person and a person case of theirs, directed by the regisseur, with the municipality and the wijkteam. */
async function personWithCase(api: APIRequestContext): Promise<Setup> {
  const session = await expectJson<{ user: { id: string } }>(await api.get('/api/v1/session'), 200);
  const gemeente = await partnerNamed(api, 'Gemeente Voorbeeldstad');
  const wijkteam = await partnerNamed(api, 'Wijkteam Voorbeeldstad');
  await demoMatrixCells(api, gemeente, wijkteam);
  const lastName = unique('Zelfredzaam');
  const person = await expectJson<{ id: string }>(
    await api.post('/api/v1/persons', { data: { firstName: 'Roos', lastName } }),
    201,
  );
  const created = await expectJson<{ id: string; reference: string }>(
    await api.post('/api/v1/cases', {
      data: {
        type: 'person',
        title: unique('Plan van aanpak'),
        subjects: [{ kind: 'person', id: person.id }],
        partnerIds: [gemeente.id, wijkteam.id],
        directorUserId: session.user.id,
      },
    }),
    201,
  );
  return {
    personId: person.id,
    personName: `Roos ${lastName}`,
    caseId: created.id,
    reference: created.reference,
    regisseurId: session.user.id,
    partners: { gemeente, wijkteam },
  };
}

/** The date n days before today (UTC) as YYYY-MM-DD. */
function daysAgo(n: number): string {
  return new Date(Date.now() - n * 24 * 3600 * 1000).toISOString().slice(0, 10);
}

const dutchDate = (iso: string) =>
  new Intl.DateTimeFormat('nl-NL', {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(`${iso}T00:00:00Z`));

test('een professional scoort een persoon en ziet het verloop: profiel, raster en grafiek, ook op 390 px', async ({
  page,
  playwright,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const regisseur = await apiAs(playwright, baseURL, REGISSEUR_EMAIL);
  const setup = await personWithCase(regisseur);
  // An earlier conversation, recorded by the wijkteam through the API: the trend has two dates.
  const wijkteam = await apiAs(playwright, baseURL, WIJKTEAM_EMAIL);
  const earlier = daysAgo(60);
  await expectJson(
    await wijkteam.post(`/api/v1/persons/${setup.personId}/assessments`, {
      data: {
        caseId: setup.caseId,
        date: earlier,
        scores: [
          { domain: 'financien', score: 2, note: 'Betalingsachterstanden' },
          { domain: 'huisvesting', score: 3 },
        ],
      },
    }),
    201,
  );

  await login(page, WIJKTEAM_EMAIL);
  await page.goto(`/personen/${setup.personId}`);
  const section = page.getByRole('region', { name: 'Zelfredzaamheid' });
  await expect(section).toBeVisible();

  // The form offers only the domains the wijkteam may write (zorg, financiën, wonen), not justitie or safety.
  const form = section.getByRole('form', { name: 'Scores vastleggen' });
  await expect(form.getByLabel('Financiën', { exact: true })).toBeVisible();
  await expect(form.getByLabel('Geestelijke gezondheid', { exact: true })).toBeVisible();
  await expect(form.getByLabel('Justitie', { exact: true })).toHaveCount(0);
  await expect(form.getByLabel('Overlast', { exact: true })).toHaveCount(0);

  // Nothing scored: the form says so at the group.
  await form.getByRole('button', { name: 'Scores vastleggen' }).click();
  await expect(form.getByText('Geef op minstens één leefgebied een score')).toBeVisible();

  const today = daysAgo(0);
  await form.getByLabel('Casus').selectOption(setup.caseId);
  await form.getByLabel('Datum').fill(today);
  await form.getByLabel('Financiën', { exact: true }).selectOption({ label: '4 – Voldoende zelfredzaam' });
  await form.getByLabel('Toelichting Financiën (optioneel)').fill('Schulden in beeld, budgetbeheer loopt');
  await form.getByLabel('Huisvesting', { exact: true }).selectOption({ label: '2 – Niet zelfredzaam' });
  await form.getByRole('button', { name: 'Scores vastleggen' }).click();
  await expect(page.getByRole('status')).toContainText(`De scores van ${dutchDate(today)} zijn vastgelegd`);

  // The profile: the latest score of each domain.
  const profile = section.getByRole('table', { name: /Laatste score per leefgebied/ });
  await expect(profile.getByRole('row', { name: /Financiën/ })).toContainText('4 Voldoende zelfredzaam');
  await expect(profile.getByRole('row', { name: /Huisvesting/ })).toContainText('2 Niet zelfredzaam');

  // The grid: a row per domain, a column per date, number and level in each cell.
  const grid = section.getByRole('table', { name: 'Scores per leefgebied en datum' });
  await expect(grid.getByRole('columnheader')).toHaveCount(3);
  const financien = grid.getByRole('row', { name: /Financiën/ });
  await expect(financien.getByRole('cell').nth(0)).toContainText('2 Niet zelfredzaam');
  await expect(financien.getByRole('cell').nth(0)).toContainText('Betalingsachterstanden');
  await expect(financien.getByRole('cell').nth(1)).toContainText('4 Voldoende zelfredzaam');

  // A chart per domain, with its course in words.
  await expect(
    section.getByRole('img', {
      name: `Financiën: van 2 – Niet zelfredzaam op ${dutchDate(earlier)} naar 4 – Voldoende zelfredzaam op ${dutchDate(today)}, 2 scores.`,
    }),
  ).toBeVisible();

  await expectNoAxeViolations(page, 'persoonspagina met zelfredzaamheid');
  await expectReadableOnPhone(page, 'verloop op de persoonspagina');
  // The grid scrolls in its own box at 390 px, the page itself does not.
  await page.setViewportSize({ width: 390, height: 844 });
  const box = page.locator('.wr-trend');
  await expect(box).toBeVisible();
  const fits = await box.evaluate((el) => el.getBoundingClientRect().right <= window.innerWidth);
  expect(fits, 'het raster blijft binnen het scherm').toBe(true);
  // With the keyboard: the grid is a tab stop (a named region) and the arrow keys scroll it sideways.
  const region = section.getByRole('region', { name: 'Scores per leefgebied en datum' });
  await region.focus();
  await expect(region).toBeFocused();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  // The domain column stays in view while the dates scroll.
  const stuck = await region
    .getByRole('rowheader', { name: 'Financiën' })
    .evaluate(
      (el) => el.getBoundingClientRect().left - (el.closest('section')?.getBoundingClientRect().left ?? 0),
    );
  expect(Math.abs(stuck), 'de kolom Leefgebied blijft staan').toBeLessThan(2);
});

test('een doel in het plan, en in het overleg een actie die eraan werkt; het plan op 390 px', async ({
  page,
  playwright,
  baseURL,
}) => {
  test.setTimeout(150_000);
  const regisseur = await apiAs(playwright, baseURL, REGISSEUR_EMAIL);
  const setup = await personWithCase(regisseur);
  const startsAt = new Date(Date.now() + 2 * 24 * 3600 * 1000).toISOString();
  const meeting = await expectJson<{ id: string }>(
    await regisseur.post('/api/v1/meetings', {
      data: {
        title: unique('Casusoverleg plan'),
        kind: 'case',
        startsAt,
        chairUserId: setup.regisseurId,
        partnerIds: [setup.partners.gemeente.id, setup.partners.wijkteam.id],
        caseIds: [setup.caseId],
      },
    }),
    201,
  );

  await login(page, REGISSEUR_EMAIL);
  await page.goto(`/casussen/${setup.caseId}`);
  const plan = page.getByRole('region', { name: 'Plan van aanpak' });
  await expect(plan).toBeVisible();
  await expect(plan.getByText('Er zijn nog geen doelen')).toBeVisible();
  await expect(plan.getByRole('link', { name: 'Download het plan van aanpak (PDF)' })).toHaveAttribute(
    'href',
    `/api/v1/cases/${setup.caseId}/plan.pdf`,
  );
  // The regisseur prints the plan as a partner of the case would see it.
  await plan.getByText('Het plan als PDF zoals een partner het ziet').click();
  const asWijkteam = plan.getByRole('link', { name: 'PDF voor Wijkteam Voorbeeldstad' });
  await expect(asWijkteam).toHaveAttribute(
    'href',
    `/api/v1/cases/${setup.caseId}/plan.pdf?partnerId=${setup.partners.wijkteam.id}`,
  );
  const pdf = await page.request.get((await asWijkteam.getAttribute('href')) ?? '');
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toContain('application/pdf');

  await plan.getByRole('button', { name: 'Doel toevoegen' }).click();
  const goalForm = plan.getByRole('form', { name: 'Doel toevoegen' });
  // The municipality writes wonen and veiligheid, and only reads financiën.
  const domainSelect = goalForm.getByLabel('Leefgebied');
  await expect(domainSelect.locator('option', { hasText: 'Huisvesting' })).toHaveCount(1);
  await expect(domainSelect.locator('option', { hasText: 'Financiën' })).toHaveCount(0);
  const goalText = unique('Woont over een half jaar zelfstandig');
  await domainSelect.selectOption({ label: 'Huisvesting' });
  await goalForm.getByLabel('Doel', { exact: true }).fill(goalText);
  await goalForm.getByLabel('Streefscore (optioneel)').selectOption({ label: '4 – Voldoende zelfredzaam' });
  await goalForm.getByLabel('Termijn (optioneel)').fill(daysAgo(-180));
  await goalForm.getByRole('button', { name: 'Doel toevoegen' }).click();
  await expect(page.getByRole('status')).toContainText(`Het doel „${goalText}” is toegevoegd.`);
  const goal = plan.getByRole('article', { name: goalText });
  await expect(goal).toContainText('Huisvesting');
  await expect(goal).toContainText('Loopt');
  await expect(goal).toContainText('4 Voldoende zelfredzaam');
  await expect(goal).toContainText('Nog geen acties aan dit doel gekoppeld.');
  await expectNoAxeViolations(page, 'casuspagina met plan van aanpak');

  // In the meeting: the action is tied to the goal in the same form.
  await page.goto(`/overleggen/${meeting.id}`);
  const agendaItem = page.getByRole('region', { name: new RegExp(setup.reference) });
  await expect(agendaItem).toContainText(goalText);
  const actionForm = page.getByRole('form', { name: 'Actie toevoegen' });
  const actionTitle = unique('Aanvraag urgentieverklaring');
  await actionForm.getByLabel('Omschrijving').fill(actionTitle);
  await actionForm
    .getByLabel('Werkt aan doel (optioneel)')
    .selectOption({ label: `Huisvesting: ${goalText}` });
  await actionForm.getByRole('button', { name: 'Actie toevoegen' }).click();
  await expect(page.getByRole('status')).toContainText(`De actie „${actionTitle}” is toegevoegd.`);
  await expectNoAxeViolations(page, 'overlegpagina met doelen');

  // Back on the case: the goal lists its action with its state and owner.
  await page.goto(`/casussen/${setup.caseId}`);
  const goalAgain = page
    .getByRole('region', { name: 'Plan van aanpak' })
    .getByRole('article', { name: goalText });
  await expect(goalAgain.getByRole('list', { name: 'Acties voor dit doel' })).toContainText(actionTitle);
  await expect(goalAgain.getByRole('list', { name: 'Acties voor dit doel' })).toContainText('Open');
  await expect(goalAgain.getByRole('list', { name: 'Acties voor dit doel' })).toContainText(
    'Gemeente Voorbeeldstad',
  );

  // The goal's status changes.
  await goalAgain.getByLabel('Status').selectOption({ label: 'Deels bereikt' });
  await goalAgain.getByRole('button', { name: 'Status wijzigen' }).click();
  await expect(page.getByRole('status')).toContainText('is nu deels bereikt');
  await expect(goalAgain).toContainText('Deels bereikt');

  // The goal itself changes: sharper words, no target score any more, a later date.
  await goalAgain.getByRole('button', { name: 'Doel wijzigen' }).click();
  const editGoal = goalAgain.getByRole('form', { name: `Doel wijzigen: ${goalText}` });
  await expect(editGoal.getByLabel('Doel', { exact: true })).toBeFocused();
  await editGoal.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
  await expect(page.getByRole('alert')).toContainText('Je hebt niets gewijzigd.');
  const sharper = unique('Woont binnen vier maanden zelfstandig');
  await editGoal.getByLabel('Doel', { exact: true }).fill(sharper);
  await editGoal.getByLabel('Streefscore (optioneel)').selectOption({ label: 'Geen streefscore' });
  await editGoal.getByLabel('Termijn (optioneel)').fill(daysAgo(-120));
  await editGoal.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
  await expect(page.getByRole('status')).toContainText(`Het doel „${sharper}” is gewijzigd.`);
  const edited = page
    .getByRole('region', { name: 'Plan van aanpak' })
    .getByRole('article', { name: sharper });
  await expect(edited).toContainText('Deels bereikt');
  await expect(edited.locator('dt:has-text("Streefscore") + dd')).toHaveText('Geen');
  const saved = await expectJson<{
    goals: { text: string; targetScore: number | null; dueDate: string | null }[];
  }>(await regisseur.get(`/api/v1/cases/${setup.caseId}/plan`), 200);
  expect(saved.goals.find((g) => g.text === sharper)).toMatchObject({
    targetScore: null,
    dueDate: daysAgo(-120),
  });

  await expectReadableOnPhone(page, 'plan van aanpak op de casuspagina');
});

test('een evaluatie met de status van de doelen, en de casus afsluiten met resultaat en toelichting', async ({
  page,
  playwright,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const regisseur = await apiAs(playwright, baseURL, REGISSEUR_EMAIL);
  const setup = await personWithCase(regisseur);
  const goalText = unique('Geen overlast meer in de portiek');
  await expectJson(
    await regisseur.post(`/api/v1/cases/${setup.caseId}/goals`, {
      data: { domain: 'overlast', subjectId: setup.personId, text: goalText, targetScore: 4 },
    }),
    201,
  );

  await login(page, REGISSEUR_EMAIL);
  await page.goto(`/casussen/${setup.caseId}`);
  const plan = page.getByRole('region', { name: 'Plan van aanpak' });
  await expect(plan.getByText('Er is nog niet geëvalueerd.')).toBeVisible();
  const form = plan.getByRole('form', { name: 'Evaluatie vastleggen' });
  const today = daysAgo(0);
  await form.getByLabel('Datum').fill(today);
  await form.getByLabel('Stand van zaken').fill('Sinds de afspraken met de buren geen meldingen meer.');
  await form.getByLabel(`Status: Overlast: ${goalText}`).selectOption({ label: 'Bereikt' });
  await form.getByRole('button', { name: 'Evaluatie vastleggen' }).click();
  await expect(page.getByRole('status')).toContainText(`De evaluatie van ${dutchDate(today)} is vastgelegd.`);
  const evaluation = plan.getByRole('article', { name: `Evaluatie van ${dutchDate(today)}` });
  await expect(evaluation).toContainText('geen meldingen meer');
  await expect(evaluation).toContainText(`Overlast: ${goalText}: Bereikt`);
  await expect(plan.getByRole('article', { name: goalText })).toContainText('Bereikt');
  await expectNoAxeViolations(page, 'casuspagina met evaluatie');

  // Closing asks for the result and takes a word on it.
  await page.getByRole('button', { name: 'Casus afsluiten…' }).click();
  const close = page.getByRole('form', { name: 'Casus afsluiten' });
  await close.getByLabel('Resultaat').selectOption({ label: 'Doelen bereikt' });
  await close.getByLabel('Toelichting (optioneel)').fill('Overlast opgelost, de buren zijn tevreden.');
  await close.getByRole('button', { name: 'Casus afsluiten' }).click();
  await expect(page.getByRole('status')).toContainText(
    'De casus is afgesloten met resultaat „Doelen bereikt”.',
  );
  const progress = page.getByRole('region', { name: 'Voortgang' });
  await expect(progress).toContainText(
    'Resultaat: Doelen bereikt — Overlast opgelost, de buren zijn tevreden.',
  );
  // A closed case's plan is read, no longer changed.
  await expect(plan.getByRole('form', { name: 'Evaluatie vastleggen' })).toHaveCount(0);
  await expectNoAxeViolations(page, 'afgesloten casus');

  const detail = await expectJson<{ result: { outcome: string; text: string | null } }>(
    await regisseur.get(`/api/v1/cases/${setup.caseId}`),
    200,
  );
  expect(detail.result).toEqual({
    outcome: 'goals_achieved',
    text: 'Overlast opgelost, de buren zijn tevreden.',
  });

  // The wijkteam takes part in the case but may not read the safety category: it sees the evaluation, not
  // the goal on overlast nor its status.
  await page.context().clearCookies();
  await login(page, WIJKTEAM_EMAIL);
  await page.goto(`/casussen/${setup.caseId}`);
  const theirPlan = page.getByRole('region', { name: 'Plan van aanpak' });
  await expect(
    theirPlan.getByText('Er zijn nog geen doelen (op leefgebieden die je mag zien).'),
  ).toBeVisible();
  await expect(theirPlan).not.toContainText(goalText);
  await expect(theirPlan.getByRole('article', { name: `Evaluatie van ${dutchDate(today)}` })).toBeVisible();
});

test('resultaten voor de regisseur: grafiek, tabel, CSV en gebied; niet in het menu van een professional', async ({
  page,
  playwright,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const regisseur = await apiAs(playwright, baseURL, REGISSEUR_EMAIL);
  const setup = await personWithCase(regisseur);
  // The municipality writes huisvesting: 2, then 4 — this person improved.
  for (const [date, score] of [
    [daysAgo(90), 2],
    [daysAgo(10), 4],
  ] as const) {
    await expectJson(
      await regisseur.post(`/api/v1/persons/${setup.personId}/assessments`, {
        data: { caseId: setup.caseId, date, scores: [{ domain: 'huisvesting', score }] },
      }),
      201,
    );
  }

  await login(page, REGISSEUR_EMAIL);
  await openMenu(page, 'Resultaten');
  await expect(page.getByRole('heading', { level: 1, name: 'Resultaten' })).toBeVisible();
  await expect(page.getByRole('img', { name: /Gestapeld staafdiagram/ })).toBeVisible();
  const table = page.getByRole('table', { name: /Personen per leefgebied/ });
  const row = table.getByRole('row', { name: /Huisvesting/ });
  await expect(row).toBeVisible();
  const improved = Number(((await row.getByRole('cell').nth(2).textContent()) ?? '').replace(/\D/g, ''));
  expect(improved, 'minstens deze persoon is verbeterd').toBeGreaterThanOrEqual(1);
  await expect(page.getByRole('table', { name: 'Afgesloten casussen per uitkomst' })).toContainText(
    'Doelen bereikt',
  );

  // The CSV is made in the browser from the same numbers: semicolons, Dutch column names, a BOM.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Exporteer CSV van de leefgebieden' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^resultaten-leefgebieden.*\.csv$/);
  const csv = fs.readFileSync(await download.path(), 'utf8');
  expect(csv.startsWith('\uFEFFLeefgebied;Personen;Verbeterd;Gelijk;Verslechterd;')).toBe(true);
  expect(csv).toMatch(new RegExp(`\\r\\nHuisvesting;\\d+;${improved};`));
  await expectNoAxeViolations(page, 'resultaten');

  // The wijken side by side for the same period: the demo's five (at least), each with its numbers, and as CSV.
  const wijken = page.getByRole('region', { name: 'De wijken naast elkaar' });
  const wijkTable = wijken.getByRole('table', { name: /Per wijk/ });
  for (const name of ['Centrum', 'Noord', 'Oost', 'Zuid', 'West']) {
    await expect(wijkTable.getByRole('row', { name: new RegExp(`^${name}\\b`) })).toBeVisible();
  }
  await expect(wijken.getByRole('img', { name: /Gestapeld staafdiagram per wijk/ })).toBeVisible();
  const [wijkDownload] = await Promise.all([
    page.waitForEvent('download'),
    wijken.getByRole('link', { name: 'Exporteer CSV van de wijken' }).click(),
  ]);
  const wijkCsv = fs.readFileSync(await wijkDownload.path(), 'utf8');
  expect(wijkCsv.startsWith('\uFEFFWijk;Scores (persoon × leefgebied);Verbeterd;Gelijk;Verslechterd;')).toBe(
    true,
  );
  // One line per wijk of the table (other tests may have loaded wijken besides the demo's five).
  const wijkRows = await wijkTable.locator('tbody tr').count();
  expect(wijkCsv.split('\r\n').filter((l) => l.length > 0)).toHaveLength(wijkRows + 1);
  for (const name of ['Centrum', 'Noord', 'Oost', 'Zuid', 'West']) expect(wijkCsv).toContain(`\r\n${name};`);
  await expectNoAxeViolations(page, 'resultaten met de wijken naast elkaar');

  // A period and a wijk go into the URL and narrow the numbers.
  await page.getByLabel('Vanaf').fill(daysAgo(120));
  const area = page.getByLabel('Wijk of buurt');
  const firstWijk = await area.locator('option[value]:not([value=""])').first().getAttribute('value');
  await area.selectOption(firstWijk ?? '');
  await page.getByRole('button', { name: 'Toon resultaten' }).click();
  await expect(page).toHaveURL(new RegExp(`van=${daysAgo(120)}.*gebied=${firstWijk}`));
  await expect(page.getByRole('table', { name: /Personen per leefgebied/ })).toBeVisible();
  await expect(page.getByText(/^Getoond: vanaf/)).toBeVisible();
  // One wijk chosen: nothing to put beside it.
  await expect(page.getByRole('region', { name: 'De wijken naast elkaar' })).toHaveCount(0);

  await expectReadableOnPhone(page, 'resultaten');

  // A professional has no Resultaten in the menu, and the address says why.
  await page.context().clearCookies();
  await login(page, WIJKTEAM_EMAIL);
  await unfoldPhoneMenu(page);
  await expect(
    page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Resultaten' }),
  ).toHaveCount(0);
  await page.goto('/resultaten');
  await expect(page.locator('main')).toContainText('Je hebt geen toegang tot deze pagina.');
});

test('het gezinsplan: de eigen casus van een gezinslid met zijn doelen, en de weg terug', async ({
  page,
  playwright,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const regisseur = await apiAs(playwright, baseURL, REGISSEUR_EMAIL);
  const member = await personWithCase(regisseur);
  const household = await expectJson<{ id: string }>(
    await regisseur.post('/api/v1/households', {
      data: { name: unique('Gezin Zelfredzaam'), memberIds: [member.personId] },
    }),
    201,
  );
  const householdCase = await expectJson<{ id: string; reference: string }>(
    await regisseur.post('/api/v1/cases', {
      data: {
        type: 'household',
        title: unique('Gezinsplan'),
        subjects: [{ kind: 'household', id: household.id }],
        partnerIds: [member.partners.gemeente.id, member.partners.wijkteam.id],
        directorUserId: member.regisseurId,
      },
    }),
    201,
  );
  const goalText = unique('Eigen woonruimte gevonden');
  await expectJson(
    await regisseur.post(`/api/v1/cases/${member.caseId}/goals`, {
      data: { domain: 'huisvesting', subjectId: member.personId, text: goalText },
    }),
    201,
  );

  await login(page, REGISSEUR_EMAIL);
  await page.goto(`/casussen/${householdCase.id}`);
  const plan = page.getByRole('region', { name: 'Plan van aanpak' });
  const members = plan.getByRole('list', { name: 'Gezinsplan: de eigen aanpak van gezinsleden' });
  await expect(members).toContainText(`Casus ${member.reference} van ${member.personName}`);
  await expect(members).toContainText(`Huisvesting: ${goalText}`);
  // A goal of the household plan can be for a member.
  await plan.getByRole('button', { name: 'Doel toevoegen' }).click();
  await expect(
    plan.getByLabel('Voor wie').locator('option', { hasText: `Gezinslid: ${member.personName}` }),
  ).toHaveCount(1);
  await expectNoAxeViolations(page, 'gezinsplan');

  await members.getByRole('link', { name: `Casus ${member.reference}` }).click();
  await expect(page.getByRole('region', { name: 'Plan van aanpak' })).toContainText(
    `Deze casus hoort bij het gezinsplan van casus ${householdCase.reference}.`,
  );
});

test('Beheer › Leefgebieden: de lijst met groep en categorie, toevoegen en wijzigen', async ({ page }) => {
  test.setTimeout(90_000);
  await login(page, ADMIN_EMAIL);
  await openMenu(page, 'Beheer');
  await page.getByRole('navigation', { name: 'Beheer' }).getByRole('link', { name: 'Leefgebieden' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Leefgebieden' })).toBeVisible();
  const table = page.getByRole('table', { name: /Leefgebieden met hun groep en categorie/ });
  await expect(table.getByRole('row', { name: /Financiën/ })).toContainText('Zelfredzaamheid (ZRM)');
  await expect(table.getByRole('row', { name: /Ondermijning/ })).toContainText('Veiligheid');
  await expectNoAxeViolations(page, 'leefgebieden');

  const key = `e2e_${Date.now().toString(36)}`;
  const label = unique('Radicalisering');
  const form = page.getByRole('form', { name: 'Leefgebied toevoegen' });
  await form.getByLabel('Naam').fill(label);
  await form.getByLabel('Sleutel').fill(key);
  await form.getByLabel('Groep').selectOption({ label: 'Veiligheid' });
  await form.getByLabel('Categorie').selectOption({ label: 'Politie' });
  await form.getByRole('button', { name: 'Leefgebied toevoegen' }).click();
  await expect(page.getByRole('status')).toContainText(`Het leefgebied „${label}” is toegevoegd.`);
  await expect(table.getByRole('row', { name: new RegExp(key) })).toContainText('Politie');

  // The same key again is refused at the field.
  await form.getByLabel('Naam').fill(`${label} bis`);
  await form.getByLabel('Sleutel').fill(key);
  await form.getByLabel('Categorie').selectOption({ label: 'Politie' });
  await form.getByRole('button', { name: 'Leefgebied toevoegen' }).click();
  await expect(form.getByText('Er is al een leefgebied met deze sleutel')).toBeVisible();

  await table.getByRole('button', { name: `Wijzigen leefgebied ${label}` }).click();
  const editor = page.getByRole('region', { name: `Leefgebied wijzigen: ${label}` });
  await editor.getByLabel('Naam').fill(`${label} en extremisme`);
  await editor.getByLabel('Categorie').selectOption({ label: 'Ondermijning' });
  await editor.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
  await expect(page.getByRole('status')).toContainText(`„${label} en extremisme” is gewijzigd`);
  await expect(table.getByRole('row', { name: new RegExp(key) })).toContainText('Ondermijning');
  await expectNoAxeViolations(page, 'leefgebied gewijzigd');
});
