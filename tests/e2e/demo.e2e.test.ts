// `npm run demo` without a display: it must print the paths of three screenshots that exist and show something.
import { execFile } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';
import { e2eBuildDir, repoRoot } from './harness';

/** Width and height from a PNG's IHDR chunk. */
function pngSize(path: string): { width: number; height: number } {
  const bytes = readFileSync(resolve(repoRoot, path));
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test('the headless demo saves the page, hover-card and side-panel screenshots and prints their paths', async () => {
  // The suite's global setup already built the extension; the demo reuses that build.
  const { stdout } = await promisify(execFile)('node', ['scripts/demo.mjs', '--no-build'], {
    cwd: repoRoot,
    env: { ...process.env, CI: '1', BACKSTORY_OUT: relative(repoRoot, e2eBuildDir) },
  });
  const printed = stdout
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.endsWith('.png'));
  expect(printed).toEqual([
    'artifacts/demo/page-with-highlights.png',
    'artifacts/demo/hover-card.png',
    'artifacts/demo/side-panel.png',
  ]);
  // The page shots are taken at 1280x900, the side panel as a 400x800 tab.
  expect(printed.map(pngSize)).toEqual([
    { width: 1280, height: 900 },
    { width: 1280, height: 900 },
    { width: 400, height: 800 },
  ]);
  // A rendered news page with text is far larger than a blank image of the same size (~5 KB).
  expect(statSync(resolve(repoRoot, printed[0] ?? '')).size).toBeGreaterThan(50_000);
});
