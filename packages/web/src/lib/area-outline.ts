import { type AreaGeometry, areaGeometrySchema } from '@wijkregie/shared';

/*
 * The outline of a wijk or buurt as the administrator gives it: drawn on the map, or pasted as GeoJSON
 * (a Polygon or MultiPolygon, a Feature with one, or a FeatureCollection of one feature — what QGIS and
 * geojson.io export). The server checks it again and converts RD New; this only reads the text.
 */

export type OutlineReading = { geometry: AreaGeometry } | { error: string };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The geometry in a GeoJSON text, or what is wrong with it in Dutch. */
export function readOutline(text: string): OutlineReading {
  if (text.trim() === '') {
    return { error: 'Teken de grenzen op de kaart of plak ze als GeoJSON' };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { error: 'Dit is geen geldige GeoJSON: de tekst is geen JSON (let op haakjes en komma’s)' };
  }
  let geometry: unknown = json;
  if (isObject(json) && json.type === 'FeatureCollection') {
    const features = Array.isArray(json.features) ? json.features : [];
    if (features.length !== 1) {
      return {
        error: `Deze FeatureCollection heeft ${features.length} features; plak er één, of lees het bestand in bij ‘CBS Wijk- en Buurtkaart inlezen’`,
      };
    }
    geometry = features[0];
  }
  if (isObject(geometry) && geometry.type === 'Feature') geometry = geometry.geometry;
  const parsed = areaGeometrySchema.safeParse(geometry);
  if (!parsed.success) {
    const type = isObject(geometry) && typeof geometry.type === 'string' ? ` (nu: ${geometry.type})` : '';
    return {
      error: `Geef een Polygon of MultiPolygon, of een Feature met zo’n geometrie${type}; elk punt is [lengte, breedte]`,
    };
  }
  return { geometry: parsed.data };
}

/** Every position of the outline. */
function positionsOf(geometry: AreaGeometry): number[][] {
  return geometry.type === 'Polygon' ? geometry.coordinates.flat() : geometry.coordinates.flat(2);
}

/**
 * Whether the outline is in WGS84 degrees (longitude −180…180, latitude −90…90), so the map can show
 * it; RD New metres are not, and are converted by the server when the area is saved.
 */
export function isWgs84(geometry: AreaGeometry): boolean {
  const positions = positionsOf(geometry);
  return (
    positions.length > 0 &&
    positions.every(([lng = Number.NaN, lat = Number.NaN]) => Math.abs(lng) <= 180 && Math.abs(lat) <= 90)
  );
}

/** The number of corners of the outline in words ("een vlak met 5 hoekpunten"), for the screen reader. */
export function describeOutline(geometry: AreaGeometry): string {
  const corners = (ring: unknown[]) => Math.max(0, ring.length - 1);
  if (geometry.type === 'Polygon') {
    const n = corners(geometry.coordinates[0] ?? []);
    return `een vlak met ${n} hoekpunten`;
  }
  const n = geometry.coordinates.length;
  return n === 1 ? 'één vlak (MultiPolygon)' : `${n} vlakken (MultiPolygon)`;
}
