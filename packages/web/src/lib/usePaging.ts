import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';

/** What Pagination needs besides its label and the total. */
export interface Paging {
  limit: number;
  offset: number;
  onPage: (offset: number) => void;
}

/** Search parameters of the chosen values, in the order given; an empty value is left out. */
export function chosenParams(values: ReadonlyArray<readonly [string, string]>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of values) if (value !== '') params.set(name, value);
  return params;
}

/** The offset in the URL (`vanaf`); 0 when absent or not a whole positive number. */
export function offsetFromParams(params: URLSearchParams): number {
  const offset = Number(params.get('vanaf') ?? 0);
  return Number.isInteger(offset) && offset > 0 ? offset : 0;
}

/**
 * The search parameters of a list page with its page in the URL (`vanaf`), so that a reload or the back
 * button keeps it. `key` changes with every parameter, for loaders that depend on all of them.
 */
export function usePagedParams(limit: number) {
  const [params, setParams] = useSearchParams();
  const offset = offsetFromParams(params);
  const onPage = (next: number) => {
    const copy = new URLSearchParams(params);
    if (next > 0) copy.set('vanaf', String(next));
    else copy.delete('vanaf');
    setParams(copy);
  };
  const paging: Paging = { limit, offset, onPage };
  return { params, setParams, key: params.toString(), offset, paging };
}

/**
 * A list's status filter and its pages held by the component (a log within a page, not in the URL):
 * another status starts again at the first page.
 */
export function useStatusPaging(limit: number) {
  const [status, setStatus] = useState('');
  const [offset, setOffset] = useState(0);
  const chooseStatus = (value: string) => {
    setStatus(value);
    setOffset(0);
  };
  const paging: Paging = { limit, offset, onPage: setOffset };
  return { status, chooseStatus, offset, paging };
}

export type StatusPaging = ReturnType<typeof useStatusPaging>;
