// Verbs that attribute words to a speaker in news writing ("said", "told", "added", "wrote"), in the forms reporters use.

const VERBS = `
  said says say told tells added adds asked asks wrote writes declared declares stated explained
  explains noted notes warned warns argued argues insisted insists recalled recalls continued
  replied replies tweeted tweets posted announced announces acknowledged acknowledges admitted
  admits claimed claims confirmed confirms cautioned cautions conceded concedes complained
  complains urged urges suggested suggests predicted predicts promised promises vowed vows
  countered counters responded responds remarked remarks observed observes testified testifies
  shouted yelled whispered recounted recounts emphasized emphasised emphasizes emphasises stressed
  stresses concluded concludes agreed agrees quipped joked mused lamented laments boasted boasts
  demanded demands pleaded pleads sighed cried reiterated reiterates maintained maintains
  contended contends asserted asserts wondered texted emailed messaged announced acknowledged
  explained conceded tells telling saying adding writing laughs laughed smiles smiled jokes
  shrugs shrugged sighs cautions concluded exclaimed exclaims acknowledged reflected reflects
  recounted remembers remembered predicted warned wrote called calls calling described describes
  describing reported reports states reads pointed points
`;

/** Attribution verbs, lowercase. */
export const CUE_VERBS: ReadonlySet<string> = new Set(VERBS.split(/\s+/).filter((w) => w !== ''));

/** Verbs that attribute only with the particle after them: "pointed out", not "pointed to". */
const WITH_PARTICLE: ReadonlyMap<string, string> = new Map([
  ['pointed', 'out'],
  ['points', 'out'],
]);

/**
 * True if the word at `index` of `tokens` attributes words to a speaker. A capitalised word inside
 * a sentence is a name, not a verb ("the United States", "Reads Books Ltd").
 */
export function isCueAt(
  tokens: readonly { key: string; capitalised: boolean; sentenceInitial: boolean }[],
  index: number,
): boolean {
  const token = tokens[index];
  if (!token || !CUE_VERBS.has(token.key)) return false;
  if (token.capitalised && !token.sentenceInitial) return false;
  const particle = WITH_PARTICLE.get(token.key);
  return particle === undefined || tokens[index + 1]?.key === particle;
}

/** Words that may stand between a speaker and the verb, or after the verb ("also said", "said bluntly"). */
export const CUE_ADVERBS: ReadonlySet<string> = new Set(
  `also later then previously recently once still further again earlier repeatedly publicly
   privately separately bluntly simply flatly firmly calmly quietly angrily tearfully proudly
   emphatically has have had had was is would will`
    .split(/\s+/)
    .filter((w) => w !== ''),
);
