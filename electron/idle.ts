/**
 * Whether the main-process backstop should lock: the OS has seen no input for at least the
 * configured number of minutes. `idleMinutes` is null while locked (nothing to do) and a
 * non-positive value means auto-lock is switched off.
 */
export function shouldIdleLock(systemIdleSeconds: number, idleMinutes: number | null): boolean {
  if (idleMinutes === null || !(idleMinutes > 0)) return false;
  return systemIdleSeconds >= idleMinutes * 60;
}
