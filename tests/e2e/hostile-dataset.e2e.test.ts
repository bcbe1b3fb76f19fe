/// <reference types="chrome" />
// Issue #8: an imported dataset whose every string carries XSS payloads renders inert everywhere it appears — options,
// the hover card on a served page, the side panel (page list, entity, event, source, search) and the popup — in
// Chromium and Firefox. Checked by canaries (a payload that runs sets `top.__pwned` and the title), by auditing
// each rendered DOM for injected elements, handlers, script URLs and styles, by the payloads showing as characters,
// and by no console error or CSP violation from the extension and no request at all leaving the browser.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type ExtensionSession,
  extensionConsoleErrors,
  launchChromium,
  launchFirefox,
  screenshot,
  startServer,
  type TestServer,
} from './harness';
import { openPinned, openServedInWindow } from './panel-support';
import { cardName, inCard, openCard } from './support/card';
import { paintedTexts } from './support/highlights';
import {
  ALIASES,
  CANARY,
  HOSTILE_ID,
  type HostileDataset,
  hostileDataset,
  PAYLOADS,
  refusedDatasets,
  TOKEN,
} from './support/hostile-dataset';
import { until } from './support/poll';

const ARTICLE = '/hostile-dataset.html';
const dataset = hostileDataset();
const [keeper, harbour, ferry] = dataset.entities as [
  HostileDataset['entities'][number],
  HostileDataset['entities'][number],
  HostileDataset['entities'][number],
];
const [event] = dataset.events as [HostileDataset['events'][number]];
const [source] = dataset.sources as [{ title: string; text: string }];

/** What an audit finds in one rendered DOM. */
interface Audit {
  /** Everything that looks injected: elements, handlers, script URLs, dataset styles. Must stay empty. */
  problems: string[];
  /** textContent of the rendered UI (the extension page's #app, or the card's shadow root). */
  text: string;
  /** The window's canary and title: a payload that ran changed them. */
  canary: unknown;
  title: string;
  /** securitypolicyviolation events seen since watchViolations. */
  violations: string[];
  /** Boxes that clip or scroll sideways because something inside is wider (long unbroken strings must wrap). */
  overflowing: string[];
}

/**
 * Audits the extension page's whole document (`scope: 'page'`) or the hover card's closed shadow root (`'card'`,
 * read through the harness), then reads the page's own canary, title and violations in the page's world.
 */
async function audit(page: Page, scope: 'page' | 'card'): Promise<Audit> {
  const dom =
    scope === 'card'
      ? await inCard(page, auditDom, scope, TOKEN)
      : await page.evaluate(auditDom, null, scope, TOKEN);
  const globals = await page.evaluate((canary) => {
    const win = window as unknown as Record<string, unknown>;
    return {
      canary: win[canary] ?? (window.top as unknown as Record<string, unknown>)[canary],
      title: document.title,
      violations: (win.__violations as string[] | undefined) ?? [],
    };
  }, CANARY);
  return {
    ...(dom ?? { problems: ['no card to audit'], text: '', overflowing: [] }),
    ...globals,
  };
}

