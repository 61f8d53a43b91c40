import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { AreaGeometry } from '@wijkregie/shared';
import proj4 from 'proj4';

/*
 * Geometry of wijken and buurten: the conversion of the Dutch national grid (RD New, EPSG:28992, in
 * which CBS publishes the Wijk- en Buurtkaart) to WGS84, and finding the buurt a point lies in. The
 * projection is proj4's; the point-in-polygon test is Turf's. Only a bounding-box check, which makes
 * most candidates fall away before Turf looks at them, is ours.
 */

/**
 * EPSG:28992 as the EPSG registry publishes it for proj4 (the oblique stereographic projection on the
 * Bessel ellipsoid, with the 7-parameter shift to WGS84): accurate to about a metre, plenty for buurten.
 */
proj4.defs(
  'EPSG:28992',
  '+proj=sterea +lat_0=52.15616055555555 +lon_0=5.38763888888889 +k=0.9999079 +x_0=155000 +y_0=463000 ' +
    '+ellps=bessel +towgs84=565.417,50.3319,465.552,-0.398957,0.343988,-1.8774,4.0725 +units=m +no_defs',
);
const rdToWgs84 = proj4('EPSG:28992', 'EPSG:4326');

type Position = [number, number];

function positionsOf(g: AreaGeometry): Position[] {
  const rings = g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
  return rings.flat().map((p) => [p[0], p[1]]);
}

/**
 * Whether a geometry is in RD New metres rather than WGS84 degrees: a coordinate beyond 180 cannot be a
 * degree. (The whole of the Netherlands lies between x 0–300,000 and y 300,000–625,000 in RD.)
 */
export function isRdNew(g: AreaGeometry): boolean {
  return positionsOf(g).some(([x, y]) => Math.abs(x) > 180 || Math.abs(y) > 180);
}

/** The same outline in WGS84 `[lng, lat]`, rounded to 7 decimals (about a centimetre). */
export function toWgs84(g: AreaGeometry): AreaGeometry {
  const round = (n: number) => Math.round(n * 1e7) / 1e7;
  const convert = (p: readonly number[]): Position => {
    const [lng, lat] = rdToWgs84.forward([p[0] ?? 0, p[1] ?? 0]);
    return [round(lng ?? 0), round(lat ?? 0)];
  };
  return g.type === 'Polygon'
    ? { type: 'Polygon', coordinates: g.coordinates.map((ring) => ring.map(convert)) }
    : {
        type: 'MultiPolygon',
        coordinates: g.coordinates.map((polygon) => polygon.map((ring) => ring.map(convert))),
      };
}

/** Whether every position of a WGS84 geometry lies on the earth (lng −180–180, lat −90–90). */
export function inWgs84Range(g: AreaGeometry): boolean {
  return positionsOf(g).every(([lng, lat]) => lng >= -180 && lng <= 180 && lat >= -90 && lat <= 90);
}

interface Box {
  minLng: number;
  minLat: number;
  maxLng: number;
  maxLat: number;
}

function boxOf(g: AreaGeometry): Box {
  const box = { minLng: Infinity, minLat: Infinity, maxLng: -Infinity, maxLat: -Infinity };
  for (const [lng, lat] of positionsOf(g)) {
    box.minLng = Math.min(box.minLng, lng);
    box.maxLng = Math.max(box.maxLng, lng);
    box.minLat = Math.min(box.minLat, lat);
    box.maxLat = Math.max(box.maxLat, lat);
  }
  return box;
}

/** Finds the area a point lies in, among areas given once (the buurten of a municipality). */
export class AreaLocator {
  private readonly areas: { id: string; geometry: AreaGeometry; box: Box }[];

  constructor(areas: readonly { id: string; geometry: AreaGeometry }[]) {
    this.areas = areas.map((a) => ({ ...a, box: boxOf(a.geometry) }));
  }

  /** The id of the first area whose outline holds the point (on the border counts), or null. */
  locate(lat: number, lng: number): string | null {
    for (const a of this.areas) {
      const b = a.box;
      if (lng < b.minLng || lng > b.maxLng || lat < b.minLat || lat > b.maxLat) continue;
      if (booleanPointInPolygon([lng, lat], a.geometry)) return a.id;
    }
    return null;
  }
}
