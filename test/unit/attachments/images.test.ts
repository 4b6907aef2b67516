import { describe, expect, it } from 'vitest';
import { jpegOrientation } from '../../../renderer/src/attachments/images';

/** The first bytes of a phone JPEG: SOI, an APP1 Exif block with one IFD entry (Orientation). */
function jpegWithOrientation(value: number, little: boolean): Uint8Array {
  const tiff = Buffer.alloc(8 + 2 + 12 + 4);
  // The same IFD in either byte order: the byte-order mark says which.
  tiff.write(little ? 'II' : 'MM', 0, 'latin1');
  const u16 = (v: number, at: number) => (little ? tiff.writeUInt16LE(v, at) : tiff.writeUInt16BE(v, at));
  const u32 = (v: number, at: number) => (little ? tiff.writeUInt32LE(v, at) : tiff.writeUInt32BE(v, at));
  u16(42, 2);
  u32(8, 4);
  u16(1, 8);
  u16(0x0112, 10);
  u16(3, 12);
  u32(1, 14);
  u16(value, 18);
  const app1 = Buffer.concat([Buffer.from('Exif\u0000\u0000', 'latin1'), tiff]);
  const header = Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0, 0]);
  header.writeUInt16BE(app1.length + 2, 4);
  return new Uint8Array(Buffer.concat([header, app1, Buffer.from([0xff, 0xda, 0, 2])]));
}

describe('EXIF orientation of a phone photo', () => {
  it('reads it in either byte order, so a sideways photo is turned upright', () => {
    expect(jpegOrientation(jpegWithOrientation(6, true))).toBe(6);
    expect(jpegOrientation(jpegWithOrientation(8, false))).toBe(8);
    expect(jpegOrientation(jpegWithOrientation(1, true))).toBe(1);
  });

  it('says upright for a JPEG without EXIF, a PNG, or a truncated file', () => {
    expect(jpegOrientation(new Uint8Array([0xff, 0xd8, 0xff, 0xdb, 0, 4, 0, 0, 0xff, 0xda]))).toBe(1);
    expect(jpegOrientation(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBe(1);
    expect(jpegOrientation(jpegWithOrientation(6, true).subarray(0, 20))).toBe(1);
  });
});
