// Bundles the page-side contenders (bench/inject/*.ts) into IIFEs the runner evaluates in a page, minified as the extension build is.
import { join } from 'node:path';
import { build } from 'esbuild';

export const CONTENDERS = ['backstory', 'markjs', 'markregexp', 'floor'];

/** Returns { name: code } for every contender plus the scale probe and the stand-in for Backstory's manifest CSS (`early`). */
export async function buildBundles(root, { minify = true } = {}) {
  const names = [...CONTENDERS, 'scale', 'early'];
  const result = await build({
    entryPoints: Object.fromEntries(names.map((n) => [n, join(root, 'bench/inject', `${n}.ts`)])),
    bundle: true,
    format: 'iife',
    minify,
    target: 'chrome120',
    write: false,
    outdir: join(root, 'artifacts/bench/bundles'),
    logLevel: 'silent',
  });
  const out = {};
  for (const file of result.outputFiles) {
    const name = file.path.split('/').pop().replace(/\.js$/, '');
    out[name] = file.text;
  }
  return out;
}
