// What colour the reader sees at a point of a page: a 1-pixel screenshot, decoded by the browser itself (no PNG
// decoder among the dependencies) in a blank tab of its own, so the page under test is not touched.
import type { Page } from 'puppeteer-core';

export type Rgb = [number, number, number];

/** The colour of the pixel at viewport point (x, y) of `page`. `decoder` is any blank page of the same browser. */
export async function pixelAt(page: Page, decoder: Page, x: number, y: number): Promise<Rgb> {
  const png = await page.screenshot({
    clip: { x: Math.round(x), y: Math.round(y), width: 1, height: 1 },
    encoding: 'base64',
  });
  return decoder.evaluate(async (base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d context');
    context.drawImage(bitmap, 0, 0);
    const [r, g, b] = context.getImageData(0, 0, 1, 1).data;
    return [r ?? 0, g ?? 0, b ?? 0] as Rgb;
  }, png as string);
}

/** True if every channel is within `tolerance` of the expected colour. */
export function near(actual: Rgb, expected: Rgb, tolerance = 8): boolean {
  return actual.every((value, i) => Math.abs(value - (expected[i] ?? 0)) <= tolerance);
}

/** A colour mixed at `percent` over white, as color-mix(in srgb, colour p%, transparent) shows on a white page. */
export function overWhite(hex: string, percent: number): Rgb {
  const channels = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
  return channels.map((c) => Math.round(255 + (c - 255) * (percent / 100))) as Rgb;
}
