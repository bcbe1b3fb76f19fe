// Draws the toolbar/store icons (public/icon/<size>.png): lines of text on a slate card, one marked in amber.
// Pure Node (zlib), so it runs anywhere: `node scripts/make-icons.mjs`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 32, 48, 96, 128];
const SLATE = [0x2f, 0x3b, 0x4a];
const PAPER = [0xf4, 0xf1, 0xea];
const AMBER = [0xf2, 0xb1, 0x1d];

function crc32(bytes) {
  let c = ~0;
  for (const byte of bytes) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x + 0.5, y + 0.5);
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Coordinates in a 0..1 square. */
function icon(u, v) {
  const radius = 0.2;
  const dx = Math.max(0, Math.abs(u - 0.5) - (0.5 - radius));
  const dy = Math.max(0, Math.abs(v - 0.5) - (0.5 - radius));
  if (Math.hypot(dx, dy) > radius) return [0, 0, 0, 0];
  const lines = [
    [0.26, 0.78],
    [0.44, 0.78],
    [0.62, 0.6],
  ];
  for (const [i, [top, right]] of lines.entries()) {
    if (v >= top && v <= top + 0.1 && u >= 0.2 && u <= right)
      return i === 1 ? [...AMBER, 255] : [...PAPER, 255];
  }
  return [...SLATE, 255];
}

mkdirSync('public/icon', { recursive: true });
for (const size of SIZES) {
  writeFileSync(
    `public/icon/${size}.png`,
    png(size, (x, y) => icon(x / size, y / size)),
  );
}
console.log(`wrote public/icon/{${SIZES.join(',')}}.png`);
