// Finds who said each quotation, by the way news writing attributes quotes; blank when unsure, since a wrong speaker is worse than none.
//
// Rules, in order:
// 1. The quotation's last sentence, after the quote: `“…,” said X`, `“…,” X said`,
//    `“…,” X, a senior fellow, said` (the speaker before an appositive).
// 2. Its first sentence, before the quote: `X said: “…”`, `X said it was “…”`.
// 3. `according to X` anywhere in those sentences.
// 4. No attribution, but the quote stands alone in its sentence or paragraph after a quotation
//    attributed to X, at most two paragraphs back, with no one else named since: X continues.
//    Else, the same words quoted earlier with a speaker: that speaker; else, standing alone right
//    after a sentence of its paragraph about one person ("X summed it up with a metaphor. “…”"): X.
// A speaker phrase resolves to the last person named in it ("White House press secretary Karoline
// Leavitt"), else an organization; a name that only qualifies a noun ("a Facebook page", "a Trump
// supporter") is not the speaker. "he"/"she" resolves to the one person of compatible gender named
// before it in the paragraph (or, if none is, the previous paragraph's speaker or one person);
// "the ministry" to the one organization of the article with that word in its name; "it" to the
// one organization named in the paragraph, or the subject of the paragraph before. "Officials",
// "a spokesman", "they", places: blank. When rules 1 and 2 disagree, blank. A new entity with
// little evidence is never an antecedent and never takes the floor, until a quote is its own. A
// sentence the shared splitter ended after a middle initial ("William G.") is read with the next.
import { continuedQuotation, quotedSpans } from '../../shared/kb/quotation';
import { type SentenceSpan, sentencesOf } from '../../shared/kb/sentences';
import { CUE_ADVERBS, CUE_VERBS, isCueAt } from './cue-verbs';
import type { Mention } from './mentions';
import type { Gender } from './name-spans';
import type { TagIndex } from './nlp-tags';
import type { Quotation } from './quotes';
import type { Token } from './tokens';
import type { Attribution, BlankSpeakerReason, EntityRef, Paragraph } from './types';

/** What attribution needs to know about an entity. */
export interface SpeakerInfo {
  readonly kind: string;
  readonly name: string;
  readonly gender: Gender | undefined;
  /** A new entity with too little evidence to be proposed: never the antecedent of a pronoun. */
  readonly tentative?: boolean;
}

export interface AttributionInput {
  readonly text: string;
  readonly paragraphs: readonly Paragraph[];
  readonly tokens: readonly Token[];
  readonly mentions: readonly Mention[];
  readonly info: (ref: EntityRef) => SpeakerInfo | undefined;
  /** compromise's tags of the words near capitalised words (nlp-tags.ts), when the caller has them. */
  readonly tags?: TagIndex;
}

const STOP_BEFORE = new Set([
  'that',
  'and',
  'but',
  'while',
  'as',
  'because',
  'when',
  'after',
  'before',
  'if',
  'who',
  'which',
  'where',
  'though',
  'although',
  'since',
  'so',
  'than',
  'to',
  'not',
]);
const STOP_AFTER = new Set([
  'who',
  'which',
  'in',
  'on',
  'at',
  'after',
  'before',
  'during',
  'when',
  'while',
  'as',
  'and',
  'that',
  'to',
  'from',
  'of',
  'about',
  'on',
  'last',
  'this',
  'earlier',
  'later',
  'told',
]);
const GROUP_WORDS = new Set([
  'officials',
  'official',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'analysts',
  'analyst',
  'experts',
  'expert',
  'residents',
  'resident',
  'witnesses',
  'witness',
  'sources',
  'source',
  'authorities',
  'people',
  'critics',
  'observers',
  'diplomats',
  'diplomat',
  'aides',
  'aide',
  'lawmakers',
  'someone',
  'others',
  'statement',
  'report',
  'reports',
  'police',
  'protesters',
  'activists',
  'supporters',
  'officers',
  'soldiers',
  'doctors',
  'many',
  'some',
]);
/**
 * Nouns after an organization's name that speak for it or say what it is: "an Apple spokesman
 * said", "a Kremlin statement said", "Vulture magazine wrote".
 */
