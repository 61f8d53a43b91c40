import type { Role } from '@wijkregie/shared';
import { ROLES } from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DEMO_PASSWORD } from '../../bootstrap/demo.js';
import type { SystemDb } from '../../db/scope.js';

const demoAccountsSchema = z.object({
  demo: z.boolean(),
  password: z.string().nullable(),
  accounts: z.array(
    z.object({ email: z.string(), name: z.string(), roles: z.array(z.enum(ROLES)), partnerName: z.string() }),
  ),
});

/**
 * The demo accounts for the login page. Only accounts that the demo seed made (with the documented
 * demo password) are listed; on a real municipality's database the list is empty.
 */
export function demoAccountsRoute(app: FastifyInstance, system: SystemDb) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/demo-accounts',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['Sessie'],
        summary: 'Demo-accounts (alleen in de demo-omgeving)',
        response: { 200: demoAccountsSchema },
      },
    },
    async () => {
      const accounts = await listDemoAccounts(system);
      return {
        demo: accounts.length > 0,
        password: accounts.length > 0 ? DEMO_PASSWORD : null,
        accounts: accounts.map((a) => ({
          email: a.email,
          name: a.name,
          roles: a.roles,
          partnerName: a.partner_name,
        })),
      };
    },
  );
}

interface DemoAccountRow {
  email: string;
  name: string;
  roles: Role[];
  partner_name: string;
}

/** The active accounts the demo seed made, in the order the seed made them. */
function listDemoAccounts(system: SystemDb): Promise<DemoAccountRow[]> {
  return system.db.query<DemoAccountRow>(
    `SELECT u.email, u.name, u.roles, p.name AS partner_name
       FROM users u JOIN tenants t ON t.id = u.tenant_id
       JOIN partners p ON p.tenant_id = u.tenant_id AND p.id = u.partner_id
      WHERE t.demo AND u.demo_account AND u.active
      ORDER BY u.created_at, u.email`,
  );
}

/** One line for the console at start: how to log in to the demo, or undefined when there is no demo. */
export async function demoLoginHint(system: SystemDb): Promise<string | undefined> {
  const accounts = await listDemoAccounts(system);
  const first = accounts.find((a) => a.roles.includes('regisseur')) ?? accounts[0];
  if (!first) return undefined;
  return `Demo: log in als ${first.email} met wachtwoord ${DEMO_PASSWORD} (alle ${accounts.length} demo-accounts staan op de inlogpagina)`;
}
