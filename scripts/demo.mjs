// `npm run demo`: builds the Chrome extension, serves the demo news page from 127.0.0.1 and opens Chromium with the
// extension on it. Without a display (no $DISPLAY, CI set, or --headless) it saves screenshots instead.
// Usage: node scripts/demo.mjs [--headless] [--no-build]
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const repoRoot = resolve(fileURLToPath(import.meta.url), '../..');
const args = new Set(process.argv.slice(2));
const headless = args.has('--headless') || !process.env.DISPLAY || !!process.env.CI;
const outDir = process.env.BACKSTORY_OUT ?? '.output';
const extensionDir = resolve(repoRoot, outDir, 'chrome-mv3');

// The harness is TypeScript; Vite (already a dependency) runs it here without a separate compile step.
const { module: harness } = await runnerImport(resolve(repoRoot, 'tests/e2e/harness/index.ts'), {
  configFile: false,
  logLevel: 'error',
});

function fail(message) {
  console.error(`\nnpm run demo: ${message}`);
  process.exit(1);
}

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

try {
  // Before the build, so a missing browser is reported in a second, not after one.
  harness.findChromium();
} catch (error) {
  fail(error.message);
}

if (!args.has('--no-build')) {
  console.info(`Building the Chrome extension into ${outDir}/chrome-mv3 …`);
  try {
    execFileSync(resolve(repoRoot, 'node_modules/.bin/wxt'), ['build', '-b', 'chrome'], {
      cwd: repoRoot,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  } catch {
    fail('the build failed (its errors are above). Run `npm run build` to see them on their own.');
  }
}

if (!existsSync(resolve(extensionDir, 'manifest.json'))) {
  fail(`no build in ${relative(repoRoot, extensionDir)}; run without --no-build to build it.`);
}

const server = await harness.startServer();
const session = await harness
  .launchChromium({ server, extensionDir, headless })
  .catch(async (error) => {
    await server.close();
    const hint = headless
      ? ''
      : ` It could not open a window on DISPLAY=${process.env.DISPLAY}; try --headless.`;
    fail(`Chromium did not start: ${error.message.split('\n')[0].replace(/\.+$/, '')}.${hint}`);
  });
const demoUrl = server.url('/demo.html');
console.info(`Demo page: ${demoUrl}\nExtension: ${session.extensionOrigin}`);

/** Waits up to timeoutMs for the content script to register highlights; returns name → range count. */
async function waitForHighlights(page, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let counts = {};
  while (Date.now() < deadline) {
    counts = await harness.highlightCounts(page);
    if (Object.values(counts).some((n) => n > 0)) break;
    await sleep(100);
  }
  return counts;
}

/**
 * Centre of the first highlighted range in document order, or undefined when nothing is highlighted. Scrolls it into
 * view first if needed: the card closes on scroll, so the caller waits for the scroll to settle before hovering.
 */
async function firstHighlightPoint(page) {
  const locate = () =>
    page.evaluate(() => {
      if (typeof CSS === 'undefined' || !('highlights' in CSS)) return undefined;
      let first;
      for (const [name, highlight] of CSS.highlights) {
        if (!name.startsWith('backstory')) continue;
        for (const range of highlight) {
          if (!(range instanceof Range) || range.collapsed) continue;
          if (!first || range.compareBoundaryPoints(Range.START_TO_START, first) < 0) first = range;
        }
      }
      if (!first) return undefined;
      const rect = first.getClientRects()[0] ?? first.getBoundingClientRect();
      const inView = rect.top >= 0 && rect.bottom <= innerHeight;
      if (!inView) first.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2, scrolled: !inView };
    });
  const point = await locate();
  if (!point?.scrolled) return point;
  await sleep(400);
  return locate();
}

async function runHeadless() {
  const shots = [];
  const page = await session.openServedPage('/demo.html', { width: 1280, height: 900 });
  const counts = await waitForHighlights(page, 5_000);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  console.info(
    total > 0
      ? `Highlights: ${Object.entries(counts)
          .map(([name, n]) => `${name} ${n}`)
          .join(', ')}`
      : 'Highlights: none registered yet (screenshots are taken anyway).',
  );
  shots.push(await harness.screenshot(page, 'demo/page-with-highlights'));

  const point = await firstHighlightPoint(page);
  if (point) {
    // A few steps, like a hand: the card waits for the pointer to rest on a name.
    await page.mouse.move(point.x, point.y, { steps: 5 });
  } else {
    console.info('Hover card: no highlighted name to hover; the screenshot shows the page as is.');
  }
  // The card opens after a ~300 ms intent delay.
  await sleep(600);
  shots.push(await harness.screenshot(page, 'demo/hover-card'));

  const panel = await session.openExtensionPage('sidepanel', { width: 400, height: 800 });
  await sleep(500);
  shots.push(await harness.screenshot(panel, 'demo/side-panel'));

  const leaks = session.network.fromExtension();
  if (leaks.length > 0) {
    console.warn(
      `Warning: the extension tried to reach the network:\n${leaks.map((r) => `  ${r.url}`).join('\n')}`,
    );
  }
  console.info(`\nScreenshots:\n${shots.map((p) => `  ${relative(process.cwd(), p)}`).join('\n')}`);
}

async function runHeadful() {
  await session.openServedPage('/demo.html', { width: 1280, height: 900 });
  console.info(
    '\nChromium is open on the demo page with Backstory loaded. Hover a highlighted name for its card;' +
      ' click the toolbar icon for the popup. Press Ctrl-C to quit.',
  );
  await new Promise((done) => {
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
    session.browser.once('disconnected', done);
  });
}

try {
  if (headless) await runHeadless();
  else await runHeadful();
} finally {
  await session.close().catch(() => {});
  await server.close();
}
