// Draws build/icon.png (512×512): an orange sun on a warm rounded square.
// Run `node build/make-icon.mjs` after changing it; the PNG is committed so packaging needs
// neither this script nor any image tool.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 512;
const SAMPLES = 4; // per axis, for anti-aliased edges
const BACKGROUND = [255, 246, 230];
const SUN = [250, 140, 22];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function insideRoundedSquare(x, y, half, radius) {
  const dx = Math.max(Math.abs(x) - (half - radius), 0);
  const dy = Math.max(Math.abs(y) - (half - radius), 0);
  return dx * dx + dy * dy <= radius * radius;
}

function insideSun(x, y) {
  const r = Math.hypot(x, y);
  if (r <= 118) return true;
  // Twelve rays, each a capsule from r=150 to r=206, 32 px wide.
  const step = Math.PI / 6;
  const angle = Math.round(Math.atan2(y, x) / step) * step;
  const along = x * Math.cos(angle) + y * Math.sin(angle);
  const across = -x * Math.sin(angle) + y * Math.cos(angle);
  const clamped = Math.min(Math.max(along, 150), 206);
  return Math.hypot(along - clamped, across) <= 16;
}

const raw = Buffer.alloc((SIZE * 4 + 1) * SIZE);
for (let py = 0; py < SIZE; py++) {
  const row = py * (SIZE * 4 + 1);
  raw[row] = 0; // filter: none
  for (let px = 0; px < SIZE; px++) {
    let bg = 0;
    let sun = 0;
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const x = px + (sx + 0.5) / SAMPLES - SIZE / 2;
        const y = py + (sy + 0.5) / SAMPLES - SIZE / 2;
        if (!insideRoundedSquare(x, y, 240, 96)) continue;
        bg++;
        if (insideSun(x, y)) sun++;
      }
    }
    const n = SAMPLES * SAMPLES;
    const alpha = bg / n;
    const mix = bg ? sun / bg : 0;
    const o = row + 1 + px * 4;
    for (let i = 0; i < 3; i++) raw[o + i] = Math.round(BACKGROUND[i] * (1 - mix) + SUN[i] * mix);
    raw[o + 3] = Math.round(alpha * 255);
  }
}

const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0);
ihdr.writeUInt32BE(SIZE, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('./icon.png', import.meta.url), png);
console.log(`build/icon.png: ${png.length} bytes`);
