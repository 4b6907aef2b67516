import { useCallback, useEffect, useRef, useState } from 'react';
import { type ApiInput, type ApiOutput, api, type Method, toApiCallError } from '../api/client';

/**
 * Loads one API read and reloads when the input changes. `null` input skips the call.
 * Answers to an older input are dropped, so fast typing never shows a stale page.
 */
export function useApiQuery<M extends Method>(method: M, input: ApiInput<M> | null) {
  const [data, setData] = useState<ApiOutput<M> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(input !== null);
  const [tick, setTick] = useState(0);
  const key = input === null ? null : JSON.stringify(input);
  const inputRef = useRef(input);
  inputRef.current = input;

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the input's value.
  useEffect(() => {
    if (key === null) return;
    let current = true;
    setLoading(true);
    api(method, inputRef.current as ApiInput<M>)
      .then((value) => {
        if (!current) return;
        setData(value);
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
  }, [method, key, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, loading, reload };
}
