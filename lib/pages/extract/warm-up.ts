// Gets the extractor's libraries ready before the reader saves: compromise unpacks its lexicon and chrono-node compiles its patterns on first use.
//
// Measured in headless Chromium (bench/extract/run.mjs): the first extraction in a fresh page
// spends ~150–200 ms in that first use; a side panel can pay it while idle, right after it opens.
import * as chrono from 'chrono-node';
import { tagRanges } from './nlp-tags';

/** Runs each library once on a short text; costs what a first extraction would otherwise pay. */
export function warmUpExtraction(): void {
  const text =
    'Russian President Vladimir Putin said on Thursday that 21 people were killed in Kyiv.';
  tagRanges(text, [{ start: 0, end: text.length }]);
  chrono.parse(text, { instant: new Date(Date.UTC(2025, 7, 28, 12)), timezone: 0 });
}
