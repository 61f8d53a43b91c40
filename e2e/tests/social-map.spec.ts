import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from '../axe.ts';
import {
  apiAs,
  expectJson,
  expectReadableOnPhone,
  login,
  openMenu,
  REGISSEUR_EMAIL,
  unique,
  WIJKAGENT_EMAIL,
} from '../helpers.ts';

/**
 * Issue 14, the sociale kaart in the browser: the page (a wijk chosen, a search, the print button, the
 * people grouped by role with tel: and mailto: links), a professional putting a colleague of their own
 * organisation on the map and taking them off again, and the folded panel "Wie werkt hier nog meer?" on a
 * demo case showing the people of its wijk; axe and 390 px. What the page must show is read from the API.
 */

interface Entry {
  id: string;
  name: string;
  role: string;
  partnerId: string;
  partnerName?: string;
  phone?: string;
  email?: string;
}
interface SocialMap {
  items: Entry[];
  total: number;
  areas?: { id: string; name: string }[];
}
interface Area {
  id: string;
  code: string;
  name: string;
  kind: 'wijk' | 'buurt';
}

test('de sociale kaart: een wijk kiezen, zoeken, afdrukken en een eigen collega bijhouden, ook op 390 px', async ({
  page,
  playwright,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const cop = await apiAs(playwright, baseURL, WIJKAGENT_EMAIL);
  const areas = await expectJson<{ items: Area[] }>(await cop.get('/api/v1/areas'), 200);
  const centrum = areas.items.find((a) => a.code === 'WK999901');
  if (!centrum) throw new Error('The demo has no wijk Centrum');
  const map = await expectJson<SocialMap>(await cop.get(`/api/v1/social-map?areaId=${centrum.id}`), 200);
  const agent = map.items.find((i) => i.role === 'wijkagent' && i.name === 'Mark Jansen');
  const debt = map.items.find((i) => i.role === 'schuldhulp');
  if (!agent?.phone || !agent.email || !debt) throw new Error('The demo map of Centrum lacks its people');
  await cop.dispose();

  await login(page, WIJKAGENT_EMAIL);
  await openMenu(page, 'Sociale kaart');
  await expect(page).toHaveURL(/\/sociale-kaart$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Sociale kaart' })).toBeVisible();
  const filters = page.getByRole('search', { name: 'Sociale kaart doorzoeken' });
  await filters.getByLabel('Wijk of buurt').selectOption(centrum.id);
  await filters.getByRole('button', { name: 'Filteren' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sociale kaart Centrum' })).toBeVisible();

  // Grouped by role, with how to reach them.
  const agents = page.getByRole('region', { name: /^Wijkagent \(\d+\)$/ });
  const card = agents.getByRole('listitem').filter({ hasText: agent.name });
  await expect(card).toContainText(agent.partnerName ?? '');
  await expect(card.getByRole('link', { name: agent.phone })).toHaveAttribute('href', /^tel:[\d+]+$/);
  await expect(card.getByRole('link', { name: agent.email })).toHaveAttribute(
    'href',
    `mailto:${agent.email}`,
  );
  // The police keeps its own people, not the others'.
  await expect(card.getByRole('button', { name: `${agent.name} wijzigen` })).toBeVisible();
  await expect(page.getByRole('button', { name: `${debt.name} wijzigen` })).toHaveCount(0);
  await expectNoAxeViolations(page, 'sociale kaart');

  // The print button opens the browser's print dialog.
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => {
      (window as unknown as { printed: number }).printed += 1;
    };
  });
  await page.getByRole('button', { name: 'Afdrukken' }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  // Printed, the filters and buttons are left out and the cards stay.
  await page.emulateMedia({ media: 'print' });
  await expect(filters).toBeHidden();
  await expect(page.getByRole('button', { name: 'Afdrukken' })).toBeHidden();
  await expect(card).toBeVisible();
  await page.emulateMedia({ media: 'screen' });

  // A search on the role's Dutch name.
  await filters.getByLabel('Zoeken').fill('schuldhulp');
  await filters.getByRole('button', { name: 'Filteren' }).click();
  await expect(page).toHaveURL(/q=schuldhulp/);
  await expect(page.getByRole('region', { name: /^Schuldhulpverlener \(\d+\)$/ })).toContainText(debt.name);
  await expect(page.getByRole('region', { name: /^Wijkagent/ })).toHaveCount(0);
  await expectReadableOnPhone(page, 'sociale kaart, gezocht');

  // A colleague of the police on the map, and off it again.
  await filters.getByLabel('Zoeken').fill('');
  await filters.getByRole('button', { name: 'Filteren' }).click();
  const name = unique('Wijkagent');
  await page.getByRole('button', { name: 'Persoon toevoegen' }).click();
  const form = page.getByRole('form', { name: 'Persoon op de sociale kaart zetten' });
  await form.getByLabel('Naam').fill(name);
  await form.getByLabel('Rol').selectOption('wijkagent');
  await expect(form.getByLabel('Centrum (hele wijk)')).toBeChecked();
  await form.getByLabel('E-mailadres (optioneel)').fill('geen-adres');
  await form.getByRole('button', { name: 'Op de kaart zetten' }).click();
  await expect(form.getByLabel('E-mailadres (optioneel)')).toBeFocused();
  await form.getByLabel('E-mailadres (optioneel)').fill('nieuw@politie.voorbeeldstad.example');
  await form.getByLabel('Telefoon (optioneel)').fill('0900-8844');
  await form.getByLabel('Bereikbaar (optioneel)').fill('ma t/m vr 9–17 uur');
  await form.getByRole('button', { name: 'Op de kaart zetten' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `${name} staat op de sociale kaart.` }),
  ).toBeVisible();
  const added = agents.getByRole('listitem').filter({ hasText: name });
  await expect(added).toContainText('ma t/m vr 9–17 uur');
  await added.getByRole('button', { name: `${name} wijzigen` }).click();
  await page
    .getByRole('form', { name: `${name} wijzigen` })
    .getByRole('button', { name: 'Van de kaart halen' })
    .click();
  await expect(
    page.getByRole('status').filter({ hasText: `${name} staat niet meer op de sociale kaart.` }),
  ).toBeVisible();
  await expect(agents.getByRole('listitem').filter({ hasText: name })).toHaveCount(0);
});

test('op een casus: „Wie werkt hier nog meer?” toont de mensen van de wijk, ook op 390 px', async ({
  page,
  playwright,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const regisseur = await apiAs(playwright, baseURL, REGISSEUR_EMAIL);
  const cases = await expectJson<{ items: { id: string; reference: string; areaId: string | null }[] }>(
    await regisseur.get('/api/v1/cases?limit=200'),
    200,
  );
  const withArea = cases.items.find((c) => c.areaId !== null);
  if (!withArea?.areaId) throw new Error('The demo has no case with a wijk or buurt');
  const map = await expectJson<SocialMap>(
    await regisseur.get(`/api/v1/social-map?areaId=${withArea.areaId}`),
    200,
  );
  const agent = map.items.find((i) => i.role === 'wijkagent');
  if (!agent) throw new Error('The demo map of the case’s area has no wijkagent');
  await regisseur.dispose();

  await login(page, REGISSEUR_EMAIL);
  await page.goto(`/casussen/${withArea.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(withArea.reference);
  const summary = page.getByText('Wie werkt hier nog meer?', { exact: true });
  await expect(summary).toBeVisible();
  const table = page.getByRole('table', { name: /^Sociale kaart van / });
  await expect(table).toBeHidden();
  // Folded open with the keyboard.
  await summary.focus();
  await page.keyboard.press('Enter');
  await expect(table).toBeVisible();
  const row = table.getByRole('row').filter({ hasText: agent.name });
  await expect(row).toContainText('Wijkagent');
  if (agent.phone)
    await expect(row.getByRole('link', { name: agent.phone })).toHaveAttribute('href', /^tel:/);
  for (const a of map.areas ?? []) {
    await expect(page.getByRole('link', { name: `De hele sociale kaart van ${a.name}` })).toBeVisible();
  }
  await expectNoAxeViolations(page, 'casus met sociale kaart');
  await expectReadableOnPhone(page, 'casus met sociale kaart');
});

test('op een signaal en een overleg staat de sociale kaart van hun wijk', async ({
  page,
  playwright,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const regisseur = await apiAs(playwright, baseURL, REGISSEUR_EMAIL);
  const signals = await expectJson<{ items: { id: string; areaId: string | null }[] }>(
    await regisseur.get('/api/v1/signals?limit=100'),
    200,
  );
  const signal = signals.items.find((x) => x.areaId !== null);
  const meetings = await expectJson<{ items: { id: string }[] }>(
    await regisseur.get('/api/v1/meetings?limit=100'),
    200,
  );
  let meeting: { id: string; map: SocialMap } | undefined;
  for (const m of meetings.items) {
    const map = await expectJson<SocialMap>(await regisseur.get(`/api/v1/social-map?meetingId=${m.id}`), 200);
    if (map.total > 0) {
      meeting = { id: m.id, map };
      break;
    }
  }
  if (!signal?.areaId || !meeting) throw new Error('The demo has no signal or meeting in a wijk');
  const signalMap = await expectJson<SocialMap>(
    await regisseur.get(`/api/v1/social-map?areaId=${signal.areaId}`),
    200,
  );
  await regisseur.dispose();

  await login(page, REGISSEUR_EMAIL);
  for (const [path, map] of [
    [`/signalen/${signal.id}`, signalMap],
    [`/overleggen/${meeting.id}`, meeting.map],
  ] as const) {
    await page.goto(path);
    await page.getByText('Wie werkt hier nog meer?', { exact: true }).click();
    const table = page.getByRole('table', { name: /^Sociale kaart van / });
    await expect(table).toBeVisible();
    await expect(table).toContainText(map.items[0]?.name ?? '');
  }
  await expectNoAxeViolations(page, 'overleg met sociale kaart');
});
