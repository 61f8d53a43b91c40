import { type Area, type AreaGeometry, areaGeometrySchema } from '@wijkregie/shared';
import { useEffect, useId, useMemo, useRef } from 'react';
import { useLazyMap } from '../lib/useLazyMap.ts';
import type { DrawMapHandle } from './area-draw.ts';
import { Paragraph } from './Heading.tsx';
import './maps.css';

export interface AreaDrawMapProps {
  /** The municipality's wijken and buurten, faint on the map for orientation. */
  areas: readonly Area[];
  /** The outline the form holds (WGS84), shown and editable on the map; null for none. */
  value: AreaGeometry | null;
  /** An outline drawn, changed or removed on the map. */
  onDraw: (geometry: AreaGeometry | null) => void;
}

/**
 * The administrator draws a wijk or buurt on a Leaflet map with Geoman's toolbar. Leaflet, Geoman and
 * their CSS come in their own chunk (area-draw.ts) when this map is first shown, so no other page carries
 * Geoman. Drawing needs a mouse or a finger; the form beside it takes the outline as GeoJSON text too.
 */
export function AreaDrawMap({ areas, value, onDraw }: AreaDrawMapProps) {
  const descriptionId = useId();
  // The latest value and callback, for the map drawn once per set of areas.
  const latest = useRef({ value, onDraw });
  latest.current = { value, onDraw };
  const load = useMemo(
    () => () =>
      import('./area-draw.ts').then((draw) => (el: HTMLElement) => {
        const drawn = draw.drawOutlineMap(el, {
          areas,
          onDraw: (outline) => {
            const geometry = outline === null ? null : areaGeometrySchema.safeParse(outline);
            latest.current.onDraw(geometry?.success ? geometry.data : null);
          },
        });
        drawn.show(latest.current.value);
        return drawn;
      }),
    [areas],
  );
  const { element, handle, failed } = useLazyMap<HTMLElement, DrawMapHandle>(load);

  useEffect(() => handle.current?.show(value), [handle, value]);

  return (
    <>
      <section
        ref={element}
        className="wr-leaflet-map wr-leaflet-map--draw"
        aria-label="Kaart om de grenzen te tekenen"
        aria-describedby={descriptionId}
      />
      <p id={descriptionId} className="utrecht-paragraph wr-map__caption">
        Kies links op de kaart ‘Grens tekenen’ en klik de hoekpunten aan; klik op het eerste hoekpunt om het
        vlak te sluiten. Met ‘Hoekpunten verschuiven’ pas je de grens daarna aan. De bestaande wijken
        (doorgetrokken lijn) en buurten (stippellijn) staan er licht op; hun hoekpunten trekken de muis aan,
        zodat grenzen aansluiten.
      </p>
      {failed && (
        <Paragraph>
          De kaart kon niet worden geladen; plak de grenzen als GeoJSON in het veld hieronder.
        </Paragraph>
      )}
    </>
  );
}
