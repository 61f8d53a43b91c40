import type { Observation } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { notFound } from '../../http/errors.js';
import { findArea } from '../areas/repository.js';
import { observationRows } from './repository.js';

/** `GET /observations?areaId=`: the field notes of a wijk (with its buurten) or buurt, newest first. */
export async function listObservations(
  ctx: RequestContext,
  areaId: string,
): Promise<{ items: Observation[] }> {
  if (!(await findArea(ctx.db.read, areaId))) throw notFound('Dit gebied bestaat niet.');
  return { items: await observationRows(ctx.db.read, { areaId }) };
}
