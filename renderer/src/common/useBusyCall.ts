// A call a button starts (restore, purge, verify, rotate): the button spins while it runs, and a
// refusal is a toast, except LOCKED, which the lock screen already answers.
import { App } from 'antd';
import { useCallback, useState } from 'react';
import { toApiCallError } from '../api/client';

type Toast = ReturnType<typeof App.useApp>['message'];

/** The refusal's message as a toast, unless the session locked meanwhile. */
export function toastRefusal(message: Toast, err: unknown) {
  const e = toApiCallError(err);
  if (e.code !== 'LOCKED') message.error(e.message);
}

/**
 * `run(key, work)` marks `key` busy (a row's id, or true for a single button) until `work` ends;
 * what `work` throws is shown by `toastRefusal`.
 */
export function useBusyCall<K = true>() {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<K | null>(null);
  const run = useCallback(
    async (key: K, work: () => Promise<void>) => {
      setBusy(key);
      try {
        await work();
      } catch (err) {
        toastRefusal(message, err);
      } finally {
        setBusy(null);
      }
    },
    [message],
  );
  return { busy, running: busy !== null, run, message };
}
