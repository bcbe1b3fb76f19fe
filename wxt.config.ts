// Build configuration: manifest, permissions, the Preact plugin for every entrypoint, and the bundled dataset's check.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { minify } from 'terser';
import { defineConfig } from 'wxt';
import { DEFAULT_HIGHLIGHT_CSS } from './lib/shared/highlight-css';
import { checkBundledDataset } from './lib/shared/kb/check-bundled';

/** The default ::highlight rules, injected by the browser before the page is first styled (see lib/content/highlight/highlighter.ts). */
const HIGHLIGHT_CSS = 'content-scripts/highlights.css';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: a reader can follow every name to its module.
  imports: false,
  // Tests and parallel work can build into their own folder (BACKSTORY_OUT) without clobbering .output/.
  outDir: process.env.BACKSTORY_OUT ?? '.output',
  // The store's sources zip: code and the files that build it, not test screenshots or local builds.
  zip: { excludeSources: ['artifacts/**', '.output*/**', 'docs/**', 'web-ext-artifacts/**'] },
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      files.push({ relativeDest: HIGHLIGHT_CSS, contents: DEFAULT_HIGHLIGHT_CSS });
    },
    // Manifest CSS, not an adopted sheet: invisible to the page, part of its first style pass, and inert until
    // highlights are registered (a site turned off registers none). The content script keeps cssInjectionMode 'ui'
    // for the card, so its CSS list is added here.
    'build:manifestGenerated': (wxt, manifest) => {
      const content = manifest.content_scripts?.find((script) =>
        script.js?.includes('content-scripts/content.js'),
      );
      if (!content)
        throw new Error('wxt.config.ts: no content script to give the highlight CSS to');
      content.css = [...(content.css ?? []), HIGHLIGHT_CSS];
      // Chromium shares one isolated world among an extension's content scripts and makes it when the first one
      // runs; made at document_idle, a page's <form id="chrome"> stands in for the API (hostile/clobber.html).
      // A script with no code, at document_start, makes the world before the page has any DOM.
      if (wxt.config.browser !== 'firefox') {
        manifest.content_scripts?.unshift({
          matches: content.matches,
          all_frames: true,
          run_at: 'document_start',
          js: ['content-scripts/world.js'],
        });
      }
    },
    // The content script's build takes the browser's own extension API (lib/content/extension-api.ts) where WXT's
    // code asks for `wxt/browser`: the polyfill the module above brings is 9.6 KB of its 80 KB budget, dead there.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.some((entrypoint) => entrypoint.type === 'content-script')) return;
      const api = resolve(import.meta.dirname, 'lib/content/extension-api.ts');
      const own = [
        { find: /^wxt\/browser$/, replacement: api },
        { find: /^@wxt-dev\/webextension-polyfill\/browser$/, replacement: api },
      ];
      const alias = config.resolve?.alias;
      const listed = Array.isArray(alias)
        ? alias
        : Object.entries(alias ?? {}).map(([find, replacement]) => ({ find, replacement }));
      config.resolve = { ...config.resolve, alias: [...own, ...listed] };
    },
    // One more minifier pass, terser's, over the content script only: 1.6 KB less of its 80 KB budget. (Not for
    // every entrypoint: inlining zod's `const F = Function; new F("")` feature test makes web-ext lint see eval.)
    // ascii_only: Chrome refuses a content script that is not valid UTF-8, and terser writes lone surrogates raw.
    'build:done': async (wxt) => {
      const file = resolve(wxt.config.outDir, 'content-scripts/content.js');
      const minified = await minify(readFileSync(file, 'utf8'), {
        compress: { passes: 2 },
        format: { ascii_only: true },
      });
      if (!minified.code) throw new Error('wxt.config.ts: terser returned no content script');
      writeFileSync(file, minified.code);
    },
    // The build fails if a quote, fact or figure no longer matches its source (lib/shared/kb/check-bundled.ts).
    'build:before': (wxt) => {
      const file = 'assets/kb/seed.json';
      checkBundledDataset(readFileSync(resolve(wxt.config.root, file), 'utf8'), file);
    },
  },
  vite: () => ({
    plugins: [preact({ prefreshEnabled: false, devToolsEnabled: false })],
  }),
  manifest: ({ browser }) => ({
    name: 'Backstory',
    description:
      'The background of a news story, next to the story. Runs entirely on your device: no data leaves it.',
    // Every permission is listed, with its reason, in README.md ("Permissions").
    permissions: ['storage', 'contextMenus', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    action: { default_title: 'Backstory' },
    commands: {
      'open-side-panel': {
        suggested_key: { default: 'Alt+Shift+B' },
        description: 'Open the Backstory side panel',
      },
      'next-mention': {
        suggested_key: { default: 'Alt+Shift+N' },
        description: 'Step to the next highlighted name on the page',
      },
      'previous-mention': {
        suggested_key: { default: 'Alt+Shift+P' },
        description: 'Step to the previous highlighted name on the page',
      },
      // The fourth and last command Chrome gives a suggested key.
      'save-article': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: 'Save this article to Backstory (opens the review in the side panel)',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'backstory@backstory.invalid',
              // 142: the first version that knows data_collection_permissions (desktop and Android).
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
