// Types for the part of dictionary.mjs the e2e corpus suite shares (its reference matcher is the bench's pattern).
export interface PatternAlias {
  text: string;
  caseSensitive: boolean;
}
export function combinedPattern(entries: readonly { aliases: readonly PatternAlias[] }[]): {
  pattern: string;
  flags: string;
};
