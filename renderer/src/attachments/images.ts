// Photos are prepared in the renderer, offline, by Chromium's own decoder: turned upright by
// their EXIF orientation, optionally shrunk, and given a thumbnail. No library, no temp file.

/** The EXIF orientation (1–8) of a JPEG, 1 when it has none. */
export function jpegOrientation(bytes: Uint8Array): number {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (v.byteLength < 4 || v.getUint16(0) !== 0xffd8) return 1;
  let at = 2;
  while (at + 4 <= v.byteLength) {
    const marker = v.getUint16(at);
    const size = v.getUint16(at + 2);
    if (marker === 0xffe1 && at + 10 <= v.byteLength && v.getUint32(at + 4) === 0x45786966) {
      const tiff = at + 10;
      const little = v.getUint16(tiff) === 0x4949;
      const ifd = tiff + v.getUint32(tiff + 4, little);
      if (ifd + 2 > v.byteLength) return 1;
      const entries = v.getUint16(ifd, little);
      for (let i = 0; i < entries; i++) {
        const e = ifd + 2 + i * 12;
        if (e + 10 > v.byteLength) return 1;
        if (v.getUint16(e, little) === 0x0112) return v.getUint16(e + 8, little);
      }
      return 1;
    }
    if ((marker & 0xff00) !== 0xff00 || marker === 0xffda) return 1;
    at += 2 + size;
  }
  return 1;
}

export const SHRINK_TO = 2000;
const THUMB = 240;

async function encode(bitmap: ImageBitmap, maxSide: number, type: string, quality: number): Promise<Blob> {
  const scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));
  const canvas = new OffscreenCanvas(
    Math.max(1, Math.round(bitmap.width * scale)),
    Math.max(1, Math.round(bitmap.height * scale)),
  );
  const g = canvas.getContext('2d');
  if (!g) throw new Error('no 2d context');
  g.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  return canvas.convertToBlob({ type, quality });
}

export interface PreparedFile {
  blob: Blob;
  thumbnail: Blob | null;
  /** Turned upright or shrunk: the stored bytes are not the picked file's. */
  changed: boolean;
}

/** PDFs and Word files pass as they are; JPEG/PNG get a thumbnail, and JPEGs are turned upright. */
export async function prepareFile(file: File, shrink: boolean): Promise<PreparedFile> {
  const isJpeg = file.type === 'image/jpeg' || /\.jpe?g$/i.test(file.name);
  const isPng = file.type === 'image/png' || /\.png$/i.test(file.name);
  if (!isJpeg && !isPng) return { blob: file, thumbnail: null, changed: false };
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    // Not decodable: the core decides what it is and says so.
    return { blob: file, thumbnail: null, changed: false };
  }
  try {
    const head = new Uint8Array(await file.slice(0, 128 * 1024).arrayBuffer());
    const rotated = isJpeg && jpegOrientation(head) !== 1;
    const tooBig = shrink && Math.max(bitmap.width, bitmap.height) > SHRINK_TO;
    const blob =
      rotated || tooBig
        ? await encode(bitmap, tooBig ? SHRINK_TO : Number.MAX_SAFE_INTEGER, 'image/jpeg', 0.9)
        : file;
    const thumbnail = await encode(bitmap, THUMB, 'image/jpeg', 0.8);
    return { blob, thumbnail, changed: blob !== file };
  } finally {
    bitmap.close();
  }
}
