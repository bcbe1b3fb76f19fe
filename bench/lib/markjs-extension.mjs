// A tiny MV3 keyword-highlighter extension built on mark.js, the contender for Backstory's fixed start-up on a small
// page: a content script at document_idle that marks a fixed keyword list (the seed's aliases, with the exclusions
// and options of the bench's mark.js contender) and nothing else — no background, no messages, no storage.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

/**
 * Writes the extension into `dir` (created) and returns `dir`. `keywords`: { termsCaseless, termsCaseful, exclude },
 * as `markTerms` and `EXCLUDE` of lib/dictionary.mjs give them.
 */
export async function writeMarkjsExtension(root, dir, keywords) {
  mkdirSync(dir, { recursive: true });
  const bundled = await build({
    entryPoints: [join(root, 'bench/inject/markjs-extension.ts')],
    bundle: true,
    format: 'iife',
    minify: true,
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  writeFileSync(join(dir, 'content.js'), bundled.outputFiles[0].text);
  writeFileSync(
    join(dir, 'keywords.js'),
    `globalThis.__markjsKeywords=${JSON.stringify(keywords)};`,
  );
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify(
      {
        manifest_version: 3,
        name: 'Keyword highlighter (mark.js, bench)',
        version: '1.0.0',
        content_scripts: [
          {
            matches: ['http://*/*', 'https://*/*'],
            js: ['keywords.js', 'content.js'],
            run_at: 'document_idle',
            all_frames: true,
          },
        ],
      },
      null,
      2,
    ),
  );
  return dir;
}
