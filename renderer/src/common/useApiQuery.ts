import { useCallback, useEffect, useRef, useState } from 'react';
import { type ApiInput, type ApiOutput, api, type Method, toApiCallError } from '../api/client';

/**
 * Loads with `load` and again whenever `key` changes; a `null` key skips the load. Answers to an
 * older key are dropped, so fast typing never shows a stale page. A LOCKED answer shows no error:
 * the session screen takes over.
 * `fresh` says the shown data answers the current key.
 */
export function useLoad<T>(load: () => Promise<T>, key: string | null) {
  const [data, setData] = useState<T | null>(null);
  const [dataKey, setDataKey] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(key !== null);
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for what is loaded, `tick` asks again.
  useEffect(() => {
    if (key === null) return;
    let current = true;
    setLoading(true);
    loadRef
      .current()
      .then((value) => {
        if (!current) return;
        setData(value);
        setDataKey(key);
        setError(null);
      })
      .catch((err) => {
        if (!current) return;
        const e = toApiCallError(err);
        if (e.code !== 'LOCKED') setError(e.message);
      })
      .finally(() => {
        if (current) setLoading(false);
      });
    return () => {
      current = false;
    };
  }, [key, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, loading, reload, fresh: key !== null && dataKey === key && !loading };
}

/** Loads one API read and reloads when the input changes. `null` input skips the call. */
export function useApiQuery<M extends Method>(method: M, input: ApiInput<M> | null) {
  const key = input === null ? null : `${method} ${JSON.stringify(input)}`;
  return useLoad<ApiOutput<M>>(() => api(method, input as ApiInput<M>), key);
}
