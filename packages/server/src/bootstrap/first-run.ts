import { randomBytes } from 'node:crypto';
import type { Db } from '../db/db.js';
import { countRow, execute, oneRow } from '../db/rows.js';
import { hashPassword } from '../modules/session/passwords.js';
import { DEMO_DOMAIN, DEMO_PASSWORD, seedDemo } from './demo.js';
import { createMunicipality } from './tenant.js';

export interface FirstRunOptions {
  demo: boolean;
  adminEmail?: string | undefined;
  adminPassword?: string | undefined;
}

export type FirstRunResult =
  | { created: false }
  | { created: true; demo: boolean; adminEmail: string; generatedPassword?: string };

const FIRST_RUN_LOCK = 727_002;

/**
 * On an empty database (no tenant yet), creates the first tenant and its admin — the demo
 * municipality when `demo` is on. Does nothing when a tenant exists. Runs in one transaction.
 */
export async function firstRun(db: Db, opts: FirstRunOptions): Promise<FirstRunResult> {
  // Hash before the transaction: it needs no database and takes a moment.
  const generated = opts.adminPassword ?? (opts.demo ? undefined : randomBytes(12).toString('base64url'));
  const adminEmail = opts.adminEmail ?? `beheer@${DEMO_DOMAIN}`;
  return db.transaction(async (tx) => {
    await execute(tx, 'SELECT pg_advisory_xact_lock($1)', [FIRST_RUN_LOCK]);
    const { n } = await oneRow(tx, countRow, 'SELECT count(*)::int AS n FROM tenants');
    if (n > 0) return { created: false } as const;

    if (opts.demo) {
      const admin =
        opts.adminEmail || opts.adminPassword
          ? { email: adminEmail, password: opts.adminPassword ?? generated ?? DEMO_PASSWORD }
          : undefined;
      await seedDemo(tx, admin);
      return {
        created: true,
        demo: true,
        adminEmail,
        ...(admin && !opts.adminPassword ? { generatedPassword: admin.password } : {}),
      } as const;
    }

    const password = generated ?? randomBytes(12).toString('base64url');
    // The same municipality as `npm run tenant -- add` makes (bootstrap/tenant.ts).
    await createMunicipality(
      tx,
      {
        name: 'Gemeente',
        adminEmail,
        adminName: 'Functioneel beheerder',
        passwordHash: await hashPassword(password),
      },
      'Inrichting gemeente (eerste start)',
    );
    return {
      created: true,
      demo: false,
      adminEmail,
      ...(opts.adminPassword ? {} : { generatedPassword: password }),
    } as const;
  });
}
