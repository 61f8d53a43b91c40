import type { CreateIncident, Incident } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { fieldConflict, invalidField } from '../../http/errors.js';
import { areaAt } from '../areas/locate.js';
import { audit } from '../audit/record.js';
import { externalIdTaken, incidentCategoryExists, insertIncident } from './repository.js';

/**
 * `POST /incidents`: an incident by hand — a kind of the municipality (400 `category`), a moment not in
 * the future, a place (a point and/or an address; the buurt from the point) and the source; the same
 * source + number twice is 409. One transaction with the audit record.
 */
export function createIncident(ctx: RequestContext, input: CreateIncident): Promise<Incident> {
  if (Date.parse(input.occurredAt) > Date.now() + 5 * 60_000) {
    throw invalidField('occurredAt', 'Een incident ligt niet in de toekomst');
  }
  return ctx.db.transaction(async (s) => {
    if (!(await incidentCategoryExists(s, input.category))) {
      throw invalidField('category', 'Onbekende soort incident');
    }
    if (input.externalId && (await externalIdTaken(s, input.source, input.externalId))) {
      throw fieldConflict('externalId', 'Dit incident van deze bron is al vastgelegd');
    }
    const point =
      input.lat !== undefined && input.lng !== undefined ? { lat: input.lat, lng: input.lng } : null;
    const incident = await insertIncident(
      s,
      {
        category: input.category,
        occurredAt: input.occurredAt,
        lat: point?.lat ?? null,
        lng: point?.lng ?? null,
        address: input.address ?? null,
        areaId: point ? await areaAt(s, point.lat, point.lng) : null,
        description: input.description || null,
        source: input.source,
        externalId: input.externalId ?? null,
      },
      ctx.userId,
    );
    await audit(s, ctx, { action: 'create', objectType: 'incident', objectId: incident.id });
    return incident;
  });
}
