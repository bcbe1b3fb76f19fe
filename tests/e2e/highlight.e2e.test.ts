// Highlighting in real browsers: what gets marked on built-for-purpose pages, live changes, and zero DOM mutation.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type BrowserKind,
  defaultRoots,
  type ExtensionSession,
  extensionConsoleErrors,
  launchChromium,
  launchFirefox,
  screenshot,
  startServer,
  type TestServer,
} from './harness';
import { cardName } from './support/card';
import {
  allMentions,
  domAtReady,
  openWithSnapshot,
  paintedTexts,
  paintedWhileScrolling,
  serializeDom,
  settledPaint,
  tabMentions,
} from './support/highlights';
import { near, overWhite, pixelAt, type Rgb } from './support/pixels';
import { until } from './support/poll';

const launchers = { chromium: launchChromium, firefox: launchFirefox } as const;
const browsers: BrowserKind[] = ['chromium', 'firefox'];

/** A page of `bytes` size dense with entity names, in ordinary paragraphs, with a long-task recorder. */
function densePage(bytes: number): string {
  const sentences = [
    'Volodymyr Zelenskyy spoke in Kyiv after the strike on the EU Mission to Ukraine.',
    'Vladimir Putin and Donald Trump met in Alaska, while Keir Starmer called it senseless.',
    'Kaja Kallas said the European Union summoned the envoy in Brussels; NATO allies agreed.',
    'Friedrich Merz and Karoline Leavitt commented as Moscow and Washington argued.',
  ];
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const p = `<p>${sentences[i % 4]} ${sentences[(i + 1) % 4]}</p>\n`;
    parts.push(p);
    size += p.length;
  }
  return `<!doctype html><html><head><meta charset="utf-8"><title>Dense</title>
<script>
  window.__longTasks = [];
  if (PerformanceObserver.supportedEntryTypes.includes('longtask')) new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true }); // Chromium only; Firefox has no longtask entries.
</script></head><body><main>${parts.join('')}</main></body></html>`;
}

