// Editorial rules for what a reader is shown out of context: facts that stand on their own, quote contexts in the
// source's words, events whose participants are people and organizations.
//
// Why: a card and the panel show a fact WITHOUT its sentence (issue 14). A verbatim excerpt can be true to its
// source and still misstate it: "who criticized both Putin and Zelenskyy" on Zelenskyy's card reads as if he did;
// "Russia launched 598 drones" drops "Ukraine's Air Force reported that" and states a claim as fact.
//
// The rules (each a function below, all run by standaloneIssues):
// - Subject. A fact that starts inside its sentence must start at a subject: a capitalised word, a number, or a
//   determiner that opens a noun phrase ("the", "its", "both", …). Not a relative pronoun ("who …", "which …",
//   "that …"), a subject pronoun ("it", "she"), a conjunction, a preposition or a verb ("accused …"). The test is a
//   closed list of what may open a noun phrase, not a list of verbs (verbs are an open class): a bare noun
//   ("missiles penetrated …") fails too, and the fix is to take the whole sentence. Leading "even", "also", … are skipped.
// - Attribution. The sentence's report frames are found: a speech or report verb (said, told, warned, reported,
//   accused, …; "signals/shows that"; "called … “…”"; "according to"), with its speaker before it ("Starmer
//   accused …", "officials reported that …") or after a comma or closing quotation mark ("…, officials said",
//   "“…,” said Kaja Kallas"). What the frame reports is the rest of the sentence after the verb, or, for a frame
//   after a comma or quotation, the sentence before it. A fact that takes any of the reported words must also
//   take the verb; a fact that starts at the verb has lost its speaker (the subject rule says so).
// - Says something. A fact that lies wholly inside a frame ("Ukrainian President Volodymyr Zelenskyy said in a
//   statement") says who spoke and nothing else.
// - Conditions. A fact that takes part of an "if"/"unless" clause (or a clause-initial "when") must take the main
//   clause it conditions, and the other way round: "the U.S. may announce new steps" without "if Putin continues
//   stalling" states a threat as a plan.
// - Quote contexts are the source's words: verbatim in the quote's evidence sentence (no editor's notes).
// - Events: participants are people and organizations, `where` lists places (by the entities' kinds).
//
// Where they run, and why not in parseDataset: parseDataset (validate.ts) gates more than new files — it reads
// every backup and every dataset an earlier release stored (lib/background/store/migrate.ts sets aside the ones that
// fail), and PRODUCT promises that schema-1 files stay importable. These rules are new and partly
// heuristic (English cue verbs and determiners; a German dataset would trip the subject rule), and even the exact
// ones (contexts, participant kinds) reject files that were valid yesterday, the old bundled seed among them. In
// parseDataset they would set aside a reader's stored knowledge after an update. So they are editorial checks on
// data we produce: check-bundled.ts runs them on the bundled dataset (the build fails, naming each item and JSON
// path), scripts/kb-build.mjs runs them when seed.json is written, and the extractor is to run them on every
// dataset it drafts (factProblems, contextProblem and eventRoleProblems work on one item, for a review screen).
// Pure: no DOM, no I/O.
import type { Dataset, DatasetIssue, Entity, Evidence } from './schema';

