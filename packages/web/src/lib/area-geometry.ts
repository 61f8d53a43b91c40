import { type Area, areaGeometrySchema } from '@wijkregie/shared';

/** A point on the map (WGS84). */
export interface Point {
  lat: number;
  lng: number;
}

type Ring = [number, number][];

/** The outer rings of an area's polygon(s), `[lng, lat]`; none when its geometry is not a (multi)polygon. */
export function ringsOf(area: Area): Ring[] {
  const parsed = areaGeometrySchema.safeParse(area.geometry);
  if (!parsed.success) return [];
  const g = parsed.data;
  const outer =
    g.type === 'Polygon' ? g.coordinates.slice(0, 1) : g.coordinates.flatMap((p) => p.slice(0, 1));
  return outer.map((ring) => ring.map(([lng, lat]): [number, number] => [lng, lat]));
}

/** Ray casting: is the point inside the ring? */
function inRing(point: Point, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > point.lat !== yj > point.lat && point.lng < ((xj - xi) * (point.lat - yi)) / (yj - yi) + xi) {
      inside = !inside;
    }
  }
  return inside;
}

/** The buurt (or else wijk) the point lies in. */
export function areaAt(areas: readonly Area[], point: Point): Area | undefined {
  const hit = (kind: string) =>
    areas.find((a) => a.kind === kind && ringsOf(a).some((r) => inRing(point, r)));
  return hit('buurt') ?? hit('wijk');
}

/** The middle of an area's bounding box (good enough for the demo's convex shapes). */
export function centreOf(area: Area): Point | null {
  const points = ringsOf(area).flat();
  if (points.length === 0) return null;
  const lngs = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  return {
    lng: (Math.min(...lngs) + Math.max(...lngs)) / 2,
    lat: (Math.min(...lats) + Math.max(...lats)) / 2,
  };
}
