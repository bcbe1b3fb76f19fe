// Contender: mark.js 8 `mark(terms)` called the documented way, with options chosen to give Backstory's matches.
import Mark from 'mark.js/dist/mark.js';
import type { ContenderConfig } from './common';
import { runMark } from './mark-common';
import { MARK_OPTIONS } from './mark-options';

function run(config: ContenderConfig) {
  return runMark('mark.js', config, () => {
    const instance = new Mark(document.body);
    // mark.js skips script/style itself; `exclude` is what Backstory never scans, plus mark.js's own marks
    // (so "Putin" is not marked again inside "Vladimir Putin").
    const options = { ...MARK_OPTIONS, exclude: config.exclude };
    // One case rule per call: case-insensitive aliases first (mark.js sorts each call's terms
    // longest first), then the case-sensitive ones (US, EU, UN, …).
    instance.mark(config.termsCaseless, { ...options, caseSensitive: false });
    if (config.termsCaseful.length > 0)
      instance.mark(config.termsCaseful, { ...options, caseSensitive: true });
  });
}

(window as { __bench?: unknown }).__bench = { run };
