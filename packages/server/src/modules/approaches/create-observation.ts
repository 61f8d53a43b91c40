import type { CreateObservation, Observation } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { invalidField } from '../../http/errors.js';
import { amsterdamDate } from '../../lib/time.js';
import { findArea } from '../areas/repository.js';
import { audit } from '../audit/record.js';
import { insertObservation, observationRows } from './repository.js';

/**
 * `POST /observations`: a field note of the problem analysis in a wijk or buurt — a street talk, a walk,
 * a home visit, a meeting — with topics and a follow-up; about the neighbourhood, so no names are asked.
 */
export function createObservation(ctx: RequestContext, input: CreateObservation): Promise<Observation> {
  if (input.date > amsterdamDate()) throw invalidField('date', 'Een waarneming ligt niet in de toekomst');
  return ctx.db.transaction(async (s) => {
    if (!(await findArea(s, input.areaId)))
      throw invalidField('areaId', 'Kies een wijk of buurt van deze gemeente');
    const id = await insertObservation(s, {
      areaId: input.areaId,
      date: input.date,
      kind: input.kind,
      topics: [...new Set(input.topics)],
      text: input.text,
      followUp: input.followUp ?? null,
      userId: ctx.userId,
      partnerId: ctx.partnerId,
    });
    await audit(s, ctx, { action: 'create', objectType: 'observation', objectId: id });
    const [created] = await observationRows(s, { id });
    if (!created) throw new Error('the note just stored is gone');
    return created;
  });
}
