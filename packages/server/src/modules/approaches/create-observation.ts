import { type CreateObservation, can, hasPermission, type Observation } from '@wijkregie/shared';
import { readVisibleCase } from '../../access/cases.js';
import { viewerOf } from '../../access/viewer.js';
import type { RequestContext } from '../../http/context.js';
import { conflict, forbidden, invalidField } from '../../http/errors.js';
import { amsterdamDate } from '../../lib/time.js';
import { areaAt } from '../areas/locate.js';
import { findArea } from '../areas/repository.js';
import { audit } from '../audit/record.js';
import { categoryExists, partnerAccess } from '../matrix/repository.js';
import { insertObservation, observationRows } from './repository.js';

/**
 * `POST /observations`: a field note of the problem analysis in a wijk or buurt — a street talk, a walk,
 * a home visit, a meeting — with topics and a follow-up; about the neighbourhood, so no names are asked.
 * A point on the map (`lat`/`lng`) gives the note its buurt, which must lie in or under `areaId` (else
 * 400 `lat`). Attached to a case (`caseId` with `category`), the note is information of that case: it
 * needs what a journal entry of that category there needs — a case the caller sees (else 404), write
 * access to the category (`can(…, 'entry.write', …)`, else 403), an open case (else 409) — and its
 * record names the case's persons.
 */
export function createObservation(ctx: RequestContext, input: CreateObservation): Promise<Observation> {
  if (input.date > amsterdamDate()) throw invalidField('date', 'Een waarneming ligt niet in de toekomst');
  return ctx.db.transaction(async (s) => {
    if (!(await findArea(s, input.areaId)))
      throw invalidField('areaId', 'Kies een wijk of buurt van deze gemeente');
    const point =
      input.lat !== undefined && input.lng !== undefined ? { lat: input.lat, lng: input.lng } : null;
    let areaId = input.areaId;
    if (point) {
      const at = await areaAt(s, point.lat, point.lng);
      const located = at === null ? undefined : await findArea(s, at);
      if (!located || (located.id !== input.areaId && located.parentId !== input.areaId)) {
        throw invalidField('lat', 'Dit punt ligt niet in de gekozen wijk of buurt');
      }
      areaId = located.id;
    }
    let personIds: string[] = [];
    const attachedTo =
      input.caseId !== undefined && input.category !== undefined
        ? { caseId: input.caseId, category: input.category }
        : null;
    if (attachedTo) {
      // What adding a journal entry of that category to the case needs (cases/add-entry.ts), in its order.
      const read = await readVisibleCase(s, ctx, attachedTo.caseId);
      if (!(await categoryExists(s, attachedTo.category)))
        throw invalidField('category', 'Onbekende categorie');
      const access = await partnerAccess(s, ctx.partnerId, read.matrixVersion);
      if (
        !hasPermission(ctx, 'cases.write') ||
        !can(ctx, 'entry.write', { case: read.case, access, category: attachedTo.category })
      ) {
        throw forbidden('Jouw organisatie mag in deze categorie niet schrijven.');
      }
      if (read.case.status === 'closed') throw conflict('De casus is afgesloten; heropen hem eerst.');
      personIds = read.case.personIds;
    }
    const id = await insertObservation(s, {
      areaId,
      date: input.date,
      kind: input.kind,
      topics: [...new Set(input.topics)],
      text: input.text,
      followUp: input.followUp ?? null,
      point,
      attachedTo,
      userId: ctx.userId,
      partnerId: ctx.partnerId,
    });
    await audit(s, ctx, {
      action: 'create',
      objectType: 'observation',
      objectId: id,
      ...(attachedTo ? { objectIds: [attachedTo.caseId, id], personIds, details: { ...attachedTo } } : {}),
    });
    const [created] = await observationRows(
      s,
      { id },
      { viewer: viewerOf(ctx), readsCases: hasPermission(ctx, 'cases.read') },
    );
    if (!created) throw new Error('the note just stored is gone');
    return created;
  });
}