describe.each(browsers)('%s: highlighting', (kind) => {
  let server: TestServer;
  let session: ExtensionSession;

  beforeAll(async () => {
    const generated = await mkdtemp(join(tmpdir(), 'backstory-pages-'));
    await writeFile(join(generated, 'dense-1mb.html'), densePage(1024 * 1024));
    server = await startServer({ '/generated/': generated, ...defaultRoots });
    session = await launchers[kind]({ server });
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  async function open(path: string): Promise<Page> {
    return session.openServedPage(path);
  }

  test('the demo page: names, surnames and places are marked by kind, and the DOM is untouched', async () => {
    const page = await openWithSnapshot(session, '/demo.html');
    await settledPaint(page);
    expect(await serializeDom(page)).toBe(await domAtReady(page));
    // Every mention on the page, scrolled through (only those near the viewport are registered at a time) …
    const all = await paintedWhileScrolling(page);
    // … and, back at the top, what is painted there, by kind.
    const painted = await settledPaint(page);
    expect(painted['backstory-person']).toEqual(
      expect.arrayContaining([
        'Volodymyr Zelenskyy',
        'Vladimir Putin',
        'Keir Starmer',
        'Kaja Kallas',
      ]),
    );
    expect(painted['backstory-place']).toEqual(
      expect.arrayContaining(['Kyiv', 'Alaska', 'Brussels']),
    );
    expect(painted['backstory-organization']).toEqual(expect.arrayContaining(['NATO']));
    // Surnames alone are the same person, wherever they are on the page.
    expect(painted['backstory-person']).toEqual(expect.arrayContaining(['Putin', 'Zelenskyy']));
    expect(all).toEqual(expect.arrayContaining(['Oleksandr Khilko', 'Khilko']));
    await screenshot(page, `e2e/${kind}-demo-highlighted`);
    expect(extensionConsoleErrors(session.consoleErrors)).toEqual([]);
    await page.close();
  });

  test('nothing inside inputs, textareas, contenteditable, pre, code, select or hidden text, but display: contents text', async () => {
    const page = await open('/live/editable.html');
    const painted = await settledPaint(page);
    // Text in a display: contents wrapper shows, so it is highlighted (checkVisibility() alone calls it hidden).
    expect(allMentions(painted)).toEqual(['Keir Starmer', 'Volodymyr Zelenskyy']);
    await page.close();
  });

  test('text a page reveals later (read more, a tab, a details element) is highlighted when it shows', async () => {
    const page = await open('/live/reveal.html');
    expect(allMentions(await settledPaint(page))).toEqual(['Volodymyr Zelenskyy']);
    await page.evaluate(() => (window as unknown as { reveal(): void }).reveal());
    const painted = await until(
      'the revealed names',
      () => paintedTexts(page),
      (p) => allMentions(p).length === 5,
    );
    expect(allMentions(painted)).toEqual([
      'Brussels',
      'Friedrich Merz',
      'Kaja Kallas',
      'Keir Starmer',
      'Volodymyr Zelenskyy',
    ]);
    await page.close();
  });

  test('infinite scroll: every appended article is highlighted', async () => {
    const page = await open('/live/infinite-scroll.html');
    await page.waitForFunction(() => document.body.dataset.done === 'true', { timeout: 10_000 });
    const painted = await settledPaint(page);
    const people = painted['backstory-person'] ?? [];
    // 10 appended lines cycle through 5 sentences: each named person appears twice.
    for (const name of [
      'Volodymyr Zelenskyy',
      'Keir Starmer',
      'Kaja Kallas',
      'Donald Trump',
      'Friedrich Merz',
    ]) {
      expect(people.filter((text) => text === name)).toHaveLength(2);
    }
    await page.close();
  });

  test('single-page app: content swapped by pushState is rescanned and old ranges are dropped', async () => {
    const page = await open('/live/spa.html');
    const first = await settledPaint(page);
    expect(first['backstory-person']).toEqual(['Kaja Kallas']);
    await page.evaluate(() => (window as unknown as { go(route: string): void }).go('b'));
    await page.waitForFunction(() => location.pathname === '/spa/b');
    const second = await settledPaint(page);
    expect(second['backstory-person']?.sort()).toEqual(['Friedrich Merz', 'Karoline Leavitt']);
    await page.goBack();
    const third = await settledPaint(page);
    expect(third['backstory-person']).toEqual(['Kaja Kallas']);
    await page.close();
  });

  test('open shadow roots are scanned, and a name inside one opens its card', async () => {
    const page = await open('/live/shadow.html');
    const painted = await settledPaint(page, { atLeast: 3 });
    expect(allMentions(painted)).toEqual(['Keir Starmer', 'Kyiv', 'Vladimir Putin']);
    // The standard hit tests answer with the host for a point inside a shadow root unless it is named.
    const point = await page.evaluate(() => {
      const text = document.querySelector('news-card')?.shadowRoot?.querySelector('p')?.firstChild;
      const at = text?.nodeValue?.indexOf('Keir Starmer') ?? -1;
      if (!text || at < 0) throw new Error('no Keir Starmer in the shadow root');
      const range = document.createRange();
      range.setStart(text, at);
      range.setEnd(text, at + 'Keir Starmer'.length);
      const box = range.getBoundingClientRect();
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    });
    await page.mouse.move(5, 5);
    await page.mouse.move(point.x, point.y, { steps: 2 });
    await until(
      'the card of Keir Starmer',
      () => cardName(page),
      (name) => name === 'Keir Starmer',
    );
    await page.close();
  });

  test('a component the page defines after the scan has its shadow root scanned', async () => {
    const page = await open('/live/shadow-late.html');
    // The page defines it 3 s after load: the first scan meets an element with no shadow root.
    const before = await settledPaint(page, { atLeast: 1, quietMs: 200 });
    const definedYet = await page.evaluate(() => customElements.get('late-news') !== undefined);
    if (!definedYet) expect(allMentions(before)).toEqual(['Vladimir Putin']);
    const after = await settledPaint(page, { atLeast: 3, timeoutMs: 15_000 });
    expect(allMentions(after)).toEqual(['Brussels', 'Kaja Kallas', 'Vladimir Putin']);
    await page.close();
  });

  test('the built-in colours paint from the first scan, and a colour of the reader’s own wins over them, in shadow roots too', async () => {
    const page = await open('/live/shadow.html');
    await settledPaint(page, { atLeast: 3 });
    /** The middle of the space inside a two-word name: highlight background there, no glyph ink. */
    const spaceIn = (inShadow: boolean, name: string) =>
      page.evaluate(
        (shadow, wanted) => {
          const scope = shadow ? document.querySelector('news-card')?.shadowRoot : document;
          const text = [...(scope?.querySelectorAll('p') ?? [])]
            .map((p) => p.firstChild)
            .find((node) => node?.nodeValue?.includes(wanted));
          if (!text?.nodeValue) throw new Error(`no ${wanted}`);
          const at = text.nodeValue.indexOf(wanted) + wanted.indexOf(' ');
          const range = document.createRange();
          range.setStart(text, at);
          range.setEnd(text, at + 1);
          const box = range.getBoundingClientRect();
          return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
        },
        inShadow,
        name,
      );
    const outside = await spaceIn(false, 'Vladimir Putin');
    const inside = await spaceIn(true, 'Keir Starmer');
    const decoder = await session.newPage();
    const person = overWhite('#e6a100', 30);
    expect(await pixelAt(page, decoder, outside.x, outside.y)).toSatisfy((rgb: Rgb) =>
      near(rgb, person),
    );
    expect(await pixelAt(page, decoder, inside.x, inside.y)).toSatisfy((rgb: Rgb) =>
      near(rgb, person),
    );

    // People underlined instead, from the options page: no background left under the name, in either place.
    const options = await session.openExtensionPage('options');
    const setPerson = async (mode: 'underline' | 'background', hex: string) => {
      await options.bringToFront();
      await options.click(`#mode-person-${mode}`);
      await options.$eval(
        '#hex-person',
        (input, value) => {
          (input as HTMLInputElement).value = value;
          input.dispatchEvent(new Event('input', { bubbles: true }));
        },
        hex,
      );
      await page.bringToFront();
    };
    await setPerson('underline', '#123456');
    const white: Rgb = [255, 255, 255];
    await until(
      'the light DOM name without background',
      () => pixelAt(page, decoder, outside.x, outside.y),
      (rgb) => near(rgb, white),
    );
    await until(
      'the shadow DOM name without background',
      () => pixelAt(page, decoder, inside.x, inside.y),
      (rgb) => near(rgb, white),
    );
    // A background of another colour wins over the built-in one too.
    await setPerson('background', '#ff0000');
    const red = overWhite('#ff0000', 30);
    await until(
      'the light DOM name in red',
      () => pixelAt(page, decoder, outside.x, outside.y),
      (rgb) => near(rgb, red),
    );
    await until(
      'the shadow DOM name in red',
      () => pixelAt(page, decoder, inside.x, inside.y),
      (rgb) => near(rgb, red),
    );
    await screenshot(page, `e2e/${kind}-custom-colour`);
    await setPerson('background', '#e6a100');
    await until(
      'back to the built-in colour',
      () => pixelAt(page, decoder, outside.x, outside.y),
      (rgb) => near(rgb, person),
    );
    await Promise.all([options.close(), decoder.close(), page.close()]);
  });

  test('same-origin iframes are scanned by their own content script', async () => {
    const page = await open('/live/iframe.html');
    await settledPaint(page);
    const child = page.frames().find((frame) => frame.url().endsWith('iframe-child.html'));
    expect(child).toBeDefined();
    const childPainted = await settledPaint(child as NonNullable<typeof child>, { atLeast: 2 });
    expect(allMentions(childPainted)).toEqual(['Brussels', 'Friedrich Merz']);
    expect(allMentions(await paintedTexts(page))).toEqual(['Donald Trump']);
    await page.close();
  });

  /** Loads the dense page and checks what a reader sees; returns the long tasks seen after load. */
  async function denseLoad(): Promise<{ start: number; duration: number }[]> {
    // The asking extension page opens first: a tab in the background is not scanned (no work while hidden).
    const popup = await session.openExtensionPage('popup');
    const page = await openWithSnapshot(session, '/generated/dense-1mb.html');
    await page.bringToFront();
    const loadedAt = await page.evaluate(() => performance.now());
    const text = await page.evaluate(() => document.body.innerText);
    const expected = (
      text.match(
        /Volodymyr Zelenskyy|Vladimir Putin|Donald Trump|Keir Starmer|Kaja Kallas|Friedrich Merz|Karoline Leavitt/g,
      ) ?? []
    ).length;
    let people = 0;
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const { entities } = await tabMentions(popup, page.url());
      people = entities
        .filter((e) =>
          [
            'volodymyr-zelenskyy',
            'vladimir-putin',
            'donald-trump',
            'keir-starmer',
            'kaja-kallas',
            'friedrich-merz',
            'karoline-leavitt',
          ].includes(e.entityId),
        )
        .reduce((sum, e) => sum + e.count, 0);
      if (people >= expected) break;
      await new Promise((done) => setTimeout(done, 500));
    }
    await popup.close();
    console.info(`[${kind}] dense 1 MB page: ${people} person mentions found`);
    expect(people).toBe(expected);
    // Only what is near the viewport is registered with the browser: its cost stays that of one screen.
    expect(allMentions(await paintedTexts(page)).length).toBeLessThan(1000);
    expect(await serializeDom(page)).toBe(await domAtReady(page));
    const longTasks = await page.evaluate(
      (after) =>
        (
          window as unknown as { __longTasks: { start: number; duration: number }[] }
        ).__longTasks.filter((task) => task.start >= after),
      loadedAt,
    );
    console.info(`[${kind}] long tasks after load: ${JSON.stringify(longTasks)}`);
    await page.close();
    return longTasks;
  }

  test('a 1 MB page dense with names: all highlighted, the DOM untouched, no task over 50 ms', async () => {
    // Chromium reports tasks over 50 ms (PerformanceObserver 'longtask', in the page from its first script);
    // Firefox has no such entries, so there the list stays empty and the rest of the checks still run. A
    // shared test machine's load can make a long task of its own: one is measured again on a fresh load,
    // and only a long task that comes back fails (the bench judges how long each task is).
    const first = await denseLoad();
    expect(first.length === 0 ? first : await denseLoad()).toEqual([]);
  }, 240_000);
});