const SPEAKS_FOR = new Set([
  'magazine',
  'newspaper',
  'website',
  'party',
  'group',
  'company',
  'firm',
  'agency',
  'network',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'spokespeople',
  'statement',
  'announcement',
  'release',
]);
const ORG_HEAD_NOUNS = new Set([
  'ministry',
  'company',
  'department',
  'agency',
  'government',
  'administration',
  'army',
  'military',
  'party',
  'group',
  'court',
  'council',
  'commission',
  'committee',
  'office',
  'embassy',
  'bank',
  'firm',
  'university',
  'union',
  'organization',
  'organisation',
  'federation',
  'service',
  'force',
  'alliance',
  'campaign',
  'network',
  'kremlin',
  'pentagon',
]);
const PRONOUNS: ReadonlyMap<string, Gender | 'neuter' | 'plural'> = new Map([
  ['he', 'male'],
  ['she', 'female'],
  ['it', 'neuter'],
  ['they', 'plural'],
  ['we', 'plural'],
]);

/** A sentence that ends in a lone capital and a dot ("said William G."): a middle initial, not an end. */
const INITIAL_END = /(?:^|[\s.])\p{Lu}\.$/u;

type Resolution =
  | { kind: 'speaker'; ref: EntityRef; how: string }
  | { kind: 'blank'; reason: BlankSpeakerReason; detail: string };

class Attributor {
  private readonly quoted: Uint8Array;
  private readonly bySpeaker = new Map<number, EntityRef>();
  /** Entities a quotation has been attributed to so far: no longer tentative, whatever their votes. */
  private readonly spoke = new Set<string>();
  constructor(private readonly input: AttributionInput) {
    this.quoted = new Uint8Array(input.text.length);
    for (const paragraph of input.paragraphs) {
      const body = input.text.slice(paragraph.start, paragraph.end);
      const spans = [...quotedSpans(body)];
      const continued = continuedQuotation(body);
      if (continued) spans.push(continued);
      // The marks count as quoted too, so a phrase never runs through one.
      for (const span of spans)
        this.quoted.fill(
          1,
          paragraph.start + Math.max(0, span.start - 1),
          paragraph.start + span.end + 1,
        );
    }
  }

