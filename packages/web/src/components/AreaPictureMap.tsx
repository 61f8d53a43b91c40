import type { Area } from '@wijkregie/shared';
import { useMemo } from 'react';
import { useLazyMap } from '../lib/useLazyMap.ts';
import { Paragraph } from './Heading.tsx';
import './maps.css';

/** One class of the choropleth: the buurten with `from`–`to` incidents get `colour`. */
export interface IncidentClass {
  from: number;
  to: number;
  colour: string;
}

/** Light to dark orange (ColorBrewer "Oranges"); a buurt without incidents is nearly white. */
const NO_INCIDENTS = 'hsl(30 60% 97%)';
const COLOURS = ['#fdd0a2', '#fdae6b', '#f16913', '#a63603'] as const;

/** The classes of the legend: none, then up to four equal steps up to the highest count. */
export function incidentClasses(counts: readonly number[]): IncidentClass[] {
  const most = Math.max(0, ...counts);
  const classes: IncidentClass[] = [{ from: 0, to: 0, colour: NO_INCIDENTS }];
  const width = Math.ceil(most / COLOURS.length);
  COLOURS.forEach((colour, i) => {
    const from = 1 + i * width;
    if (most > 0 && from <= most) classes.push({ from, to: Math.min(most, (i + 1) * width), colour });
  });
  return classes;
}

/** The colour of a count among the classes. */
export function colourOf(classes: readonly IncidentClass[], count: number): string {
  return classes.find((c) => count >= c.from && count <= c.to)?.colour ?? NO_INCIDENTS;
}

export interface AreaPictureMapProps {
  /** Every wijk and buurt of the municipality (their outlines). */
  areas: readonly Area[];
  /** The chosen wijk or buurt. */
  areaId: string;
  /** The buurten of the chosen area with their incidents, shaded by `classes`. */
  buurten: readonly { id: string; name: string; incidents: number }[];
  classes: readonly IncidentClass[];
  hotspots: readonly { lat: number; lng: number; count: number }[];
  /** The map's name for assistive technology; the numbers are in the tables beside it. */
  label: string;
  /** The id of the text that describes the map (its summary). */
  describedBy: string;
}

/**
 * The picture of a wijk or buurt on a Leaflet map. Leaflet (and its CSS) comes with the first map, in its
 * own chunk (area-maps.ts), not with every page. The map is a named region that keyboard users can pan
 * and zoom or leave with Tab; nothing on it is only on it.
 */
export function AreaPictureMap({
  areas,
  areaId,
  buurten,
  classes,
  hotspots,
  label,
  describedBy,
}: AreaPictureMapProps) {
  const input = useMemo(
    () => ({
      areas,
      areaId,
      fills: new Map(buurten.map((b) => [b.id, colourOf(classes, b.incidents)])),
      labels: new Map(buurten.map((b) => [b.id, b.name])),
      hotspots,
    }),
    [areas, areaId, buurten, classes, hotspots],
  );
  const load = useMemo(
    () => () =>
      import('./area-maps.ts').then((maps) => (el: HTMLElement) => ({
        remove: maps.drawPictureMap(el, input),
      })),
    [input],
  );
  const { element, failed } = useLazyMap<HTMLElement, { remove(): void }>(load);
  return (
    <>
      <section ref={element} className="wr-leaflet-map" aria-label={label} aria-describedby={describedBy} />
      {failed && (
        <Paragraph>De kaart is niet getekend; alle cijfers staan in de tabellen hieronder.</Paragraph>
      )}
    </>
  );
}
