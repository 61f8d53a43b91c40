import type { Area, AreaGeometry } from '@wijkregie/shared';
import { geoJSON, type Map as LeafletMap, type PM, Polygon } from 'leaflet';
// Geoman extends the global `L`: Leaflet (imported above, so it runs first) puts itself on `window.L`
// when it loads (leaflet-src.js always does), and that is the Leaflet area-maps.ts draws with.
import '@geoman-io/leaflet-geoman-free';
import '@geoman-io/leaflet-geoman-free/dist/leaflet-geoman.css';
import { allBounds, createMap, labelInMiddle, outlineOf } from './area-maps.ts';
import './area-draw.css';

// The drawing map of the administrator's page for wijken and buurten (pages/admin/AreasPage.tsx), with
// Geoman's toolbar. Loaded on demand from that page only, in its own chunk: no other page carries Geoman.
// It imports nothing of the app but area-maps.ts (types aside), so the main bundle is not split for it.

/** Geoman's Dutch words, corrected and completed (its own 'nl' misses some and says "Marker"). */
const DUTCH: PM.Translations = {
  tooltips: {
    placeMarker: 'Klik om een punt te plaatsen',
    firstVertex: 'Klik om het eerste hoekpunt te plaatsen',
    continueLine: 'Klik voor het volgende hoekpunt',
    finishLine: 'Klik op een bestaand hoekpunt om af te ronden',
    finishPoly: 'Klik op het eerste hoekpunt om het vlak te sluiten',
    finishRect: 'Klik om de rechthoek af te ronden',
    startCircle: 'Klik om het middelpunt te plaatsen',
    finishCircle: 'Klik om de cirkel af te ronden',
    placeCircleMarker: 'Klik om een punt te plaatsen',
    placeText: 'Klik om tekst te plaatsen',
  },
  actions: {
    finish: 'Klaar',
    cancel: 'Annuleren',
    removeLastVertex: 'Laatste punt weghalen',
  },
  buttonTitles: {
    drawPolyButton: 'Grens tekenen (klik de hoekpunten aan)',
    drawRectButton: 'Rechthoek tekenen',
    editButton: 'Hoekpunten verschuiven',
    deleteButton: 'Tekening weghalen (klik daarna op het vlak)',
    drawMarkerButton: 'Punt plaatsen',
    drawLineButton: 'Lijn tekenen',
    drawCircleButton: 'Cirkel tekenen',
    drawCircleMarkerButton: 'Punt plaatsen',
    dragButton: 'Verplaatsen',
    cutButton: 'Knippen',
    rotateButton: 'Draaien',
    drawTextButton: 'Tekst plaatsen',
  },
};

/** The numbers in the nested arrays of a GeoJSON geometry's coordinates to 6 decimals (about 10 cm). */
function roundCoordinates(value: unknown): unknown {
  if (typeof value === 'number') return Math.round(value * 1e6) / 1e6;
  return Array.isArray(value) ? value.map(roundCoordinates) : value;
}

export interface DrawMapInput {
  /** The municipality's wijken and buurten, shown faintly for orientation (and to snap to). */
  areas: readonly Area[];
  /**
   * A new outline drawn or changed on the map: the GeoJSON geometry of Leaflet's polygon (a Polygon or
   * MultiPolygon, WGS84, 6 decimals), for the caller to check; null when it was removed.
   */
  onDraw: (geometry: unknown) => void;
}

/** What the page does with the drawing map. */
export interface DrawMapHandle {
  /** Shows an outline given in the text field (WGS84), editable; null removes the drawn one. */
  show: (geometry: AreaGeometry | null) => void;
  remove: () => void;
}

/**
 * Geoman's buttons are links with role button and an empty icon inside; the title is on the element
 * around them. Each gets that title as its accessible name (again whenever Geoman redraws its toolbar).
 */
function nameToolbarButtons(root: HTMLElement): void {
  for (const button of root.querySelectorAll<HTMLElement>('a.leaflet-buttons-control-button')) {
    const title = button.closest<HTMLElement>('.button-container')?.title;
    if (title && button.getAttribute('aria-label') !== title) button.setAttribute('aria-label', title);
  }
}

