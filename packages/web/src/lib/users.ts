import type { Actor, User } from '@wijkregie/shared';
import type { SelectOption } from '../components/Select.tsx';
import type { Names } from './reference.ts';
import { byName } from './sort.ts';

/** Users who can work on cases (and so can direct one), by name. */
export function directorCandidates(users: readonly User[]): User[] {
  return users.filter((u) => u.roles.includes('regisseur') || u.roles.includes('professional')).sort(byName);
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
