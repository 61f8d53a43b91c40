import { useEffect } from 'react';

export const PRODUCT_NAME = 'Wijkregie';

/** Sets document.title to "<title> – Wijkregie". */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} – ${PRODUCT_NAME}`;
  }, [title]);
}
