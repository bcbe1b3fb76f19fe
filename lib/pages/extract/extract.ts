// Extracts a draft dataset from a page: article text, known and new entities, quotes with speakers, facts, dated events with figures.
//
// Pure: a Document in (DOMParser in an extension page, jsdom in Node), a Draft out, nothing read or
// written elsewhere and nothing thrown for any input. The steps, each in its own module:
// article.ts (Readability on a copy) → saved-text.ts (paragraphs, furniture dropped) →
// mentions.ts (dictionary matches) → name-spans.ts + link-names.ts (new names) → quotes.ts +
// attribution.ts → roles.ts, facts.ts, events.ts. A page not in English gets dictionary matches
// and their facts only.
import type { DictionaryItem } from '../../shared/kb/dictionary';
import { LIMITS } from '../../shared/kb/schema';
import { sentencesOf } from '../../shared/kb/sentences';
import type { Matcher } from '../../shared/match/matcher';
import { MAX_PAGE_BYTES, oversize } from '../../shared/page-copy';
import type { Result } from '../../shared/result';
import { readArticle } from './article';
import { calendarDay, isEnglish, readLanguage, readPublished } from './article-meta';
import { attributeQuotations, type SpeakerInfo } from './attribution';
import { findEvents } from './events';
import { findFacts } from './facts';
import { IdAllocator, shortHash, slugify } from './ids';
import { optionalField, shorten } from './inert-text';
import { type LinkedEntity, linkNames } from './link-names';
import { findKnownMentions, findNewMentions, type Mention, mergeMentions } from './mentions';
import { findNameSpans, type Gender, type NameSpan } from './name-spans';
import {
  HONORIFICS,
  isTitleHead,
  NEVER_NAMES,
  ORDINARY_STARTERS,
  TITLE_MODIFIERS,
} from './name-words';
import { lexiconTags, rangesToTag, type TagIndex, tagRanges } from './nlp-tags';
import { findQuotations, type QuotationPart, soundsSpoken } from './quotes';
import { findRoles } from './roles';
import { buildSavedText } from './saved-text';
import { type Token, tokenize } from './tokens';
import type {
  Draft,
  DraftQuote,
  EntityCandidate,
  EntityRef,
  Evidence,
  ExtractFailure,
  KnownFound,
  Omission,
  QuotePart,
} from './types';

export { MAX_PAGE_BYTES } from '../../shared/page-copy';

export interface ExtractOptions {
  /** The page's address; kept on the source when it is https:. */
  readonly url?: string;
  /** The knowledge base's entities (dictionaryItem of each entity, lib/shared/kb/dictionary.ts); they win over new names. */
  readonly dictionary: readonly DictionaryItem[];
  /** The dictionary's matcher, when the caller already has it (built from exactly `dictionary`). */
  readonly matcher?: Matcher;
  /**
   * Entity ids taken in the store beyond the dictionary's (datasets switched off): new entities get other ids, so
   * the store does not refuse the save for a clash with an entity the reader can't see.
   */
  readonly reservedIds?: Iterable<string>;
  /** Anchor for relative dates when the page states no publication date; never invented otherwise. */
  readonly now?: Date;
}

/** A new entity needs this many votes to be proposed; fewer makes it "unsure" (see link-names.ts). */
const PROPOSE_SCORE = 3;
/** Evidence sentences kept per entity in the draft (the dataset keeps facts, not this list). */
const MAX_EVIDENCE = 30;

function tooLarge(bytes: number): ExtractFailure {
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  return {
    reason: 'too-large',
    bytes,
    limit: MAX_PAGE_BYTES,
    message: `The page is ${mb(bytes)} MB; pages over ${mb(MAX_PAGE_BYTES)} MB are not extracted.`,
  };
}

/** Extracts from HTML text, refusing it before parsing when it is over the size limit. */
export function extractDraftFromHtml(
  html: string,
  parse: (html: string) => Document,
  options: ExtractOptions,
): Result<Draft, ExtractFailure> {
  const bytes = oversize(html);
  if (bytes !== null) return { ok: false, error: tooLarge(bytes) };
  return extractChecked(parse(html), options);
}

function httpsUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && url.length <= LIMITS.url ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** A person's gender as their first name suggests (compromise's name lists), for "he"/"she"; undefined if unsure. */
function genderOfName(kind: string, name: string): Gender | undefined {
  if (kind !== 'person') return undefined;
  const first = name.split(/\s+/)[0] ?? '';
  const tags = lexiconTags(first);
  const male = tags.includes('MaleName');
  const female = tags.includes('FemaleName');
  return male === female ? undefined : male ? 'male' : 'female';
}

const LOWER_WORD = /(?<![\p{L}\p{M}])\p{Ll}[\p{L}\p{M}]*/gu;

/** Extracts a draft from a parsed page, refusing one over the size limit (the page itself is never changed: Readability reads a copy). */
export function extractDraft(
  doc: Document,
  options: ExtractOptions,
): Result<Draft, ExtractFailure> {
  const bytes = oversize(doc.documentElement?.outerHTML ?? '');
  if (bytes !== null) return { ok: false, error: tooLarge(bytes) };
  return extractChecked(doc, options);
}

function extractChecked(doc: Document, options: ExtractOptions): Result<Draft, ExtractFailure> {
  const read = readArticle(doc);
  if (!read.ok) return { ok: false, error: { reason: 'no-article', message: read.error } };
  const body = read.value;
  const omitted: Omission[] = [];

  const title =
    optionalField(body.title, LIMITS.shortText) ??
    optionalField(body.blocks[0]?.text, LIMITS.shortText) ??
    'Untitled article';
  const saved = buildSavedText(title, body.blocks, body.byline);
  omitted.push(...saved.omitted);
  const { text, paragraphs } = saved;
  const published = optionalField(readPublished(doc, body.published), LIMITS.name);
  const publishedDay = published ? calendarDay(published) : undefined;
  const language = readLanguage(doc, text);
  const knownOnly = !isEnglish(language.code);
  const url = httpsUrl(options.url);
  if (options.url && !url)
    omitted.push({
      what: 'field',
      preview: shorten(options.url, 80),
      reason: 'the address is not https:, the only kind a dataset keeps',
    });

  const key = shortHash(url ?? `${title}\n${text}`);
  const ids = new IdAllocator([
    ...options.dictionary.map((item) => item.entityId),
    ...(options.reservedIds ?? []),
  ]);
  const datasetId = ids.take(`saved-${key}`, 'saved');
  const sourceId = ids.take(`${slugify(title, 40)}-${key}`, `article-${key}`);
  const sentences = sentencesOf(text);
  const evidenceOf = (at: number): Evidence | undefined => {
    // Binary search: pages with thousands of sentences and mentions stay linear-ish.
    let lo = 0;
    let hi = sentences.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const sentence = sentences[mid] as { start: number; end: number };
      if (at < sentence.start) hi = mid - 1;
      else if (at >= sentence.end) lo = mid + 1;
      else return { source: sourceId, start: sentence.start, end: sentence.end };
    }
    return undefined;
  };

  const tokens = tokenize(
    text,
    0,
    text.length,
    sentences.map((s) => s.start),
  );
  const knownById = new Map(options.dictionary.map((item) => [item.entityId, item]));
  const lowercaseWords = new Set(Array.from(text.matchAll(LOWER_WORD), (m) => m[0]));
  const known = withoutFullerNames(
    findKnownMentions(text, options.dictionary, options.matcher),
    tokens,
    knownById,
    lowercaseWords,
  );

  // New names: body paragraphs only (headings are title case, every word capitalised).
  let linked: LinkedEntity[] = [];
  let tags: TagIndex = new Map();
  if (!knownOnly) {
    const covered = new Uint8Array(text.length);
    for (const mention of known) covered.fill(1, mention.start, mention.end);
    const nameWords = new Set<string>();
    let h = 0;
    for (const token of tokens) {
      while (h < paragraphs.length && (paragraphs[h]?.end ?? 0) < token.start) h++;
      if (paragraphs[h]?.heading) continue;
      if (token.capitalised && !token.sentenceInitial && !token.allCaps) nameWords.add(token.text);
    }
    const bodyRanges = paragraphs.filter((p) => !p.heading);
    const knownSpans = known.map((m) => ({
      start: m.start,
      end: m.end,
      kind: knownById.get(m.ref.id)?.kind ?? '',
    }));
    tags = tagRanges(text, rangesToTag(bodyRanges, sentences, tokens, covered));
    const spans: NameSpan[] = [];
    let t = 0;
    for (const paragraph of bodyRanges) {
      while (t < tokens.length && (tokens[t]?.start ?? 0) < paragraph.start) t++;
      let u = t;
      while (u < tokens.length && (tokens[u]?.end ?? 0) <= paragraph.end) u++;
      spans.push(
        ...findNameSpans(tokens.slice(t, u), {
          text,
          tags,
          lowercaseWords,
          nameWords,
          isKnown: (start, end) => covered[start] === 1 || covered[end - 1] === 1,
          known: knownSpans,
        }),
      );
      t = u;
    }
    linked = linkNames(spans, text, tags, lowercaseWords).filter((entity) => {
      if (entity.name.length > LIMITS.name) {
        omitted.push({
          what: 'name',
          preview: shorten(entity.name, 80),
          reason: `longer than ${LIMITS.name} characters`,
        });
        return false;
      }
      return entity.score > 0;
    });
  }
  const newIds = linked.map((entity) => ids.take(slugify(entity.name), entity.kind));
  const newMentions = findNewMentions(
    text,
    linked.map((entity, i) => ({
      id: newIds[i] as string,
      name: entity.name,
      aliases: entity.aliases,
    })),
  );
  const mentions: Mention[] = mergeMentions(known, newMentions);
  const linkedById = new Map(linked.map((entity, i) => [newIds[i] as string, entity]));

  const info = (ref: EntityRef): SpeakerInfo | undefined => {
    if (ref.source === 'known') {
      const item = knownById.get(ref.id);
      return item
        ? { kind: item.kind, name: item.name, gender: genderOfName(item.kind, item.name) }
        : undefined;
    }
    const entity = linkedById.get(ref.id);
    return entity
      ? {
          kind: entity.kind,
          name: entity.name,
          gender: entity.gender,
          tentative: entity.score < PROPOSE_SCORE,
        }
      : undefined;
  };

  // Quotes.
  const quotes: DraftQuote[] = [];
  const speakers = new Set<string>();
  if (!knownOnly) {
    const found = findQuotations(text, paragraphs);
    omitted.push(...found.omitted);
    const attributions = attributeQuotations(
      { text, paragraphs, tokens, mentions, info, tags },
      found.quotations,
    );
    found.quotations.forEach((quotation, i) => {
      const attribution = attributions[i];
      if (!attribution || !quotation.counts) return;
      const words = quotation.parts.map((part) => text.slice(part.start, part.end)).join(' ');
      if (
        attribution.status === 'blank' &&
        attribution.reason === 'no-attribution' &&
        !soundsSpoken(text, quotation)
      ) {
        omitted.push({
          what: 'quote',
          preview: shorten(words, 80),
          reason: 'nobody is said to have said it and it is not a sentence: a term or a title',
        });
        return;
      }
      if (attribution.status === 'attributed' && attribution.speaker.source === 'new')
        speakers.add(attribution.speaker.id);
      const toPart = (part: QuotationPart): QuotePart => ({
        text: text.slice(part.start, part.end),
        evidence: { source: sourceId, start: part.sentence.start, end: part.sentence.end },
      });
      const [head, ...tail] = quotation.parts;
      const parts: DraftQuote['parts'] = [toPart(head), ...tail.map(toPart)];
      quotes.push({ id: `${key}-quote-${i + 1}`, parts, attribution });
    });
  }

  // Roles from appositives ("Kaja Kallas, the EU's top diplomat").
  const roles = findRoles(text, mentions, info);

  const mentionsByRef = new Map<string, Mention[]>();
  for (const mention of mentions) {
    const refKey = `${mention.ref.source}:${mention.ref.id}`;
    const list = mentionsByRef.get(refKey);
    if (list) list.push(mention);
    else mentionsByRef.set(refKey, [mention]);
  }
  const mentionsOf = (ref: EntityRef) => mentionsByRef.get(`${ref.source}:${ref.id}`) ?? [];
  const evidenceList = (ref: EntityRef): Evidence[] => {
    const out: Evidence[] = [];
    for (const mention of mentionsOf(ref)) {
      const evidence = evidenceOf(mention.start);
      if (evidence && out[out.length - 1]?.start !== evidence.start) out.push(evidence);
      if (out.length >= MAX_EVIDENCE) break;
    }
    return out;
  };
  const countOf = (ref: EntityRef) => mentionsOf(ref).length;

  const knownFound: KnownFound[] = [];
  for (const id of new Set(known.map((m) => m.ref.id))) {
    const item = knownById.get(id);
    const ref = { source: 'known', id } as const;
    const count = countOf(ref);
    if (!item || count === 0) continue;
    knownFound.push({
      ref,
      kind: item.kind,
      name: item.name,
      aliases: item.aliases,
      excludes: item.excludes,
      mentions: count,
      evidence: evidenceList(ref),
    });
  }

  const candidates: EntityCandidate[] = [];
  linked.forEach((entity, i) => {
    const id = newIds[i] as string;
    const ref = { source: 'new', id } as const;
    const count = countOf(ref);
    if (count === 0) return;
    const spoke = speakers.has(id);
    const why = [...entity.why];
    if (spoke) why.push('a quote is attributed to it');
    const role = entity.role
      ? { text: entity.role.text, at: entity.role.start }
      : roles.get(`new:${id}`);
    const roleEvidence = role ? evidenceOf(role.at) : undefined;
    candidates.push({
      ref,
      kind: spoke && entity.kind === 'place' ? 'person' : entity.kind,
      name: entity.name,
      aliases: entity.aliases,
      role: role && roleEvidence ? { text: role.text, evidence: roleEvidence } : undefined,
      mentions: count,
      evidence: evidenceList(ref),
      status: entity.score >= PROPOSE_SCORE || spoke ? 'proposed' : 'unsure',
      why,
    });
  });

  const refs = [...knownFound.map((k) => k.ref), ...candidates.map((c) => c.ref)];
  const facts = findFacts(text, paragraphs, mentions, refs, sourceId, key);
  // Dates and figures are read by English rules (chrono-node's English parser, "killed at least"):
  // a page in another language keeps its known entities' facts only.
  const events = knownOnly
    ? { events: [], omitted: [] }
    : findEvents({
        text,
        paragraphs,
        mentions,
        info,
        sourceId,
        key,
        anchor: publishedDay,
        now: options.now,
      });

  return {
    ok: true,
    value: {
      datasetId,
      sourceId,
      article: {
        title,
        byline: optionalField(body.byline, LIMITS.name),
        siteName: optionalField(body.siteName, LIMITS.name),
        published,
        publishedDay,
        url,
        language: language.code,
        languageFrom: language.from,
        text,
        paragraphs,
      },
      knownOnly,
      known: knownFound,
      candidates,
      quotes,
      facts: facts.facts,
      events: events.events,
      omitted: [...omitted, ...facts.omitted, ...events.omitted],
    },
  };
}

