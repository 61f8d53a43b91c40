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
