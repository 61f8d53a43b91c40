import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router-dom';

/**
 * After a client-side route change, move focus to the page's h1 so that screen readers announce the
 * new page and keyboard users continue from the top of the content. Not on the first load: then the
 * browser starts at the top of the document, and Tab reaches the skip link first.
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
    // Wait a frame so that the new page has rendered its heading.
    const frame = requestAnimationFrame(() => {
      previous.current = pathname;
      document.querySelector<HTMLElement>('main h1')?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [pathname]);

  return null;
}
