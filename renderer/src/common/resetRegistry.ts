// Every renderer store registers its reset here. Locking calls them all, so no record
// a caseworker looked at survives in memory behind the sign-in screen.
type Reset = () => void;
const resets = new Set<Reset>();

export function registerReset(reset: Reset): () => void {
  resets.add(reset);
  return () => resets.delete(reset);
}

export function resetAllStores(): void {
  for (const reset of resets) reset();
}
