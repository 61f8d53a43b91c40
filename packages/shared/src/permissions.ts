import type { Role } from './roles.js';

/**
 * What each role may do at organisation level. The server declares one of these per route and
 * the web app uses the same table to decide what to offer; there is no other source.
 */
export const PERMISSIONS = {
  'partners.read': ['admin', 'regisseur', 'professional', 'auditor'],
  'partners.create': ['admin'],
  'users.read': ['admin', 'regisseur'],
  'users.create': ['admin'],
  'areas.read': ['admin', 'regisseur', 'professional', 'auditor'],
  /** Drawing wijken and buurten and loading the CBS Wijk- en Buurtkaart. */
  'areas.write': ['admin'],
  /** Incidents (places, never persons): entered by hand or imported from a partner's registration. */
  'incidents.write': ['regisseur', 'professional'],
  /** Starting an area approach and its indicators: the municipality directs. */
  'approaches.write': ['regisseur'],
  /** A measurement of a hand-measured indicator (a professional: of a partner in the approach). */
  'approaches.measure': ['regisseur', 'professional'],
  /** Resident groups (buurtpreventie, bewonerscommissie, wijkraad, …): the municipality registers them. */
  'residentgroups.write': ['regisseur'],
  /** The municipality's public text on what and how to report. */
  'howtoreport.write': ['regisseur'],
  /** The sociale kaart: a professional keeps their own partner's people current, the regisseur all. */
  'socialmap.write': ['regisseur', 'professional'],
  /** Field notes of the problem analysis (street talks, walks, home visits). */
  'observations.write': ['regisseur', 'professional'],
  'categories.read': ['admin', 'regisseur', 'professional', 'auditor'],
  'categories.create': ['admin', 'regisseur'],
  /** The privacy officer reads the matrix to check it (read-only: no `matrix.write`). */
  'matrix.read': ['admin', 'regisseur', 'auditor'],
  'matrix.write': ['admin', 'regisseur'],
  /** Persons, households, groups, locations; which ones a user sees is decided per subject. */
  'subjects.read': ['regisseur', 'professional'],
  'subjects.write': ['regisseur', 'professional'],
  /** Cases; which cases and entries is decided by `can` (access.ts). */
  'cases.read': ['regisseur', 'professional'],
  'cases.write': ['regisseur', 'professional'],
  'audit.read': ['auditor', 'regisseur'],
  /** A person's access report (AVG art. 15): the regisseur or the privacy officer hands it to the person. */
  'persons.accessreport': ['regisseur', 'auditor'],
  /** Actions and meetings; which ones follows from the cases a user sees. */
  'actions.read': ['regisseur', 'professional'],
  'actions.write': ['regisseur', 'professional'],
  'meetings.read': ['regisseur', 'professional'],
  'meetings.write': ['regisseur', 'professional'],
  /** Signals; which ones a user sees is decided per signal (regisseurs, reporting and routed partner). */
  'signals.read': ['regisseur', 'professional'],
  'signals.write': ['regisseur', 'professional'],
  /** Creditor early-warning import: the role; the partner kind is checked too (never the police). */
  'signals.import': ['regisseur', 'professional'],
  /** The signal categories (the admin needs them for the routing rules). */
  'signalcategories.read': ['admin', 'regisseur', 'professional'],
  /** Routing rules and signal categories. */
  'signals.configure': ['regisseur', 'admin'],
  /** The life domains of the plan of approach (reading them: whoever reads categories). */
  'lifedomains.write': ['admin', 'regisseur'],
  /** Results across cases (improvement per domain, closed cases by outcome). */
  'outcomes.read': ['regisseur'],
  /** The email outbox (addresses and thin texts, no case content). */
  'outbox.read': ['admin'],
  /** The municipality's security settings (which roles must use tweestapsverificatie) and a user's 2FA reset. */
  'security.manage': ['admin'],
  /** Webhooks to other systems and their delivery log (ids, status, area, time; never a person). */
  'webhooks.manage': ['admin'],
  /** Opening a neighbourhood survey (the municipality directs; results: every logged-in user). */
  'surveys.write': ['regisseur'],
  /** The emails of residents who want to help, kept apart from the answers. */
  'surveys.contacts': ['regisseur'],
  /** The register of processing activities (AVG art. 30): every staff member reads it. */
  'processing.read': ['admin', 'regisseur', 'professional', 'auditor'],
  'processing.write': ['admin'],
  /** Putting a case or signal under another processing activity, with a reason (audited). */
  'processing.assign': ['regisseur'],
  /** Retention: what is due for anonymisation and running the job now (issue 15). */
  'retention.manage': ['admin'],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

export interface Actor {
  userId: string;
  partnerId: string;
  roles: readonly Role[];
}

/** True when the actor holds a role that grants the permission. Pure; no I/O. */
export function hasPermission(actor: Pick<Actor, 'roles'>, permission: Permission): boolean {
  const allowed: readonly Role[] = PERMISSIONS[permission];
  return actor.roles.some((r) => allowed.includes(r));
}
