import { useCallback, useEffect, useRef, useState } from 'react';
import { api, toApiCallError } from '../api/client';
import type { VisitValues } from './types';

/** A moment after the last keystroke: often enough that a crash loses a sentence at most. */
export const SAVE_DELAY_MS = 800;

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: number }
  | { kind: 'error'; message: string };

type TimerRef = { current: ReturnType<typeof setTimeout> | null };

function clearTimer(timer: TimerRef) {
  if (timer.current !== null) clearTimeout(timer.current);
  timer.current = null;
}

export function toDraftInput(childId: string, id: string | null, v: VisitValues) {
  return {
    id,
    childId,
    date: v.date ?? null,
    kind: v.kind ?? null,
    place: v.place ?? null,
    visitors: v.visitors ?? null,
    personsMet: v.personsMet ?? null,
    findings: v.findings ?? {},
    needsFound: (v.needsFound ?? []).map((n) => ({ kind: n.kind, note: n.note ?? null })),
    actionsAgreed: v.actionsAgreed ?? null,
    nextVisitDate: v.nextVisitDate ?? null,
  };
}

/**
 * Saves the visit as it is typed. One save at a time (the first one creates the draft, and two
 * at once would create two); changes made while a save is under way go in the next one.
 */
export function useDraftSaver({
  childId,
  initialId,
  initialSavedAt,
  onCreated,
}: {
  childId: string;
  initialId: string | null;
  initialSavedAt: number | null;
  onCreated: (id: string) => void;
}) {
  const [status, setStatus] = useState<SaveStatus>(
    initialSavedAt ? { kind: 'saved', at: initialSavedAt } : { kind: 'idle' },
  );
  const idRef = useRef<string | null>(initialId);
  const pending = useRef<VisitValues | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<void> | null>(null);
  // Once submitted or discarded there is no draft left to save into.
  const closed = useRef(false);
  const mounted = useRef(true);
  const onCreatedRef = useRef(onCreated);
  onCreatedRef.current = onCreated;

  const flush = useCallback((): Promise<void> => {
    clearTimer(timer);
    if (closed.current) return Promise.resolve();
    if (inFlight.current) {
      // The running save picks up what is pending when it ends.
      return inFlight.current.then(() => (pending.current ? flush() : undefined));
    }
    const values = pending.current;
    if (!values) return Promise.resolve();
    pending.current = null;
    if (mounted.current) setStatus({ kind: 'saving' });
    const run = api('visits.saveDraft', toDraftInput(childId, idRef.current, values))
      .then((res) => {
        if (!idRef.current) {
          idRef.current = res.id;
          if (mounted.current) onCreatedRef.current(res.id);
        }
        if (mounted.current) setStatus({ kind: 'saved', at: res.savedAt });
      })
      .catch((err) => {
        const e = toApiCallError(err);
        // Locked: the screen is going away; the text typed before the lock is already saved.
        if (e.code !== 'LOCKED' && mounted.current) setStatus({ kind: 'error', message: e.message });
      })
      .finally(() => {
        inFlight.current = null;
      });
    inFlight.current = run;
    return run.then(() => (pending.current ? flush() : undefined));
  }, [childId]);

  const schedule = useCallback(
    (values: VisitValues) => {
      if (closed.current) return;
      pending.current = values;
      clearTimer(timer);
      timer.current = setTimeout(() => void flush(), SAVE_DELAY_MS);
    },
    [flush],
  );

  /** Saves what is typed and returns the draft's id, creating the draft if nothing was saved yet. */
  const ensureSaved = useCallback(
    async (values: VisitValues): Promise<string> => {
      pending.current = values;
      await flush();
      if (!idRef.current) {
        // The save just failed; say why instead of finalizing nothing.
        const res = await api('visits.saveDraft', toDraftInput(childId, null, values));
        idRef.current = res.id;
        onCreatedRef.current(res.id);
      }
      return idRef.current;
    },
    [flush, childId],
  );

  /** Stops saving: the draft has been submitted or discarded. */
  const close = useCallback(() => {
    closed.current = true;
    pending.current = null;
    clearTimer(timer);
  }, []);

  useEffect(() => {
    mounted.current = true;
    // A reload or a closing window: save what is pending now, not in 800 ms.
    const onLeave = () => void flush();
    // Ctrl+L locks; the keydown reaches this capture listener before the shell's lock handler,
    // so the last words typed go out before the lock does.
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'l') void flush();
    };
    window.addEventListener('pagehide', onLeave);
    window.addEventListener('beforeunload', onLeave);
    window.addEventListener('keydown', onKey, { capture: true });
    return () => {
      window.removeEventListener('pagehide', onLeave);
      window.removeEventListener('beforeunload', onLeave);
      window.removeEventListener('keydown', onKey, { capture: true });
      mounted.current = false;
      // Leaving the screen (another menu item): what was typed in the last moment still goes.
      void flush();
    };
  }, [flush]);

  return { status, schedule, flush, ensureSaved, close, draftId: () => idRef.current };
}
