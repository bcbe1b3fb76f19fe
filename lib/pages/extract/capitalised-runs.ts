// Finds runs of capitalised words in a paragraph's tokens: the raw material of new names.
//
// A run is capitalised words joined by single spaces ("Keir Starmer"), with "of", "for", "on"
// inside only after an organization or place head ("Bank of America", "Center for Health and
// Human Rights", "Gulf of Aden"), "&" anywhere, and name particles between names ("Osama bin
// Laden", "Ursula von der Leyen"). A comma, quotation mark, possessive, lowercase word or
// dictionary match ends it (known names win), except that a known name may end a longer one
// after "of" ("Gulf of Alaska").
import { gazetteerKind, isDemonymWord } from './gazetteer';
import {
  NAME_PARTICLES,
  ORG_JOINERS,
  ORG_LEADS,
  ORG_TAILS,
  PLACE_LEADS,
  PLACE_TAILS,
  TITLE_HEADS,
} from './name-words';
import type { Token } from './tokens';

function isConnector(token: Token): boolean {
  return (
    ORG_JOINERS.has(token.text) ||
    NAME_PARTICLES.has(token.text) ||
    token.text === 'and' ||
    token.text === '&' ||
    token.text === 'the'
  );
}

export function isNameWord(token: Token): boolean {
  if (!token.capitalised && !/^\p{Lu}/u.test(token.text)) return false;
  // "Russia-Ukraine war", "US-China talks": two names joined to describe something else.
  const parts = token.text.split('-');
  if (parts.length > 1 && parts.every((part) => /^\p{Lu}/u.test(part)))
    return !parts.some((part) => gazetteerKind(part) !== undefined || isDemonymWord(part));
  return true;
}

/** True when only spaces separate two tokens (no comma, quotation mark, dash or line break). */
export function adjacent(text: string, a: Token, b: Token): boolean {
  if (a.possessive) return false;
  const gap = text.slice(a.end, b.start);
  return gap === ' ' || gap === '\u00a0';
}

export function lastKey(tokens: readonly Token[]): string {
  return tokens[tokens.length - 1]?.key ?? '';
}

/** Runs of capitalised words of one paragraph, split where a known name starts or ends. */
export function capitalisedRuns(
  tokens: readonly Token[],
  text: string,
  isKnown: (start: number, end: number) => boolean,
): Token[][] {
  const runs: Token[][] = [];
  let i = 0;
  while (i < tokens.length) {
    const first = tokens[i] as Token;
    if (!isNameWord(first) || isKnown(first.start, first.end)) {
      i++;
      continue;
    }
    const run: Token[] = [first];
    let joined = false;
    let j = i + 1;
    while (j < tokens.length) {
      const previous = run[run.length - 1] as Token;
      const next = tokens[j] as Token;
      if (!adjacent(text, previous, next) || isKnown(next.start, next.end)) break;
      if (isNameWord(next) && next.text !== '&') {
        run.push(next);
        j++;
        continue;
      }
      if (!isConnector(next)) break;
      // Find the capitalised word the connector leads to ("of the Congo" skips "the",
      // "Committee for a Responsible Federal Budget" skips "a").
      let k = j + 1;
      const afterConnector = tokens[k];
      if (
        (next.text === 'of' && afterConnector?.text === 'the') ||
        (ORG_JOINERS.has(next.text) &&
          ['the', 'a', 'an'].includes(afterConnector?.text ?? '') &&
          ORG_LEADS.has(previous.key))
      )
        k++;
      // "Ursula von der Leyen", "Jean de la Fontaine": particles come in pairs.
      while (
        NAME_PARTICLES.has(next.text) &&
        NAME_PARTICLES.has(tokens[k]?.text ?? '') &&
        k < j + 3
      )
        k++;
      const target = tokens[k];
      if (!target || !isNameWord(target)) break;
      const targetKnown = isKnown(target.start, target.end);
      const chain = tokens.slice(j, k + 1);
      if (!chain.every((token, n) => n === 0 || adjacent(text, chain[n - 1] as Token, token)))
        break;
      if (!adjacent(text, previous, next)) break;
      const headBefore = previous.key;
      const ok =
        next.text === '&' ||
        (ORG_JOINERS.has(next.text) &&
          (ORG_LEADS.has(headBefore) ||
            ORG_TAILS.has(headBefore) ||
            PLACE_LEADS.has(headBefore) ||
            PLACE_TAILS.has(headBefore) ||
            TITLE_HEADS.has(headBefore))) ||
        (next.text === 'and' && joined) ||
        (NAME_PARTICLES.has(next.text) && previous.capitalised && !previous.allCaps);
      // "Gulf of Alaska", "Ministry of Defence of Ukraine": a known name can end a longer one after "of".
      if (!ok || (targetKnown && !ORG_JOINERS.has(next.text))) break;
      // "Department of Health and Human Services": "and" joins only inside an organization's name,
      // never after a title ("Secretary of State Antony Blinken and Chief Justice John Roberts").
      if (ORG_JOINERS.has(next.text) && (ORG_LEADS.has(headBefore) || ORG_TAILS.has(headBefore)))
        joined = true;
      run.push(...chain);
      j = k + 1;
      if (targetKnown) {
        while (j < tokens.length) {
          const more = tokens[j] as Token;
          const last = run[run.length - 1] as Token;
          if (!isKnown(more.start, more.end) || !adjacent(text, last, more)) break;
          run.push(more);
          j++;
        }
        break;
      }
    }
    runs.push(run);
    i = j;
  }
  return runs;
}
