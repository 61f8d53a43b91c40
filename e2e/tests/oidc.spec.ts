import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import Provider from 'oidc-provider';
import { expectNoAxeViolations } from '../axe.ts';
import { REGISSEUR_EMAIL } from '../helpers.ts';

/**
 * "Inloggen via de gemeente": a real OpenID Connect provider (oidc-provider, its development login
 * and consent pages) and a Wijkregie of its own started with OIDC_* pointing at it (the shared test
 * server has no OIDC, so the other specs see the login page as they always did).
 */

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const SECRET = 'e2e-geheim-van-wijkregie-bij-de-gemeente';

let provider: Server;
let wijkregie: ChildProcess;
let appUrl: string;
let issuer: string;

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  provider = createServer();
  await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(provider.address() as AddressInfo).port}`;
  appUrl = `http://127.0.0.1:${await freePort()}`;
  const oidc = new Provider(issuer, {
    clients: [
      {
        client_id: 'wijkregie',
        client_secret: SECRET,
        redirect_uris: [`${appUrl}/api/v1/session/oidc/callback`],
      },
    ],
    pkce: { required: () => true },
    claims: { email: ['email', 'email_verified'] },
    // The login name typed at the provider is the email, verified.
    findAccount: (_ctx, sub) => ({
      accountId: sub,
      claims: () => ({ sub, email: sub, email_verified: true }),
    }),
    cookies: { keys: ['e2e-oidc-cookie-key'] },
  });
  provider.on('request', oidc.callback());

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: new URL(appUrl).port,
    WIJKREGIE_DATA_DIR: mkdtempSync(join(tmpdir(), 'wijkregie-e2e-oidc-')),
    WIJKREGIE_DEMO: '1',
    WIJKREGIE_PUBLIC_URL: appUrl,
    OIDC_ISSUER: issuer,
    OIDC_CLIENT_ID: 'wijkregie',
    OIDC_CLIENT_SECRET: SECRET,
  };
  delete env.DATABASE_URL; // the embedded database in its own folder
  wijkregie = spawn(process.execPath, ['packages/server/dist/main.js'], {
    cwd: repoRoot,
    env,
    stdio: 'ignore',
  });
  for (let i = 0; i < 200; i++) {
    const up = await fetch(`${appUrl}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error('Wijkregie with OIDC did not start');
});

test.afterAll(async () => {
  wijkregie?.kill('SIGTERM');
  await new Promise<void>((resolve) => (provider ? provider.close(() => resolve()) : resolve()));
});

/** Logs in at the provider's development pages and gives consent. */
async function atProvider(page: import('@playwright/test').Page, login: string) {
  await expect(page).toHaveURL(new RegExp(`^${issuer}/interaction/`));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('wat-dan-ook');
  await page.locator('button[type="submit"]').click();
  await page.getByRole('button', { name: 'Continue' }).click();
}

test.describe('Inloggen via de gemeente', () => {
  test('de knop staat op de inlogpagina, leidt naar de provider en logt de bestaande gebruiker in', async ({
    page,
  }) => {
    await page.goto(`${appUrl}/login`);
    const button = page.getByRole('link', { name: 'Inloggen via de gemeente' });
    await expect(button).toBeVisible();
    await expectNoAxeViolations(page, 'inlogpagina met inloggen via de gemeente');

    // The link goes to Wijkregie, which answers 302 to the provider's authorization endpoint.
    const start = await page.request.get(`${appUrl}/api/v1/session/oidc`, { maxRedirects: 0 });
    expect(start.status()).toBe(302);
    const target = new URL(start.headers().location ?? '');
    expect(`${target.origin}${target.pathname}`).toBe(`${issuer}/auth`);
    expect(target.searchParams.get('code_challenge_method')).toBe('S256');

    await button.focus();
    await page.keyboard.press('Enter');
    await atProvider(page, REGISSEUR_EMAIL);
    await expect(page).toHaveURL(`${appUrl}/`);
    await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).toBeAttached();
    const me = await page.request.get(`${appUrl}/api/v1/session`);
    expect(((await me.json()) as { user: { email: string } }).user.email).toBe(REGISSEUR_EMAIL);
  });

  test('een onbekend e-mailadres komt terug op de inlogpagina met een duidelijke melding', async ({
    browser,
  }) => {
    for (const width of [1280, 390]) {
      // A browser of its own per width: the provider would remember the last login.
      const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'nl-NL' });
      const page = await context.newPage();
      await page.goto(`${appUrl}/login`);
      await page.getByRole('link', { name: 'Inloggen via de gemeente' }).click();
      await atProvider(page, `onbekend-${width}@voorbeeldstad.example`);
      await expect(page).toHaveURL(`${appUrl}/login?fout=onbekend`);
      await expect(page.getByRole('alert')).toContainText(
        'Er is geen Wijkregie-account met het e-mailadres dat de gemeente doorgaf.',
      );
      await expect(page.getByRole('link', { name: 'Inloggen via de gemeente' })).toBeVisible();
      await expectNoAxeViolations(page, `inlogpagina met weigering, ${width} px`);
      const me = await page.request.get(`${appUrl}/api/v1/session`);
      expect(me.status()).toBe(401);
      await context.close();
    }
  });
});
