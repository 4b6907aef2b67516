// The shell's native dialogs for backups (electron/backup.ts). Outside the desktop app no
// shell answers; the caller then lets the path be typed instead.
import { bridge } from '../api/client';

async function ask(
  method: 'shell.chooseFolder' | 'shell.chooseBackupFile',
): Promise<string | null | undefined> {
  const b = bridge();
  if (!b) return undefined;
  try {
    const r = (await b.invoke(method, {})) as { ok: boolean; value?: unknown };
    if (!r?.ok) return undefined;
    return typeof r.value === 'string' ? r.value : null;
  } catch {
    return undefined;
  }
}

/** A folder path; null when cancelled; undefined when there is no dialog here. */
export const chooseFolder = () => ask('shell.chooseFolder');
export const chooseBackupFile = () => ask('shell.chooseBackupFile');

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 * 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `${(n / 1024 / 1024 / 1024).toFixed(2)} GB`;
}
