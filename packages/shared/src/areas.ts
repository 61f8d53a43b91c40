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
