// Contender: mark.js 8 `markRegExp` with one combined pattern (the same one the floor uses).
import Mark from 'mark.js/dist/mark.js';
import { type ContenderConfig, isExcluded } from './common';
import { runMark } from './mark-common';

function run(config: ContenderConfig) {
  return runMark('markRegExp', config, () => {
    new Mark(document.body).markRegExp(new RegExp(config.pattern, config.flags), {
      acrossElements: true,
      exclude: config.exclude,
      filter: (_node: Text, match: string) => !isExcluded(match, config.excluded),
    });
  });
}

(window as { __bench?: unknown }).__bench = { run };
