// Picks facts about each entity: the sentences of the article that mention it, whole.
//
// A fact must stand on its own: keep its subject, its attribution ("X said …", "according to X")
// and a condition's outcome. Cutting a sentence safely needs a parser this extractor does not
// have, so a fact is always the whole sentence ("when in doubt, the whole sentence is the fact");
// the reviewer can shorten it. Headings, very short sentences and over-long ones are skipped.
import { LIMITS } from '../../shared/kb/schema';
import { sentencesOf } from '../../shared/kb/sentences';
import type { Mention } from './mentions';
import type { DraftFact, EntityRef, Omission, Paragraph } from './types';

/** Facts kept per entity: enough for a card and the side panel, few enough to review. */
const MAX_PER_ENTITY = 12;
const MIN_WORDS = 5;

/** Facts about `refs`, each the whole sentence that mentions the entity, in text order. */
export function findFacts(
  text: string,
  paragraphs: readonly Paragraph[],
  mentions: readonly Mention[],
  refs: readonly EntityRef[],
  sourceId: string,
  key: string,
): { facts: DraftFact[]; omitted: Omission[] } {
  const wanted = new Map(refs.map((ref) => [`${ref.source}:${ref.id}`, ref]));
  const perEntity = new Map<string, number>();
  const facts: DraftFact[] = [];
  const omitted: Omission[] = [];
  let m = 0;
  let p = 0;
  for (const sentence of sentencesOf(text)) {
    while (p < paragraphs.length && (paragraphs[p]?.end ?? 0) < sentence.start) p++;
    const inSentence: Mention[] = [];
    while (m < mentions.length && (mentions[m]?.start ?? 0) < sentence.end) {
      const mention = mentions[m] as Mention;
      if (mention.start >= sentence.start) inSentence.push(mention);
      m++;
    }
    if (paragraphs[p]?.heading || inSentence.length === 0) continue;
    const body = text.slice(sentence.start, sentence.end);
    if (body.split(/\s+/).length < MIN_WORDS) continue;
    if (body.length > LIMITS.text) {
      omitted.push({
        what: 'fact',
        preview: body.slice(0, 80),
        reason: `the sentence is longer than ${LIMITS.text} characters`,
      });
      continue;
    }
    const seen = new Set<string>();
    for (const mention of inSentence) {
      const id = `${mention.ref.source}:${mention.ref.id}`;
      const ref = wanted.get(id);
      if (!ref || seen.has(id)) continue;
      seen.add(id);
      const count = perEntity.get(id) ?? 0;
      if (count >= MAX_PER_ENTITY) continue;
      perEntity.set(id, count + 1);
      facts.push({
        id: `${key}-fact-${facts.length + 1}`,
        about: ref,
        text: body,
        evidence: { source: sourceId, start: sentence.start, end: sentence.end },
      });
    }
  }
  return { facts, omitted };
}
