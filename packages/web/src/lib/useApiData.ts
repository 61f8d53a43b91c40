import { type Dispatch, type SetStateAction, useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api/client.ts';

export interface ApiData<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
  setData: Dispatch<SetStateAction<T | null>>;
  reload: () => void;
}

/**
 * Loads data from the API when the component mounts; `loader` must be stable (a module-level function).
 * `failed` is the message when the failure is not an answer of the API.
 */
export function useApiData<T>(
  loader: (signal: AbortSignal) => Promise<T>,
  failed = 'De gegevens konden niet worden geladen.',
): ApiData<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: attempt re-runs the load on reload().
  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    loader(controller.signal)
      .then((result) => {
        setData(result);
        setLoading(false);
      })
      .catch((reason: unknown) => {
        if (controller.signal.aborted) return;
        setError(reason instanceof ApiError ? reason.problem.detail : failed);
        setLoading(false);
      });
    return () => controller.abort();
  }, [loader, attempt, failed]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { data, error, loading, setData, reload };
}

/** A list answer with one item added at the end (after creating it), for `setData`. */
export function withItem<L extends { items: unknown[]; total: number }>(
  current: L | null,
  item: L['items'][number],
) {
  return current ? { ...current, items: [...current.items, item], total: current.total + 1 } : current;
}

/** A list answer with the item of the same key replaced by its new version (after changing it), for `setData`. */
export function withReplaced<L extends { items: unknown[] }>(
  current: L | null,
  item: L['items'][number],
  keyOf: (item: L['items'][number]) => string,
) {
  return current
    ? { ...current, items: current.items.map((x) => (keyOf(x) === keyOf(item) ? item : x)) }
    : current;
}
