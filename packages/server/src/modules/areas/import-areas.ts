import {
  type AreaGeometry,
  type AreaImport,
  type AreaImportResult,
  areaGeometrySchema,
} from '@wijkregie/shared';
import { z } from 'zod';
import type { RequestContext } from '../../http/context.js';
import { inWgs84Range, isRdNew, toWgs84 } from '../../lib/geo.js';
import { audit } from '../audit/record.js';
import { relocatePoints } from './locate.js';
import { type AreaValues, areasByCode, upsertArea } from './repository.js';

/*
 * The CBS Wijk- en Buurtkaart as GeoJSON: one feature a wijk or buurt, its codes and names in the
 * properties — `wijkcode`/`wijknaam` and `buurtcode`/`buurtnaam` (with the buurt's `wijkcode`) in the
 * current files, `WK_CODE`/`WK_NAAM`/`BU_CODE`/`BU_NAAM` in older ones — and its outline in RD New
 * (EPSG:28992, as CBS publishes it) or WGS84.
 */

const text = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim())
  .optional();
const propertiesSchema = z
  .looseObject({
    wijkcode: text,
    wijknaam: text,
    buurtcode: text,
    buurtnaam: text,
    WK_CODE: text,
    WK_NAAM: text,
    BU_CODE: text,
    BU_NAAM: text,
  })
  .nullable();
const featureSchema = z.object({
  type: z.literal('Feature'),
  properties: propertiesSchema,
  geometry: z.unknown(),
});

interface Read {
  n: number;
  values: Omit<AreaValues, 'parentId'> & { wijkCode: string | null };
}

function readFeature(raw: unknown, n: number): Read | string {
  const f = featureSchema.safeParse(raw);
  if (!f.success) return 'geen GeoJSON Feature met properties';
  const p = f.data.properties ?? {};
  const buurtCode = p.buurtcode || p.BU_CODE;
  const wijkCode = p.wijkcode || p.WK_CODE;
  const kind = buurtCode ? 'buurt' : wijkCode ? 'wijk' : null;
  if (!kind) return 'geen wijkcode of buurtcode in de properties';
  const code = (kind === 'buurt' ? buurtCode : wijkCode) ?? '';
  if (!/^[A-Za-z0-9_-]{1,20}$/.test(code)) return `code „${code.slice(0, 30)}” is geen geldige code`;
  const name = (kind === 'buurt' ? p.buurtnaam || p.BU_NAAM : p.wijknaam || p.WK_NAAM) ?? '';
  if (!name) return `${kind} ${code} heeft geen naam (${kind}naam)`;
  if (f.data.geometry === null || f.data.geometry === undefined)
    return `${kind} ${code} heeft geen geometrie`;
  const g = areaGeometrySchema.safeParse(f.data.geometry);
  if (!g.success) return `${kind} ${code}: de geometrie is geen Polygon of MultiPolygon`;
  const geometry: AreaGeometry = isRdNew(g.data) ? toWgs84(g.data) : g.data;
  if (!inWgs84Range(geometry)) return `${kind} ${code}: de coördinaten zijn geen WGS84 en geen RD New`;
  return {
    n,
    values: {
      kind,
      code,
      name: name.slice(0, 100),
      geometry,
      wijkCode: kind === 'buurt' ? (wijkCode ?? null) : null,
    },
  };
}

/**
 * `POST /areas/import` (the administrator): every wijk and buurt of the file created, or changed when
 * its code exists; wijken before buurten, so a buurt finds its wijk in the same file or among those
 * loaded before. What cannot be read is reported per feature and the rest is loaded — one transaction,
 * with the new areas of every point (signals, locations, incidents) and the audit record.
 */
export function importAreas(ctx: RequestContext, input: AreaImport): Promise<AreaImportResult> {
  const rejected: AreaImportResult['rejected'] = [];
  const read: Read[] = [];
  const seen = new Set<string>();
  input.features.forEach((raw, i) => {
    const r = readFeature(raw, i + 1);
    if (typeof r === 'string') rejected.push({ feature: i + 1, message: r });
    else if (seen.has(r.values.code))
      rejected.push({ feature: i + 1, message: `${r.values.code} staat dubbel in het bestand` });
    else {
      seen.add(r.values.code);
      read.push(r);
    }
  });
  return ctx.db.transaction(async (s) => {
    let created = 0;
    let updated = 0;
    const ids: string[] = [];
    const wijkIds = new Map<string, string>();
    for (const r of [...read].sort((a, b) =>
      a.values.kind === b.values.kind ? a.n - b.n : a.values.kind === 'wijk' ? -1 : 1,
    )) {
      let parentId: string | null = null;
      if (r.values.kind === 'buurt') {
        const wijkCode = r.values.wijkCode;
        if (!wijkCode) {
          rejected.push({ feature: r.n, message: `buurt ${r.values.code} noemt geen wijkcode` });
          continue;
        }
        parentId = wijkIds.get(wijkCode) ?? null;
        if (!parentId) {
          const known = (await areasByCode(s, [wijkCode])).get(wijkCode);
          if (known?.kind === 'wijk') parentId = known.id;
        }
        if (!parentId) {
          rejected.push({
            feature: r.n,
            message: `buurt ${r.values.code}: wijk ${wijkCode} bestaat niet; laad de wijken eerst of in hetzelfde bestand`,
          });
          continue;
        }
      }
      const { wijkCode: _, ...values } = r.values;
      const stored = await upsertArea(s, { ...values, parentId });
      if (values.kind === 'wijk') wijkIds.set(values.code, stored.id);
      ids.push(stored.id);
      if (stored.created) created++;
      else updated++;
    }
    const relocated = ids.length > 0 ? await relocatePoints(s) : 0;
    await audit(s, ctx, {
      action: 'import',
      objectType: 'area',
      objectIds: ids,
      details: { created, updated, rejected: rejected.length, relocated },
    });
    rejected.sort((a, b) => a.feature - b.feature);
    return { created, updated, rejected };
  });
}
