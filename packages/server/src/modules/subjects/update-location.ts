import type { Subject, UpdateLocation } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { invalidField } from '../../http/errors.js';
import { areaAt } from '../areas/locate.js';
import { addressValue, changedFields, editableOther, saveOther } from './editable-subject.js';

/**
 * Changes a location's name, address or point; a new point gets the buurt (or wijk) it lies in. A
 * location keeps an address or a point, so it can be found.
 */
export function updateLocation(ctx: RequestContext, id: string, input: UpdateLocation): Promise<Subject> {
  return ctx.db.transaction(async (s) => {
    const before = await editableOther(s, ctx, 'location', id);
    const point =
      input.lat === undefined || input.lng === undefined
        ? undefined
        : input.lat === null || input.lng === null
          ? null
          : { lat: input.lat, lng: input.lng };
    const after = {
      ...before,
      name: input.name ?? before.name,
      address: input.address === undefined ? before.address : input.address,
      point: point === undefined ? before.point : point,
    };
    if (after.address === null && after.point === null) {
      throw invalidField('address', 'Geef een adres of een punt (lat/lng)');
    }
    const changes = changedFields([
      ['name', before.name, input.name],
      [
        'address',
        addressValue(before.address),
        input.address === undefined ? undefined : addressValue(input.address),
      ],
      ['point', before.point, point],
    ]);
    if (changes.some((c) => c.field === 'point')) {
      after.areaId = after.point ? await areaAt(s, after.point.lat, after.point.lng) : null;
    }
    return saveOther(s, ctx, 'location', id, after, changes);
  });
}
