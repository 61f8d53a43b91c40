import { z } from 'zod';
import { collection } from './contract.js';

export const AREA_KINDS = ['wijk', 'buurt'] as const;
export type AreaKind = (typeof AREA_KINDS)[number];

/** A wijk or buurt of the municipality with its GeoJSON outline (public boundaries, CBS codes). */
export const areaSchema = z.object({
  id: z.uuid(),
  kind: z.enum(AREA_KINDS),
  code: z.string(),
  name: z.string(),
  parentId: z.uuid().nullable(),
  geometry: z.unknown(),
});
export type Area = z.infer<typeof areaSchema>;
export const areaListSchema = collection(areaSchema);
export type AreaList = z.infer<typeof areaListSchema>;

/** A GeoJSON position, `[lng, lat]` (an altitude after them is allowed and ignored). */
const positionSchema = z.tuple([z.number(), z.number()], z.number());
/**
 * The outline of an area as a map draws it: a GeoJSON Polygon or MultiPolygon. `areaSchema` leaves the
 * geometry open because it is stored as it was given; a client that draws it reads it with this.
 */
export const areaGeometrySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(positionSchema)) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(positionSchema))) }),
]);
export type AreaGeometry = z.infer<typeof areaGeometrySchema>;

/** A point's latitude (WGS84) as a form gives it. */
export const latitudeSchema = z
  .number({ error: 'Geef een breedtegraad' })
  .min(-90, 'Tussen -90 en 90')
  .max(90, 'Tussen -90 en 90');
/** A point's longitude (WGS84) as a form gives it. */
export const longitudeSchema = z
  .number({ error: 'Geef een lengtegraad' })
  .min(-180, 'Tussen -180 en 180')
  .max(180, 'Tussen -180 en 180');

/** The issue of a body that gives only one of `lat` and `lng` of its optional point (they go together). */
export function checkPointPair(
  o: { lat?: number | undefined; lng?: number | undefined },
  ctx: z.RefinementCtx,
): void {
  if ((o.lat === undefined) !== (o.lng === undefined)) {
    ctx.addIssue({
      code: 'custom',
      path: [o.lat === undefined ? 'lat' : 'lng'],
      message: 'Geef breedte- en lengtegraad samen',
    });
  }
}
