// Splits text into word tokens with offsets and the shape facts name rules need (capitalised, all-caps, possessive).
//
// A token keeps inner apostrophes, hyphens, dots and ampersands ("O'Brien", "al-Bashir", "U.S",
// "AT&T"); a final dot belongs to it only after an initial, a dotted acronym or a listed
// abbreviation ("J.", "U.S.", "Mr."), so sentence ends stay punctuation. A possessive "’s" is cut
// off and remembered: "Germany’s" is the token "Germany", possessive.

export interface Token {
  /** UTF-16 offsets of the word (without a possessive ending) in the text. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Lowercase, without a final dot: the key for word lists. */
  readonly key: string;
  readonly possessive: boolean;
  /** First letter uppercase (or a name particle prefix such as "al-" before one). */
  readonly capitalised: boolean;
  /** Two or more letters, all uppercase ("NATO", "U.S."). */
  readonly allCaps: boolean;
  /** First word of a sentence, or of a quotation, or after a colon or dash: English capitalises any word there. */
  readonly sentenceInitial: boolean;
  /** The lowercase word a name was hyphenated to ("based" in "Seattle-based"); the token is the name part. */
  readonly modifier?: string;
}

const WORD = /[\p{L}\p{M}\p{N}]+(?:['’\-‐.&][\p{L}\p{M}\p{N}]+)*|&/gu;
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'st',
  'jr',
  'sr',
  'gen',
  'lt',
  'col',
  'sgt',
  'capt',
  'rep',
  'sen',
  'gov',
  'prof',
  'rev',
  'inc',
  'ltd',
  'corp',
  'co',
  'bros',
  'mt',
  'ft',
  'adm',
  'maj',
  'cmdr',
  'supt',
  'det',
  'pvt',
  'cpl',
  'hon',
  'no',
]);
const NAME_PREFIX = /^(?:al|el|bin|ibn|de|da|di|van|von|le|la|d|o|mc|mac)['’-]\p{Lu}/u;
/** What may stand between the start of a sentence and its first word: spaces, opening quotes and brackets. */
const OPENERS = /^[\s“"‘'«„‹([—–-]*$/u;
/** Between two words: an opening quotation mark, a colon or a dash before the second. */
const OPENED = /(?:(?:^|\s)[“"‘'«„‹(]|[:—–]\s*)$/u;

/** Tokens of `text` in [from, to); `sentenceStarts` are the offsets where sentences begin. */
export function tokenize(
  text: string,
  from: number,
  to: number,
  sentenceStarts: readonly number[],
): Token[] {
  const out: Token[] = [];
  WORD.lastIndex = from;
  let sentence = 0;
  for (let match = WORD.exec(text); match !== null && match.index < to; match = WORD.exec(text)) {
    const start = match.index;
    let word = match[0];
    let end = start + word.length;
    if (end > to) break;
    let possessive = false;
    let modifier: string | undefined;
    // "Seattle-based", "Kremlin-backed": the name, then a lowercase word describing something else.
    const compound =
      /^(\p{Lu}[\p{L}\p{M}.'’]*(?:-\p{Lu}[\p{L}\p{M}.'’]*)*)-(\p{Ll}[\p{L}\p{M}-]*)$/u.exec(word);
    if (compound?.[1] && compound[2]) {
      word = compound[1];
      end = start + word.length;
      modifier = compound[2].toLowerCase();
    } else if (/['’]s$/u.test(word) && word.length > 2) {
      word = word.slice(0, -2);
      end -= 2;
      possessive = true;
    } else if (text[end] === '.') {
      const bare = word.toLowerCase();
      if (/^\p{L}$/u.test(word) || word.includes('.') || ABBREVIATIONS.has(bare)) {
        word += '.';
        end += 1;
        WORD.lastIndex = end;
      }
    }
    while (sentence + 1 < sentenceStarts.length && (sentenceStarts[sentence + 1] ?? 0) <= start)
      sentence++;
    const sentenceStart = sentenceStarts[sentence] ?? from;
    const previous = out[out.length - 1];
    const firstOfSentence = previous === undefined || previous.start < sentenceStart;
    const before = text.slice(firstOfSentence ? sentenceStart : previous.end, start);
    const sentenceInitial = firstOfSentence ? OPENERS.test(before) : OPENED.test(before);
    const letters = word.replace(/[^\p{L}]/gu, '');
    out.push({
      start,
      end,
      text: word,
      key: word.toLowerCase().replace(/\.$/, ''),
      possessive,
      capitalised: /^\p{Lu}/u.test(word) || NAME_PREFIX.test(word),
      allCaps: letters.length >= 2 && letters === letters.toUpperCase() && /\p{Lu}/u.test(letters),
      sentenceInitial,
      ...(modifier ? { modifier } : {}),
    });
  }
  return out;
}
