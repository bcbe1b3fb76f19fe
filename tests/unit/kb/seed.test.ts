// The bundled dataset: valid, up to date with its annotations, complete (names and quotes of the article), and faithful.
import { describe, expect, it } from 'vitest';
import { AnnotationsSchema, buildDataset, sourceText } from '../../../lib/kb/annotations';
import { findUncoveredNames } from '../../../lib/kb/completeness';
import { KnowledgeBase } from '../../../lib/kb/knowledge-base';
import { parseDataset } from '../../../lib/kb/parse';
import type { Dataset } from '../../../lib/kb/schema';
import { exportDataset } from '../../../lib/kb/transfer';
import { readRepoFile } from './fixtures';

const raw = readRepoFile('assets/kb/seed.source.txt');
const committed = readRepoFile('assets/kb/seed.json');
const annotations = AnnotationsSchema.parse(
  JSON.parse(readRepoFile('assets/kb/seed.annotations.json')),
);

function loadSeed(): Dataset {
  const result = parseDataset(JSON.parse(committed));
  if (!result.ok) throw new Error(result.error.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return result.value;
}
const seed = loadSeed();
const kb = new KnowledgeBase([seed]);
const source = seed.sources[0] as Dataset['sources'][number];

describe('bundled dataset', () => {
  it('is what the annotations build (run `node scripts/kb-build.mjs` after editing them)', () => {
    const built = parseDataset(buildDataset(annotations, raw));
    expect(built.ok).toBe(true);
    if (built.ok) expect(exportDataset(built.value)).toBe(committed);
  });

  it('carries the article as its one source: title is the first line, nothing invented', () => {
    expect(seed.sources).toHaveLength(1);
    expect(source.title).toBe(
      'Russian Missile and Drone Attack on Kyiv Leaves 21 Dead as Peace Talks Stall',
    );
    expect(source.text).toBe(sourceText(raw, annotations));
    expect(raw.startsWith(source.text)).toBe(true);
    expect(source.publisher).toBeUndefined();
    expect(source.published).toBeUndefined();
    expect(source.url).toBeUndefined();
  });

  it('leaves the unrelated trailing headline out of the source text and explains why in notes', () => {
    const lastLine = raw.slice(raw.lastIndexOf('\n') + 1);
    expect(lastLine).toMatch(/^Dallas Weather Forecast/);
    expect(source.text).not.toContain('Dallas');
    expect(source.text.endsWith('in the crossfire.')).toBe(true);
    expect(seed.notes).toContain('Dallas Weather Forecast');
    expect(kb.entities().some((e) => /dallas/i.test(e.name))).toBe(false);
  });

  it('accounts for every capitalised name of the article file: an entity alias or a deliberately ignored name', () => {
    const uncovered = findUncoveredNames(raw, kb.dictionary(), seed.ignoredNames ?? []);
    expect(uncovered.map((u) => `${u.word} (in: ${u.line.slice(0, 80)})`)).toEqual([]);
  });

  it('ignores no name that is also an entity alias (an ignored name must not hide an entity)', () => {
    const aliases = new Set(kb.dictionary().flatMap((d) => d.aliases.map((a) => a.text)));
    expect((seed.ignoredNames ?? []).filter((name) => aliases.has(name))).toEqual([]);
  });

  it('has every named person, organization and place of the article', () => {
    const names = (kind: string) =>
      kb
        .entities()
        .filter((e) => e.kind === kind)
        .map((e) => e.name)
        .sort();
    expect(names('person')).toEqual(
      [
        'Donald Trump',
        'Friedrich Merz',
        'Kaja Kallas',
        'Karoline Leavitt',
        'Keir Starmer',
        'Oleksandr Khilko',
        'Sophia Akylina',
        'Vladimir Putin',
        'Volodymyr Zelenskyy',
      ].sort(),
    );
    for (const name of [
      'Kyiv',
      'Ukraine',
      'Russia',
      'Brussels',
      'Alaska',
      'Darnytsia district',
      'Holosiivskyi district',
      'Vinnytsia region',
      'Denmark',
      'Netherlands',
      'Norway',
      'Germany',
      'Washington',
      'Moscow',
      'United States',
      'United Kingdom',
      'Afipsky oil refinery',
      'Novokuibyshevsk oil refinery',
    ]) {
      expect(names('place')).toContain(name);
    }
    for (const name of [
      'European Union',
      'EU Mission to Ukraine',
      'British Council',
      'United Nations Security Council',
      'NATO',
      'White House',
      'Russian Defense Ministry',
      'Ukrainian Air Force',
      'Ukrainian national railway operator',
      'Trump administration',
    ]) {
      expect(names('organization')).toContain(name);
    }
  });

  it('every entity is mentioned in the article under one of its names', () => {
    // A name may only occur inside a longer one ("United Nations" in "United Nations Security
    // Council"): the matcher then reports the longer entity, so look for the words themselves too.
    const names = (id: string) => kb.dictionary().find((d) => d.entityId === id)?.aliases ?? [];
    const unmentioned = kb
      .entities()
      .filter(
        (e) =>
          kb.mentionsInSource(e.id).length === 0 &&
          !names(e.id).some((a) => source.text.includes(a.text)),
      )
      .map((e) => e.id);
    expect(unmentioned).toEqual([]);
    expect(kb.mentionsInSource('united-nations')).toEqual([]);
    expect(kb.mentionsInSource('kyiv').length).toBeGreaterThan(10);
  });

  it('gives readers the aliases they meet in other coverage, with case rules for short capitals', () => {
    const aliasOf = (id: string) => kb.dictionary().find((d) => d.entityId === id)?.aliases ?? [];
    const texts = (id: string) => aliasOf(id).map((a) => a.text);
    expect(texts('volodymyr-zelenskyy')).toEqual(
      expect.arrayContaining(['Zelensky', 'Zelenskiy', 'Zelenskyy', 'Зеленський']),
    );
    expect(texts('kyiv')).toEqual(expect.arrayContaining(['Kiev', 'Київ', 'Киев']));
    expect(texts('vladimir-putin')).toEqual(expect.arrayContaining(['Putin', 'Путин']));
    for (const [id, short] of [
      ['united-states', 'US'],
      ['united-states', 'U.S.'],
      ['european-union', 'EU'],
      ['united-nations', 'UN'],
      ['united-kingdom', 'UK'],
      ['nato', 'NATO'],
    ] as const) {
      expect(aliasOf(id)).toContainEqual({ text: short, caseSensitive: true });
    }
    // Every all-caps alias of up to five letters is case-sensitive, or "us"/"un" would match everywhere.
    const loose = kb
      .dictionary()
      .flatMap((d) => d.aliases)
      .filter((a) => /^[\p{Lu}.]{1,6}$/u.test(a.text) && !a.caseSensitive);
    expect(loose).toEqual([]);
  });

  it('states descriptions only with their evidence sentence', () => {
    for (const entity of seed.entities) {
      if (entity.description) expect(entity.descriptionEvidence, entity.id).toBeDefined();
    }
    expect(kb.entity('karoline-leavitt')?.description).toBe('White House press secretary');
    expect(kb.entity('kaja-kallas')?.description).toBe('the EU’s top diplomat');
  });
});

/** Every passage between “ and ” in a text. */
function quotedPassages(text: string): string[] {
  return Array.from(text.matchAll(/“([^”]*)”/g), (match) => match[1] as string);
}

describe('bundled quotes', () => {
  // Read from the article by hand: who says each quoted passage. The only passage with no stated
  // speaker is “severely damaged.” (the article does not say who described the office so).
  const SPEAKERS: Record<string, string | null> = {
    'This is inhuman — striking civilians,': 'oleksandr-khilko',
    'Every time the sirens sound, I am afraid,': 'oleksandr-khilko',
    'No diplomatic mission should ever be a target,': 'kaja-kallas',
    'severely damaged.': null,
    senseless: 'keir-starmer',
    'Russia chooses ballistics instead of the negotiating table,': 'volodymyr-zelenskyy',
    'It is clear that a meeting between President Zelenskyy and President Putin will not take place.':
      'friedrich-merz',
    'Perhaps both sides are not ready to end this war themselves,': 'karoline-leavitt',
    'military-industrial complex': 'moscow',
    'All designated objects were hit,': 'russian-defense-ministry',
    'Negotiations haven’t yielded anything yet. Unfortunately, people are suffering,':
      'sophia-akylina',
  };

  it('the article has exactly the quoted passages listed here', () => {
    expect(quotedPassages(source.text)).toEqual(Object.keys(SPEAKERS));
  });

  it('every attributed quote is in the dataset, verbatim, with the right speaker', () => {
    for (const [passage, speaker] of Object.entries(SPEAKERS)) {
      const words = passage.replace(/,$/, '');
      const found = seed.quotes.filter((q) => q.text === words);
      if (speaker === null) {
        expect(found, passage).toEqual([]);
        // Unattributed, but not lost: a fact keeps the words.
        expect(
          seed.facts.some((f) => f.text.includes(`“${passage}”`)),
          passage,
        ).toBe(true);
      } else {
        expect(
          found.map((q) => q.speaker),
          passage,
        ).toEqual([speaker]);
      }
    }
    expect(seed.quotes).toHaveLength(Object.values(SPEAKERS).filter(Boolean).length);
  });

  it('names the speaker in the quote’s sentence or the one before it (“she said”)', () => {
    for (const quote of seed.quotes) {
      const sentence = kb.sentence(quote.evidence);
      expect(sentence, quote.id).toContain(`“${quote.text}`);
      const names =
        kb
          .dictionary()
          .find((d) => d.entityId === quote.speaker)
          ?.aliases.map((a) => a.text) ?? [];
      const before = source.text.slice(
        Math.max(0, quote.evidence.start - 200),
        quote.evidence.start,
      );
      const named = names.some((n) => sentence.includes(n) || before.includes(n));
      expect(named, `${quote.id}: ${sentence}`).toBe(true);
    }
  });
});
