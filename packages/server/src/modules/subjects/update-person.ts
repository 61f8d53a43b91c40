import type { Person, UpdatePerson } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { fieldConflict, notFound } from '../../http/errors.js';
import { audit } from '../audit/record.js';
import { addressValue, changedFields, requireEditable } from './editable-subject.js';
import { recordChange } from './history-repository.js';
import { bsnTakenByOther, lockPerson, updatePersonRow } from './repository.js';

/**
 * Changes a person's own fields. What they were stays in the person's history (who, when, before and
 * after); the audit record names the fields, not the values.
 */
export function updatePerson(ctx: RequestContext, id: string, input: UpdatePerson): Promise<Person> {
  return ctx.db.transaction(async (s) => {
    await requireEditable(s, ctx, { kind: 'person', id });
    const before = await lockPerson(s, id);
    if (!before) throw notFound('Deze persoon bestaat niet of is niet zichtbaar voor jou.');
    const changes = changedFields([
      ['firstName', before.firstName, input.firstName],
      ['lastName', before.lastName, input.lastName],
      ['birthDate', before.birthDate, input.birthDate],
      ['bsn', before.bsn, input.bsn],
      [
        'address',
        addressValue(before.address),
        input.address === undefined ? undefined : addressValue(input.address),
      ],
    ]);
    if (changes.length === 0) return before;
    if (input.bsn && input.bsn !== before.bsn && (await bsnTakenByOther(s, input.bsn, id))) {
      throw fieldConflict('bsn', 'Er is al een persoon met dit BSN');
    }
    const after = await updatePersonRow(s, id, {
      firstName: input.firstName ?? before.firstName,
      lastName: input.lastName ?? before.lastName,
      birthDate: input.birthDate === undefined ? before.birthDate : input.birthDate,
      bsn: input.bsn === undefined ? before.bsn : input.bsn,
      address: input.address === undefined ? before.address : input.address,
    });
    await recordChange(s, { kind: 'person', id }, ctx.userId, changes);
    await audit(s, ctx, {
      action: 'update',
      objectType: 'person',
      objectId: id,
      personIds: [id],
      details: { fields: changes.map((c) => c.field) },
    });
    return after;
  });
}