  private tokensIn(start: number, end: number): Token[] {
    const { tokens } = this.input;
    let lo = 0;
    let hi = tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((tokens[mid] as Token).start < start) lo = mid + 1;
      else hi = mid;
    }
    const out: Token[] = [];
    for (let i = lo; i < tokens.length && (tokens[i] as Token).end <= end; i++)
      out.push(tokens[i] as Token);
    return out;
  }

  /** Mentions inside [start, end) outside quotation marks (mentions are in text order: binary search). */
  private mentionsIn(start: number, end: number): Mention[] {
    const { mentions } = this.input;
    let lo = 0;
    let hi = mentions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((mentions[mid] as Mention).start < start) lo = mid + 1;
      else hi = mid;
    }
    const out: Mention[] = [];
    for (let i = lo; i < mentions.length && (mentions[i] as Mention).start < end; i++) {
      const m = mentions[i] as Mention;
      if (m.end <= end && this.quoted[m.start] !== 1) out.push(m);
    }
    return out;
  }

  /**
   * True if a name only qualifies the noun after it: "a Facebook page", "a Trump supporter" (the
   * page's poster, the supporter speak, not Facebook or Trump). "An Apple spokesman" still names Apple.
   */
  private modifiesNoun(mention: Mention, tokens: readonly Token[]): boolean {
    const next = tokens.find((t) => t.start >= mention.end);
    if (!next || next.capitalised || this.input.text.slice(mention.end, next.start) !== ' ')
      return false;
    const tags = this.input.tags?.get(next.start);
    if (!tags?.has('Noun') || tags.has('Verb') || CUE_VERBS.has(next.key)) return false;
    return !SPEAKS_FOR.has(next.key);
  }

  /** True if one mention covers both offsets. */
  private sameMention(a: number, b: number): boolean {
    const { mentions } = this.input;
    let lo = 0;
    let hi = mentions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((mentions[mid] as Mention).end <= a) lo = mid + 1;
      else hi = mid;
    }
    const mention = mentions[lo];
    return mention !== undefined && mention.start <= a && b < mention.end;
  }

  private paragraphOf(at: number): number {
    const { paragraphs } = this.input;
    let lo = 0;
    let hi = paragraphs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const p = paragraphs[mid] as Paragraph;
      if (at < p.start) hi = mid - 1;
      else if (at > p.end) lo = mid + 1;
      else return mid;
    }
    return -1;
  }

  /** A new entity with little evidence that has not spoken yet: never an antecedent, never takes the floor. */
  private tentative(ref: EntityRef): boolean {
    return this.input.info(ref)?.tentative === true && !this.spoke.has(`${ref.source}:${ref.id}`);
  }

  /** Resolves "he"/"she"/"it" at `at` in paragraph `index`. */
  private resolvePronoun(pronoun: string, at: number): Resolution {
    const type = PRONOUNS.get(pronoun);
    if (type === 'plural')
      return { kind: 'blank', reason: 'group-speaker', detail: `"${pronoun}" names no one` };
    const wanted = type === 'neuter' ? 'organization' : 'person';
    const compatible = (ref: EntityRef) => {
      const info = this.input.info(ref);
      if (!info || info.kind !== wanted || this.tentative(ref)) return false;
      return type === 'neuter' || info.gender === undefined || info.gender === type;
    };
    const { paragraphs } = this.input;
    let index = this.paragraphOf(at);
    for (let back = 0; back <= 2 && index >= 0; back++, index--) {
      const paragraph = paragraphs[index] as Paragraph;
      if (back > 0 && paragraph.heading) break;
      const end = back === 0 ? at : paragraph.end;
      const refs = uniqueRefs(
        this.mentionsIn(paragraph.start, end)
          .filter((m) => compatible(m.ref))
          .map((m) => m.ref),
      );
      if (back > 0) {
        const previousSpeaker = this.bySpeaker.get(index);
        if (previousSpeaker && compatible(previousSpeaker))
          return {
            kind: 'speaker',
            ref: previousSpeaker,
            how: `"${pronoun}" continues the previous paragraph's speaker`,
          };
      }
      if (refs.length === 1)
        return {
          kind: 'speaker',
          ref: refs[0] as EntityRef,
          how: `"${pronoun}" is the one ${wanted} named before it`,
        };
      // "Peters said he had read it. “…,” he said.": the subject of the sentence just before;
      // "The agency warned … DNP. / “…,” it said.": for "it", the subject of the paragraph before's
      // last sentence ("Smith met Brown. / “…,” he said." stays open: either could have said it).
      const subject =
        back === 0
          ? this.previousSubject(at, paragraph)
          : type === 'neuter'
            ? this.lastSubject(paragraph)
            : undefined;
      if (
        refs.length > 1 &&
        subject &&
        compatible(subject) &&
        refs.some((r) => sameRef(r, subject))
      )
        return {
          kind: 'speaker',
          ref: subject,
          how: `"${pronoun}" is the subject of the sentence before`,
        };
      if (refs.length > 1)
        return {
          kind: 'blank',
          reason: 'ambiguous-pronoun',
          detail: `"${pronoun}" could be ${refs.length} ${wanted === 'person' ? 'people' : 'organizations'}`,
        };
    }
    return {
      kind: 'blank',
      reason: 'ambiguous-pronoun',
      detail: `no ${wanted} named before "${pronoun}"`,
    };
  }

  /**
   * The person or organization a sentence starts with: "Peters said …", "But Peters said …", "The
   * Food Standards Agency warned …" (a possessive owner is no subject).
   */
  private subjectOf(sentence: SentenceSpan): EntityRef | undefined {
    const tokens = this.tokensIn(sentence.start, sentence.end).slice(0, 5);
    const lead = tokens.findIndex(
      (t) => !['but', 'and', 'yet', 'still', 'so', 'then', 'now', 'the'].includes(t.key),
    );
    const first = tokens[lead];
    if (!first) return undefined;
    const mention = this.input.mentions.find((m) => m.start === first.start);
    if (!mention || /^['’]/u.test(this.input.text.slice(mention.end, mention.end + 1)))
      return undefined;
    return mention.ref;
  }

  /** The subject of the sentence before the one holding `at`, in the same paragraph. */
  private previousSubject(at: number, paragraph: Paragraph): EntityRef | undefined {
    const sentences = sentencesOf(this.input.text);
    const index = sentences.findIndex((s) => s.start <= at && at < s.end);
    const previous = sentences[index - 1];
    if (!previous || previous.start < paragraph.start) return undefined;
    return this.subjectOf(previous);
  }

  /** The subject of a paragraph's last sentence. */
  private lastSubject(paragraph: Paragraph): EntityRef | undefined {
    const sentences = sentencesOf(this.input.text);
    const last = sentences.findLast((s) => s.start >= paragraph.start && s.end <= paragraph.end);
    return last ? this.subjectOf(last) : undefined;
  }

  /** The organization of the article whose name contains `head` ("ministry" → Russian Defense Ministry), if only one. */
  private resolveOrgNoun(head: string, before: number): Resolution {
    const refs = uniqueRefs(
      this.input.mentions
        .filter((m) => m.start < before)
        .map((m) => m.ref)
        .filter((ref) => {
          const info = this.input.info(ref);
          return (
            info?.kind === 'organization' && info.name.toLowerCase().split(/\s+/).includes(head)
          );
        }),
    );
    if (refs.length === 1)
      return {
        kind: 'speaker',
        ref: refs[0] as EntityRef,
        how: `"the ${head}" is the one ${head} named before`,
      };
    return {
      kind: 'blank',
      reason: 'unresolved-speaker',
      detail: `"the ${head}" is ${refs.length === 0 ? 'not named in the article' : 'ambiguous'}`,
    };
  }

  /** Resolves a speaker phrase [start, end) of the text. Undefined when it holds nothing that could speak. */
  private resolvePhrase(start: number, end: number): Resolution | undefined {
    const tokens = this.tokensIn(start, end).filter((t) => this.quoted[t.start] !== 1);
    if (tokens.length === 0) return undefined;
    // "Smith’s spokeswoman": the owner is not the speaker; nor is "Facebook" of "a Facebook page".
    const mentions = this.mentionsIn(start, end).filter(
      (m) =>
        !(/^['’]s?\s+\p{L}/u.test(this.input.text.slice(m.end, m.end + 4)) && m.end < end) &&
        !this.modifiesNoun(m, tokens),
    );
    const people = mentions.filter((m) => this.input.info(m.ref)?.kind === 'person');
    // "Smith and Jones said": two speakers, not one.
    const distinct = uniqueRefs(people.map((m) => m.ref));
    if (
      distinct.length > 1 &&
      /\band\b|&/u.test(
        this.input.text.slice(people[0]?.end ?? start, people[people.length - 1]?.start ?? end),
      )
    )
      return {
        kind: 'blank',
        reason: 'conflicting-attributions',
        detail: 'more than one person speaks',
      };
    const lastPerson = people[people.length - 1];
    if (lastPerson) return { kind: 'speaker', ref: lastPerson.ref, how: 'named' };
    const last = tokens[tokens.length - 1] as Token;
    // "Russia’s ministry", "the ministry": a common noun for an organization named elsewhere.
    if (ORG_HEAD_NOUNS.has(last.key) && !last.capitalised)
      return this.resolveOrgNoun(last.key, start);
    const orgs = mentions.filter((m) => this.input.info(m.ref)?.kind === 'organization');
    const lastOrg = orgs[orgs.length - 1];
    if (lastOrg) return { kind: 'speaker', ref: lastOrg.ref, how: 'named' };
    const pronoun = tokens.find((t) => PRONOUNS.has(t.key));
    if (pronoun && tokens.length <= 2) return this.resolvePronoun(pronoun.key, pronoun.start);
    if (tokens.some((t) => GROUP_WORDS.has(t.key)))
      return {
        kind: 'blank',
        reason: 'group-speaker',
        detail: `"${this.input.text.slice(start, end).trim()}" names no one`,
      };
    if (mentions.length > 0)
      return {
        kind: 'blank',
        reason: 'unresolved-speaker',
        detail: 'the speaker named is a place',
      };
    if (tokens.some((t) => t.capitalised))
      return {
        kind: 'blank',
        reason: 'unresolved-speaker',
        detail: `"${this.input.text.slice(start, end).trim()}" is not a known or new entity`,
      };
    return undefined;
  }

  /** Words before `at` in the sentence, back to a clause boundary; skips an appositive between commas. */
  private subjectBefore(sentence: SentenceSpan, cue: Token): Resolution | undefined {
    const tokens = this.tokensIn(sentence.start, cue.start).filter(
      (t) => this.quoted[t.start] !== 1,
    );
    let i = tokens.length - 1;
    while (
      i >= 0 &&
      (CUE_ADVERBS.has((tokens[i] as Token).key) || /ly$/u.test((tokens[i] as Token).key))
    )
      i--;
    const endOf = (k: number) => (tokens[k] as Token).end;
    const chunk = (fromIndex: number): number => {
      let k = fromIndex;
      while (k > 0) {
        const previous = tokens[k - 1] as Token;
        const gap = this.input.text.slice(previous.end, (tokens[k] as Token).start);
        // "Committee on Intelligence and Security said": a name's own "and" is no clause boundary.
        const inName = this.sameMention(previous.start, (tokens[k] as Token).start);
        if (
          /[,;:.!?”"“()—–]/u.test(gap.replace(/^['’]s/u, '')) ||
          (STOP_BEFORE.has(previous.key) && !inName) ||
          this.quoted[previous.end] === 1
        )
          break;
        k--;
      }
      return k;
    };
    if (i < 0) return undefined;
    const first = chunk(i);
    const phrase = this.resolvePhrase((tokens[first] as Token).start, endOf(i));
    // "Warner and Kaine said": the clause boundary "and" joins a second speaker.
    const joiner = tokens[first - 1];
    if (phrase?.kind === 'speaker' && joiner && (joiner.key === 'and' || joiner.text === '&')) {
      const other = this.input.mentions.find(
        (m) =>
          m.end <= joiner.start &&
          m.end >= joiner.start - 2 &&
          this.input.info(m.ref)?.kind === 'person',
      );
      if (other)
        return {
          kind: 'blank',
          reason: 'conflicting-attributions',
          detail: 'more than one person speaks',
        };
    }
    if (phrase?.kind === 'speaker') return phrase;
    // "Eric Reeves, one of the leading voices on Sudan, said": the appositive names a role; the speaker precedes it.
    const gapBefore =
      first > 0
        ? this.input.text.slice((tokens[first - 1] as Token).end, (tokens[first] as Token).start)
        : '';
    if (
      first > 0 &&
      /^\s*,\s*$/u.test(gapBefore) &&
      /,\s*$/u.test(this.input.text.slice(endOf(i), cue.start))
    ) {
      const before = first - 1;
      const start = chunk(before);
      const named = this.resolvePhrase((tokens[start] as Token).start, endOf(before));
      if (named) return named;
    }
    return phrase;
  }

  private subjectAfter(sentence: SentenceSpan, cue: Token): Resolution | undefined {
    const tokens = this.tokensIn(cue.end, sentence.end);
    let i = 0;
    while (i < tokens.length && CUE_ADVERBS.has((tokens[i] as Token).key)) i++;
    const from = i;
    while (i < tokens.length) {
      const token = tokens[i] as Token;
      if (this.quoted[token.start] === 1 || STOP_AFTER.has(token.key)) break;
      const previous = tokens[i - 1];
      if (
        i > from &&
        previous &&
        /[,;:.!?”"“()—–]/u.test(
          this.input.text.slice(previous.end, token.start).replace(/^['’]s/u, ''),
        )
      )
        break;
      i++;
    }
    if (i === from) return undefined;
    const phrase = this.resolvePhrase((tokens[from] as Token).start, (tokens[i - 1] as Token).end);
    if (phrase?.kind === 'speaker') return phrase;
    // "said a spokesman, John Kirby": the name after the comma is the speaker.
    const next = tokens[i];
    const previous = tokens[i - 1] as Token;
    if (next && /^,\s*$/u.test(this.input.text.slice(previous.end, next.start))) {
      const named = this.input.mentions.find((m) => m.start === next.start);
      if (named && this.input.info(named.ref)?.kind === 'person')
        return { kind: 'speaker', ref: named.ref, how: 'named after a comma' };
    }
    return phrase;
  }

  /**
   * The sentence, joined with its neighbours where the shared splitter ended it after a middle
   * initial: "said William G." + "Gale, a senior fellow …" is one attribution. (The splitter itself
   * stays as it is: saved evidence spans depend on it.)
   */
  private widen(sentence: SentenceSpan): SentenceSpan {
    const { text } = this.input;
    const sentences = sentencesOf(text);
    let index = sentences.findIndex((s) => s.start === sentence.start);
    if (index < 0) return sentence;
    let { start, end } = sentence;
    const endsWithInitial = (s: SentenceSpan) =>
      INITIAL_END.test(text.slice(Math.max(s.start, s.end - 4), s.end));
    const joined = (a: SentenceSpan, b: SentenceSpan) =>
      /^[ \u00a0]+$/u.test(text.slice(a.end, b.start));
    for (let k = index; k + 1 < sentences.length; k++) {
      const current = sentences[k] as SentenceSpan;
      const next = sentences[k + 1] as SentenceSpan;
      if (!endsWithInitial(current) || !joined(current, next)) break;
      end = next.end;
    }
    for (; index > 0; index--) {
      const previous = sentences[index - 1] as SentenceSpan;
      const current = sentences[index] as SentenceSpan;
      if (!endsWithInitial(previous) || !joined(previous, current)) break;
      start = previous.start;
    }
    return { start, end };
  }

  /** Rule 1: an attribution right after the quotation's closing mark. */
  private after(narrow: SentenceSpan, quoteEnd: number): Resolution | undefined {
    const sentence = this.widen(narrow);
    const tokens = this.tokensIn(quoteEnd, sentence.end);
    // “…” — Jane Doe: a dash then the name, as magazines and epigraphs attribute.
    const firstAfter = tokens[0];
    if (
      firstAfter &&
      /^[^\p{L}\p{N}]*[—–]\s*$/u.test(this.input.text.slice(quoteEnd, firstAfter.start))
    ) {
      const named = this.input.mentions.find((m) => m.start === firstAfter.start);
      if (named && this.input.info(named.ref)?.kind === 'person')
        return { kind: 'speaker', ref: named.ref, how: 'named after a dash' };
    }
    const limit = Math.min(tokens.length, 16);
    for (let i = 0; i < limit; i++) {
      const token = tokens[i] as Token;
      if (this.quoted[token.start] === 1) return undefined;
      if (!isCueAt(tokens, i)) continue;
      const between = this.input.text.slice(quoteEnd, token.start);
      if (
        /[.!?;]/u.test(
          between
            .replace(/\b(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Prof|Jr|Sr)\./gu, '')
            .replace(/\b\p{Lu}\./gu, ''),
        )
      )
        return undefined;
      if (i === 0 || (i <= 2 && tokens.slice(0, i).every((t) => CUE_ADVERBS.has(t.key))))
        return this.subjectAfter(sentence, token);
      return this.subjectBefore(sentence, token);
    }
    return undefined;
  }

  /** Rule 2: the last attribution verb before the quotation in its sentence. */
  private before(narrow: SentenceSpan, quoteStart: number): Resolution | undefined {
    const sentence = this.widen(narrow);
    const tokens = this.tokensIn(sentence.start, quoteStart).filter(
      (t) => this.quoted[t.start] !== 1,
    );
    for (let i = tokens.length - 1; i >= 0; i--) {
      const token = tokens[i] as Token;
      if (!isCueAt(tokens, i)) continue;
      return this.subjectBefore(sentence, token) ?? this.subjectAfter(sentence, token);
    }
    // "Mr Obama on race: “…”": a colon introducing the quote after a clause naming one person.
    if (/:\s*$/u.test(this.input.text.slice(sentence.start, quoteStart))) {
      const people = uniqueRefs(
        this.mentionsIn(sentence.start, quoteStart)
          .filter((m) => !/^['’]/u.test(this.input.text.slice(m.end, m.end + 1)))
          .filter((m) => this.input.info(m.ref)?.kind === 'person')
          .map((m) => m.ref),
      );
      if (people.length === 1)
        return {
          kind: 'speaker',
          ref: people[0] as EntityRef,
          how: 'the one person named before a colon',
        };
    }
    return undefined;
  }

  /** Rule 3: "according to X". */
  private accordingTo(narrow: SentenceSpan): Resolution | undefined {
    const sentence = this.widen(narrow);
    const tokens = this.tokensIn(sentence.start, sentence.end);
    for (let i = 0; i + 2 < tokens.length; i++) {
      if ((tokens[i] as Token).key !== 'according' || (tokens[i + 1] as Token).key !== 'to')
        continue;
      if (this.quoted[(tokens[i] as Token).start] === 1) continue;
      let end = i + 2;
      while (
        end < tokens.length &&
        !/[,;.!?”"“]/u.test(
          this.input.text.slice((tokens[end - 1] as Token).end, (tokens[end] as Token).start),
        ) &&
        this.quoted[(tokens[end] as Token).start] !== 1
      )
        end++;
      return this.resolvePhrase((tokens[i + 2] as Token).start, (tokens[end - 1] as Token).end);
    }
    return undefined;
  }

  /**
   * True if the previous speaker still holds the floor at `to`: no heading, and no other person (or
   * organization, for an organization's quote) named outside quotes since their quotation ended at `from`.
   */
  private holdsTheFloor(speaker: EntityRef, from: number, to: number): boolean {
    const { paragraphs } = this.input;
    if (paragraphs.some((p) => p.heading && p.start > from && p.start < to)) return false;
    // Organizations are named in a speaker's titles ("a senior fellow at Harvard University"): only
    // another of the speaker's own kind takes the floor.
    const kind = this.input.info(speaker)?.kind;
    return this.mentionsIn(from, to).every(
      (m) =>
        this.input.info(m.ref)?.kind !== kind ||
        this.tentative(m.ref) ||
        (m.ref.source === speaker.source && m.ref.id === speaker.id),
    );
  }

  /** True if nothing but punctuation stands outside the quotation's passages in [start, end). */
  private onlyQuoted(start: number, end: number): boolean {
    for (let i = start; i < end; i++) {
      if (this.quoted[i] === 1) continue;
      if (/[\p{L}\p{N}]/u.test(this.input.text[i] ?? '')) return false;
    }
    return true;
  }

  /** "… Fares have increased …" quoted again later: the speaker of the earlier quotation that holds these words. */
  private repeats(
    quotation: Quotation,
    said: readonly { words: string; ref: EntityRef }[],
  ): EntityRef | undefined {
    const words = quoteWords(this.input.text, quotation);
    if (words.split(' ').length < 4) return undefined;
    const refs = uniqueRefs(said.filter((s) => s.words.includes(words)).map((s) => s.ref));
    return refs.length === 1 ? refs[0] : undefined;
  }

  /**
   * “Charles Schultze, chairman of the council, once summed up the danger with a metaphor. “It’s not
   * so much …”": a quotation standing alone right after a sentence of its paragraph whose subject is
   * the one person it names.
   */
  private introducedBy(sentence: SentenceSpan, paragraph: Paragraph): EntityRef | undefined {
    const sentences = sentencesOf(this.input.text);
    const index = sentences.findIndex((s) => s.start === sentence.start);
    const previous = sentences[index - 1];
    if (!previous || previous.start < paragraph.start) return undefined;
    if (!/[.:]$/u.test(this.input.text.slice(previous.start, previous.end))) return undefined;
    const subject = this.subjectOf(previous);
    if (!subject || this.input.info(subject)?.kind !== 'person' || this.tentative(subject))
      return undefined;
    const people = uniqueRefs(
      this.mentionsIn(previous.start, previous.end)
        .filter((m) => this.input.info(m.ref)?.kind === 'person' && !this.tentative(m.ref))
        .map((m) => m.ref),
    );
    return people.length === 1 && sameRef(people[0] as EntityRef, subject) ? subject : undefined;
  }

  attribute(quotations: readonly Quotation[]): Attribution[] {
    const out: Attribution[] = [];
    let previous: { ref: EntityRef | undefined; paragraph: number; end: number } | undefined;
    const said: { words: string; ref: EntityRef }[] = [];
    for (const quotation of quotations) {
      const first = quotation.parts[0];
      const last = quotation.parts[quotation.parts.length - 1] ?? first;
      const found: Resolution[] = [];
      const push = (resolution: Resolution | undefined) => {
        if (resolution) found.push(resolution);
      };
      push(this.after(last.sentence, last.end + 1));
      push(this.before(first.sentence, first.start - 1));
      if (quotation.parts.length > 1)
        for (const part of quotation.parts.slice(0, -1))
          push(this.after(part.sentence, part.end + 1));
      if (found.length === 0) {
        push(this.accordingTo(last.sentence));
        if (first.sentence.start !== last.sentence.start) push(this.accordingTo(first.sentence));
      }
      const speakers = uniqueRefs(found.flatMap((r) => (r.kind === 'speaker' ? [r.ref] : [])));
      let attribution: Attribution;
      if (speakers.length > 1) {
        attribution = {
          status: 'blank',
          reason: 'conflicting-attributions',
          detail: 'the sentence attributes it to more than one speaker',
        };
      } else if (speakers.length === 1) {
        const resolution = found.find((r) => r.kind === 'speaker') as Extract<
          Resolution,
          { kind: 'speaker' }
        >;
        attribution = {
          status: 'attributed',
          speaker: speakers[0] as EntityRef,
          how: resolution.how,
        };
      } else if (found.length > 0) {
        const blank = found[0] as Extract<Resolution, { kind: 'blank' }>;
        attribution = { status: 'blank', reason: blank.reason, detail: blank.detail };
      } else {
        const paragraph = this.input.paragraphs[first.paragraph] as Paragraph;
        const standsAlone =
          this.onlyQuoted(first.sentence.start, last.sentence.end) ||
          this.onlyQuoted(paragraph.start, paragraph.end);
        const continues =
          standsAlone &&
          previous?.ref !== undefined &&
          first.paragraph - previous.paragraph <= 2 &&
          this.holdsTheFloor(previous.ref, previous.end, first.start);
        const repeated = this.repeats(quotation, said);
        const introduced = standsAlone ? this.introducedBy(first.sentence, paragraph) : undefined;
        attribution =
          continues && previous?.ref
            ? {
                status: 'attributed',
                speaker: previous.ref,
                how: "continues the previous quotation's speaker",
              }
            : repeated
              ? { status: 'attributed', speaker: repeated, how: 'repeats an earlier quotation' }
              : introduced
                ? {
                    status: 'attributed',
                    speaker: introduced,
                    how: 'the one person the sentence before is about',
                  }
                : {
                    status: 'blank',
                    reason: 'no-attribution',
                    detail: 'no attribution found near the quotation',
                  };
      }
      out.push(attribution);
      const ref = attribution.status === 'attributed' ? attribution.speaker : undefined;
      if (ref) said.push({ words: quoteWords(this.input.text, quotation), ref });
      previous = { ref, paragraph: last.paragraph, end: last.end };
      if (ref) {
        this.bySpeaker.set(last.paragraph, ref);
        this.spoke.add(`${ref.source}:${ref.id}`);
      }
    }
    return out;
  }
}

/** A quotation's words, lowercase, letters and digits only, one space apart: for finding a quotation repeated. */
function quoteWords(text: string, quotation: Quotation): string {
  const words = quotation.parts
    .map((part) => text.slice(part.start, part.end))
    .join(' ')
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu);
  return ` ${(words ?? []).join(' ')} `;
}

function sameRef(a: EntityRef, b: EntityRef): boolean {
  return a.source === b.source && a.id === b.id;
}

function uniqueRefs(refs: readonly EntityRef[]): EntityRef[] {
  const seen = new Set<string>();
  const out: EntityRef[] = [];
  for (const ref of refs) {
    const key = `${ref.source}:${ref.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(ref);
  }
  return out;
}

/** The attribution of each quotation, in order. */
export function attributeQuotations(
  input: AttributionInput,
  quotations: readonly Quotation[],
): Attribution[] {
  return new Attributor(input).attribute(quotations);
}
