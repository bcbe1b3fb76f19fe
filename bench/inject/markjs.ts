// Contender: mark.js 8 `mark(terms)` called the documented way, with options chosen to give Backstory's matches.
import Mark from 'mark.js/dist/mark.js';
import type { ContenderConfig } from './common';
import { runMark } from './mark-common';

// Whole words: a term must be preceded and followed by a space, the text's edge, or one of these
// (apostrophes let "Putin’s" and "l’Ukraine" match, dashes "Kyiv-based").
const LIMITERS = [
  ',',
  '.',
  ';',
  ':',
  '!',
  '?',
  "'",
  '’',
  '‘',
  'ʼ',
  '"',
  '“',
  '”',
  '«',
  '»',
  '(',
  ')',
  '[',
  ']',
  '-',
  '–',
  '—',
  '/',
];

function run(config: ContenderConfig) {
  return runMark('mark.js', config, () => {
    const instance = new Mark(document.body);
    const options = {
      separateWordSearch: false,
      accuracy: { value: 'exactly', limiters: LIMITERS },
      diacritics: true,
      // Backstory matches across inline tags ("Volodymyr <b>Zelenskyy</b>").
      acrossElements: true,
      // mark.js skips script/style itself; the rest are what Backstory never scans, plus its own marks
      // (so "Putin" is not marked again inside "Vladimir Putin").
      exclude: config.exclude,
    };
    // One case rule per call: case-insensitive aliases first (mark.js sorts each call's terms
    // longest first), then the case-sensitive ones (US, EU, UN, …).
    instance.mark(config.termsCaseless, { ...options, caseSensitive: false });
    if (config.termsCaseful.length > 0)
      instance.mark(config.termsCaseful, { ...options, caseSensitive: true });
  });
}

(window as { __bench?: unknown }).__bench = { run };
