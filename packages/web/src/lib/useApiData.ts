import { type Dispatch, type SetStateAction, useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api/client.ts';

export interface ApiData<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
  setData: Dispatch<SetStateAction<T | null>>;
  reload: () => void;
}

/** Loads data from the API when the component mounts; `loader` must be stable (a module-level function). */
export function useApiData<T>(loader: (signal: AbortSignal) => Promise<T>): ApiData<T> {
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
        setError(
          reason instanceof ApiError ? reason.problem.detail : 'De gegevens konden niet worden geladen.',
        );
        setLoading(false);
      });
    return () => controller.abort();
  }, [loader, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { data, error, loading, setData, reload };
}
