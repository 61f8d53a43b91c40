import type { CaseStatus } from './cases.js';
import { type Access, canRead, canWrite, type PartnerAccess } from './matrix.js';
import type { Actor } from './permissions.js';

/** The facts about a case that decide who may see and change it. */
export interface CaseFacts {
  partnerIds: readonly string[];
  directorUserId: string | null;
  status: CaseStatus;
}

export type CaseAction = 'case.read' | 'case.update' | 'case.reopen' | 'entry.read' | 'entry.write';

export interface CaseResource {
  case: CaseFacts;
  /** The actor's partner's row of the matrix. */
  access?: PartnerAccess;
  /** The information category of the entry, for entry actions. */
  category?: string;
}

const isRegisseur = (a: Actor) => a.roles.includes('regisseur');

/**
 * A user sees a case only if their partner participates, they direct it, or they are a regisseur.
 * Everything else in a case builds on that.
 */
export function seesCase(actor: Actor, c: CaseFacts): boolean {
  return isRegisseur(actor) || c.directorUserId === actor.userId || c.partnerIds.includes(actor.partnerId);
}

/**
 * The one decision on cases and their entries, used by the API for single objects and mirrored
 * by the SQL of lists (whose equality with this function the property tests check).
 * - read a case: see it;
 * - change a case (title, partners, director, a lifecycle step, closing): its director or a regisseur;
 * - reopen a closed case: a regisseur;
 * - read / write an entry: see the case, and the partner's matrix cell for the category is
 *   read-or-write / write.
 */
export function can(actor: Actor, action: CaseAction, r: CaseResource): boolean {
  if (!seesCase(actor, r.case)) return false;
  const cell: Access | undefined = r.category === undefined ? undefined : r.access?.[r.category];
  switch (action) {
    case 'case.read':
      return true;
    case 'case.update':
      return isRegisseur(actor) || r.case.directorUserId === actor.userId;
    case 'case.reopen':
      return isRegisseur(actor);
    case 'entry.read':
      return canRead(cell);
    case 'entry.write':
      return canWrite(cell);
  }
}

/** The categories the actor may read or write in a case they see. */
export function categoriesFor(
  actor: Actor,
  c: CaseFacts,
  access: PartnerAccess,
  mode: 'read' | 'write',
): string[] {
  if (!seesCase(actor, c)) return [];
  return Object.entries(access)
    .filter(([, a]) => (mode === 'read' ? canRead(a) : canWrite(a)))
    .map(([k]) => k);
}
