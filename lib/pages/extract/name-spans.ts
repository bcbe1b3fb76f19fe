// Turns a paragraph's capitalised runs into name spans: titles stripped into roles, ordinary words dropped, clues about each name noted.
//
// Rules, from how English news is written (the runs themselves come from capitalised-runs.ts):
// - English capitalises any word that starts a sentence or a quotation: such a first word is
//   dropped when it is an ordinary word (listed, tagged so by compromise, or written in lowercase
//   elsewhere in the article): "Among", "Rescue crews", "Officials".
// - A leading title is the role, not the name (titles.ts): "British Prime Minister Keir Starmer"
//   is Keir Starmer, role "British Prime Minister"; "Mr. Warner" is Warner, a man; a lowercase job
//   noun right before a name ends a role too: "White House press secretary Karoline Leavitt".
// - Words never names: pronouns, weekdays, months, demonyms ("Russian", "Ukrainians").
// - What the words say (a country, "University", "Ministry of …", a first name) and what the
//   neighbours say ("in …", "… district", "…, 21,", "… group") become ballots; link-names.ts adds
//   them up over every mention of an entity before deciding its kind.
import { adjacent, capitalisedRuns, lastKey } from './capitalised-runs';
import { CUE_VERBS } from './cue-verbs';
import { gazetteerKind, isDemonymWord } from './gazetteer';
import { type KnownSpan, voteAlongLists } from './lists';
import {
  GENDERED_TITLES,
  HONORIFICS,
  isTitleHead,
  NAME_PARTICLES,
  NEVER_NAMES,
  ORDINARY_STARTERS,
  ORG_JOINERS,
  ORG_LEADS,
  ORG_NOUNS_AFTER,
  ORG_POSSESSIONS,
  ORG_SPOKES,
  ORG_TAILS,
  ORG_VERBS,
  PLACE_CUES,
  PLACE_LEADS,
  PLACE_NOUNS_AFTER,
  PLACE_OF,
  PLACE_TAILS,
  TITLE_MODIFIERS,
} from './name-words';
import { hasTag, isCommonWord, isDemonym, lexiconTags, type TagIndex } from './nlp-tags';
import { lowercaseRoleBefore, personShaped, titleEnd } from './titles';
import type { Token } from './tokens';
import type { EntityKind } from './types';

export type Gender = 'male' | 'female';
export type Votes = Record<EntityKind, number>;

/** One clue: the kind it points to, how strongly, and the reason shown to the reviewer. */
export interface Ballot {
  readonly kind: EntityKind;
  readonly weight: number;
  readonly reason: string;
}

/** The span's own votes per kind. */
export function votesOf(ballots: readonly Ballot[]): Votes {
  const votes: Votes = { person: 0, organization: 0, place: 0 };
  for (const ballot of ballots) votes[ballot.kind] += ballot.weight;
  return votes;
}

/** One mention of a possible new entity. */
export interface NameSpan {
  readonly start: number;
  readonly end: number;
  readonly name: string;
  readonly tokens: readonly Token[];
  /** A title or job before the name, verbatim ("British Prime Minister"). */
  readonly role:
    | { readonly text: string; readonly start: number; readonly end: number }
    | undefined;
  readonly gender: Gender | undefined;
  /** What each clue says this mention is; link-names.ts adds them up over the entity's mentions. */
  readonly ballots: Ballot[];
  /** The name as written with a capitalised "The" before it, when it was. */
  readonly withArticle?: string;
}

/** What the rules need to know about the text around a paragraph. */
export interface SpanContext {
  readonly text: string;
  readonly tags: TagIndex;
  /** Lowercase words the article writes in lowercase somewhere. */
  readonly lowercaseWords: ReadonlySet<string>;
  /** Words the article capitalises inside a sentence ("Rice" in "Condoleezza Rice"): names even first in a sentence. */
  readonly nameWords: ReadonlySet<string>;
  /** True for offsets inside a dictionary entity's match: known names win over new ones. */
  readonly isKnown: (start: number, end: number) => boolean;
  /** The dictionary entities' mentions with their kinds, in text order (for lists, lists.ts). */
  readonly known?: readonly KnownSpan[];
}

