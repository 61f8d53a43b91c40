/** The four staff roles. A user has one or more. */
export const ROLES = ['admin', 'regisseur', 'professional', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Functioneel beheerder',
  regisseur: 'Regisseur',
  professional: 'Professional',
  auditor: 'Privacyfunctionaris',
};
