import { type Area, areaGeometrySchema } from '@wijkregie/shared';
import { type MouseEvent, useId, useMemo, useRef } from 'react';
import { formatPoint } from '../lib/signals.ts';
import { Button } from './Button.tsx';

export interface Point {
  lat: number;
  lng: number;
}

type Ring = [number, number][];

/** The outer rings of an area's polygon(s); none when its geometry is not a (multi)polygon. */
function ringsOf(area: Area): Ring[] {
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

const WIDTH = 600;

export interface AreaMapProps {
  areas: readonly Area[];
  value: Point | null;
  onChange: (point: Point | null) => void;
}

/**
 * A map of the buurten drawn as an inline SVG (no map tiles: the system works without internet). A click
 * places the pin. The SVG is not focusable, so it never traps the keyboard; keyboard users give the
 * address (or pick a buurt), which is enough.
 */
export function AreaMap({ areas, value, onChange }: AreaMapProps) {
  const svgRef = useRef<SVGSVGElement>(null);
  const descriptionId = useId();
  const buurten = useMemo(() => areas.filter((a) => a.kind === 'buurt' && ringsOf(a).length > 0), [areas]);

  // An equirectangular projection, with longitude shrunk by cos(latitude) so the shapes keep their form.
  const frame = useMemo(() => {
    const points = buurten.flatMap((a) => ringsOf(a).flat());
    if (points.length === 0) return null;
    const lngs = points.map((p) => p[0]);
    const lats = points.map((p) => p[1]);
    const minLng = Math.min(...lngs);
    const maxLng = Math.max(...lngs);
    const minLat = Math.min(...lats);
    const maxLat = Math.max(...lats);
    const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
    const scale = WIDTH / ((maxLng - minLng) * k || 1);
    const height = Math.max(1, (maxLat - minLat) * scale);
    return { minLng, maxLat, k, scale, height };
  }, [buurten]);

  if (!frame) return null;
  const toXY = ([lng, lat]: [number, number]) =>
    [(lng - frame.minLng) * frame.k * frame.scale, (frame.maxLat - lat) * frame.scale] as const;
  const toPoint = (x: number, y: number): Point => ({
    lng: Number((frame.minLng + x / (frame.k * frame.scale)).toFixed(6)),
    lat: Number((frame.maxLat - y / frame.scale).toFixed(6)),
  });

  function onClick(event: MouseEvent<SVGSVGElement>) {
    const svg = svgRef.current;
    const matrix = svg?.getScreenCTM();
    if (!svg || !matrix) return;
    const p = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
    onChange(toPoint(p.x, p.y));
  }

  const pinArea = value ? areaAt(areas, value) : undefined;
  const pin = value ? toXY([value.lng, value.lat]) : null;
  const label = value
    ? `Kaart van de buurten. De speld staat ${pinArea ? `in ${pinArea.name}` : 'buiten de buurten'}.`
    : 'Kaart van de buurten. Er staat nog geen speld.';
  const pad = 8;

  return (
    <figure className="wr-map">
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: the address fields are the keyboard alternative (described below). */}
      <svg
        ref={svgRef}
        role="img"
        aria-label={label}
        aria-describedby={descriptionId}
        viewBox={`${-pad} ${-pad} ${WIDTH + 2 * pad} ${frame.height + 2 * pad}`}
        className="wr-map__svg"
        onClick={onClick}
      >
        {buurten.map((area) => {
          const rings = ringsOf(area);
          const d = rings
            .map(
              (ring) =>
                `M${ring
                  .map((p) =>
                    toXY(p)
                      .map((n) => n.toFixed(1))
                      .join(','),
                  )
                  .join('L')}Z`,
            )
            .join(' ');
          const centre = centreOf(area);
          const c = centre ? toXY([centre.lng, centre.lat]) : null;
          return (
            <g key={area.id}>
              <path d={d} className="wr-map__area" />
              {c && (
                <text x={c[0]} y={c[1]} className="wr-map__label" textAnchor="middle">
                  {area.name}
                </text>
              )}
            </g>
          );
        })}
        {pin && (
          <g className="wr-map__pin" transform={`translate(${pin[0]},${pin[1]})`}>
            <path d="M0,0 C-4,-10 -11,-14 -11,-22 A11,11 0 1 1 11,-22 C11,-14 4,-10 0,0 Z" />
            <circle cx="0" cy="-22" r="4" className="wr-map__pin-dot" />
          </g>
        )}
      </svg>
      <figcaption id={descriptionId} className="wr-map__caption">
        Klik op de kaart om de plek aan te wijzen. Met het toetsenbord of een schermlezer is het adres genoeg.
      </figcaption>
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