/**
 * A map of the municipality's areas (faint, not clickable, the wijken named) with Geoman's toolbar to draw one outline: a
 * polygon or a rectangle, its corners moved afterwards, or removed. A new drawing replaces the previous
 * one. Keyboard users paste the outline as GeoJSON instead; the map is a named region that they can pan
 * and zoom (arrows, + and −) or leave with Tab.
 */
export function drawOutlineMap(element: HTMLElement, input: DrawMapInput): DrawMapHandle {
  const map: LeafletMap = createMap(element);
  for (const area of input.areas) {
    const outline = outlineOf(area);
    if (!outline) continue;
    const wijk = area.kind === 'wijk';
    const layer = geoJSON(outline, {
      // Not editable, but the corners of the existing areas are there to snap to.
      pmIgnore: true,
      snapIgnore: false,
      interactive: false,
      style: () => ({
        className: wijk ? 'wr-leaflet-wijk' : 'wr-leaflet-buurt',
        color: wijk ? 'hsl(211 40% 35%)' : 'hsl(210 10% 50%)',
        weight: wijk ? 2 : 1,
        dashArray: wijk ? undefined : '4 3',
        fillColor: 'hsl(210 10% 90%)',
        fillOpacity: wijk ? 0 : 0.25,
        interactive: false,
      }),
    }).addTo(map);
    if (wijk) {
      // The wijk's name in its middle, for orientation.
      labelInMiddle(layer, area.name);
    }
  }
  map.fitBounds(allBounds(input.areas));

  map.pm.setLang('nl', DUTCH, 'nl');
  map.pm.setGlobalOptions({
    allowSelfIntersection: false,
    // Escape leaves a tool, Enter closes the shape once it has enough corners.
    exitModeOnEscape: true,
    finishOnEnter: true,
    snappable: true,
    snapDistance: 12,
    templineStyle: { color: 'hsl(0 75% 40%)' },
    hintlineStyle: { color: 'hsl(0 75% 40%)', dashArray: '5 5' },
    pathOptions: { color: 'hsl(0 75% 40%)', weight: 3, fillOpacity: 0.15 },
  });
  map.pm.addControls({
    position: 'topleft',
    drawMarker: false,
    drawCircleMarker: false,
    drawPolyline: false,
    drawRectangle: true,
    drawPolygon: true,
    drawCircle: false,
    drawText: false,
    editMode: true,
    dragMode: false,
    cutPolygon: false,
    removalMode: true,
    rotateMode: false,
  });
  nameToolbarButtons(element);
  const observer = new MutationObserver(() => nameToolbarButtons(element));
  observer.observe(element, { childList: true, subtree: true });

  let current: Polygon | null = null;
  /** The outline last handed on or shown, as JSON: the text field giving it back is no change. */
  let last = '';

  function emit() {
    const drawn = current?.toGeoJSON().geometry;
    const geometry =
      drawn && 'coordinates' in drawn
        ? { type: drawn.type, coordinates: roundCoordinates(drawn.coordinates) }
        : null;
    last = geometry ? JSON.stringify(geometry) : '';
    input.onDraw(geometry);
  }

  function take(layer: Polygon) {
    if (current && current !== layer) map.removeLayer(current);
    current = layer;
    layer.on('pm:edit', emit);
  }

  map.on('pm:create', (event) => {
    if (!(event.layer instanceof Polygon)) {
      map.removeLayer(event.layer);
      return;
    }
    take(event.layer);
    emit();
  });
  map.on('pm:remove', (event) => {
    if (event.layer === current) {
      current = null;
      emit();
    }
  });

  return {
    show(geometry) {
      const json = geometry ? JSON.stringify(geometry) : '';
      if (json === last) return;
      last = json;
      if (current) map.removeLayer(current);
      current = null;
      if (!geometry) return;
      const layer = geoJSON(geometry).getLayers()[0];
      if (!(layer instanceof Polygon)) return;
      layer.setStyle({ color: 'hsl(0 75% 40%)', weight: 3, fillOpacity: 0.15 });
      layer.addTo(map);
      take(layer);
      const bounds = layer.getBounds();
      if (bounds.isValid()) map.fitBounds(bounds, { padding: [24, 24], maxZoom: 16 });
    },
    remove() {
      observer.disconnect();
      map.remove();
    },
  };
}
