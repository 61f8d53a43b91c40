import { type Area, areaGeometrySchema } from '@wijkregie/shared';
import {
  circleMarker,
  control,
  divIcon,
  featureGroup,
  geoJSON,
  type LatLngBoundsExpression,
  type Layer,
  type Map as LeafletMap,
  type LeafletMouseEvent,
  map as leafletMap,
  type Marker,
  marker,
  type PathOptions,
  tileLayer,
  tooltip,
} from 'leaflet';
import 'leaflet/dist/leaflet.css';
import './area-maps.css';

// Leaflet, the one map library of the app, with its CSS. This module is loaded on demand (AreaPictureMap,
// AreaMap, and area-draw.ts for the administrator's drawing map), so pages without a map do not carry it.

/** The background map the server configured (index.html's meta elements, docs/configuration.md), if any. */
function backgroundTiles(): { url: string; attribution: string } | null {
  const meta = (name: string) =>
    document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content.trim() ?? '';
  const url = meta('wijkregie-tile-url');
  return url ? { url, attribution: meta('wijkregie-tile-attribution') } : null;
}

/** Text as Leaflet's attribution shows it (as HTML): the configured line stays text. */
const asText = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A text that stays in the middle of an outline (a wijk's name, a buurt's count), as text, never HTML. */
export function labelInMiddle(layer: Layer, text: string): void {
  layer.bindTooltip(
    tooltip({ permanent: true, direction: 'center', className: 'wr-leaflet-label', opacity: 1 }).setContent(
      asText(text),
    ),
  );
}

/**
 * A Leaflet map in the element: zoom buttons in Dutch, no zooming by the scroll wheel (the page scrolls
 * on), the keyboard handler of Leaflet (arrows pan, + and − zoom; Tab leaves the map). With a configured
 * background map its tiles and attribution; without one the outlines on a plain background.
 */
export function createMap(
  element: HTMLElement,
  options: { keyboard: boolean } = { keyboard: true },
): LeafletMap {
  const tiles = backgroundTiles();
  const map = leafletMap(element, {
    zoomControl: false,
    attributionControl: false,
    scrollWheelZoom: false,
    zoomSnap: 0.25,
    keyboard: options.keyboard,
    // A click places a pin on the point map; zooming is by the buttons (or pinching).
    doubleClickZoom: options.keyboard,
  });
  if (options.keyboard) control.zoom({ zoomInTitle: 'Inzoomen', zoomOutTitle: 'Uitzoomen' }).addTo(map);
  if (tiles) {
    control.attribution({ prefix: false }).addTo(map);
    tileLayer(tiles.url, {
      attribution: asText(tiles.attribution),
      maxZoom: 19,
      className: 'wr-leaflet-tiles',
    }).addTo(map);
  }
  return map;
}

/** An area's outline as GeoJSON for Leaflet; null when its geometry is not a (multi)polygon. */
export function outlineOf(area: Area) {
  const parsed = areaGeometrySchema.safeParse(area.geometry);
  return parsed.success ? parsed.data : null;
}

const OTHER_BUURT: PathOptions = {
  className: 'wr-leaflet-buurt',
  color: 'hsl(210 10% 45%)',
  weight: 1,
  fillColor: 'hsl(210 10% 92%)',
  fillOpacity: 0.5,
  interactive: false,
};

export interface PictureMapInput {
  /** Every wijk and buurt of the municipality. */
  areas: readonly Area[];
  /** The chosen wijk or buurt: outlined, and the map shows it whole. */
  areaId: string;
  /** The fill colour of each buurt of the chosen area (the choropleth); the other buurten stay grey. */
  fills: ReadonlyMap<string, string>;
  /** The names shown on the buurten of the chosen area. */
  labels: ReadonlyMap<string, string>;
  /** Where incidents cluster (the server's cells), drawn as circles sized by their count. */
  hotspots: readonly { lat: number; lng: number; count: number }[];
}

/**
 * The picture of a wijk or buurt on a map: the municipality's buurten, those of the chosen area shaded by
 * their number of incidents, the area's outline, and the hotspots. Nothing on it can be clicked: the
 * numbers are in the tables beside it. Returns what removes the map again.
 */