/** The DOM half of an audit: `given` is the card's shadow root, or null for the whole document. Self-contained. */
function auditDom(
  given: ShadowRoot | null,
  scope: 'page' | 'card',
  token: string,
): Pick<Audit, 'problems' | 'text' | 'overflowing'> {
  // Attributes the extension fills with dataset text on purpose (as text: never parsed, never run).
  const textAttributes = new Set([
    'title',
    'aria-label',
    'aria-description',
    'value',
    'placeholder',
  ]);
  // Elements the extension's UI never renders; any of them inside it came from markup.
  // (<style> is not here: options previews the highlight styles in one; dataset CSS is caught by the token.)
  const foreign = new Set([
    ...'script iframe frame frameset object embed img image base meta link'.split(' '),
    ...'math mtext mglyph marquee noscript template table video audio source'.split(' '),
    ...'foreignobject animate set'.split(' '),
  ]);
  const urlAttributes = new Set(
    'href src action formaction xlink:href data srcdoc background poster'.split(' '),
  );
  const root: Document | ShadowRoot = given ?? document;
  const problems: string[] = [];
  const ui: Node | null =
    scope === 'card' ? root.querySelector('.card') : document.getElementById('app');
  if (!ui) problems.push(`no rendered UI in the ${scope}`);
  const elements: Element[] = [];
  const collect = (from: Document | ShadowRoot | Element) => {
    for (const element of from.querySelectorAll('*')) {
      elements.push(element);
      if (element.shadowRoot) collect(element.shadowRoot);
    }
  };
  collect(root);
  const own = location.origin;
  const label = (element: Element) => {
    const name = typeof element.className === 'string' ? element.className.split(' ')[0] : '';
    return `<${element.localName}${element.id ? `#${element.id}` : ''}${name ? `.${name}` : ''}>`;
  };
  for (const element of elements) {
    const tag = element.localName;
    const where = label(element);
    for (const attribute of element.attributes) {
      const name = attribute.name.toLowerCase();
      const value = attribute.value;
      if (name.startsWith('on')) problems.push(`${where} has an event handler ${name}`);
      // Browsers drop control characters and spaces inside a URL's scheme.
      // biome-ignore lint/suspicious/noControlCharactersInRegex: those characters are what is matched
      const squashed = value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
      if (urlAttributes.has(name) && /^(?:javascript|vbscript|data):/.test(squashed)) {
        problems.push(`${where} ${name}="${value.slice(0, 60)}"`);
      }
      if (value.toLowerCase().includes(token) && !textAttributes.has(name)) {
        problems.push(`${where} ${name}="${value.slice(0, 60)}" carries dataset markup`);
      }
    }
    if (tag === 'script') {
      const src = (element as HTMLScriptElement).src;
      if (scope === 'card' || !src.startsWith(`${own}/`)) problems.push(`${where} src=${src}`);
    }
    if (tag === 'style' && (element.textContent ?? '').toLowerCase().includes(token)) {
      problems.push(`${where} holds dataset CSS`);
    }
    if (tag === 'link' && !(element as HTMLLinkElement).href.startsWith(`${own}/`)) {
      problems.push(`${where} links ${(element as HTMLLinkElement).href}`);
    }
    if (ui?.contains(element) && foreign.has(tag)) problems.push(`${where} inside the UI`);
  }
  // Long unbroken strings must wrap: no box that clips or scrolls may be wider inside than out.
  const overflowing: string[] = [];
  const scroller = document.scrollingElement ?? document.documentElement;
  for (const element of [scroller, ...elements]) {
    const style = getComputedStyle(element);
    const clips = element === scroller || style.overflowX !== 'visible';
    // 1-pixel boxes are visually hidden on purpose; ellipsis truncates on purpose.
    if (!clips || element.clientWidth < 2 || style.textOverflow === 'ellipsis') continue;
    const excess = element.scrollWidth - element.clientWidth;
    if (excess <= 1) continue;
    // Name the descendant reaching furthest right: that is what does not wrap.
    let widest: Element = element;
    let right = element.getBoundingClientRect().right;
    for (const inner of element.querySelectorAll('*')) {
      const box = inner.getBoundingClientRect();
      if (box.width > 0 && box.right > right) [widest, right] = [inner, box.right];
    }
    overflowing.push(`${label(element)} by ${excess}px (widest: ${label(widest)})`);
  }
  return { problems, text: ui?.textContent ?? '', overflowing };
}

/** Records CSP violations in the page from now on (Firefox does not report them to the console we watch). */
async function watchViolations(page: Page): Promise<void> {
  await page.evaluate(() => {
    const win = window as unknown as { __violations?: string[] };
    if (win.__violations) return;
    const seen: string[] = [];
    win.__violations = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
    });
  });
}

/** Audits and asserts: nothing injected, nothing ran, the page's own title kept, and each `literal` shown as text. */
async function expectInert(
  page: Page,
  scope: 'page' | 'card',
  title: string,
  literals: string[],
): Promise<Audit> {
  const found = await audit(page, scope);
  expect(found.problems).toEqual([]);
  expect(found.canary).toBeUndefined();
  expect(found.title).toBe(title);
  expect(found.violations).toEqual([]);
  expect(found.overflowing).toEqual([]);
  for (const literal of literals) expect(found.text, literal.slice(0, 80)).toContain(literal);
  return found;
}

/** Reads storage.local from an extension page, in either browser. */
function stored(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(() => {
    const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
    return api.storage.local.get(null);
  });
}

function textOf(page: Page): Promise<string> {
  return page.evaluate(() => document.getElementById('app')?.textContent ?? '');
}

async function upload(page: Page, path: string): Promise<void> {
  const input = await page.waitForSelector('#dataset-file:not([disabled])', { timeout: 10_000 });
  await (input as unknown as { uploadFile(...paths: string[]): Promise<void> }).uploadFile(path);
}