const PERSON_TAGS = ['FirstName', 'MaleName', 'FemaleName'];
/** The reason of the fallback vote for a person (link-names.ts discounts it against other clues). */
export const TWO_WORDS = 'two or more capitalised words';
/** Words before a title that say when or how someone holds it, not whose it is ("Former", "Acting"). */
const ROLE_QUALIFIERS = new Set([
  'former',
  'acting',
  'interim',
  'deputy',
  'then',
  'outgoing',
  'incoming',
  'retired',
  'late',
  'vice',
  'assistant',
]);
/** Organization head words that, before a title, are part of the job: "White House Press Secretary". */
const NOT_ORG_IN_TITLE = new Set(['press']);
const PLACE_TAGS = ['Place', 'Country', 'City', 'Region'];

function isOrdinaryWord(token: Token, context: SpanContext): boolean {
  if (ORDINARY_STARTERS.has(token.key)) return true;
  if (context.nameWords.has(token.text)) return false;
  if (gazetteerKind(token.text)) return false;
  const tags = context.tags.get(token.start);
  if (
    tags &&
    ['Person', 'Place', 'Organization', 'Country', 'City', 'FirstName'].some((t) => tags.has(t))
  )
    return false;
  if (context.lowercaseWords.has(token.key)) return true;
  if (
    tags &&
    [
      'Verb',
      'Adverb',
      'Determiner',
      'Preposition',
      'Conjunction',
      'Pronoun',
      'QuestionWord',
      'Value',
      'Date',
    ].some((t) => tags.has(t))
  )
    return true;
  if (/ly$/u.test(token.key) && !tags?.has('ProperNoun')) return true;
  return isCommonWord(token.key) && !lexiconTags(token.key).includes('Demonym');
}

/** Jobs whose holders are "at" an organization: "a senior fellow at …", "an economist at …". */
const AFFILIATED_JOBS = new Set([
  'fellow',
  'professor',
  'economist',
  'researcher',
  'scientist',
  'analyst',
  'director',
  'executive',
  'manager',
  'lawyer',
  'partner',
  'lecturer',
  'dean',
  'engineer',
  'employee',
  'staffer',
  'strategist',
  'editor',
  'reporter',
  'correspondent',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'official',
  'officials',
  'teacher',
  'student',
  'students',
  'technologist',
  'historian',
  'expert',
]);
/** Jobs whose holders write "for" a publication: "a writer for …". */
const MEDIA_JOBS = new Set([
  'writer',
  'reporter',
  'correspondent',
  'columnist',
  'editor',
  'contributor',
  'critic',
  'photographer',
]);
/** Nouns after a name that settle what it is: "the Obama administration", "the Likud party", "Vulture magazine". */
const STRONG_NOUNS_AFTER = new Set([
  'administration',
  'party',
  'magazine',
  'newspaper',
  'foundation',
]);
/** A website's address used as its name: "Snopes.com", "Amazon.co.uk". */
const WEB_ADDRESS = /^\p{Lu}[\p{L}\p{N}-]*\.(?:com|org|net|io|gov|edu|co\.uk|co)$/u;

/**
 * The two words before a run, skipping "the": for "a senior fellow at the Urban Institute" the
 * preposition "at" and the job "fellow", each joined to the next by one space.
 */
function wordsBefore(
  tokens: readonly Token[],
  runIndex: number,
  text: string,
): [Token | undefined, Token | undefined] {
  let k = runIndex - 1;
  const joined = (a: Token | undefined, b: Token | undefined) =>
    a !== undefined && b !== undefined && text.slice(a.end, b.start) === ' ';
  if (tokens[k]?.key === 'the' && joined(tokens[k], tokens[k + 1])) k--;
  const prep = tokens[k];
  const job = tokens[k - 1];
  if (!joined(prep, tokens[k + 1]) || !joined(job, prep) || job?.capitalised)
    return [prep, undefined];
  return [prep, job];
}

