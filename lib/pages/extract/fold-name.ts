// Folds a name for comparison: case, diacritics, punctuation and a leading "the" do not make two names different.

/** "The U.S." → "us", "Zelenskyy’s" stays "zelenskyy’s" minus punctuation → "zelenskyys", "François" → "francois". */
export function foldName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'`´.]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '');
}
