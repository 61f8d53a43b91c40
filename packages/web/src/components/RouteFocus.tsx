import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router-dom';

/** How long a page may take to show its heading (one that first checks or loads something). */
const WAIT_FOR_HEADING_MS = 3000;

/**
 * After a client-side route change, move focus to the page's h1 so that screen readers announce the
 * new page and keyboard users continue from the top of the content. Not on the first load: then the
 * browser starts at the top of the document, and Tab reaches the skip link first. A page that shows
 * its heading only after a check (say, whether the user's organisation may import) gets the focus
 * when the heading appears — unless the user has moved on to something else by then.
 */
export function RouteFocus() {
  const { pathname } = useLocation();
  const previous = useRef<string | null>(null);

  useEffect(() => {
    if (previous.current === null) {
      previous.current = pathname;
      return undefined;
    }
    if (previous.current === pathname) return undefined;
    previous.current = pathname;
    const focusHeading = () => {
      const heading = document.querySelector<HTMLElement>('main h1');
      heading?.focus();
      return heading !== null;
    };
    let observer: MutationObserver | null = null;
    let timer: number | undefined;
    const stop = () => {
      observer?.disconnect();
      window.clearTimeout(timer);
    };
    // Wait a frame so that the new page has rendered its heading.
    const frame = requestAnimationFrame(() => {
      if (focusHeading()) return;
      const main = document.querySelector('main');
      if (!main) return;
      const focusedBefore = document.activeElement;
      observer = new MutationObserver(() => {
        if (document.activeElement !== focusedBefore) return stop();
        if (focusHeading()) stop();
      });
      observer.observe(main, { childList: true, subtree: true });
      timer = window.setTimeout(stop, WAIT_FOR_HEADING_MS);
    });
    return () => {
      cancelAnimationFrame(frame);
      stop();
    };
  }, [pathname]);

  return null;
}