/** Every name span of a body paragraph `[from, to)` of the context's text. */
export function findNameSpans(tokens: readonly Token[], context: SpanContext): NameSpan[] {
  const { text, tags } = context;
  const out: NameSpan[] = [];
  const indexOf = new Map(tokens.map((token, i) => [token.start, i]));
  const knownAt = (index: number) => {
    const token = tokens[index];
    return token !== undefined && context.isKnown(token.start, token.end);
  };
  for (let run of capitalisedRuns(tokens, context.text, context.isKnown)) {
    const runStart = indexOf.get((run[0] as Token).start) ?? 0;
    const runEnd = indexOf.get((run[run.length - 1] as Token).start) ?? runStart;
    const knownBefore =
      knownAt(runStart - 1) && adjacent(text, tokens[runStart - 1] as Token, run[0] as Token);
    const knownAfter =
      knownAt(runEnd + 1) &&
      adjacent(text, run[run.length - 1] as Token, tokens[runEnd + 1] as Token);
    const owner = tokens[runStart - 1];
    if (
      owner?.possessive &&
      gazetteerKind(owner.text) === 'place' &&
      /^['’]s $/u.test(text.slice(owner.end, (run[0] as Token).start)) &&
      ORG_TAILS.has(lastKey(run)) &&
      titleEnd(run, tags) < 0
    ) {
      // "Ukraine’s Air Force", "Russia’s Defense Ministry": a country's body, named with the country.
      run = [owner, ...run];
    } else if (knownBefore && (ORG_TAILS.has(lastKey(run)) || PLACE_TAILS.has(lastKey(run)))) {
      // "Kyiv School of Economics": a new organization whose name starts with a known place.
      let k = runStart - 1;
      while (k > 0 && knownAt(k - 1) && adjacent(text, tokens[k - 1] as Token, tokens[k] as Token))
        k--;
      run = [...tokens.slice(k, runStart), ...run];
    } else if ((knownBefore || knownAfter) && personShaped(run) && titleEnd(run, tags) < 0) {
      continue; // "Kaja" of "Kaja Kallas" when the dictionary knows "Kallas": the known name wins
    }
    // Sentence-initial ordinary words, then a leading article.
    // A name with its own head word keeps its first word ("Downing Street said", "Wall Street fell").
    const headed =
      run.length === 2 && (PLACE_TAILS.has(lastKey(run)) || ORG_TAILS.has(lastKey(run)));
    // "Police Chief Omar Haddad said", "Former President …": a title opening the sentence stays.
    const titled = titleEnd(run, tags) >= 0;
    while (
      run.length > 0 &&
      (run[0] as Token).sentenceInitial &&
      !(headed && !ORDINARY_STARTERS.has((run[0] as Token).key)) &&
      !(titled && !ORDINARY_STARTERS.has((run[0] as Token).key)) &&
      isOrdinaryWord(run[0] as Token, context)
    )
      run = run.slice(1);
    // "The New York Times" mid-sentence: the capital says "The" is part of how the name is written.
    const article =
      run[0]?.key === 'the' && !run[0].sentenceInitial && run[0].text === 'The'
        ? run[0]
        : undefined;
    while (run.length > 0 && ['the', 'a', 'an'].includes((run[0] as Token).key)) run = run.slice(1);
    while (run.length > 0 && NEVER_NAMES.has(lastKey(run)) && run.length > 0)
      run = run.slice(0, -1);
    if (run.length === 0) continue;
    // "the Virginia Democrat", "House Republicans": a party or nationality word after a name
    // describes someone; the name before it stays ("Virginia"). "South Korean" is one such word.
    if (run.length > 1) {
      const whole = text.slice((run[0] as Token).start, (run[run.length - 1] as Token).end);
      if (isDemonymWord(whole)) continue;
      while (run.length > 1 && isDemonym(run[run.length - 1] as Token, tags))
        run = run.slice(0, -1);
    }

    const ballots: Ballot[] = [];
    const vote = (kind: EntityKind, weight: number, reason: string) => {
      ballots.push({ kind, weight, reason });
    };
    const votes = (kind: EntityKind) =>
      ballots.reduce((sum, b) => sum + (b.kind === kind ? b.weight : 0), 0);
    let role: NameSpan['role'];
    let gender: Gender | undefined;
    let nameTokens = run;

    let cut = titleEnd(run, tags);
    // "Acme Chief Executive Tim Cook": an organization's name before the title is part of the role.
    let titleOwner: Token[] = [];
    for (let h = 1; cut < 0 && h <= 3 && h < run.length - 2; h++) {
      const sub = titleEnd(run.slice(h), tags);
      if (
        sub >= 0 &&
        personShaped(run.slice(h + sub + 1)) &&
        !HONORIFICS.has((run[h] as Token).key)
      ) {
        titleOwner = run.slice(0, h);
        cut = h + sub;
      }
    }
    if (cut >= 0 && personShaped(run.slice(cut + 1))) {
      const roleTokens = run.slice(0, cut + 1);
      nameTokens = run.slice(cut + 1);
      const titleWord = roleTokens[roleTokens.length - 1] as Token;
      const honorific = HONORIFICS.get(titleWord.key);
      gender = honorific ?? GENDERED_TITLES.get(titleWord.key);
      const onlyHonorific = roleTokens.every((token) => HONORIFICS.has(token.key));
      if (!onlyHonorific) {
        const first = roleTokens[0] as Token;
        role = {
          text: text.slice(first.start, titleWord.end),
          start: first.start,
          end: titleWord.end,
        };
      }
      vote(
        'person',
        4,
        onlyHonorific ? `addressed as "${titleWord.text}"` : `title "${titleWord.text}"`,
      );
      if (titleOwner.length > 0 && titleOwner.every((token) => !gazetteerKind(token.text))) {
        const from = titleOwner[0] as Token;
        const to = titleOwner[titleOwner.length - 1] as Token;
        out.push({
          start: from.start,
          end: to.end,
          name: text.slice(from.start, to.end),
          tokens: titleOwner,
          role: undefined,
          gender: undefined,
          ballots: [{ kind: 'organization', weight: 2, reason: `has a "${titleWord.text}"` }],
        });
      }
      // "Australian Federal Police Commissioner …", "House Intelligence Committee Chairman …": the
      // words before the title's head that end in an organization's head word name the organization.
      const head = roleTokens.findIndex((token) => isTitleHead(token.key));
      let body = head > 0 ? roleTokens.slice(0, head) : [];
      while (body.length > 0 && ROLE_QUALIFIERS.has((body[0] as Token).key)) body = body.slice(1);
      const bodyLast = body[body.length - 1];
      if (
        bodyLast &&
        body.length >= 2 &&
        ORG_TAILS.has(bodyLast.key) &&
        !NOT_ORG_IN_TITLE.has(bodyLast.key) &&
        body.every((token) => token.capitalised && !token.possessive)
      ) {
        const from = body[0] as Token;
        out.push({
          start: from.start,
          end: bodyLast.end,
          name: text.slice(from.start, bodyLast.end),
          tokens: body,
          role: undefined,
          gender: undefined,
          ballots: [
            {
              kind: 'organization',
              weight: 3,
              reason: `has a "${(roleTokens[head] as Token).text}"`,
            },
          ],
        });
      }
      // Entities inside the role: "U.S. President …" names the United States.
      for (const token of roleTokens) {
        const kind = gazetteerKind(token.text);
        if (kind && !token.possessive)
          out.push({
            start: token.start,
            end: token.end,
            name: token.text,
            tokens: [token],
            role: undefined,
            gender: undefined,
            ballots: [{ kind, weight: 4, reason: 'in the gazetteer' }],
          });
      }
    } else if (
      run.some((token) => isTitleHead(token.key) || HONORIFICS.has(token.key)) &&
      run.every(
        (token) =>
          isTitleHead(token.key) || TITLE_MODIFIERS.has(token.key) || HONORIFICS.has(token.key),
      )
    ) {
      continue; // a title with no name ("the President said")
    }
    if (nameTokens.length === 1) {
      const only = nameTokens[0] as Token;
      if (NEVER_NAMES.has(only.key) || isDemonym(only, tags)) continue;
      if (only.text.length === 1) continue;
    }
    if (nameTokens.every((token) => isDemonym(token, tags) || NEVER_NAMES.has(token.key))) continue;

    const first = nameTokens[0] as Token;
    const last = nameTokens[nameTokens.length - 1] as Token;
    const name = text.slice(first.start, last.end);
    const runIndex = indexOf.get(run[0]?.start ?? -1) ?? 0;
    const lastIndex = indexOf.get(last.start) ?? runIndex;

    // What the name itself says.
    const gazetteer = gazetteerKind(name);
    if (gazetteer) {
      vote(gazetteer, 4, 'in the gazetteer');
    }
    // A head word alone ("the Council", "the Ministry") is generic; it may still join a full name (link-names.ts).
    if (nameTokens.length > 1) {
      const lead = nameTokens.find(
        (token, i) => ORG_LEADS.has(token.key) && ORG_JOINERS.has(nameTokens[i + 1]?.text ?? ''),
      );
      if (ORG_TAILS.has(last.key) || lead) {
        vote(
          'organization',
          3,
          `organization word "${ORG_TAILS.has(last.key) ? last.text : lead?.text}"`,
        );
      }
      if (PLACE_TAILS.has(last.key) || (nameTokens.length > 1 && PLACE_LEADS.has(first.key))) {
        vote('place', 3, `place word "${PLACE_TAILS.has(last.key) ? last.text : first.text}"`);
      }
    }
    if (
      first.allCaps &&
      nameTokens.length === 1 &&
      !gazetteer &&
      first.text.replace(/[^\p{L}]/gu, '').length <= 6
    ) {
      // Two letters are often something else ("AP" style codes, "PM"); three to six rarely are.
      vote('organization', first.text.replace(/[^\p{L}]/gu, '').length >= 3 ? 2 : 1, 'an acronym');
    }
    if (hasTag(tags, first, PERSON_TAGS) && nameTokens.length > 1 && !gazetteer) {
      vote('person', 2, `"${first.text}" is a first name`);
    } else if (
      nameTokens.some((token) => hasTag(tags, token, ['Person', 'LastName'])) &&
      !gazetteer
    ) {
      vote('person', 1, 'tagged as a person');
    }
    if (
      nameTokens.every(
        (token) =>
          hasTag(tags, token, PLACE_TAGS) ||
          NAME_PARTICLES.has(token.text) ||
          ORG_JOINERS.has(token.text),
      )
    ) {
      // compromise's place tags come from its word list of countries, cities and regions: reliable.
      vote('place', 3, 'tagged as a place');
    }
    if (nameTokens.some((token) => hasTag(tags, token, ['Organization']))) {
      // Not 3 like places: compromise also guesses organizations from endings ("… oil").
      vote('organization', 2, 'tagged as an organization');
    }
    if (gender === undefined && hasTag(tags, first, ['MaleName'])) gender = 'male';
    if (gender === undefined && hasTag(tags, first, ['FemaleName'])) gender = 'female';

    // What the neighbours say.
    const before = tokens[runIndex - 1];
    const beforeTwo = tokens[runIndex - 2];
    const joinedBefore =
      before !== undefined && text.slice(before.end, run[0]?.start).trim() === '';
    if (joinedBefore && before && PLACE_CUES.has(before.key)) {
      vote('place', PLACE_CUES.get(before.key) ?? 1, `after "${before.text}"`);
    }
    // "a senior fellow at the Urban Institute", "an economist at Harvard", "a writer for Vulture":
    // where people with such jobs work is an organization.
    const [prep, job] = wordsBefore(tokens, runIndex, text);
    if (
      prep &&
      job &&
      cut < 0 &&
      ((prep.key === 'at' && AFFILIATED_JOBS.has(job.key)) ||
        (prep.key === 'for' && MEDIA_JOBS.has(job.key)))
    ) {
      vote('organization', 3, `after "${job.text} ${prep.text}"`);
    }
    // "the city of Dunedin", "north of Kyiv": the words before say it is a place.
    if (
      joinedBefore &&
      before?.key === 'of' &&
      beforeTwo &&
      PLACE_OF.has(beforeTwo.key) &&
      text.slice(beforeTwo.end, before.start) === ' '
    ) {
      vote('place', 4, `after "${beforeTwo.text} of"`);
    }
    // "Springfield, Illinois", "Dunedin, New Zealand": a place named with the larger place it is in.
    const comma = text.slice(last.end, last.end + 2);
    const larger = tokens[lastIndex + 1];
    if (!last.possessive && comma === ', ' && larger && larger.start === last.end + 2) {
      const largerName =
        /^\p{Lu}[\p{L}.’'-]*(?: \p{Lu}[\p{L}.’'-]*){0,3}/u.exec(
          text.slice(larger.start, larger.start + 60),
        )?.[0] ?? '';
      const words = largerName.split(' ');
      for (let n = words.length; n > 0; n--) {
        if (gazetteerKind(words.slice(0, n).join(' ')) === 'place') {
          vote('place', 3, `followed by ", ${words.slice(0, n).join(' ')}"`);
          break;
        }
      }
    }
    // "Amazon's chief executive", "Mozilla’s board": what a company has.
    const owned = tokens[lastIndex + 1];
    const chiefExecutive = owned?.key === 'chief' && tokens[lastIndex + 2]?.key === 'executive';
    if (
      last.possessive &&
      owned &&
      !owned.capitalised &&
      (ORG_POSSESSIONS.has(owned.key) || chiefExecutive)
    ) {
      vote('organization', 3, `its "${owned.text}"`);
    }
    // "… district", "… oil refineries", "… group", "… administration": the noun after says what it names.
    let nounAfter: { kind: EntityKind; weight: number; plural: boolean } | undefined;
    let nameEnd = last.end;
    for (let k = 1; k <= 2 && !last.possessive; k++) {
      const after = tokens[lastIndex + k];
      const previous = tokens[lastIndex + k - 1] as Token;
      if (!after || after.capitalised || text.slice(previous.end, after.start) !== ' ') break;
      const kind = PLACE_NOUNS_AFTER.has(after.key)
        ? 'place'
        : ORG_NOUNS_AFTER.has(after.key)
          ? 'organization'
          : undefined;
      if (kind) {
        nounAfter = {
          kind,
          weight: kind === 'place' || STRONG_NOUNS_AFTER.has(after.key) ? 3 : 2,
          plural: /s$/u.test(after.key),
        };
        vote(kind, nounAfter.weight, `followed by "${text.slice(last.end, after.end).trim()}"`);
        if (k === 1 && after.key === 'administration') nameEnd = after.end;
        break;
      }
      if (previous.possessive || after.possessive) break;
    }
    // "joined Acme", "founded Nordwind", "owned by Vandelay": what people do with companies.
    const verb = tokens[runIndex - 1];
    const verbBefore = tokens[runIndex - 2];
    if (
      joinedBefore &&
      verb &&
      (ORG_VERBS.has(verb.key) ||
        (verb.key === 'by' &&
          verbBefore &&
          ['owned', 'acquired', 'bought', 'run', 'operated'].includes(verbBefore.key)) ||
        (verb.key === 'with' &&
          verbBefore &&
          /^(?:partner|merg|team)(?:s|ed|ing|e)?$/u.test(verbBefore.key)) ||
        ((verb.key === 'at' || verb.key === 'for') &&
          verbBefore &&
          /^work(?:s|ed|ing)?$/u.test(verbBefore.key)))
    ) {
      vote('organization', 2, `after "${text.slice(verbBefore?.start ?? verb.start, verb.end)}"`);
    }
    // "Snopes.com": a website named by its address.
    if (nameTokens.length === 1 && WEB_ADDRESS.test(first.text)) {
      vote('organization', 3, 'a web address');
    }
    // "Cambridge Analytica", "Houston Rockets": a place's name, then a word that is neither a place's
    // head nor a surname, names something based there ("Brooklyn Beckham" has a surname).
    if (
      nameTokens.length === 2 &&
      !gazetteer &&
      cut < 0 &&
      (gazetteerKind(first.text) === 'place' ||
        lexiconTags(first.key).some((tag) => PLACE_TAGS.includes(tag))) &&
      !hasTag(tags, first, ['Person', ...PERSON_TAGS]) &&
      !lexiconTags(first.key).some((tag) => tag === 'Person' || PERSON_TAGS.includes(tag)) &&
      !hasTag(tags, last, ['Person', 'LastName', ...PERSON_TAGS]) &&
      !PLACE_TAILS.has(last.key) &&
      !ORG_TAILS.has(last.key) &&
      !isDemonym(last, tags)
    ) {
      vote('organization', 2, `"${first.text}" is a place, "${last.text}" not a surname`);
    }
    // "Con Edison, which maintains …": "which", not "who".
    if (/^, which\b/u.test(text.slice(last.end, last.end + 8)) && !gazetteer) {
      vote('organization', 1, 'followed by ", which"');
    }
    // "with The Verge": a capitalised "The" inside a sentence mostly belongs to a publication's or a body's name.
    if (article) vote('organization', 2, 'written with "The"');
    // "Seattle-based": a place; "a Pentagon spokesman": an organization.
    if (last.modifier === 'based') {
      vote('place', 3, `"${last.text}-based"`);
    }
    const following = tokens[lastIndex + 1];
    if (
      following &&
      ORG_SPOKES.has(following.key) &&
      !last.possessive &&
      text.slice(last.end, following.start) === ' '
    ) {
      vote('organization', 2, `followed by "${following.text}"`);
    }
    // "Sophia Akylina, 21, described …": an age in commas follows a person's name.
    if (/^, \d{1,3},/u.test(text.slice(last.end, last.end + 6))) {
      vote('person', 3, 'followed by an age');
    }
    // "Jon Sopel said", "said Jon Sopel", "Eric Reeves, who …": people speak and are "who".
    if (personShaped(nameTokens) && !gazetteer && !(nameTokens.length === 1 && first.allCaps)) {
      const next = tokens[lastIndex + 1];
      const previous = tokens[runIndex - 1];
      const speaksAfter =
        next &&
        !last.possessive &&
        text.slice(last.end, next.start) === ' ' &&
        CUE_VERBS.has(next.key);
      // Inverted only after a quote or a comma: “…,” said Jane Doe / …, said Jane Doe.
      const beforeCue = previous ? tokens[runIndex - 2] : undefined;
      const speaksBefore =
        previous &&
        CUE_VERBS.has(previous.key) &&
        text.slice(previous.end, run[0]?.start) === ' ' &&
        /[,”"]\s*$/u.test(text.slice(beforeCue?.end ?? previous.start - 3, previous.start));
      if (speaksAfter || speaksBefore) {
        // Organizations speak too ("Amazon said"): a clue, not proof.
        vote('person', 1, `"${speaksAfter ? next?.text : previous?.text}" says it speaks`);
      }
      if (/^, who\b/u.test(text.slice(last.end, last.end + 6))) {
        vote('person', 2, 'followed by ", who"');
      }
    }
    if (!role && cut < 0) {
      const lowerRole = lowercaseRoleBefore(text, tokens, runIndex);
      if (lowerRole && personShaped(nameTokens)) {
        role = { text: text.slice(lowerRole.start, lowerRole.end), ...lowerRole };
        vote('person', 3, `after the job "${role.text}"`);
      }
    }
    if (
      nameTokens.length >= 2 &&
      nameTokens.length <= 4 &&
      personShaped(nameTokens) &&
      !gazetteer &&
      votes('organization') === 0 &&
      votes('place') === 0
    ) {
      vote('person', 1, TWO_WORDS);
    }
    const span: NameSpan = {
      start: first.start,
      end: nameEnd,
      name: text.slice(first.start, nameEnd),
      tokens: nameTokens,
      role,
      gender,
      ballots,
      ...(article ? { withArticle: text.slice(article.start, nameEnd) } : {}),
    };
    // "Kyiv and Vinnytsia regions", "its Afipsky and Novokuibyshevsk oil refineries": a plural noun counts for each name listed.
    if (nounAfter?.plural) {
      let next = span;
      for (let k = out.length - 1; k >= 0; k--) {
        const listed = out[k] as NameSpan;
        if (!/^(?:,| and| or|, and|, or) $/u.test(text.slice(listed.end, next.start))) break;
        listed.ballots.push({
          kind: nounAfter.kind,
          weight: nounAfter.weight,
          reason: `listed with "${span.name}"`,
        });
        next = listed;
      }
    }
    out.push(span);
  }
  out.sort((a, b) => a.start - b.start);
  const from = tokens[0]?.start ?? 0;
  const to = tokens[tokens.length - 1]?.end ?? from;
  voteAlongLists(out, context.known ?? [], text, from, to);
  return out;
}
