// The build's dataset gate: the committed seed passes; a broken one (provenance, or a fact that does not stand on its own) fails naming the item and its JSON path, also through wxt.config.ts's hook.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Wxt } from 'wxt';
import { checkBundledDataset } from '../../../../lib/shared/kb/check-bundled';
import type { Dataset } from '../../../../lib/shared/kb/schema';
import config from '../../../../wxt.config';
import { readRepoFile } from './fixtures';

const committed = readRepoFile('assets/kb/seed.json');

/** The committed seed with one quote's words changed, as an edit that drifted from the article would. */
function drifted(): string {
  const seed = JSON.parse(committed) as Dataset;
  (seed.quotes[0] as Dataset['quotes'][number]).text = 'This is inhumane — striking civilians';
  return JSON.stringify(seed);
}

/**
 * The committed seed with Zelenskyy's fact about Leavitt cut back to the relative clause it once was: still
 * verbatim in its sentence (parseDataset accepts it), but read alone on his card it says he criticized himself.
 */
function cutAdrift(): { text: string; index: number } {
  const seed = JSON.parse(committed) as Dataset;
  const index = seed.facts.findIndex(
    (f) => f.entity === 'volodymyr-zelenskyy' && f.text.includes('Karoline Leavitt'),
  );
  const fact = seed.facts[index] as Dataset['facts'][number];
  fact.text = 'who criticized both Putin and Zelenskyy after the strikes';
  return { text: JSON.stringify(seed), index };
}

const DRIFT =
  /quotes\[0\]\.text: quote "khilko-inhuman": "This is inhumane — striking civilians" does not appear verbatim in its evidence sentence/;

describe('checkBundledDataset', () => {
  it('passes the committed seed.json', () => {
    expect(() => checkBundledDataset(committed)).not.toThrow();
  });

  it('fails naming the item and its JSON path when a quote drifted from its source', () => {
    expect(() => checkBundledDataset(drifted())).toThrow(DRIFT);
    expect(() => checkBundledDataset(drifted())).toThrow(
      /^assets\/kb\/seed\.json fails validation \(1 problem;/,
    );
  });

  it('fails naming the item and its JSON path when a fact no longer stands on its own', () => {
    const { text, index } = cutAdrift();
    expect(index).toBeGreaterThanOrEqual(0);
    expect(() => checkBundledDataset(text)).toThrow(
      new RegExp(
        `^assets/kb/seed\\.json fails validation \\(1 problem;[^]*\\n  facts\\[${index}\\]\\.text: fact "volodymyr-zelenskyy-fact-2": starts inside a relative clause \\("who criticized both Putin and Z…"\\): the fact must name who did it$`,
      ),
    );
  });

  it('fails on a file that is not JSON, naming the file', () => {
    expect(() => checkBundledDataset('{"schemaVersion": 1,', 'x.json')).toThrow(
      /^x\.json is not JSON: /,
    );
  });
});

describe('wxt.config.ts build:before hook', () => {
  let root: string | undefined;
  afterEach(() => {
    if (root) rmSync(root, { recursive: true, force: true });
    root = undefined;
  });

  /** Runs the hook the build runs, against a project root holding `seed` as assets/kb/seed.json. */
  function runHook(seed: string): void {
    root = mkdtempSync(join(tmpdir(), 'backstory-kb-'));
    mkdirSync(join(root, 'assets/kb'), { recursive: true });
    writeFileSync(join(root, 'assets/kb/seed.json'), seed);
    const hooks = config.hooks as { 'build:before'?: (wxt: Wxt) => unknown } | undefined;
    const hook = hooks?.['build:before'];
    if (!hook) throw new Error('wxt.config.ts has no build:before hook');
    hook({ config: { root } } as unknown as Wxt);
  }

  it('lets the build go on with the committed seed, and stops it with a drifted one', () => {
    expect(() => runHook(committed)).not.toThrow();
    expect(() => runHook(drifted())).toThrow(DRIFT);
    expect(() => runHook(cutAdrift().text)).toThrow(/starts inside a relative clause/);
  });
});
