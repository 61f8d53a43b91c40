import type { Area } from '@wijkregie/shared';
import { useEffect, useId, useMemo, useRef } from 'react';
import { areaAt, type Point, ringsOf } from '../lib/area-geometry.ts';
import { formatPoint } from '../lib/signals.ts';
import { useLazyMap } from '../lib/useLazyMap.ts';
import type { PointMapHandle } from './area-maps.ts';
import { Button } from './Button.tsx';
import './maps.css';

// The helpers of the map live in lib/area-geometry.ts; the pages that used them from here still may.
export { areaAt, centreOf, type Point } from '../lib/area-geometry.ts';

export interface AreaMapProps {
  areas: readonly Area[];
  value: Point | null;
  onChange: (point: Point | null) => void;
}

/**
 * A map of the buurten (Leaflet, loaded with the first map; a background map only when one is
 * configured, so it works without internet). A click places the pin. The map itself is an image to
 * assistive technology and takes no focus, so it never traps the keyboard; keyboard users give the
 * address (or pick a buurt), which is enough. The zoom buttons are ordinary buttons below it.
 */
export function AreaMap({ areas, value, onChange }: AreaMapProps) {
  const descriptionId = useId();
  const buurten = useMemo(() => areas.filter((a) => a.kind === 'buurt' && ringsOf(a).length > 0), [areas]);
  // The latest value and callback, for the map drawn once per set of buurten.
  const latest = useRef({ value, onChange });
  latest.current = { value, onChange };
  const load = useMemo(
    () =>
      buurten.length === 0
        ? null
        : () =>
            import('./area-maps.ts').then((maps) => (el: HTMLDivElement) => {
              const drawn = maps.drawPointMap(el, {
                buurten,
                onPick: (point) => latest.current.onChange(point),
              });
              drawn.setPoint(latest.current.value);
              return drawn;
            }),
    [buurten],
  );
  const { element, handle, failed } = useLazyMap<HTMLDivElement, PointMapHandle>(load);

  useEffect(() => handle.current?.setPoint(value), [handle, value]);

  if (buurten.length === 0) return null;
  const pinArea = value ? areaAt(areas, value) : undefined;
  const label = value
    ? `Kaart van de buurten. De speld staat ${pinArea ? `in ${pinArea.name}` : 'buiten de buurten'}.`
    : 'Kaart van de buurten. Er staat nog geen speld.';

  return (
    <figure className="wr-map">
      <div
        ref={element}
        role="img"
        aria-label={label}
        aria-describedby={descriptionId}
        className="wr-leaflet-map wr-leaflet-map--point"
      />
      <div className="wr-map__zoom">
        <Button appearance="subtle" onClick={() => handle.current?.zoomIn()}>
          Inzoomen
        </Button>
        <Button appearance="subtle" onClick={() => handle.current?.zoomOut()}>
          Uitzoomen
        </Button>
      </div>
      <figcaption id={descriptionId} className="wr-map__caption">
        Klik op de kaart om de plek aan te wijzen. Met het toetsenbord of een schermlezer is het adres genoeg.
      </figcaption>
      {failed && <p className="utrecht-paragraph">De kaart kon niet worden getekend; geef het adres.</p>}
      <p className="utrecht-paragraph" aria-live="polite">
        {value
          ? `Speld: ${pinArea ? `in ${pinArea.name}` : 'buiten de wijken van de kaart'} (ongeveer ${formatPoint(value.lat, value.lng)}).`
          : 'Nog geen speld geplaatst.'}
      </p>
      {value && (
        <Button appearance="subtle" onClick={() => onChange(null)}>
          Speld weghalen
        </Button>
      )}
    </figure>
  );
}
