import { useCallback, useEffect, useRef, useState } from 'react';
import { type ApiInput, type ApiOutput, api, type Method, toApiCallError } from '../api/client';

/**
 * Loads with `load` and again whenever `key` changes; a `null` key skips the load. Answers to an
 * older key are dropped, so fast typing never shows a stale page. A LOCKED answer shows no error:
 * the session screen takes over.
 *
 * At most one load per hook is in flight: a key that changes meanwhile waits for it, and only
 * the newest key then loads. So a search box can ask on every keystroke without a debounce in
 * front: the core (one synchronous SQLite connection) never works through a queue of answers
 * nobody will see, and the rows follow the typing as fast as the core answers.
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
  const inFlight = useRef<Promise<void> | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for what is loaded, `tick` asks again.
  useEffect(() => {
    if (key === null) return;
    let current = true;
    setLoading(true);
    const start = (): Promise<void> => {
      // Superseded while it waited: the newer key's own start runs next.
      if (!current) return Promise.resolve();
      return loadRef
        .current()
        .then(
          (value) => {
            if (!current) return;
            setData(value);
            setDataKey(key);
            setError(null);
          },
          (err) => {
            if (!current) return;
            const e = toApiCallError(err);
            if (e.code !== 'LOCKED') setError(e.message);
          },
        )
        .finally(() => {
          if (current) setLoading(false);
        });
    };
    const before = inFlight.current;
    const mine = before ? before.then(start) : start();
    inFlight.current = mine;
    void mine.finally(() => {
      if (inFlight.current === mine) inFlight.current = null;
    });
    return () => {
      current = false;
    };
  }, [key, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, loading, reload, fresh: key !== null && dataKey === key && !loading };
}

const queryKey = (method: string, input: unknown) => `${method} ${JSON.stringify(input)}`;

/** A prefetched answer is taken up only this soon after it was asked for: later, ask again. */
const PREFETCH_FRESH_MS = 2000;
const prefetched = new Map<string, { at: number; answer: Promise<unknown> }>();

/**
 * Asks for a read before the screen that shows it has mounted (from the click that opens it),
 * so the core answers while the screen renders; the screen's useApiQuery with the same method
 * and input takes the answer up once, instead of asking again after its first render.
 */
export function prefetchApi<M extends Method>(method: M, input: ApiInput<M>): void {
  const answer = api(method, input);
  // A failed prefetch shows nothing here: the screen that takes it up shows the error.
  answer.catch(() => undefined);
  prefetched.set(queryKey(method, input), { at: performance.now(), answer });
}

function takePrefetched<T>(key: string): Promise<T> | null {
  const hit = prefetched.get(key);
  if (!hit) return null;
  prefetched.delete(key);
  return performance.now() - hit.at <= PREFETCH_FRESH_MS ? (hit.answer as Promise<T>) : null;
}

/** Loads one API read and reloads when the input changes. `null` input skips the call. */
export function useApiQuery<M extends Method>(method: M, input: ApiInput<M> | null) {
  const key = input === null ? null : queryKey(method, input);
  return useLoad<ApiOutput<M>>(
    () => (key && takePrefetched<ApiOutput<M>>(key)) || api(method, input as ApiInput<M>),
    key,
  );
}
