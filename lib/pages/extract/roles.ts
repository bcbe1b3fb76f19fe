// Reads people's roles from appositives: "Kaja Kallas, the EU's top diplomat," and "Sudan's president, Omar Hassan al-Bashir,".
//
// An appositive is a role only if it names a job (a ROLE_NOUNS word) within a few words and is not
// a clause ("who …", "which …"); the role is kept verbatim, determiner included, as the article words it.
import type { SpeakerInfo } from './attribution';
import type { Mention } from './mentions';
import { ROLE_NOUNS } from './name-words';
import type { EntityRef } from './types';

export interface FoundRole {
  readonly text: string;
  /** Where the role's words start, to find their sentence. */
  readonly at: number;
}

const MAX_WORDS = 14;
const OPENERS = /^(?:the|a|an|one|his|her|its|their|[\p{Lu}][\p{L}.’'-]*(?:['’]s)?)\b/u;

/** Determiner, then a possessive name, then up to four lowercase words, right before ", Name". */
const ROLE_BEFORE =
  /(?<![\p{L}'’-])((?:(?:the|a|an|its|their) )?(?:\p{Lu}[\p{L}.’'-]*['’]s )?(?:[\p{Ll}-]+ ){0,3}[\p{Ll}-]+), $/u;

const LEADING_FUNCTION_WORDS =
  /^(?:(?:that|said|says|on|in|at|by|for|with|to|of|and|but|against|from|as|is|was|were|are|be|been|when|while|after|before) )+/u;

function hasRoleNoun(phrase: string): boolean {
  const words = phrase.toLowerCase().match(/[\p{L}-]+/gu) ?? [];
  return words.length <= MAX_WORDS && words.some((word) => ROLE_NOUNS.has(word));
}

/** Roles of the people mentioned, keyed "known:id" / "new:id", first found wins. */
export function findRoles(
  text: string,
  mentions: readonly Mention[],
  info: (ref: EntityRef) => SpeakerInfo | undefined,
): Map<string, FoundRole> {
  const roles = new Map<string, FoundRole>();
  for (const mention of mentions) {
    if (info(mention.ref)?.kind !== 'person') continue;
    const key = `${mention.ref.source}:${mention.ref.id}`;
    if (roles.has(key)) continue;
    // After: "Name, the EU's top diplomat," / "Name, a senior fellow at …."
    const after = /^(?:['’]s)?, ([^,.;:“”"()]{3,160}?)(?=[,.;)]|$)/u.exec(
      text.slice(mention.end, mention.end + 200),
    );
    if (
      after?.[1] &&
      OPENERS.test(after[1]) &&
      !/^(?:who|which|where|whose)\b/u.test(after[1]) &&
      hasRoleNoun(after[1]) &&
      !/\d/u.test(after[1])
    ) {
      roles.set(key, { text: after[1].trim(), at: mention.end + (after.index ?? 0) + 2 });
      continue;
    }
    // Before: "Sudan's president, Name" / "the EU's foreign policy chief, Name": a short noun phrase ending in a job.
    const before = ROLE_BEFORE.exec(text.slice(Math.max(0, mention.start - 120), mention.start));
    const phrase = before?.[1]?.replace(LEADING_FUNCTION_WORDS, '');
    const last = phrase?.toLowerCase().match(/[\p{L}-]+$/u)?.[0] ?? '';
    if (phrase && ROLE_NOUNS.has(last))
      roles.set(key, { text: phrase, at: mention.start - phrase.length - 2 });
  }
  return roles;
}
