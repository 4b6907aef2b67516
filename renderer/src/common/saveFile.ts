// Saves bytes the core made (an Excel ledger, …) where the caseworker says. In the desktop app
// the shell asks with a save dialog and writes the file (shell.saveFile); in a plain browser
// (the browser tests) there is no shell, so the page hands the browser a download instead.
import { ApiCallError, bridge } from '../api/client';
import { t } from '../i18n';

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function fromBase64(base64: string): Uint8Array {
  const s = atob(base64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

function download(bytes: Uint8Array, fileName: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Resolves once saved, or once the caseworker cancelled the dialog. */
export async function saveFile(bytes: Uint8Array, fileName: string, mime: string): Promise<void> {
  const b = bridge();
  if (!b) throw new ApiCallError({ code: 'INTERNAL', message: t('errors.internal') });
  const result = (await b
    .invoke('shell.saveFile', { fileName, mime, base64: toBase64(bytes) })
    .catch(() => null)) as
    | { ok: true; value: unknown }
    | { ok: false; error: { code: string; message: string } }
    | null;
  if (result?.ok) return;
  // No shell answers outside the desktop app (and the core knows no shell.*).
  if (!result || result.error.code === 'NOT_FOUND') {
    download(bytes, fileName, mime);
    return;
  }
  throw new ApiCallError(result.error as never);
}
