import type { PartnerKind, Role } from '@wijkregie/shared';
import type { Tx } from '../db/db.js';
import { idRow, oneRow } from '../db/rows.js';
import { hashPassword } from '../modules/session/passwords.js';
import { demoAreas } from './demo-areas.js';
import { seedDemoCases } from './demo-cases.js';
import { seedDemoCoordination } from './demo-coordination.js';
import { seedDemoNeighbourhood } from './demo-neighbourhood.js';
import { seedDemoPlans } from './demo-plans.js';
import { seedDemoResidents } from './demo-residents.js';
import { seedDemoSignals } from './demo-signals.js';
import { seedDemoSocialMap } from './demo-social-map.js';
import { seedDemoSurveys } from './demo-surveys.js';
import { createTenant } from './tenant.js';

/** The documented password of every demo account (README, login page in demo mode). */
export const DEMO_PASSWORD = 'Wijkregie-demo-2026';
export const DEMO_DOMAIN = 'voorbeeldstad.example';
export const DEMO_TENANT_NAME = 'Gemeente Voorbeeldstad';

const PARTNERS: { key: string; name: string; kind: PartnerKind }[] = [
  { key: 'gemeente', name: 'Gemeente Voorbeeldstad', kind: 'gemeente' },
  { key: 'politie', name: 'Politie Eenheid Voorbeeldstad', kind: 'politie' },
  { key: 'handhaving', name: 'Handhaving Voorbeeldstad', kind: 'handhaving' },
  { key: 'wijkteam', name: 'Wijkteam Voorbeeldstad', kind: 'wijkteam' },
  { key: 'ggz', name: 'GGZ Regio Voorbeeldstad', kind: 'ggz' },
  { key: 'jeugd', name: 'Jeugdzorg Voorbeeldstad', kind: 'jeugd' },
  { key: 'schuldhulp', name: 'Schuldhulpverlening Voorbeeldstad', kind: 'schuldhulp' },
  { key: 'woningcorporatie', name: 'Woonstichting Voorbeeldstad', kind: 'woningcorporatie' },
  { key: 'jongerenwerk', name: 'Jongerenwerk Voorbeeldstad', kind: 'jongerenwerk' },
  { key: 'reclassering', name: 'Reclassering regio Voorbeeldstad', kind: 'reclassering' },
];

/** One account per role, and professionals of several partners so each sees a different slice. */
export const DEMO_USERS: { local: string; name: string; partner: string; roles: Role[] }[] = [
  { local: 'beheer', name: 'Fatima El Amrani', partner: 'gemeente', roles: ['admin'] },
  { local: 'regisseur', name: 'Sanne de Vries', partner: 'gemeente', roles: ['regisseur'] },
  { local: 'wijkagent', name: 'Mark Jansen', partner: 'politie', roles: ['professional'] },
  { local: 'wijkteam', name: 'Lotte Bakker', partner: 'wijkteam', roles: ['professional'] },
  { local: 'handhaving', name: 'Kevin Smit', partner: 'handhaving', roles: ['professional'] },
  { local: 'schuldhulp', name: 'Aylin Yilmaz', partner: 'schuldhulp', roles: ['professional'] },
  { local: 'ggz', name: 'Eva Mulder', partner: 'ggz', roles: ['professional'] },
  { local: 'jeugdzorg', name: 'Daan Visser', partner: 'jeugd', roles: ['professional'] },
  { local: 'woningcorporatie', name: 'Sevda Kaya', partner: 'woningcorporatie', roles: ['professional'] },
  { local: 'jongerenwerk', name: 'Jerry Brown', partner: 'jongerenwerk', roles: ['professional'] },
  { local: 'reclassering', name: 'Marieke de Groot', partner: 'reclassering', roles: ['professional'] },
  { local: 'privacy', name: 'Pieter van Dam', partner: 'gemeente', roles: ['auditor'] },
];

export interface SeedResult {
  tenantId: string;
  partnerIds: Record<string, string>;
}

/**
 * Seeds Gemeente Voorbeeldstad in the given transaction. When `admin` is given (from the
 * environment) it replaces the demo admin account.
 */
export async function seedDemo(tx: Tx, admin?: { email: string; password: string }): Promise<SeedResult> {
  const tenantId = await createTenant(tx, DEMO_TENANT_NAME, true);

  const areaIds = new Map<string, string>();
  for (const a of demoAreas()) {
    const row = await oneRow(
      tx,
      idRow,
      `INSERT INTO areas (tenant_id, kind, code, name, parent_id, geometry)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb) RETURNING id`,
      [
        tenantId,
        a.kind,
        a.code,
        a.name,
        a.parentCode ? areaIds.get(a.parentCode) : null,
        JSON.stringify(a.geometry),
      ],
    );
    areaIds.set(a.code, row.id);
  }

  const partnerIds: Record<string, string> = {};
  for (const p of PARTNERS) {
    const row = await oneRow(
      tx,
      idRow,
      'INSERT INTO partners (tenant_id, name, kind) VALUES ($1, $2, $3) RETURNING id',
      [tenantId, p.name, p.kind],
    );
    partnerIds[p.key] = row.id;
  }

  const demoHash = await hashPassword(DEMO_PASSWORD);
  const userIds: Record<string, string> = {};
  for (const u of DEMO_USERS) {
    const isEnvAdmin = admin !== undefined && u.roles.includes('admin');
    const row = await oneRow(
      tx,
      idRow,
      `INSERT INTO users (tenant_id, partner_id, email, name, password_hash, roles, demo_account)
       VALUES ($1, $2, $3, $4, $5, $6::text[], $7) RETURNING id`,
      [
        tenantId,
        partnerIds[u.partner],
        isEnvAdmin ? admin.email : `${u.local}@${DEMO_DOMAIN}`,
        u.name,
        isEnvAdmin ? await hashPassword(admin.password) : demoHash,
        u.roles,
        !isEnvAdmin,
      ],
    );
    userIds[u.local] = row.id;
  }
  await seedDemoCases(tx, { tenantId, partnerIds, userIds, areaIds });
  await seedDemoCoordination(tx, { tenantId, partnerIds, userIds, areaIds });
  await seedDemoPlans(tx, { tenantId, partnerIds, userIds, areaIds });
  await seedDemoSignals(tx, { tenantId, partnerIds, userIds, areaIds });
  await seedDemoNeighbourhood(tx, { tenantId, partnerIds, userIds, areaIds });
  await seedDemoSurveys(tx, { tenantId, partnerIds, userIds, areaIds });
  await seedDemoSocialMap(tx, { tenantId, partnerIds, userIds, areaIds });
  await seedDemoResidents(tx, { tenantId, partnerIds, userIds, areaIds });
  return { tenantId, partnerIds };
}
