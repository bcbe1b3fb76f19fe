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
const load = async (path) =>
  (await runnerImport(resolve(repoRoot, path), { configFile: false, logLevel: 'error' })).module;
const harness = await load('tests/e2e/harness/index.ts');
// openTracked / openPinned: the demo tab's id without the tabs permission, and the side panel pinned to it.
const panelSupport = await load('tests/e2e/panel-support.ts');

/** A headless demo that could not show what it is for: reported, and the script exits 1. */
class DemoFailure extends Error {}

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
      // The build `npm run build` makes: loading the harness through Vite above set NODE_ENV=development here,
      // which a child build inherits (3 KB more content script, dev-only code paths).
      env: { ...process.env, NODE_ENV: 'production' },
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

/**
 * Waits up to timeoutMs for the content script to register highlights and finish (the same counts 300 ms apart: the
 * page is scanned in slices, the first of which may hold a few names only); returns name → range count.
 */
async function waitForHighlights(page, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let counts = {};
  let last = '';
  while (Date.now() < deadline) {
    counts = await harness.highlightCounts(page);
    const now = JSON.stringify(counts);
    if (Object.values(counts).some((n) => n > 0) && now === last) break;
    last = now;
    await sleep(300);
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
        if (!name.startsWith('backstory') || name === 'backstory-focus') continue;
        for (const stored of highlight) {
          // Mentions are StaticRanges: compare and measure through a live copy.
          const range = document.createRange();
          range.setStart(stored.startContainer, stored.startOffset);
          range.setEnd(stored.endContainer, stored.endOffset);
          if (range.collapsed) continue;
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

/**
 * Polls until the hover card is shown; what it shows, or null. Its shadow root is closed, so it is read as the tests
 * read it, through the harness (tests/e2e/harness/closed-shadow.ts), not from the page.
 */
async function waitForCard(page, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const root = await harness.closedShadowRoot(page, 'backstory-card');
    const card = await root?.evaluate((shadow) => {
      const element = shadow.querySelector('.card');
      if (!element || getComputedStyle(element).visibility !== 'visible') return null;
      const box = element.getBoundingClientRect();
      return {
        name: element.querySelector('.card-name')?.textContent ?? '',
        kind: element.querySelector('.kind-label')?.textContent ?? '',
        facts: element.querySelectorAll('.card-fact').length,
        box: [box.left, box.top, box.width, box.height].map(Math.round),
      };
    });
    void root?.dispose();
    if (card?.name) return card;
    await sleep(100);
  }
  return null;
}

/** Polls until the side panel lists the page's entities; its heading, groups and names, or null. */
async function waitForPanelEntities(panel, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let last = null;
  while (Date.now() < deadline) {
    last = await panel.evaluate(() => ({
      heading: document.querySelector('h1')?.textContent?.trim() ?? '',
      groups: [...document.querySelectorAll('.group-heading')].map((h) =>
        (h.textContent ?? '').replace(/\s+/g, ' ').trim(),
      ),
      names: [...document.querySelectorAll('.entity-list .entity-name')].map(
        (name) => name.textContent?.trim() ?? '',
      ),
      notice: document.querySelector('.empty-state')?.textContent?.trim() ?? '',
    }));
    if (last.names.length > 0) return last;
    await sleep(100);
  }
  return { ...last, names: [] };
}

async function runHeadless() {
  const shots = [];
  const shows = [];
  const page = await panelSupport.openTracked(session, () =>
    session.openServedPage('/demo.html', { width: 1280, height: 900 }),
  );
  const counts = await waitForHighlights(page, 10_000);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  if (total === 0) throw new DemoFailure('no names were highlighted on the demo page within 10 s.');
  const byKind = Object.entries(counts)
    .filter(([name, n]) => n > 0 && name !== 'backstory-focus')
    .map(([name, n]) => `${name.replace(/^backstory-/, '')} ${n}`)
    .join(', ');
  console.info(`Highlights: ${byKind}`);
  shots.push(await harness.screenshot(page, 'demo/page-with-highlights'));
  shows.push(
    `page-with-highlights.png: the demo page, ${total} highlighted mentions in view (${byKind})`,
  );

  const point = await firstHighlightPoint(page);
  if (!point) throw new DemoFailure('no highlighted name in view to hover.');
  // A few steps, like a hand: the card waits for the pointer to rest on a name (~300 ms).
  await page.mouse.move(point.x, point.y, { steps: 5 });
  const card = await waitForCard(page, 5_000);
  if (!card) throw new DemoFailure('the hover card did not open within 5 s of resting on a name.');
  // Its 120 ms fade-in: shoot it fully drawn.
  await sleep(300);
  shots.push(await harness.screenshot(page, 'demo/hover-card'));
  shows.push(
    `hover-card.png: the card of ${card.name} (${card.kind}, ${card.facts} facts) at ${card.box.join(' ')}`,
  );

  // Pinned to the demo tab (?tabId=): opened as a page of its own it would follow itself, a page it can't read.
  const { page: panel } = await panelSupport.openPinned(session, 'sidepanel', page, {
    width: 400,
    height: 800,
  });
  const listed = await waitForPanelEntities(panel, 10_000);
  if (listed.names.length === 0) {
    throw new DemoFailure(
      `the side panel listed nothing for the demo page${listed.notice ? ` ("${listed.notice}")` : ''}.`,
    );
  }
  shots.push(await harness.screenshot(panel, 'demo/side-panel'));
  shows.push(
    `side-panel.png: ${listed.heading}; ${listed.groups.join(', ')}; ${listed.names.join(', ')}`,
  );

  const leaks = session.network.fromExtension();
  if (leaks.length > 0) {
    console.warn(
      `Warning: the extension tried to reach the network:\n${leaks.map((r) => `  ${r.url}`).join('\n')}`,
    );
  }
  console.info(`\nScreenshots:\n${shots.map((p) => `  ${relative(process.cwd(), p)}`).join('\n')}`);
  console.info(`\nWhat they show:\n${shows.map((line) => `  ${line}`).join('\n')}`);
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
} catch (error) {
  if (!(error instanceof DemoFailure)) throw error;
  console.error(
    `\nnpm run demo: ${error.message} The screenshots would not show Backstory at work.`,
  );
  process.exitCode = 1;
} finally {
  await session.close().catch(() => {});
  await server.close();
}
