// Runs once before the e2e suite: fails early if a browser is missing, then builds both targets into .output/e2e.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { findChromium, findFirefox } from './find-browser';
import { chromeExtensionDir, e2eBuildDir, firefoxExtensionDir, repoRoot } from './paths';

/** Builds the extension for one browser into the e2e output folder. */
export function buildExtension(browser: 'chrome' | 'firefox'): void {
  const wxt = join(repoRoot, 'node_modules/.bin/wxt');
  try {
    execFileSync(wxt, ['build', '-b', browser], {
      cwd: repoRoot,
      // NODE_ENV=production: Vitest sets it to "test", which builds something else (3 KB more content script).
      env: {
        ...process.env,
        NODE_ENV: 'production',
        BACKSTORY_OUT: relative(repoRoot, e2eBuildDir),
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  } catch {
    throw new Error(
      `Building the ${browser} extension for the e2e suite failed (the build's errors are above).`,
    );
  }
}

export default function setup(): void {
  // A missing browser is a failure, never a skip: the suite exists to run in both.
  findChromium();
  findFirefox();
  if (process.env.BACKSTORY_E2E_SKIP_BUILD === '1') {
    for (const dir of [chromeExtensionDir, firefoxExtensionDir]) {
      if (!existsSync(join(dir, 'manifest.json'))) {
        throw new Error(
          `BACKSTORY_E2E_SKIP_BUILD=1 but ${dir} has no build; drop the variable to build.`,
        );
      }
    }
    return;
  }
  const started = Date.now();
  buildExtension('chrome');
  buildExtension('firefox');
  console.info(
    `[e2e] built chrome-mv3 and firefox-mv2 into ${relative(repoRoot, e2eBuildDir)} in ${Date.now() - started} ms`,
  );
}
