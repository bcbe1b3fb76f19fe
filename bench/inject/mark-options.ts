// mark.js `mark()` options that give Backstory's matches: shared by the in-page contender (markjs.ts) and the content
// script of the mark.js keyword-highlighter extension (markjs-extension.ts).

// Whole words: a term must be preceded and followed by a space, the text's edge, or one of these
// (apostrophes let "Putin’s" and "l’Ukraine" match, dashes "Kyiv-based").
export const LIMITERS = [
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

/** Whole terms only, diacritics folded, across inline tags ("Volodymyr <b>Zelenskyy</b>") as Backstory matches. */
export const MARK_OPTIONS = {
  separateWordSearch: false,
  accuracy: { value: 'exactly', limiters: LIMITERS },
  diacritics: true,
  acrossElements: true,
};