/**
 * Known mentions, less those of a one-word person name that ends a fuller name: "Barack Obama" where the store knows
 * "Obama" alone (another article named him so) is a name of its own here, read as a new name (the reader is offered
 * the two as the same, never merged unasked). Not after a title ("President Obama") or a word the text also writes in
 * lowercase ("Yesterday Obama").
 */
function withoutFullerNames(
  known: readonly Mention[],
  tokens: readonly Token[],
  items: ReadonlyMap<string, DictionaryItem>,
  lowercaseWords: ReadonlySet<string>,
): Mention[] {
  const endingAt = new Map(tokens.map((token) => [token.end, token]));
  const knownEnds = new Set(known.map((mention) => mention.end));
  return known.filter((mention) => {
    const item = items.get(mention.ref.id);
    if (item?.kind !== 'person' || /\s/.test(item.name)) return true;
    const before = endingAt.get(mention.start - 1);
    if (!before || knownEnds.has(before.end)) return true;
    const given =
      before.capitalised &&
      !before.allCaps &&
      !before.possessive &&
      /^\p{Lu}\p{Ll}+$/u.test(before.text) &&
      !lowercaseWords.has(before.key) &&
      !HONORIFICS.has(before.key) &&
      !isTitleHead(before.key) &&
      !TITLE_MODIFIERS.has(before.key) &&
      !NEVER_NAMES.has(before.key) &&
      !ORDINARY_STARTERS.has(before.key);
    return !given;
  });
}