for (const kind of ['chromium', 'firefox'] as const) {
  describe(`${kind}: a hostile dataset renders inert`, () => {
    let server: TestServer;
    let session: ExtensionSession;
    let dir: string;
    let options: Page;
    let article: Page;
    const extensionPages: Page[] = [];

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'backstory-hostile-'));
      server = await startServer();
      session =
        kind === 'chromium' ? await launchChromium({ server }) : await launchFirefox({ server });
      options = await session.openExtensionPage('options', { width: 1000, height: 1400 });
      extensionPages.push(options);
      await watchViolations(options);
      // The background announces the store's first version once the bundled dataset is in: what is stored before
      // the imports is read after that, or the announcement would look like something an import wrote.
      await until(
        'the knowledge store announced',
        () => stored(options),
        (values) => 'knowledge' in values,
        30_000,
      );
    });

    afterAll(async () => {
      await session?.close();
      await server?.close();
    });

    test('the import refuses blatant active content and over-long strings, naming each JSON path', async () => {
      const before = await stored(options);
      for (const refused of refusedDatasets(dataset)) {
        const path = join(dir, refused.file);
        await writeFile(path, JSON.stringify(refused.dataset));
        await upload(options, path);
        await until(
          `${refused.file} refused`,
          () => textOf(options),
          (text) => text.includes(`${refused.file} was not imported`),
        );
        const issues = await options.$$eval('[role="alert"] .issues li', (items) =>
          items.map((li) => li.textContent ?? ''),
        );
        for (const [at, message] of refused.issues) {
          const issue = issues.find((text) => text.startsWith(at));
          expect(issue, `${refused.file}: no issue at ${at} in ${issues.join(' | ')}`).toMatch(
            message,
          );
        }
        expect(await stored(options)).toEqual(before);
        await expectInert(options, 'page', 'Backstory — options', []);
      }
      await screenshot(options, `e2e/${kind}-hostile-refused`);
    });

    test('the hostile dataset imports and its row shows the payloads as characters', async () => {
      const path = join(dir, 'hostile.json');
      await writeFile(path, JSON.stringify(dataset));
      await upload(options, path);
      await until(
        'the import',
        () => textOf(options),
        (text) => text.includes(`Imported ${dataset.name}: 3 entities`),
      );
      const row = await options.$eval(
        `[data-dataset-id="${HOSTILE_ID}"] strong`,
        (strong) => strong.textContent,
      );
      expect(row).toBe(dataset.name);
      await expectInert(options, 'page', 'Backstory — options', [dataset.name]);
      await screenshot(options, `e2e/${kind}-hostile-options`);
    });

    test('on a served page its ordinary-word aliases are highlighted and the cards show the payloads as text', async () => {
      article = await openServedInWindow(session, ARTICLE, { width: 1000, height: 700 });
      const painted = await until(
        'the three aliases highlighted',
        () => paintedTexts(article),
        (p) =>
          ['person', 'place', 'organization'].every((k) => (p[`backstory-${k}`]?.length ?? 0) > 0),
      );
      expect(painted['backstory-person']).toEqual([ALIASES.keeper]);
      expect(painted['backstory-place']).toEqual([ALIASES.harbour]);
      expect(painted['backstory-organization']).toEqual([ALIASES.ferry]);
      await article.bringToFront();

      await openCard(article, '#keeper', ALIASES.keeper, keeper.name);
      await expectInert(article, 'card', 'Harbour notes', [
        keeper.name,
        keeper.description,
        PAYLOADS.breakout,
        `${PAYLOADS.jsTab} ${PAYLOADS.jsEntity}`,
        dataset.quotes[0]?.text ?? '',
      ]);
      // The card stays inside the viewport whatever the length of what it shows.
      const box = await inCard(article, (root) => {
        const r = root.querySelector('.card')?.getBoundingClientRect();
        return r && { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
      });
      expect(box?.left).toBeGreaterThanOrEqual(0);
      expect(box?.top).toBeGreaterThanOrEqual(0);
      expect(box?.right).toBeLessThanOrEqual(1000);
      expect(box?.bottom).toBeLessThanOrEqual(700);
      await screenshot(article, `e2e/${kind}-hostile-card-person`);

      // The long card may cover the next name: close it first, as a reader would with Esc.
      await article.keyboard.press('Escape');
      await until(
        'the card closed',
        () => cardName(article),
        (shown) => shown === '',
      );
      await openCard(article, '#harbour', ALIASES.harbour, harbour.name);
      await expectInert(article, 'card', 'Harbour notes', [
        harbour.name,
        harbour.description,
        PAYLOADS.mxss,
        event.title,
        event.when,
      ]);
      await screenshot(article, `e2e/${kind}-hostile-card-place`);
      await article.keyboard.press('Escape');
    });

    test('the side panel shows the page list, entity, event, source and search views with the payloads as text', async () => {
      const { page: panel } = await openPinned(session, 'sidepanel', article);
      extensionPages.push(panel);
      await watchViolations(panel);
      const title = 'Backstory — side panel';
      const heading = () => panel.$eval('h1', (h1) => h1.textContent ?? '');

      // On this page: the three entities, named as written.
      await until(
        'the page list',
        () => textOf(panel),
        (text) => text.includes(ferry.name),
      );
      await expectInert(panel, 'page', title, [keeper.name, harbour.name, ferry.name]);
      await screenshot(panel, `e2e/${kind}-hostile-panel-page`);

      // The entity: name, role, aliases, facts with their sentences, the quote and its context, the event.
      await panel.click(`.entity-button[data-entity-id="${keeper.id}"] + .details-button`);
      await until('the entity view', heading, (h) => h === keeper.name);
      await expectInert(panel, 'page', title, [
        keeper.name,
        keeper.description,
        ...keeper.aliases.slice(1).map((alias) => alias.text),
        ...dataset.facts.filter((f) => f.entity === keeper.id).map((f) => f.text),
        dataset.quotes[0]?.text ?? '',
        dataset.quotes[0]?.context ?? '',
        event.title,
        event.when,
        harbour.name,
      ]);
      await screenshot(panel, `e2e/${kind}-hostile-panel-entity`);

      // The source, from the first fact: a 100,000-character sentence, emphasised.
      // By keyboard: the long fact's summary is taller than the panel, so its centre is out of reach of a click.
      await panel.focus('.fact summary');
      await panel.keyboard.press('Enter');
      await (await panel.waitForSelector('.fact details[open] button.link'))?.click();
      await until(
        'the source view',
        () => panel.$('.source-view .emphasis'),
        (e) => e !== null,
      );
      const longest = source.text.split('\n').find((line) => line.length === 100_000) ?? '(none)';
      await expectInert(panel, 'page', title, [source.title, longest]);
      await screenshot(panel, `e2e/${kind}-hostile-panel-source`);

      // The event, from the entity's timeline: title, when, where, figures, participants, sentences.
      await panel.click('::-p-aria(Back)');
      await until('back to the entity', heading, (h) => h === keeper.name);
      await panel.click('.timeline-item');
      await until('the event view', heading, (h) => h === event.title);
      await expectInert(panel, 'page', title, [
        event.title,
        event.when,
        harbour.name,
        ferry.name,
        ...event.figures.flatMap((f) => [f.qualifier ?? '', f.unit ?? '']).filter(Boolean),
      ]);
      await screenshot(panel, `e2e/${kind}-hostile-panel-event`);

      // Search: the hostile names among the hits.
      await panel.click('#search-input');
      await panel.keyboard.type(ALIASES.keeper);
      await until(
        'search results',
        () => panel.$$eval('[role="option"]', (options) => options.map((o) => o.textContent ?? '')),
        (hits) => hits.some((hit) => hit.includes(keeper.name)),
      );
      await expectInert(panel, 'page', title, [keeper.name]);
      await screenshot(panel, `e2e/${kind}-hostile-panel-search`);
    });

    test('the popup lists the page’s entities with the payloads as text', async () => {
      const { page: popup } = await openPinned(session, 'popup', article, {
        width: 360,
        height: 640,
      });
      extensionPages.push(popup);
      await until(
        'the popup list',
        () => popup.$$eval('.page-group .entity-button', (buttons) => buttons.length),
        (n) => n === 3,
      );
      await expectInert(popup, 'page', 'Backstory', [keeper.name, harbour.name, ferry.name]);
      await screenshot(popup, `e2e/${kind}-hostile-popup`);
    });

    test('no payload ran anywhere, nothing left the browser, and the extension logged no error', async () => {
      const page = await article.evaluate(
        (canary) => ({
          canary: (window as unknown as Record<string, unknown>)[canary],
          title: document.title,
        }),
        CANARY,
      );
      expect(page).toEqual({ canary: undefined, title: 'Harbour notes' });
      for (const extensionPage of extensionPages) {
        const found = await audit(extensionPage, 'page');
        expect(found.canary, extensionPage.url()).toBeUndefined();
        expect(found.title, extensionPage.url()).not.toContain('PWNED');
        expect(found.violations, extensionPage.url()).toEqual([]);
      }
      // The page makes no requests of its own, so any request at all came from a payload or the extension.
      expect(session.network.requests).toEqual([]);
      expect(session.network.fromExtension()).toEqual([]);
      expect(extensionConsoleErrors(session.consoleErrors)).toEqual([]);
    });
  });
}
