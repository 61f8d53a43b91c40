import type { CreatePerson, Person } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { fieldConflict } from '../../http/errors.js';
import { audit } from '../audit/record.js';
import { bsnTaken, insertPerson } from './repository.js';

/** Registers a person; a BSN is unique in the municipality. */
export function createPerson(ctx: RequestContext, input: CreatePerson): Promise<Person> {
  return ctx.db.transaction(async (s) => {
    if (input.bsn && (await bsnTaken(s, input.bsn))) {
      throw fieldConflict('bsn', 'Er is al een persoon met dit BSN');
    }
    const person = await insertPerson(s, input, ctx);
    await audit(s, ctx, {
      action: 'create',
      objectType: 'person',
      objectId: person.id,
      personIds: [person.id],
    });
    return person;
  });
}
