// The house's import rules, checked by `npm run lint`. Each rule says why it exists and what to do when it fails.
// The runtime graph is checked (type-only imports vanish at build and are not counted): a component may name a
// type from lib/, but may not run code that reaches the browser or storage.

/** Where code runs: lib/<where>/ and the entrypoints that load it. See docs/ARCHITECTURE.md. */
const CONTENT = '^(lib/content/|entrypoints/content/)';
const BACKGROUND = '^(lib/background/|entrypoints/background/)';
const PAGES = '^(lib/pages/|entrypoints/(popup|sidepanel|options)/)';
const SHARED = '^lib/shared/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment:
        'Import cycles make load order matter and hide which module owns an idea. Move what both modules need into a third module they both import (for shared definitions: lib/shared/).',
      from: {},
      to: { circular: true },
    },
    {
      name: 'content-script-stays-small',
      severity: 'error',
      comment:
        'The content script runs in every frame of every page and has an 80 KB budget: it must not bundle zod, Dexie, DOMPurify or Fuse.js. Validate and store in the background, render dataset markup and search in extension pages; hand the content script plain data through lib/shared/messaging.ts.',
      from: { path: CONTENT },
      to: { path: 'node_modules/(zod|dexie|dompurify|fuse\\.js)/', reachable: true },
    },
    {
      name: 'matching-and-scanning-are-pure',
      severity: 'error',
      comment:
        'Matching (lib/shared/match) and scanning (lib/content/scan) read text and report positions. They import no painting (lib/content/highlight), no knowledge storage (lib/shared/store, lib/shared/kb, Dexie) and no settings (lib/shared/settings): pass what they need in as arguments or callbacks.',
      from: { path: '^lib/(shared/match|content/scan)/' },
      to: {
        path: [
          '^lib/(content/highlight|shared/store|shared/kb|shared/settings|background|pages)/',
          'node_modules/(dexie|wxt|@wxt-dev|webextension-polyfill)/',
        ],
      },
    },
    {
      name: 'components-are-views',
      severity: 'error',
      comment:
        'Components (components/) render props and report events. They call no browser API and touch no storage, so they can be tested alone: take data and callbacks as props, and do the browser.* / storage / store work in the entrypoint or lib/pages/.',
      from: { path: '^components/' },
      to: {
        path: [
          'node_modules/(webextension-polyfill|@wxt-dev/storage|@wxt-dev/browser|@webext-core|dexie)/',
          'node_modules/wxt/dist/(browser|utils/storage)',
          '^lib/shared/(settings/(store|stored-item|lock|quarantine|datasets|dataset-[a-z-]+|restore|backup)|store/)',
        ],
        reachable: true,
      },
    },
    {
      name: 'shared-core-stands-alone',
      severity: 'error',
      comment:
        'lib/shared/ is the core every context may use: it imports nothing of one context (lib/content, lib/background, lib/pages), no component and no entrypoint. Move the piece it needs into lib/shared/, or pass it in.',
      from: { path: SHARED },
      to: { path: '^(lib/(content|background|pages)/|components/|entrypoints/)' },
    },
    {
      name: 'content-apart',
      severity: 'error',
      comment:
        'The content script talks to the background and pages by messages only (lib/shared/messaging.ts), never by importing their code.',
      from: { path: CONTENT },
      to: { path: '^(lib/(background|pages)/|entrypoints/(background|popup|sidepanel|options)/)' },
    },
    {
      name: 'background-apart',
      severity: 'error',
      comment:
        'Background and extension pages share only through lib/shared/ (and messages). Move what both need into lib/shared/.',
      from: { path: BACKGROUND },
      to: {
        path: '^(lib/(content|pages)/|components/|entrypoints/(content|popup|sidepanel|options)/)',
      },
    },
    {
      name: 'pages-apart',
      severity: 'error',
      comment:
        'Extension pages (popup, side panel, options) share with the background only through lib/shared/ (and messages): ask the background for what it owns (knowledge writes, the dictionary) with a typed message, or move the shared piece into lib/shared/.',
      from: { path: PAGES },
      to: { path: '^(lib/(content|background)/|entrypoints/(content|background)/)' },
    },
    {
      name: 'components-apart',
      severity: 'error',
      comment:
        'Components are views shared by the card and the pages: they import no context code (lib/content, lib/background) and no entrypoint.',
      from: { path: '^components/' },
      to: { path: '^(lib/(content|background)/|entrypoints/)' },
    },
    {
      name: 'product-not-from-tests',
      severity: 'error',
      comment: 'Shipped code never imports test or bench code: move the helper into lib/.',
      from: { path: '^(lib|entrypoints|components)/' },
      to: { path: '^(tests|bench|scripts)/' },
    },
    {
      name: 'resolvable',
      severity: 'error',
      comment: 'This import does not resolve to a file: fix the path, or install the package.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(\\.wxt|\\.output)/' },
    tsPreCompilationDeps: false,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'browser', 'default', 'require'],
      mainFields: ['module', 'main', 'types'],
    },
  },
};
