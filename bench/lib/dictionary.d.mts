// Types for the part of dictionary.mjs the e2e corpus suite shares (its reference matcher is the bench's pattern).
export interface PatternAlias {
  text: string;
  caseSensitive: boolean;
}
export function combinedPattern(
  entries: readonly { aliases: readonly PatternAlias[]; excludes?: readonly PatternAlias[] }[],
): {
  pattern: string;
  flags: string;
  /** Keys (`excludedKey`) of matched texts that are exclusions, not names. */
  excluded: string[];
};
export function excludedKey(text: string, caseSensitive: boolean): string;
