// Compares two contenders' matches on the same page: which mentions one found and the other did not.
// Matches are [start, end, text, flags] over the document's text; two runs are separate page loads,
// so offsets are compared with a little slack (a page can differ by a few characters between loads).

const SLACK = 200;
const HIDDEN = 1;
const CROSS_NODE = 2;

const key = (m) => m[2].replace(/\s+/g, ' ').toLowerCase();

/** Greedy alignment in document order: same text within SLACK characters counts as the same mention. */
export function diffMatches(ours, theirs, examples = 6) {
  const onlyOurs = [];
  const onlyTheirs = [];
  let j = 0;
  const used = new Uint8Array(theirs.length);
  for (const m of ours) {
    while (j < theirs.length && theirs[j][0] < m[0] - SLACK) {
      if (!used[j]) onlyTheirs.push(theirs[j]);
      j++;
    }
    let found = -1;
    for (let k = j; k < theirs.length && theirs[k][0] <= m[0] + SLACK; k++) {
      if (!used[k] && key(theirs[k]) === key(m)) {
        found = k;
        break;
      }
    }
    if (found === -1) onlyOurs.push(m);
    else used[found] = 1;
  }
  for (; j < theirs.length; j++) if (!used[j]) onlyTheirs.push(theirs[j]);
  const describe = (m) => ({
    at: m[0],
    text: m[2].slice(0, 60),
    hidden: (m[3] & HIDDEN) !== 0,
    crossNode: (m[3] & CROSS_NODE) !== 0,
  });
  const summarize = (list) => ({
    count: list.length,
    hidden: list.filter((m) => m[3] & HIDDEN).length,
    crossNode: list.filter((m) => m[3] & CROSS_NODE).length,
    byText: topTexts(list),
    examples: list.slice(0, examples).map(describe),
  });
  return {
    same: ours.length - onlyOurs.length,
    onlyBackstory: summarize(onlyOurs),
    onlyOther: summarize(onlyTheirs),
  };
}

function topTexts(list, n = 5) {
  const counts = new Map();
  for (const m of list) counts.set(m[2], (counts.get(m[2]) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([text, count]) => `${text}×${count}`);
}
