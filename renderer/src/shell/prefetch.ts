/**
 * Loads a lazy screen's chunk once the page is idle, i.e. after what is on screen has painted,
 * so the click that opens it later waits for no download or parse. A failed prefetch is
 * harmless: the lazy import tries again when the screen is opened, and shows its error there.
 * Returns the cancel for an effect's cleanup.
 */
export function prefetchWhenIdle(...loads: Array<() => Promise<unknown>>): () => void {
  const run = () => {
    for (const load of loads) load().catch(() => undefined);
  };
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(run, { timeout: 1500 });
    return () => window.cancelIdleCallback(id);
  }
  const id = window.setTimeout(run, 300);
  return () => window.clearTimeout(id);
}
