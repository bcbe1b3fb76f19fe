// Reads counted figures from a sentence: "at least 21 people killed" → dead, 21, "at least"; "$825 million" → money.
//
// A figure is a definite number (lib/kb/numbers.ts: "21", "four", "2,000", "$825 million")
// followed within three words by what it counts ("people", "drones", "civilians"), or a sum of
// money. The kind comes from the verb that says what happened to them (killed → dead, wounded,
// missing, arrested, displaced) or else from the counted noun. Years, ages, times and durations
// ("two weeks") are not figures; neither is a number the text does not state ("dozens").
import { statedNumbers } from '../../shared/kb/numbers';
import { KIND_PATTERN, LIMITS } from '../../shared/kb/schema';

export interface SentenceFigure {
  kind: string;
  value: number;
  unit: string | undefined;
  qualifier: string | undefined;
  /** Offsets of the figure's words inside the sentence. */
  start: number;
  end: number;
}

const QUALIFIER =
  /(?:^|[\s(])((?:at least|more than|over|nearly|almost|about|around|roughly|approximately|some|up to|fewer than|less than|an estimated|as many as|all|just|only|a total of|at most))\s+$/iu;
const VERB_BEFORE = /\b(killed|killing|kills|wounded|wounding|injured|injuring|hurt|left)\s+$/iu;
const VERB_AFTER =
  /^\s+(?:(?:were|was|have been|has been|had been|are|is|been|reported|confirmed|believed)\s+)?(killed|dead|died|wounded|injured|hurt|missing|arrested|detained|displaced|evacuated|captured|rescued)\b/iu;
const DEATH_TOLL_BEFORE = /\bdeath toll (?:\w+ )?(?:to|at|of|reached)\s+$/iu;

const VERB_KIND: Record<string, string> = {
  killed: 'dead',
  killing: 'dead',
  kills: 'dead',
  dead: 'dead',
  died: 'dead',
  wounded: 'wounded',
  wounding: 'wounded',
  injured: 'wounded',
  injuring: 'wounded',
  hurt: 'wounded',
  missing: 'missing',
  arrested: 'arrested',
  detained: 'arrested',
  captured: 'captured',
  displaced: 'displaced',
  evacuated: 'evacuated',
  rescued: 'rescued',
};

const NOUN_KIND: Record<string, string> = {
  drones: 'drones',
  drone: 'drones',
  missiles: 'missiles',
  missile: 'missiles',
  rockets: 'missiles',
  buildings: 'buildings',
  homes: 'buildings',
  houses: 'buildings',
  locations: 'locations',
  sites: 'locations',
};

/** Nouns that count time or measure, not things that happened. */
const NOT_COUNTED = new Set(
  `years year months month weeks week days day hours hour minutes minute seconds second decades
   decade centuries century times percent per cent points point degrees degree miles mile
   kilometres kilometers km metres meters feet foot inches inch pounds kilograms kg ounces
   am pm a.m p.m o'clock th st nd rd of`.split(/\s+/),
);
/** Lowercase words that may stand between a number and its noun ("21 more people", "31 ballistic missiles"). */
const BETWEEN_STOP = new Set(
  'and or but of to in on at by for with from the a an that which who than as is was were are'.split(
    ' ',
  ),
);
const COUNT_NOUNS = new Set(
  'people children police personnel staff women men troops civilians soldiers'.split(' '),
);

const CURRENCY: Record<string, string> = {
  $: 'USD',
  '£': 'GBP',
  '€': 'EUR',
  '¥': 'JPY',
  '₴': 'UAH',
  '₽': 'RUB',
};

/** A hedge right before offset `at` ("at least", "nearly"), with where it starts. */
function qualifierBefore(
  sentence: string,
  at: number,
): { text: string; start: number } | undefined {
  const window = sentence.slice(Math.max(0, at - 40), at);
  const match = QUALIFIER.exec(window);
  if (!match?.[1]) return undefined;
  const offset = match.index + match[0].indexOf(match[1]);
  return { text: match[1].toLowerCase(), start: at - window.length + offset };
}

/** The counted noun within three lowercase words after `from`, with its end offset. */
function countedNoun(sentence: string, from: number): { noun: string; end: number } | undefined {
  const word = /\s+([\p{Ll}][\p{Ll}-]*)/uy;
  word.lastIndex = from;
  for (let i = 0; i < 3; i++) {
    const match = word.exec(sentence);
    const text = match?.[1];
    if (!match || !text) return undefined;
    if (BETWEEN_STOP.has(text) || NOT_COUNTED.has(text)) return undefined;
    if (
      COUNT_NOUNS.has(text) ||
      (/s$/u.test(text) && text.length > 3 && !/(?:ous|ss|us|is)$/u.test(text))
    )
      return { noun: text, end: match.index + match[0].length };
  }
  return undefined;
}

/** The figures of one sentence, in order. */
export function findFigures(sentence: string): SentenceFigure[] {
  const out: SentenceFigure[] = [];
  for (const number of statedNumbers(sentence)) {
    const rest = sentence.slice(number.end);
    const before = sentence.slice(Math.max(0, number.start - 4), number.start);
    // Money: "$825 million", "£1.5bn".
    const currency = CURRENCY[sentence[number.start - 1] ?? ''];
    if (currency) {
      const hedge = qualifierBefore(sentence, number.start - 1);
      out.push({
        kind: 'money',
        value: number.value,
        unit: currency,
        qualifier: hedge?.text,
        start: hedge?.start ?? number.start - 1,
        end: number.end,
      });
      continue;
    }
    // Years, times, dates, ages, scores: "2022", "6:01", "9/11", "21-year-old".
    if (/^[:/.]\d/u.test(rest) || /\d[:/]$/u.test(before) || /^-\p{L}/u.test(rest)) continue;
    if (
      /^\d{4}$/u.test(sentence.slice(number.start, number.end)) &&
      number.value >= 1800 &&
      number.value <= 2100
    )
      continue;
    const counted = countedNoun(sentence, number.end);
    if (!counted) continue;
    const hedge = qualifierBefore(sentence, number.start);
    let start = hedge?.start ?? number.start;
    let end = counted.end;
    let kind: string | undefined;
    const verbAfter = VERB_AFTER.exec(sentence.slice(end));
    const verbBefore = VERB_BEFORE.exec(sentence.slice(Math.max(0, start - 20), start));
    if (verbAfter?.[1]) {
      kind = VERB_KIND[verbAfter[1].toLowerCase()];
      end += verbAfter[0].length;
    } else if (verbBefore?.[1] && verbBefore[1].toLowerCase() !== 'left') {
      kind = VERB_KIND[verbBefore[1].toLowerCase()];
      start -= verbBefore[0].length;
    } else if (DEATH_TOLL_BEFORE.test(sentence.slice(Math.max(0, start - 40), start))) {
      kind = 'dead';
    }
    kind ??= NOUN_KIND[counted.noun] ?? counted.noun;
    if (!KIND_PATTERN.test(kind) || end - start > LIMITS.shortText) continue;
    out.push({ kind, value: number.value, unit: counted.noun, qualifier: hedge?.text, start, end });
  }
  return out;
}
