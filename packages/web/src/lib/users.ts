import type { Actor, User } from '@wijkregie/shared';
import type { SelectOption } from '../components/Select.tsx';
import type { Names } from './reference.ts';
import { byName } from './sort.ts';

/**
 * Users who can work on cases (and so can direct one), by name: active users of partners that still
 * take part. `keep` (the case's director) stays offered though deactivated since.
 */
export function directorCandidates<U extends User & { active?: boolean }>(
  users: readonly U[],
  partners: readonly { id: string; active?: boolean }[],
  keep: string | null = null,
): U[] {
  const inactivePartners = new Set(partners.filter((p) => p.active === false).map((p) => p.id));
  return users
    .filter(
      (u) =>
        u.id === keep ||
        (u.active !== false &&
          !inactivePartners.has(u.partnerId) &&
          (u.roles.includes('regisseur') || u.roles.includes('professional'))),
    )
    .sort(byName);
}

/** Users as options "Naam (Partner)". */
export function userOptions(users: readonly User[], partnerNames: Names): SelectOption[] {
  return users.map((u) => ({ value: u.id, label: `${u.name} (${partnerNames.get(u.partnerId) ?? '–'})` }));
}

/** The signed-in user as the `can` rules of the shared package take them. */
export function actorOf(user: User): Actor {
  return { userId: user.id, partnerId: user.partnerId, roles: user.roles };
}

/** A name with " (jij)" when it is the signed-in user's. */
export function nameOrYou(person: { id: string; name: string }, user: Pick<User, 'id'>): string {
  return person.id === user.id ? `${person.name} (jij)` : person.name;
}
