import type { Area, CreateArea } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { fieldConflict, invalidField } from '../../http/errors.js';
import { inWgs84Range, isRdNew, toWgs84 } from '../../lib/geo.js';
import { audit } from '../audit/record.js';
import { relocatePoints } from './locate.js';
import { areasByCode, findArea, nextOwnCode, upsertArea } from './repository.js';

/**
 * `POST /areas` (the administrator): a wijk or buurt drawn and named. An outline in RD New is converted
 * to WGS84; a buurt lies in a wijk of this municipality; a code is unique (409). Signals, locations and
 * incidents whose point lies in the new area get it, in the same transaction.
 */
export function createArea(ctx: RequestContext, input: CreateArea): Promise<Area> {
  const geometry = isRdNew(input.geometry) ? toWgs84(input.geometry) : input.geometry;
  if (!inWgs84Range(geometry)) {
    throw invalidField('geometry', 'De coördinaten liggen niet op aarde (WGS84) en niet in het RD-stelsel');
  }
  return ctx.db.transaction(async (s) => {
    if (input.parentId) {
      const parent = await findArea(s, input.parentId);
      if (!parent || parent.kind !== 'wijk')
        throw invalidField('parentId', 'Kies een wijk van deze gemeente');
    }
    const code = input.code ?? (await nextOwnCode(s, input.kind));
    if ((await areasByCode(s, [code])).has(code)) throw fieldConflict('code', 'Deze code is al in gebruik');
    const { id } = await upsertArea(s, {
      kind: input.kind,
      code,
      name: input.name,
      parentId: input.parentId ?? null,
      geometry,
    });
    const relocated = await relocatePoints(s);
    await audit(s, ctx, { action: 'create', objectType: 'area', objectId: id, details: { code, relocated } });
    const area = await findArea(s, id);
    if (!area) throw new Error('the area just stored is gone');
    return area;
  });
}
