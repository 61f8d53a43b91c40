import { hasPermission, type Observation } from '@wijkregie/shared';
import { viewerOf } from '../../access/viewer.js';
import type { AuditEvent, RequestContext } from '../../http/context.js';
import { notFound } from '../../http/errors.js';
import { findArea } from '../areas/repository.js';
import { casePersonIds, observationRows } from './repository.js';

/**
 * `GET /observations?areaId=`: the field notes of a wijk (with its buurten) or buurt, newest first. A
 * note attached to a case only for who could read a journal entry of its category in that case (in
 * SQL, before the limit); handing one out is a read of case information and recorded as a journal
 * read is (`cases/list-entries.ts`): one record per note, with the case among its objects and its persons.
 */
export async function listObservations(
  ctx: RequestContext,
  areaId: string,
): Promise<{ items: Observation[] }> {
  const s = ctx.db.read;
  if (!(await findArea(s, areaId))) throw notFound('Dit gebied bestaat niet.');
  const items = await observationRows(
    s,
    { areaId },
    { viewer: viewerOf(ctx), readsCases: hasPermission(ctx, 'cases.read') },
  );
  const attached = items.flatMap((o) =>
    o.caseId !== null ? [{ id: o.id, caseId: o.caseId, category: o.category }] : [],
  );
  if (attached.length > 0) {
    const persons = await casePersonIds(
      s,
      attached.map((o) => o.caseId),
    );
    await ctx.auditRead(
      attached.map(
        (o): AuditEvent => ({
          action: 'read',
          objectType: 'observation',
          objectId: o.id,
          objectIds: [o.caseId, o.id],
          personIds: persons.get(o.caseId) ?? [],
          details: { caseId: o.caseId, category: o.category },
        }),
      ),
    );
  }
  return { items };
}
