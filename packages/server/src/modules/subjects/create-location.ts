import type { CreateLocation, Subject } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { areaAt } from '../areas/locate.js';
import { audit } from '../audit/record.js';
import { insertLocation } from './repository.js';
import { createdSubject } from './visible-subjects.js';

/** Registers a location; a point gets the buurt (or wijk) it lies in. */
export function createLocation(ctx: RequestContext, input: CreateLocation): Promise<Subject> {
  return ctx.db.transaction(async (s) => {
    const areaId =
      input.lat !== undefined && input.lng !== undefined ? await areaAt(s, input.lat, input.lng) : null;
    const id = await insertLocation(s, { ...input, areaId }, ctx);
    await audit(s, ctx, { action: 'create', objectType: 'location', objectId: id });
    return createdSubject(s, ctx, 'location', id);
  });
}
