import type { DemoAccounts } from '@wijkregie/shared';
import type { SystemDb } from '../../db/scope.js';
import { listDemoAccounts } from './repository.js';

/**
 * The demo accounts for the login page, with the demo password the seed gave them (handed in by
 * whoever seeds the demo; an app built without one — tests, a real municipality — shows none). Only accounts that the demo seed made are listed; on a real
 * municipality's database the list is empty and no password is shown.
 */
export async function demoAccounts(
  system: SystemDb,
  demoPassword: string | undefined,
): Promise<DemoAccounts> {
  const accounts = await listDemoAccounts(system.db);
  return {
    demo: accounts.length > 0,
    password: accounts.length > 0 ? (demoPassword ?? null) : null,
    accounts,
  };
}

/** One line for the console at start: how to log in to the demo, or undefined when there is no demo. */
export async function demoLoginHint(system: SystemDb, demoPassword: string): Promise<string | undefined> {
  const accounts = await listDemoAccounts(system.db);
  const first = accounts.find((a) => a.roles.includes('regisseur')) ?? accounts[0];
  if (!first) return undefined;
  return `Demo: log in als ${first.email} met wachtwoord ${demoPassword} (alle ${accounts.length} demo-accounts staan op de inlogpagina)`;
}
