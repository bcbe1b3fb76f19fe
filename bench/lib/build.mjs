// Builds the extension the way it ships (production, Chrome MV3) into a folder of its own, once per bench run.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const BENCH_OUT = '.output-bench';

let built = null;

/**
 * `npx wxt build` with BACKSTORY_OUT=.output-bench (skipped with `build: false`, reusing what is there). Returns
 * { dir, outDir, built, error, present }: `dir` the chrome-mv3 folder, `error` the failed build's last lines, `present`
 * whether `dir` holds a build (an earlier one when this build failed).
 */
export function buildExtension(root, { build = true } = {}) {
  if (built) return built;
  const dir = join(root, BENCH_OUT, 'chrome-mv3');
  let error = null;
  if (build) {
    try {
      execFileSync('npx', ['wxt', 'build'], {
        cwd: root,
        env: { ...process.env, NODE_ENV: 'production', BACKSTORY_OUT: BENCH_OUT },
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: 300_000,
      });
    } catch (failure) {
      error = String(failure.stderr ?? failure.message)
        .split('\n')
        .slice(-15)
        .join('\n');
    }
  }
  built = {
    dir,
    outDir: BENCH_OUT,
    built: build && !error,
    error,
    present: existsSync(join(dir, 'manifest.json')),
  };
  return built;
}
