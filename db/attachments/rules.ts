// What a file is, read from its first bytes: a renamed .exe is not a PDF because of its name.
import type { FileType } from './codes';

const startsWith = (b: Uint8Array, sig: number[], at = 0) => sig.every((v, i) => b[at + i] === v);
const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));

/** HEIC/HEIF brands of an ISO-BMFF `ftyp` box: phones' photos. */
const HEIC_BRANDS = ['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1', 'avif'];

export type Sniffed = FileType | 'heic' | 'unknown';

export function sniff(bytes: Uint8Array, fileName: string): Sniffed {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (bytes.length >= 12 && ascii(bytes, 4, 8) === 'ftyp' && HEIC_BRANDS.includes(ascii(bytes, 8, 12)))
    return 'heic';
  const lower = fileName.toLowerCase();
  // Old Word: an OLE2 compound file; new Word: a zip. Both also hold other formats, so the
  // name must say Word too.
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) && lower.endsWith('.doc'))
    return 'doc';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) && lower.endsWith('.docx')) return 'docx';
  return 'unknown';
}

const EXT: Record<FileType, string> = { pdf: '.pdf', jpeg: '.jpg', png: '.png', doc: '.doc', docx: '.docx' };

/** The name a saved copy gets: the title, with the extension its type has. */
export function exportName(title: string, type: FileType): string {
  const base =
    Array.from(title, (c) => (c.charCodeAt(0) < 0x20 || '\\/:*?"<>|'.includes(c) ? '_' : c))
      .join('')
      .trim() || '附件';
  const ext = EXT[type];
  return base.toLowerCase().endsWith(ext) ? base : `${base}${ext}`;
}

/** The title a file gets when none is typed: its name without the extension. */
export function defaultTitle(fileName: string): string {
  const base = fileName.replace(/\.[A-Za-z0-9]{1,5}$/, '').trim();
  return (base || fileName).slice(0, 100);
}
