// `npm run demo` without a display: it must save three screenshots that show Backstory at work and say what they show.
import { execFile } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { inflateSync } from 'node:zlib';
import { expect, test } from 'vitest';
import { e2eBuildDir, repoRoot } from './harness';

interface Image {
  width: number;
  height: number;
  /** Bytes per pixel (3: RGB, 4: RGBA). */
  channels: number;
  pixels: Buffer;
}

/** Decodes an 8-bit, non-interlaced RGB or RGBA PNG (what Chromium's screenshots are). */
function decodePng(path: string): Image {
  const bytes = readFileSync(resolve(repoRoot, path));
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  const [depth, colour, , , interlace] = bytes.subarray(24, 29);
  expect({ depth, interlace }).toEqual({ depth: 8, interlace: 0 });
  const channels = colour === 6 ? 4 : colour === 2 ? 3 : 0;
  expect(channels).toBeGreaterThan(0);
  const chunks: Buffer[] = [];
  for (let at = 8; at < bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    if (bytes.subarray(at + 4, at + 8).toString('latin1') === 'IDAT') {
      chunks.push(bytes.subarray(at + 8, at + 8 + length));
    }
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(chunks));
  const stride = width * channels;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x] as number;
      const left = x >= channels ? (pixels[y * stride + x - channels] as number) : 0;
      const up = y > 0 ? (pixels[(y - 1) * stride + x] as number) : 0;
      const upLeft =
        x >= channels && y > 0 ? (pixels[(y - 1) * stride + x - channels] as number) : 0;
      let predicted = 0;
      if (filter === 1) predicted = left;
      else if (filter === 2) predicted = up;
      else if (filter === 3) predicted = (left + up) >> 1;
      else if (filter === 4) {
        const p = left + up - upLeft;
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        predicted = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      }
      pixels[y * stride + x] = (value + predicted) & 0xff;
    }
  }
  return { width, height, channels, pixels };
}

/** Share of pixels that differ between two same-size images, inside and outside a box [x, y, w, h]. */
function difference(a: Image, b: Image, box: number[]): { inside: number; outside: number } {
  const [bx = 0, by = 0, bw = 0, bh = 0] = box;
  const counts = { inside: 0, insideDiff: 0, outside: 0, outsideDiff: 0 };
  for (let y = 0; y < a.height; y++) {
    for (let x = 0; x < a.width; x++) {
      const at = (y * a.width + x) * a.channels;
      let differs = false;
      for (let c = 0; c < 3; c++) if (a.pixels[at + c] !== b.pixels[at + c]) differs = true;
      // The card's shadow spreads ~24 px around its box: neither inside nor outside.
      const inside = x >= bx && x < bx + bw && y >= by && y < by + bh;
      const near = x >= bx - 30 && x < bx + bw + 30 && y >= by - 30 && y < by + bh + 30;
      if (inside) {
        counts.inside++;
        if (differs) counts.insideDiff++;
      } else if (!near) {
        counts.outside++;
        if (differs) counts.outsideDiff++;
      }
    }
  }
  return {
    inside: counts.insideDiff / counts.inside,
    outside: counts.outsideDiff / counts.outside,
  };
}

test('the headless demo saves the page, a shown hover card and the side panel listing the page, and says so', async () => {
  // The suite's global setup already built the extension; the demo reuses that build. It exits 1 (execFile
  // rejects) when there are no highlights, no card or an empty panel.
  const { stdout } = await promisify(execFile)('node', ['scripts/demo.mjs', '--no-build'], {
    cwd: repoRoot,
    env: { ...process.env, CI: '1', BACKSTORY_OUT: relative(repoRoot, e2eBuildDir) },
  });
  const lines = stdout.split('\n').map((line) => line.trim());
  const printed = lines.filter((line) => line.endsWith('.png'));
  expect(printed).toEqual([
    'artifacts/demo/page-with-highlights.png',
    'artifacts/demo/hover-card.png',
    'artifacts/demo/side-panel.png',
  ]);
  const [pageShot, cardShot, panelShot] = printed.map(decodePng) as [Image, Image, Image];
  // The page shots are taken at 1280x900, the side panel as a 400x800 tab.
  expect([pageShot, cardShot, panelShot].map(({ width, height }) => ({ width, height }))).toEqual([
    { width: 1280, height: 900 },
    { width: 1280, height: 900 },
    { width: 400, height: 800 },
  ]);
  // A rendered news page with text is far larger than a blank image of the same size (~5 KB).
  expect(statSync(resolve(repoRoot, printed[0] ?? '')).size).toBeGreaterThan(50_000);

  const shows = (file: string) => lines.find((line) => line.startsWith(`${file}: `)) ?? '';
  expect(shows('page-with-highlights.png')).toMatch(/ \d+ highlighted mentions in view \(.*person/);

  // The card the demo saw open, and where: the card shot differs from the page shot there, and only there.
  const card =
    /^hover-card\.png: the card of (.+) \((\w+), \d+ facts\) at (\d+) (\d+) (\d+) (\d+)$/.exec(
      shows('hover-card.png'),
    );
  expect(card?.[1]).toBe('Kyiv');
  expect(card?.[2]).toBe('Place');
  const box = (card?.slice(3) ?? []).map(Number);
  expect(box[2]).toBeGreaterThan(200);
  expect(box[3]).toBeGreaterThan(150);
  expect(Buffer.compare(cardShot.pixels, pageShot.pixels)).not.toBe(0);
  const diff = difference(pageShot, cardShot, box);
  expect(diff.inside).toBeGreaterThan(0.5);
  expect(diff.outside).toBeLessThan(0.01);

  // The panel, pinned to the demo tab, lists the page's entities by kind (not "can't run on this page").
  const panel = shows('side-panel.png');
  expect(panel).toMatch(/^side-panel\.png: On this page · 127\.0\.0\.1; People \(\d+\), /);
  for (const name of ['Volodymyr Zelenskyy', 'Karoline Leavitt', 'Kyiv', 'European Union']) {
    expect(panel).toContain(name);
  }
  expect(panel).not.toMatch(/can.t run/);
});
