import { labelled } from './labelled.js';

/** The four staff roles. A user has one or more. */
export const { values: ROLES, labels: ROLE_LABELS } = labelled([
  ['admin', 'Functioneel beheerder'],
  ['regisseur', 'Regisseur'],
  ['professional', 'Professional'],
  ['auditor', 'Privacyfunctionaris'],
]);
export type Role = (typeof ROLES)[number];
