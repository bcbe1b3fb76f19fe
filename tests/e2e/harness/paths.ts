// Where the e2e harness finds things: the repo, the fixture pages, the shared corpus, the e2e build and artifacts.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const fixturePagesDir = resolve(repoRoot, 'tests/fixtures/pages');
// CI clones main with shared/ beside it, so the corpus is found relative to the repo, not by an absolute path.
export const corpusDir = resolve(repoRoot, '../shared/corpus');
// The suite builds into its own folder so a developer's `npm run build` in .output/ can't change what is tested.
export const e2eBuildDir = resolve(repoRoot, process.env.BACKSTORY_E2E_OUT ?? '.output/e2e');
export const chromeExtensionDir = resolve(e2eBuildDir, 'chrome-mv3');
export const firefoxExtensionDir = resolve(e2eBuildDir, 'firefox-mv2');
export const artifactsDir = resolve(repoRoot, 'artifacts');
