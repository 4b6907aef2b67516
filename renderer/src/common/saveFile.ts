// Puts bytes the core made (and already audited) where the caseworker wants them: in the
// desktop app through the shell's save dialog, in a plain browser as a download.
import type { ApiResult } from '../../../db/api/errors';
import { bridge } from '../api/client';

function download(bytes: Uint8Array, fileName: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export async function saveFile(bytes: Uint8Array, fileName: string, mime: string): Promise<void> {
  const b = bridge();
  if (b) {
    const result = (await b.invoke('shell.saveFile', { fileName, mime, bytes })) as
      | ApiResult<unknown>
      | undefined;
    if (result?.ok) return;
    // Outside the desktop app no shell answers: the browser saves it instead.
    if (result && !result.ok && result.error.code !== 'NOT_FOUND') throw new Error(result.error.message);
  }
  download(bytes, fileName, mime);
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function fromBase64(data: string): Uint8Array {
  const bin = atob(data);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export async function toBase64(file: Blob): Promise<string> {
  const buf = new Uint8Array(await file.arrayBuffer());
  let bin = '';
  for (let i = 0; i < buf.length; i += 0x8000) bin += String.fromCharCode(...buf.subarray(i, i + 0x8000));
  return btoa(bin);
}