/** Shortens a text for an error message. */
function preview(text: string, max = 48): string {
  const t = text.trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/** A word of a sentence with its UTF-16 span. */
interface Word {
  text: string;
  lower: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}$][\p{L}\p{N}’'.\-$]*/gu;

function wordsOf(text: string): Word[] {
  return Array.from(text.matchAll(WORD), (m) => {
    // "U.S." keeps its dots; a word's trailing sentence dot ("war.") does not belong to it.
    const raw = /^(?:\p{L}\.)+$/u.test(m[0]) ? m[0] : m[0].replace(/[.\-’']+$/u, '');
    const start = m.index ?? 0;
    return { text: raw, lower: raw.toLowerCase(), start, end: start + raw.length };
  });
}

const hasLetters = (text: string): boolean => /[\p{L}\p{N}]/u.test(text);

/** True if [aStart, aEnd) and [bStart, bEnd) share a letter or digit of `text`. */
function sharesWords(text: string, a: [number, number], b: [number, number]): boolean {
  const start = Math.max(a[0], b[0]);
  const end = Math.min(a[1], b[1]);
  return end > start && hasLetters(text.slice(start, end));
}

// ---------------------------------------------------------------------------------------------
// Report frames

/** Verbs that report speech or a claim, before or after what they report. */
const SPEECH_VERBS = new Set([
  'said',
  'says',
  'say',
  'told',
  'tells',
  'added',
  'adds',
  'stated',
  'warned',
  'warns',
  'declared',
  'declares',
  'claimed',
  'accused',
  'accuses',
  'reported',
  'confirmed',
  'confirms',
  'announced',
  'announces',
  'noted',
  'wrote',
  'writes',
  'alleged',
  'alleges',
  'countered',
  'counters',
  'argued',
  'argues',
  'described',
  'describes',
  'explained',
  'explains',
  'acknowledged',
  'admitted',
  'denied',
  'denies',
  'insisted',
  'urged',
  'asked',
  'replied',
  'responded',
]);
/** Verbs that report only with a complement clause ("signals that", "shows how"); alone they are something else. */
const CLAUSE_VERBS = new Set([
  'signals',
  'signaled',
  'signalled',
  'suggests',
  'suggested',
  'shows',
  'showed',
  'indicates',
  'indicated',
  'believes',
  'believed',
  'thinks',
  'insists',
  'claims',
  'reports',
  'notes',
  'estimates',
  'estimated',
  'concluded',
  'underscores',
  'underscored',
]);
/** Verbs that report only a quotation close after them ("called the strikes “senseless”"). */
const QUOTING_VERBS = new Set([
  'called',
  'calls',
  'calling',
  'dubbed',
  'termed',
  'labeled',
  'labelled',
]);
const COMPLEMENTIZERS = new Set(['that', 'how', 'whether']);
const OPENING_QUOTES = /[“"‘«„]/u;
/** Words that may stand between a comma or closing quotation and a postposed verb: the speaker ("officials", "Russia’s ministry"). */
const MAX_SPEAKER_WORDS = 6;
/** Words that start a new clause, so a comma before them does not introduce a speaker. */
const CLAUSE_OPENERS = new Set([
  'and',
  'but',
  'or',
  'while',
  'as',
  'because',
  'if',
  'when',
  'which',
  'who',
  'that',
  'although',
  'though',
  'after',
  'before',
  'since',
  'until',
]);

/** One attribution in a sentence: the verb, who and how (the frame), and what it reports (the content). */
export interface ReportFrame {
  /** The reporting verb (or "according to"), offsets into the sentence. */
  cue: { start: number; end: number };
  /** Speaker and verb with their adjuncts: "Ukrainian President Volodymyr Zelenskyy said in a statement". */
  frame: { start: number; end: number };
  /** What is reported. */
  content: { start: number; end: number };
}

/** The end of the clause that starts at `from`: the next comma, semicolon or the sentence's end (its final mark excluded). */
function clauseEnd(sentence: string, from: number): number {
  const rest = sentence.slice(from);
  const at = rest.search(/[,;]/u);
  if (at >= 0) return from + at;
  return from + rest.replace(/[.!?…”"’»)\]]+$/u, '').length;
}

/** The start of the clause holding offset `at`: after the last comma, semicolon or colon before it (or 0). */
function clauseStart(sentence: string, at: number): number {
  const before = sentence.slice(0, at);
  const m = before.match(/[,;:](?=[^,;:]*$)/u);
  let start = m?.index === undefined ? 0 : m.index + 1;
  while (start < at && /\s/u.test(sentence[start] ?? '')) start++;
  // "…, and U.S. officials confirmed": the clause is "U.S. officials confirmed".
  const coordinator = /^(?:and|but|or|while)\s+/iu.exec(sentence.slice(start, at));
  return coordinator ? start + coordinator[0].length : start;
}

/**
 * A verb after a comma or closing quotation with at most a short speaker between ("…, officials said",
 * "“…” Khilko said", "“…,” said Kaja Kallas"), followed by nothing but punctuation, a short adjunct ("in a
 * statement") or, when inverted, the speaker. Returns the offset of that comma or quotation mark, or -1.
 */
function postposedBoundary(sentence: string, words: Word[], i: number): number {
  const cue = words[i] as Word;
  // The nearest comma or closing quotation before the verb, and the words between them.
  const before = sentence.slice(0, cue.start);
  const boundary = Math.max(
    before.lastIndexOf(','),
    before.lastIndexOf('”'),
    before.lastIndexOf('"'),
  );
  if (boundary < 0 || !hasLetters(sentence.slice(0, boundary))) return -1;
  const between = words.filter((w) => w.start > boundary && w.end <= cue.start);
  if (between.length > MAX_SPEAKER_WORDS) return -1;
  if (between.length > 0 && CLAUSE_OPENERS.has((between[0] as Word).lower)) return -1;
  const after = sentence.slice(cue.end);
  const next = words[i + 1];
  if (next && COMPLEMENTIZERS.has(next.lower)) return -1;
  if (/^\s*[.,;!?…]|^\s*$/u.test(after)) return boundary;
  // "said in a statement", "said bluntly": a short adjunct, then the clause ends.
  const adjunctEnd = clauseEnd(sentence, cue.end);
  const adjunct = words.filter((w) => w.start >= cue.end && w.end <= adjunctEnd);
  const first = adjunct[0];
  if (
    first &&
    adjunct.length <= 4 &&
    (/ly$/u.test(first.lower) ||
      ['in', 'on', 'at', 'during', 'after', 'via', 'through', 'to'].includes(first.lower))
  )
    return boundary;
  // Inverted: "said Kaja Kallas", "said the ministry".
  if (between.length === 0 && next && (/^\p{Lu}/u.test(next.text) || next.lower === 'the'))
    return boundary;
  return -1;
}

/** Every report frame of a sentence, in order. */
export function reportFrames(sentence: string): ReportFrame[] {
  const words = wordsOf(sentence);
  const frames: ReportFrame[] = [];
  const end = sentence.replace(/[.!?…]+[”"’»)\]]*$/u, '').length;
  words.forEach((word, i) => {
    const next = words[i + 1];
    let kind: 'speech' | 'clause' | 'according' | null = null;
    if (SPEECH_VERBS.has(word.lower)) kind = 'speech';
    else if (CLAUSE_VERBS.has(word.lower) && next && COMPLEMENTIZERS.has(next.lower))
      kind = 'clause';
    else if (QUOTING_VERBS.has(word.lower)) {
      const window = words.slice(i + 1, i + 5);
      const upTo = window.length > 0 ? (window[window.length - 1] as Word).start : word.end;
      if (OPENING_QUOTES.test(sentence.slice(word.end, upTo + 1))) kind = 'speech';
    } else if (word.lower === 'according' && next?.lower === 'to') kind = 'according';
    if (!kind) return;
    const cue = { start: word.start, end: kind === 'according' ? (next as Word).end : word.end };

    if (kind === 'according') {
      // "X, according to officials." reports what precedes; "According to officials, X" what follows.
      const comma = sentence.slice(0, word.start).trimEnd().endsWith(',');
      if (comma) {
        const boundary = sentence.slice(0, word.start).lastIndexOf(',');
        frames.push({
          cue,
          frame: { start: word.start, end: clauseEnd(sentence, cue.end) },
          content: { start: 0, end: boundary },
        });
      } else {
        const after = clauseEnd(sentence, cue.end);
        frames.push({
          cue,
          frame: { start: clauseStart(sentence, word.start), end: after },
          content: { start: Math.min(after + 1, end), end },
        });
      }
      return;
    }
    const boundary = kind === 'speech' ? postposedBoundary(sentence, words, i) : -1;
    if (boundary >= 0) {
      let frameStart = boundary + 1;
      while (frameStart < cue.start && /[\s,”"]/u.test(sentence[frameStart] ?? '')) frameStart++;
      frames.push({
        cue,
        frame: { start: frameStart, end: clauseEnd(sentence, cue.end) },
        content: { start: 0, end: boundary },
      });
      return;
    }
    // Before what it reports: "Ukraine’s Air Force reported that …", "Starmer … accused Putin of …",
    // "Merz declared bluntly: “…”".
    let contentStart = cue.end;
    const after = words.slice(i + 1);
    let k = 0;
    while (k < after.length && /ly$/u.test((after[k] as Word).lower) && k < 2) k++;
    const colon = sentence.slice(cue.end, (after[k] as Word | undefined)?.start ?? end);
    if (after[k] && (COMPLEMENTIZERS.has((after[k] as Word).lower) || colon.includes(':')))
      contentStart = COMPLEMENTIZERS.has((after[k] as Word).lower)
        ? (after[k] as Word).end
        : cue.end + colon.indexOf(':') + 1;
    while (contentStart < end && /\s/u.test(sentence[contentStart] ?? '')) contentStart++;
    frames.push({
      cue,
      frame: { start: clauseStart(sentence, cue.start), end: contentStart },
      content: { start: contentStart, end },
    });
  });
  return frames;
}

// ---------------------------------------------------------------------------------------------
// Conditions

interface Condition {
  /** The conjunction. */
  word: string;
  /** The "if …" clause. */
  clause: [number, number];
  /** The clause it conditions. */
  main: [number, number];
}

function conditionsOf(sentence: string): Condition[] {
  const words = wordsOf(sentence);
  const end = sentence.replace(/[.!?…]+[”"’»)\]]*$/u, '').length;
  const out: Condition[] = [];
  for (const word of words) {
    const before = sentence.slice(0, word.start).trimEnd();
    // Clause-initial: at the start, after a comma, colon, dash, quotation mark or "that".
    const initial = before === '' || /[,;:—–“"]$/u.test(before) || /\bthat$/iu.test(before);
    const conditional = word.lower === 'if' || word.lower === 'unless';
    if (!conditional && !(word.lower === 'when' && initial)) continue;
    const clauseStop = clauseEnd(sentence, word.end);
    if (initial) {
      // "if X, Y": Y runs from after the comma to the end of the sentence.
      if (clauseStop >= end) continue; // no main clause in the sentence: nothing to keep together
      out.push({ word: word.text, clause: [word.start, clauseStop], main: [clauseStop + 1, end] });
    } else {
      // "Y if X": Y is the clause before the conjunction.
      out.push({
        word: word.text,
        clause: [word.start, clauseStop],
        main: [clauseStart(sentence, word.start), word.start],
      });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Subjects

/** Words that open a noun phrase: a fact cut from inside a sentence may start with one of these. */
const NOUN_PHRASE_OPENERS = new Set([
  'the',
  'a',
  'an',
  'this',
  'these',
  'those',
  'its',
  'his',
  'her',
  'their',
  'our',
  'my',
  'your',
  'some',
  'many',
  'several',
  'all',
  'both',
  'each',
  'every',
  'no',
  'few',
  'most',
  'much',
  'any',
  'another',
  'other',
  'such',
  'half',
  'nearly',
  'almost',
  'roughly',
  'approximately',
  'dozens',
  'hundreds',
  'thousands',
  'millions',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'twenty',
  'thirty',
  'forty',
  'fifty',
  'hundred',
  'thousand',
]);
/** Quantity phrases that open a noun phrase ("at least 21 people"). */
const QUANTITY_OPENER = /^(?:at least|at most|more than|fewer than|less than|up to)\b/u;
/** Adverbs skipped before the word that must open the subject ("even European Union offices …"). */
const SKIPPED_ADVERBS = new Set([
  'even',
  'also',
  'only',
  'just',
  'still',
  'then',
  'now',
  'already',
  'again',
]);
const RELATIVE_PRONOUNS = new Set(['who', 'whom', 'whose', 'which']);
const SUBJECT_PRONOUNS = new Set(['it', 'he', 'she', 'they', 'we', 'i', 'you', 'there']);
/** Subordinating conjunctions other than the conditional ones (those are the condition rule's). */
const SUBORDINATORS = new Set([
  'while',
  'whereas',
  'although',
  'though',
  'because',
  'as',
  'since',
  'after',
  'before',
  'until',
  'once',
  'whether',
  'where',
]);
const COORDINATORS = new Set(['and', 'but', 'or', 'nor', 'yet', 'so']);
const AUXILIARIES = new Set([
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'has',
  'have',
  'had',
  'will',
  'would',
  'may',
  'might',
  'can',
  'could',
  'should',
  'must',
  'did',
  'does',
  'do',
]);

/** Why a fact starting at `start` of its sentence has no subject of its own, or null. */
function subjectProblem(sentence: string, start: number, end: number): string | null {
  if (!hasLetters(sentence.slice(0, start))) return null; // starts where the sentence does
  const text = sentence.slice(start, end);
  const words = wordsOf(text);
  let k = 0;
  while (k < words.length - 1 && SKIPPED_ADVERBS.has((words[k] as Word).lower)) k++;
  const word = words[k];
  if (!word) return null;
  const rest = text.slice(word.start);
  const opening = `"${preview(rest, 32)}"`;
  if (/^[\p{Lu}\p{N}$]/u.test(word.text)) return null;
  if (NOUN_PHRASE_OPENERS.has(word.lower) || QUANTITY_OPENER.test(rest)) return null;
  if (RELATIVE_PRONOUNS.has(word.lower))
    return `starts inside a relative clause (${opening}): the fact must name who did it`;
  if (word.lower === 'that')
    return `starts inside a clause (${opening}) that depends on words outside the fact: include what it depends on`;
  if (word.lower === 'if' || word.lower === 'unless' || word.lower === 'when') return null; // the condition rule's
  if (SUBORDINATORS.has(word.lower)) {
    // "while X, Y" is whole if Y is in the fact.
    const comma = text.indexOf(',', word.end);
    if (comma >= 0 && hasLetters(text.slice(comma + 1))) return null;
    return `starts with a subordinate clause (${opening}) whose main clause is outside the fact`;
  }
  if (SUBJECT_PRONOUNS.has(word.lower))
    return `starts with the pronoun "${word.text}" (${opening}): whom it stands for is outside the fact; start at the name`;
  if (COORDINATORS.has(word.lower))
    return `starts with the conjunction "${word.text}" (${opening}), in the middle of a sentence: start at the subject`;
  const verb =
    AUXILIARIES.has(word.lower) ||
    SPEECH_VERBS.has(word.lower) ||
    CLAUSE_VERBS.has(word.lower) ||
    QUOTING_VERBS.has(word.lower) ||
    /(?:ed|ing)$/u.test(word.lower);
  if (verb)
    return `starts with the verb "${word.text}" (${opening}): its subject is cut off, so the fact must name who did it`;
  return `starts inside its sentence with the lowercase word "${word.text}" (${opening}), not at a subject: start with a name, a number or a determiner ("the", "its", …), or take the whole sentence`;
}

// ---------------------------------------------------------------------------------------------
// Facts

/**
 * Why a fact, the span [start, end) of its evidence sentence, does not stand on its own: empty when it does.
 * Offsets are into `sentence`.
 */
export function factProblems(sentence: string, start: number, end: number): string[] {
  const problems: string[] = [];
  const subject = subjectProblem(sentence, start, end);
  if (subject) problems.push(subject);

  const fact: [number, number] = [start, end];
  for (const frame of reportFrames(sentence)) {
    const cueInside = frame.cue.start >= start && frame.cue.end <= end;
    const framing = preview(sentence.slice(frame.frame.start, frame.frame.end), 60);
    if (!cueInside && sharesWords(sentence, fact, [frame.content.start, frame.content.end])) {
      problems.push(
        `leaves out who says so: its sentence attributes it ("${framing}"), so the fact must keep "${sentence.slice(frame.cue.start, frame.cue.end)}" and who`,
      );
    } else if (
      frame.frame.start <= start &&
      end <= Math.max(frame.frame.end, frame.cue.end) &&
      !sharesWords(sentence, fact, [frame.content.start, frame.content.end])
    ) {
      problems.push(
        `only says who spoke ("${preview(sentence.slice(start, end), 60)}"): what was said is outside the fact, so it tells the reader nothing`,
      );
    }
  }

  for (const condition of conditionsOf(sentence)) {
    const inClause = sharesWords(sentence, fact, condition.clause);
    const inMain = sharesWords(sentence, fact, condition.main);
    const clause = `"${preview(sentence.slice(condition.clause[0], condition.clause[1]), 40)}"`;
    if (inClause && !inMain)
      problems.push(
        `states a condition (${clause}) without the clause it conditions ("${preview(sentence.slice(condition.main[0], condition.main[1]), 40)}")`,
      );
    else if (inMain && !inClause)
      problems.push(
        `states an outcome without its condition (${clause}), as if it were unconditional`,
      );
  }
  return problems;
}

/** factProblems for a fact given by its text: the first occurrence of `text` in `sentence`. */
export function factTextProblems(sentence: string, text: string): string[] {
  const at = sentence.indexOf(text);
  return at < 0 ? [] : factProblems(sentence, at, at + text.length);
}

// ---------------------------------------------------------------------------------------------
// Quotes and events

/** Why a quote's context is not the source's own words, or null. */
export function contextProblem(context: string, sentence: string): string | null {
  if (sentence.includes(context)) return null;
  const note = /[([]/u.test(context)
    ? ' (an editor’s note in brackets is shown to readers as the source’s)'
    : '';
  return `context "${preview(context, 60)}" is not the source's words: it must appear verbatim in the quote's evidence sentence${note}`;
}

const PARTICIPANT_KINDS = new Set(['person', 'organization']);

/** Why an entity of `kind` cannot have this role in an event, or null. */
export function eventRoleProblem(
  role: 'participant' | 'where',
  entity: Pick<Entity, 'id' | 'kind'>,
): string | null {
  if (role === 'participant' && !PARTICIPANT_KINDS.has(entity.kind))
    return entity.kind === 'place'
      ? `"${entity.id}" is a place: participants are the people and organizations involved; a place belongs in where`
      : `"${entity.id}" is a ${entity.kind}: participants are the people and organizations involved`;
  if (role === 'where' && entity.kind !== 'place')
    return `"${entity.id}" is a ${entity.kind}, not a place: where lists places; people and organizations are participants`;
  return null;
}

// ---------------------------------------------------------------------------------------------
// A whole dataset

/**
 * Every editorial problem of a dataset that passed parseDataset, with JSON paths: facts that do not stand on
 * their own, quote contexts not in the source's words, events with places as participants or non-places as `where`.
 * Items whose source or entity is missing are skipped (parseDataset reports those).
 */
export function standaloneIssues(dataset: Dataset): DatasetIssue[] {
  const issues: DatasetIssue[] = [];
  const sources = new Map(dataset.sources.map((s) => [s.id, s.text]));
  const entities = new Map(dataset.entities.map((e) => [e.id, e]));
  const sentenceOf = (evidence: Evidence): string | undefined =>
    sources.get(evidence.source)?.slice(evidence.start, evidence.end);

  dataset.facts.forEach((fact, i) => {
    const sentence = sentenceOf(fact.evidence);
    if (sentence === undefined) return;
    for (const problem of factTextProblems(sentence, fact.text))
      issues.push({ path: `facts[${i}].text`, message: `fact "${fact.id}": ${problem}` });
  });
  dataset.quotes.forEach((quote, i) => {
    const sentence = sentenceOf(quote.evidence);
    if (sentence === undefined || quote.context === undefined) return;
    const problem = contextProblem(quote.context, sentence);
    if (problem)
      issues.push({ path: `quotes[${i}].context`, message: `quote "${quote.id}": ${problem}` });
  });
  dataset.events.forEach((event, i) => {
    const check = (role: 'participant' | 'where', ids: string[], field: string) =>
      ids.forEach((id, j) => {
        const entity = entities.get(id);
        const problem = entity && eventRoleProblem(role, entity);
        if (problem)
          issues.push({
            path: `events[${i}].${field}[${j}]`,
            message: `event "${event.id}": ${problem}`,
          });
      });
    check('participant', event.participants, 'participants');
    check('where', event.where, 'where');
  });
  return issues;
}
