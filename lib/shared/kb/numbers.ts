// Reads the numbers a text states ("21", "2,000", "four", "Two", "twenty-one", "$825 million"), so a figure's value can be checked against its words.
//
// Only definite numbers count: "thousands of windows", "dozens of civilians" and ordinals
// ("first", "21st") state none, so a figure worded like that cannot carry a value the source does not give.
// Digits may be followed by letters ("50m", "10km", "2022."), which are then not read as a scale:
// "50m" is 50 (meters, as often as millions); only after a currency sign ("$825m", "£1.5bn")
// does a suffix scale the number. Words and digits are read case-insensitively.

/** One number of a text: its value and the UTF-16 span of the words that state it. */
export interface StatedNumber {
  value: number;
  start: number;
  end: number;
}

const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

/** Words that multiply what comes before them ("two hundred", "825 million", "a dozen"). */
const SCALES: Record<string, number> = {
  dozen: 12,
  hundred: 100,
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
};

/** Suffixes that scale a number only right after a currency sign: "$825m", "€2bn", "$50k". */
const CURRENCY_SUFFIXES: Record<string, number> = {
  k: 1e3,
  m: 1e6,
  mn: 1e6,
  bn: 1e9,
  tn: 1e12,
};
const CURRENCY = /[$£€¥₴₽]/u;
const ORDINAL_SUFFIX = /^(?:st|nd|rd|th)$/;

/** A run of digits ("2,000" grouped by thousands, "1.5"), or a word. */
const TOKEN =
  /(?<![\p{L}\p{N}])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(\p{L}*)|(?<![\p{L}\p{N}])\p{L}+/gu;

interface Token {
  word: string;
  start: number;
  end: number;
  /** Set for a digit token. */
  digits?: number;
}

function tokens(text: string): Token[] {
  return Array.from(text.matchAll(TOKEN), (match) => {
    const start = match.index;
    if (match[1] !== undefined) {
      const suffix = (match[2] ?? '').toLowerCase();
      // "21st", "3rd": an ordinal names a position, not a count.
      if (ORDINAL_SUFFIX.test(suffix))
        return { word: match[0], start, end: start + match[0].length };
      let digits = Number(match[1].replace(/,/g, ''));
      let end = start + match[1].length;
      const scale = CURRENCY_SUFFIXES[suffix];
      if (scale !== undefined && CURRENCY.test(text[start - 1] ?? '')) {
        digits *= scale;
        end += suffix.length;
      }
      return { word: match[1], start, end, digits };
    }
    return { word: match[0].toLowerCase(), start, end: start + match[0].length };
  });
}

/** Words of one number are joined by one space or hyphen ("twenty-one", "two hundred"). */
function adjacent(text: string, previous: Token, next: Token): boolean {
  return /^[ \u00a0-]$/u.test(text.slice(previous.end, next.start));
}

const isRoundTen = (word: string) => {
  const value = UNITS[word];
  return value !== undefined && value >= 20 && value % 10 === 0;
};

/** Every definite number `text` states, in text order. */
export function statedNumbers(text: string): StatedNumber[] {
  const list = tokens(text);
  const out: StatedNumber[] = [];
  let i = 0;
  while (i < list.length) {
    const first = list[i] as Token;
    // "a million", "a dozen": the article stands for one.
    const second = list[i + 1];
    const firstUnit =
      (first.word === 'a' || first.word === 'an') &&
      second !== undefined &&
      SCALES[second.word] !== undefined &&
      adjacent(text, first, second)
        ? 1
        : UNITS[first.word];
    if (first.digits === undefined && firstUnit === undefined) {
      i++;
      continue;
    }
    // total: groups closed by thousand/million/…; current: the group being read ("three hundred forty").
    let total = 0;
    let current = first.digits ?? (firstUnit as number);
    let end = first.end;
    let last = first;
    let j = i + 1;
    while (j < list.length) {
      let next = list[j] as Token;
      // "one hundred and five": "and" joins only a scale word to the words after it.
      if (next.word === 'and' && SCALES[last.word] !== undefined) {
        const after = list[j + 1];
        if (!after || !adjacent(text, last, next) || !adjacent(text, next, after)) break;
        j++;
        next = after;
      } else if (!adjacent(text, last, next)) break;
      const scale = SCALES[next.word];
      const unit = UNITS[next.word];
      if (scale !== undefined) {
        if (scale >= 1e3) {
          total += current * scale;
          current = 0;
        } else current *= scale;
      } else if (
        unit !== undefined &&
        first.digits === undefined &&
        // "twenty-one", "hundred and five", "million three" — not "one two" (two numbers side by side).
        (SCALES[last.word] !== undefined || (isRoundTen(last.word) && unit < 10))
      ) {
        current += unit;
      } else break;
      end = next.end;
      last = next;
      j++;
    }
    out.push({ value: total + current, start: first.start, end });
    i = j;
  }
  return out;
}

/** True if `a` and `b` are the same number, allowing for the rounding of "1.1 million" in binary. */
export function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}