export function drawPictureMap(element: HTMLElement, input: PictureMapInput): () => void {
  const map = createMap(element);
  const buurten = input.areas.filter((a) => a.kind === 'buurt');
  for (const buurt of buurten) {
    const outline = outlineOf(buurt);
    if (!outline) continue;
    const fill = input.fills.get(buurt.id);
    const layer = geoJSON(outline, {
      style: () =>
        fill
          ? { ...OTHER_BUURT, color: 'hsl(210 30% 25%)', weight: 1.5, fillColor: fill, fillOpacity: 0.85 }
          : OTHER_BUURT,
    }).addTo(map);
    const label = input.labels.get(buurt.id);
    if (label) {
      labelInMiddle(layer, label);
    }
  }
  const chosen = input.areas.find((a) => a.id === input.areaId);
  const chosenOutline = chosen ? outlineOf(chosen) : null;
  const frame = chosenOutline
    ? geoJSON(chosenOutline, {
        style: () => ({
          className: 'wr-leaflet-area',
          color: 'hsl(211 60% 22%)',
          weight: 3.5,
          fill: false,
          interactive: false,
        }),
      }).addTo(map)
    : null;

  const most = Math.max(1, ...input.hotspots.map((h) => h.count));
  const spots = featureGroup(
    input.hotspots.map((h) =>
      circleMarker([h.lat, h.lng], {
        className: 'wr-leaflet-hotspot',
        radius: 5 + 13 * Math.sqrt(h.count / most),
        color: '#fff',
        weight: 1.5,
        fillColor: 'hsl(275 55% 30%)',
        fillOpacity: 0.8,
        interactive: false,
      }),
    ),
  ).addTo(map);

  const bounds = frame?.getBounds();
  if (bounds?.isValid()) map.fitBounds(bounds, { padding: [12, 12] });
  else if (spots.getBounds().isValid()) map.fitBounds(spots.getBounds(), { padding: [24, 24] });
  else map.fitBounds(allBounds(input.areas));
  return () => map.remove();
}

/** What the page does with a drawn point map: move the pin, zoom, remove the map. */
export interface PointMapHandle {
  setPoint: (point: { lat: number; lng: number } | null) => void;
  zoomIn: () => void;
  zoomOut: () => void;
  remove: () => void;
}

/** The pin: the shape of the earlier drawn map, anchored at its point. */
const PIN = divIcon({
  className: 'wr-leaflet-pin',
  html: '<svg aria-hidden="true" focusable="false" width="24" height="36" viewBox="-12 -35 24 36"><path d="M0,0 C-4,-10 -11,-14 -11,-22 A11,11 0 1 1 11,-22 C11,-14 4,-10 0,0 Z" fill="hsl(0 75% 40%)" stroke="#fff" stroke-width="1.5"/><circle cx="0" cy="-22" r="4" fill="#fff"/></svg>',
  iconSize: [24, 36],
  iconAnchor: [12, 35],
});

/**
 * A map of the buurten (with their names) to point at a place: a click places the pin and is handed to
 * `onPick` (6 decimals, as before). Neither the map nor anything on it takes focus; keyboard users give
 * the address or choose a buurt, and zoom with the page's buttons.
 */
export function drawPointMap(
  element: HTMLElement,
  input: { buurten: readonly Area[]; onPick: (point: { lat: number; lng: number }) => void },
): PointMapHandle {
  const map = createMap(element, { keyboard: false });
  for (const buurt of input.buurten) {
    const outline = outlineOf(buurt);
    if (!outline) continue;
    geoJSON(outline, {
      style: () => ({
        className: 'wr-leaflet-buurt',
        color: 'hsl(210 20% 35%)',
        weight: 1.5,
        fillColor: 'hsl(140 30% 90%)',
        fillOpacity: 0.6,
        interactive: false,
      }),
    })
      .bindTooltip(
        tooltip({
          permanent: true,
          direction: 'center',
          className: 'wr-leaflet-label',
          opacity: 1,
        }).setContent(asText(buurt.name)),
      )
      .addTo(map);
  }
  map.fitBounds(allBounds(input.buurten));
  let pin: Marker | null = null;
  map.on('click', (event: LeafletMouseEvent) => {
    input.onPick({
      lat: Number(event.latlng.lat.toFixed(6)),
      lng: Number(event.latlng.lng.toFixed(6)),
    });
  });
  return {
    setPoint(point) {
      if (!point) {
        pin?.remove();
        pin = null;
      } else if (pin) pin.setLatLng(point);
      else pin = marker(point, { icon: PIN, interactive: false, keyboard: false }).addTo(map);
    },
    zoomIn: () => map.zoomIn(),
    zoomOut: () => map.zoomOut(),
    remove: () => map.remove(),
  };
}

/** The bounds of every outline (the whole municipality); a point in the Netherlands when there are none. */
export function allBounds(areas: readonly Area[]): LatLngBoundsExpression {
  const group = featureGroup(
    areas.flatMap((a) => {
      const outline = outlineOf(a);
      return outline ? [geoJSON(outline)] : [];
    }),
  );
  const bounds = group.getBounds();
  return bounds.isValid()
    ? bounds
    : [
        [52.0, 5.0],
        [52.2, 5.3],
      ];
}
