import type { Subject, UpdateHousehold } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { invalidField } from '../../http/errors.js';
import { addressValue, changedFields, editableOther, saveOther } from './editable-subject.js';
import { isMember } from './repository.js';
import { requireVisible } from './visible-subjects.js';

/**
 * Changes a household's name, address or contact person (one of its current members, or none). The
 * history keeps only that the contact person changed, not who they were: an id there would outlive
 * whether the reader may open that person.
 */
export function updateHousehold(ctx: RequestContext, id: string, input: UpdateHousehold): Promise<Subject> {
  return ctx.db.transaction(async (s) => {
    const before = await editableOther(s, ctx, 'household', id);
    const contact = input.contactPersonId;
    if (contact && contact !== before.contactPersonId) {
      await requireVisible(s, ctx, 'person', [contact], () => 'contactPersonId');
      if (!(await isMember(s, contact, id))) {
        throw invalidField('contactPersonId', 'De contactpersoon moet lid zijn van het huishouden');
      }
    }
    const after = {
      ...before,
      name: input.name ?? before.name,
      address: input.address === undefined ? before.address : input.address,
      contactPersonId: contact === undefined ? before.contactPersonId : contact,
    };
    const changes = changedFields([
      ['name', before.name, input.name],
      [
        'address',
        addressValue(before.address),
        input.address === undefined ? undefined : addressValue(input.address),
      ],
      [
        'contactPersonId',
        before.contactPersonId && 'ingesteld',
        contact === undefined || contact === before.contactPersonId
          ? undefined
          : contact && (before.contactPersonId ? 'ander lid' : 'ingesteld'),
      ],
    ]);
    return saveOther(s, ctx, 'household', id, after, changes);
  });
}
