// The terms every contender looks for: the knowledge base's dictionary, synthetic dictionaries for the scale test, and the same terms as mark.js keywords and one combined regex.
import { join } from 'node:path';

/**
 * The knowledge base's own dictionary, from assets/kb/seed.json through lib/shared/kb (bundled with esbuild for Node).
 * Returns { entries, tables, pageEntries, source }: `tables` and `pageEntries` as the background sends them to each
 * frame.
 */
export async function loadDictionary(root, build) {
  const seed = join(root, 'assets/kb/seed.json');
  try {
    const code = await build({
      stdin: {
        contents: `
          import { readFileSync } from 'node:fs';
          import { dictionaryItem } from './lib/shared/kb/dictionary.ts';
          import { parseDataset } from './lib/shared/kb/parse.ts';
          import { buildMatcherTables } from './lib/shared/match/matcher.ts';
          import { encodeTables } from './lib/shared/match/tables-transfer.ts';
          import { encodePageEntries } from './lib/shared/match/page-entries.ts';
          const parsed = parseDataset(JSON.parse(readFileSync(${JSON.stringify(seed)}, 'utf8')));
          if (!parsed.ok) throw new Error('assets/kb/seed.json does not parse: ' + JSON.stringify(parsed.error).slice(0, 300));
          globalThis.__dictionary = parsed.value.entities.map(dictionaryItem);
          globalThis.__tables = encodeTables(buildMatcherTables(globalThis.__dictionary));
          globalThis.__pageEntries = encodePageEntries(globalThis.__dictionary);
        `,
        resolveDir: root,
        loader: 'ts',
      },
      bundle: true,
      platform: 'node',
      format: 'esm',
      write: false,
      logLevel: 'silent',
    });
    const url = `data:text/javascript;base64,${Buffer.from(code.outputFiles[0].text).toString('base64')}`;
    await import(url);
    const entries = globalThis.__dictionary;
    if (!Array.isArray(entries) || entries.length === 0) throw new Error('empty dictionary');
    return {
      entries,
      tables: globalThis.__tables,
      pageEntries: globalThis.__pageEntries,
      source: 'assets/kb/seed.json via lib/shared/kb/dictionary.ts (as the background builds it)',
    };
  } catch (error) {
    throw new Error(
      `bench: could not load the dictionary from ${seed} (${String(error.message ?? error).split('\n')[0]}); run \`npm ci\` and check that \`npm run test:unit\` passes`,
    );
  }
}

/** Deterministic pseudo-random numbers (mulberry32), so every run builds the same pages and dictionaries. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = [
  'ka',
  'lo',
  'mir',
  'ves',
  'tra',
  'no',
  'zu',
  'ber',
  'vik',
  'sha',
  'dor',
  'len',
  'qui',
  'rax',
  'tel',
  'mun',
  'gro',
  'fex',
  'pai',
  'wen',
  'zol',
  'hun',
  'bri',
  'sto',
];

function word(next, min) {
  let s = '';
  const n = min + Math.floor(next() * 3);
  for (let i = 0; i < n; i++) s += SYLLABLES[Math.floor(next() * SYLLABLES.length)];
  return s[0].toUpperCase() + s.slice(1);
}

/**
 * The seed dictionary plus synthetic entities up to `size` in all: invented two-word names with a
 * surname alias (syllables no real page uses), so matches on the page stay the seed's.
 */
export function syntheticDictionary(seedEntries, size) {
  const next = random(size);
  const out = [...seedEntries];
  const kinds = ['person', 'organization', 'place', 'other'];
  for (let i = out.length; i < size; i++) {
    const first = word(next, 2);
    const last = word(next, 2);
    out.push({
      entityId: `syn-${i}`,
      kind: kinds[i % 4],
      aliases: [
        { text: `${first} ${last}`, caseSensitive: false },
        { text: `${last}${i.toString(36)}`, caseSensitive: false },
      ],
    });
  }
  return out;
}

/**
 * `count` distinct invented "First Last" names (the syllables of `syntheticDictionary`, so no real page names them),
 * the same on every run for the same `seed`.
 */
export function distinctNames(count, seed = count) {
  const next = random(seed);
  const names = new Set();
  while (names.size < count) names.add(`${word(next, 2)} ${word(next, 2)}`);
  return [...names];
}

const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/** An alias as a regex: spaces match any run of whitespace, apostrophes any apostrophe. */
function aliasPattern(text) {
  return text
    .trim()
    .split(/\s+/)
    .map((part) => escapeRegExp(part).replace(/['’‘ʼ`]/g, "['’‘ʼ`]"))
    .join('\\s+');
}

/**
 * One combined pattern for markRegExp and the floor, written to give Backstory's matches:
 * longest alias first (so "Vladimir Putin" beats "Putin"), case rule per alias through (?i:…),
 * whole words by Unicode letter/number/mark classes, possessives ('s) allowed after a name.
 */
export function combinedPattern(entries) {
  const seen = new Set();
  const alternatives = [];
  const excluded = [];
  const add = (a) => {
    const key = `${a.caseSensitive ? 1 : 0}${a.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    alternatives.push(a);
    return true;
  };
  for (const entry of entries) for (const a of entry.aliases) add(a);
  // An entity's exclusions ("Bank of America") win as longer matches and are then dropped (see `excludedKey`).
  for (const entry of entries) {
    for (const a of entry.excludes ?? [])
      if (add(a)) excluded.push(excludedKey(a.text, a.caseSensitive));
  }
  alternatives.sort((x, y) => y.text.length - x.text.length);
  const body = alternatives
    .map((a) => (a.caseSensitive ? aliasPattern(a.text) : `(?i:${aliasPattern(a.text)})`))
    .join('|');
  const W = '[\\p{L}\\p{N}\\p{M}]';
  // After the name: no word character, and no apostrophe continuing the word unless it is a possessive s.
  const after = `(?!${W}|['’ʼ](?!s(?!${W}))${W})`;
  return { pattern: `(?<!${W})(?:${body})${after}`, flags: 'gu', excluded };
}

/**
 * How a matched text is looked up among the exclusions: `excluded.includes(excludedKey(text, true)) ||
 * excluded.includes(excludedKey(text, false))` (spaces and apostrophes as the pattern allows them; written out again
 * in the page-side consumers, which can't import this module).
 */
export function excludedKey(text, caseSensitive) {
  const plain = text
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/['’‘ʼ`]/g, "'");
  return caseSensitive ? `s:${plain}` : `i:${plain.toLowerCase()}`;
}

/** mark.js keywords: the aliases split by case rule. */
export function markTerms(entries) {
  const caseless = new Set();
  const caseful = new Set();
  for (const entry of entries) {
    for (const a of entry.aliases) (a.caseSensitive ? caseful : caseless).add(a.text);
  }
  return { termsCaseless: [...caseless], termsCaseful: [...caseful] };
}

/** What Backstory never scans (lib/content/scan/blocks.ts), as mark.js exclude selectors, plus mark.js's own marks. */
export const EXCLUDE = [
  'mark[data-markjs]',
  ...[
    'input',
    'textarea',
    'select',
    'option',
    'button',
    'noscript',
    'template',
    'code',
    'pre',
    'kbd',
    'samp',
    'svg',
    'math',
    '[contenteditable]:not([contenteditable="false"])',
    '[hidden]',
  ].flatMap((s) => [s, `${s} *`]),
];
