// The terms every contender looks for: the knowledge base's dictionary (or, until it exists, the seed article's names listed here), synthetic dictionaries for the scale test, and the same terms as mark.js keywords and one combined regex.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The people, organizations and places of ../shared/seed/000_933baf935723bedd.txt, with the aliases a reader would use. */
const SEED_NAMES = [
  ['person', 'Vladimir Putin', ['Putin']],
  ['person', 'Volodymyr Zelenskyy', ['Zelenskyy', 'Zelensky', 'Zelenskiy', 'Зеленський']],
  ['person', 'Donald Trump', ['Trump']],
  ['person', 'Keir Starmer', ['Starmer']],
  ['person', 'Kaja Kallas', ['Kallas']],
  ['person', 'Friedrich Merz', ['Merz']],
  ['person', 'Karoline Leavitt', ['Leavitt']],
  ['person', 'Oleksandr Khilko', ['Khilko']],
  ['person', 'Sophia Akylina', ['Akylina']],
  ['organization', 'European Union', [['EU', true]]],
  ['organization', 'EU Mission to Ukraine', []],
  ['organization', 'British Council', []],
  ['organization', 'United Nations Security Council', ['UN Security Council', 'Security Council']],
  ['organization', 'United Nations', [['UN', true]]],
  ['organization', 'NATO', []],
  ['organization', 'Ukrainian Air Force', ['Ukraine’s Air Force']],
  ['organization', 'Russian Defense Ministry', ['Russian Ministry of Defence']],
  ['organization', 'White House', []],
  ['organization', 'Ukrzaliznytsia', ['Ukrainian national railway operator']],
  ['place', 'Kyiv', ['Kiev', 'Київ']],
  ['place', 'Ukraine', []],
  ['place', 'Russia', []],
  ['place', 'Darnytsia district', ['Darnytsia']],
  ['place', 'Holosiivskyi district', ['Holosiivskyi']],
  ['place', 'Brussels', []],
  ['place', 'United Kingdom', [['UK', true], 'Britain']],
  [
    'place',
    'United States',
    [
      ['U.S.', true],
      ['US', true],
      ['USA', true],
    ],
  ],
  ['place', 'Alaska', []],
  ['place', 'Germany', []],
  ['place', 'Washington', []],
  ['place', 'Denmark', []],
  ['place', 'Netherlands', []],
  ['place', 'Norway', []],
  ['place', 'Moscow', []],
  ['place', 'Afipsky oil refinery', ['Afipsky']],
  ['place', 'Novokuibyshevsk oil refinery', ['Novokuibyshevsk']],
  ['place', 'Vinnytsia', []],
  ['place', 'Dallas', []],
];

/** An alias is case-sensitive when it is all capitals and short (US, EU, UN, NATO): it must not match "us". */
function alias(entry) {
  if (Array.isArray(entry)) return { text: entry[0], caseSensitive: entry[1] };
  return { text: entry, caseSensitive: /^[A-Z.]{2,5}$/.test(entry) };
}

export function benchSeedDictionary() {
  return SEED_NAMES.map(([kind, name, aliases], i) => ({
    entityId: `seed-${i}`,
    kind,
    aliases: [alias(name), ...aliases.map(alias)],
  }));
}

/**
 * The knowledge base's own dictionary when assets/kb/seed.json and lib/kb exist (bundled with
 * esbuild for Node), else the list above. Returns { entries, source }.
 */
export async function loadDictionary(root, build) {
  const seed = join(root, 'assets/kb/seed.json');
  if (!existsSync(seed))
    return {
      entries: benchSeedDictionary(),
      source: 'bench/lib/dictionary.mjs (assets/kb/seed.json not there yet)',
    };
  try {
    const code = await build({
      stdin: {
        contents: `
          import { readFileSync } from 'node:fs';
          import { KnowledgeBase } from './lib/kb/knowledge-base.ts';
          import { parseDataset } from './lib/kb/parse.ts';
          const parsed = parseDataset(JSON.parse(readFileSync(${JSON.stringify(seed)}, 'utf8')));
          if (!parsed.ok) throw new Error('assets/kb/seed.json does not parse: ' + JSON.stringify(parsed.error).slice(0, 300));
          globalThis.__dictionary = new KnowledgeBase([parsed.value]).dictionary();
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
    return { entries, source: 'assets/kb/seed.json via lib/kb KnowledgeBase#dictionary()' };
  } catch (error) {
    return {
      entries: benchSeedDictionary(),
      source: `bench/lib/dictionary.mjs (assets/kb/seed.json present but could not be loaded: ${String(error.message ?? error).split('\n')[0]})`,
    };
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

/** What Backstory never scans (lib/scan/blocks.ts), as mark.js exclude selectors, plus mark.js's own marks. */
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
