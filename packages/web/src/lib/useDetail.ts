import { type ApiData, useApiData } from './useApiData.ts';
import { usePageTitle } from './usePageTitle.ts';

export interface Detail<T> extends ApiData<T> {
  /** It could not be loaded (and there is nothing to show). */
  notFound: boolean;
  /** The page's title (and heading) while there is no object: "<noun> niet gevonden", or the noun. */
  placeholder: string;
}

/**
 * The object of a detail page (`loader` must be stable, see `useApiData`) and the page's title: `titleOf`
 * the object once it is there, "<noun> niet gevonden" when it could not be loaded, the noun until then.
 */
export function useDetail<T>(
  loader: (signal: AbortSignal) => Promise<T>,
  noun: string,
  titleOf: (item: T) => string,
): Detail<T> {
  const detail = useApiData(loader);
  const notFound = detail.error !== null && detail.data === null;
  const placeholder = notFound ? `${noun} niet gevonden` : noun;
  usePageTitle(detail.data !== null ? titleOf(detail.data) : placeholder);
  return { ...detail, notFound, placeholder };
}
