// Scores an extraction against a page's labels: entity precision and recall per kind, quote precision and recall, speakers right, wrong or blank.
//
// Matching, as the labels' README and issue 14 define it:
// - An extracted entity matches a labelled one when its name or an alias equals the labelled name
//   or one of its aliases (case, punctuation and diacritics folded) and the kinds agree. One that
//   matches an `optional` entry (of a listed kind) counts neither way.
// - A quote matches a labelled quote when, normalised, one contains the other or their word
//   overlap is at least 0.8 of the longer; each quote matches at most once.
// - A matched quote's speaker is right if it names the labelled speaker (any alias), wrong if it
//   names someone else, blank if none; for a labelled null speaker, blank is right.
import type { PageLabels } from './labels';

export type Kind = 'person' | 'organization' | 'place';
export const KINDS: readonly Kind[] = ['person', 'organization', 'place'];

export interface ExtractedEntity {
  kind: string;
  names: string[];
}
export interface ExtractedQuote {
  text: string;
  /** Names and aliases of the speaker; undefined when blank. */
  speaker: string[] | undefined;
}

export interface Counts {
  /** Extracted items counted (optional matches excluded). */
  extracted: number;
  matchedExtracted: number;
  labelled: number;
  matchedLabelled: number;
}
export interface SpeakerCounts {
  right: number;
  wrong: number;
  blank: number;
}
export interface PageScore {
  entities: Record<Kind, Counts>;
  quotes: Counts;
  speakers: SpeakerCounts;
  /** What went wrong, for pages one may look at (dev). */
  errors: string[];
}

export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function quoteWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/[^\p{L}\p{N}'\s]/gu, ' ')
    .split(/\s+/)
    .filter((word) => word !== '');
}

function quotesMatch(a: string, b: string): boolean {
  const wa = quoteWords(a);
  const wb = quoteWords(b);
  const ja = ` ${wa.join(' ')} `;
  const jb = ` ${wb.join(' ')} `;
  if (wa.length > 0 && wb.length > 0 && (ja.includes(jb) || jb.includes(ja))) return true;
  const counts = new Map<string, number>();
  for (const word of wa) counts.set(word, (counts.get(word) ?? 0) + 1);
  let common = 0;
  for (const word of wb) {
    const left = counts.get(word) ?? 0;
    if (left > 0) {
      common++;
      counts.set(word, left - 1);
    }
  }
  return common / Math.max(wa.length, wb.length, 1) >= 0.8;
}

const emptyCounts = (): Counts => ({
  extracted: 0,
  matchedExtracted: 0,
  labelled: 0,
  matchedLabelled: 0,
});

export function scorePage(
  labels: PageLabels,
  entities: readonly ExtractedEntity[],
  quotes: readonly ExtractedQuote[],
): PageScore {
  const errors: string[] = [];
  const labelled: Record<Kind, { name: string; keys: Set<string> }[]> = {
    person: labels.people.map((e) => ({
      name: e.name,
      keys: new Set([e.name, ...e.aliases].map(fold)),
    })),
    organization: labels.organizations.map((e) => ({
      name: e.name,
      keys: new Set([e.name, ...e.aliases].map(fold)),
    })),
    place: labels.places.map((e) => ({
      name: e.name,
      keys: new Set([e.name, ...e.aliases].map(fold)),
    })),
  };
  const optional = labels.optional.map((e) => ({
    kinds: e.kinds,
    keys: new Set([e.name, ...e.aliases].map(fold)),
  }));
  const score: PageScore = {
    entities: { person: emptyCounts(), organization: emptyCounts(), place: emptyCounts() },
    quotes: emptyCounts(),
    speakers: { right: 0, wrong: 0, blank: 0 },
    errors,
  };
  for (const kind of KINDS) {
    const counts = score.entities[kind];
    const found = new Set<number>();
    for (const entity of entities) {
      if (entity.kind !== kind) continue;
      const keys = entity.names.map(fold);
      const hits = labelled[kind].flatMap((l, i) => (keys.some((k) => l.keys.has(k)) ? [i] : []));
      if (hits.length > 0) {
        counts.extracted++;
        counts.matchedExtracted++;
        for (const i of hits) found.add(i);
        continue;
      }
      if (optional.some((o) => o.kinds.includes(kind) && keys.some((k) => o.keys.has(k)))) continue;
      counts.extracted++;
      const other = KINDS.find(
        (k) => k !== kind && labelled[k].some((l) => keys.some((key) => l.keys.has(key))),
      );
      errors.push(`extra ${kind}: ${entity.names[0]}${other ? ` (labelled ${other})` : ''}`);
    }
    counts.labelled = labelled[kind].length;
    counts.matchedLabelled = found.size;
    labelled[kind].forEach((l, i) => {
      if (!found.has(i)) errors.push(`missed ${kind}: ${l.name}`);
    });
  }

  const speakerKeys = (name: string): Set<string> => {
    for (const kind of KINDS) {
      const hit = labelled[kind].find((l) => l.name === name);
      if (hit) return hit.keys;
    }
    return new Set([fold(name)]);
  };
  const usedLabels = new Set<number>();
  score.quotes.labelled = labels.quotes.length;
  for (const quote of quotes) {
    score.quotes.extracted++;
    const index = labels.quotes.findIndex(
      (l, i) => !usedLabels.has(i) && quotesMatch(l.text, quote.text),
    );
    if (index < 0) {
      errors.push(`extra quote: “${quote.text.slice(0, 70)}”`);
      continue;
    }
    usedLabels.add(index);
    score.quotes.matchedExtracted++;
    const label = labels.quotes[index];
    if (!label) continue;
    if (quote.speaker === undefined) {
      if (label.speaker === null) score.speakers.right++;
      else {
        score.speakers.blank++;
        errors.push(`blank speaker (labelled ${label.speaker}): “${quote.text.slice(0, 60)}”`);
      }
      continue;
    }
    const keys = label.speaker === null ? new Set<string>() : speakerKeys(label.speaker);
    if (quote.speaker.some((name) => keys.has(fold(name)))) score.speakers.right++;
    else {
      score.speakers.wrong++;
      errors.push(
        `wrong speaker ${quote.speaker[0]} (labelled ${label.speaker ?? 'none'}): “${quote.text.slice(0, 60)}”`,
      );
    }
  }
  score.quotes.matchedLabelled = usedLabels.size;
  labels.quotes.forEach((l, i) => {
    if (!usedLabels.has(i))
      errors.push(`missed quote (${l.speaker ?? 'no speaker'}): “${l.text.slice(0, 70)}”`);
  });
  return score;
}

export function addCounts(a: Counts, b: Counts): Counts {
  return {
    extracted: a.extracted + b.extracted,
    matchedExtracted: a.matchedExtracted + b.matchedExtracted,
    labelled: a.labelled + b.labelled,
    matchedLabelled: a.matchedLabelled + b.matchedLabelled,
  };
}
