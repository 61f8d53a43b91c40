import type { TenantScope } from '../../db/scope.js';
import { fieldConflict, invalidField } from '../../http/errors.js';
import { nameTaken, unknownCategories } from './repository.js';

/**
 * What the register refuses of an admin's input: a name another activity has (409 on `name`) and
 * categories that are no information category of the municipality (400 on `categories`).
 */
export async function checkActivityInput(
  s: TenantScope,
  input: { name?: string | undefined; categories?: string[] | undefined },
  id: string | null,
): Promise<void> {
  if (input.categories) {
    const unknown = await unknownCategories(s, input.categories);
    if (unknown.length) {
      throw invalidField('categories', `Onbekende informatiecategorie: ${unknown.join(', ')}`);
    }
  }
  if (input.name !== undefined && (await nameTaken(s, input.name, id))) {
    throw fieldConflict('name', 'Er is al een verwerking met deze naam');
  }
}
