import type { ReactNode } from 'react';
import type { ApiData } from '../lib/useApiData.ts';
import { ErrorAlert } from './Alert.tsx';
import { Paragraph } from './Heading.tsx';

export interface LoadedProps<T> {
  data: ApiData<T>;
  /** Shown while the first answer is on its way, e.g. "De acties worden geladen…". */
  loading: string;
  /** Mark the content busy while it loads again (a new page or filter). */
  busy?: boolean;
  children: (data: NonNullable<T>) => ReactNode;
}

/** What the API answered: its error, a loading message until the first answer, then the content. */
export function Loaded<T>({ data, loading, busy = false, children }: LoadedProps<T>) {
  const value = data.data ?? null;
  return (
    <>
      <ErrorAlert message={data.error} />
      {data.loading && value === null && <Paragraph>{loading}</Paragraph>}
      {value !== null &&
        (busy ? <div aria-busy={data.loading || undefined}>{children(value)}</div> : children(value))}
    </>
  );
}

export interface DetailLoadingProps<T> {
  data: ApiData<T>;
  /** Shown while the object is on its way, e.g. "De casus wordt geladen…". */
  loading: string;
  /** Say why it could not be loaded only while there is nothing to show (a failed reload stays quiet). */
  onlyWhenEmpty?: boolean;
}

/** A detail page before its object is there: the loading message, and the error when loading failed. */
export function DetailLoading<T>({ data, loading, onlyWhenEmpty = false }: DetailLoadingProps<T>) {
  const empty = data.data === null;
  return (
    <>
      {data.loading && empty && <Paragraph>{loading}</Paragraph>}
      <ErrorAlert message={onlyWhenEmpty && !empty ? null : data.error} />
    </>
  );
}
