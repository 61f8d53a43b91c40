import { type RefObject, useEffect, useRef, useState } from 'react';

/** Draws a map into an element and answers what the page keeps of it (at least a way to remove it). */
export type MapDrawer<E extends HTMLElement, H extends { remove(): void }> = (element: E) => H;

/**
 * A Leaflet map whose code comes in its own chunk: `load` fetches the chunk and answers the drawer;
 * the map is drawn once it arrives, drawn anew whenever `load` changes (give a memoised one) and
 * removed when the component goes. `failed` turns true when the chunk could not load or the map could
 * not be drawn, so the page shows its fallback (every map has one: an address, a table, a text field).
 * A null `load` draws nothing.
 */
export function useLazyMap<E extends HTMLElement, H extends { remove(): void }>(
  load: (() => Promise<MapDrawer<E, H>>) | null,
): { element: RefObject<E | null>; handle: RefObject<H | null>; failed: boolean } {
  const element = useRef<E>(null);
  const handle = useRef<H | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!load) return;
    let gone = false;
    // Cannot reject: a failure to load or draw shows the page's fallback instead.
    void load()
      .then((draw) => {
        if (gone || !element.current) return;
        handle.current = draw(element.current);
        setFailed(false);
      })
      .catch(() => {
        if (!gone) setFailed(true);
      });
    return () => {
      gone = true;
      handle.current?.remove();
      handle.current = null;
    };
  }, [load]);
  return { element, handle, failed };
}
