// Runs the extractor on labelled pages and reports precision, recall, speaker rates and time per page, split by dev and test.

import { extractDraft } from '../../lib/pages/extract/extract';
import { draftToDataset } from '../../lib/pages/extract/to-dataset';
import type { Draft, EntityRef } from '../../lib/pages/extract/types';
import type { DictionaryItem } from '../../lib/shared/kb/dictionary';
import { parseDataset } from '../../lib/shared/kb/parse';
import type { PageLabels } from './labels';
import {
  addCounts,
  type Counts,
  type ExtractedEntity,
  type ExtractedQuote,
  KINDS,
  type Kind,
  type PageScore,
  type SpeakerCounts,
  scorePage,
} from './score';

export interface EvalPage {
  labels: PageLabels;
  html: string;
  dictionary: readonly DictionaryItem[];
}

export interface PageResult {
  page: string;
  split: 'dev' | 'test';
  bytes: number;
  /** jsdom's parse (a browser's DOMParser is much faster; not part of the budget). */
  parseMs: number;
  /** First extraction of the page in this process, and the median of three more. */
  coldMs: number;
  extractMs: number;
  /** Problems parseDataset finds in draftToDataset's output (none expected). */
  datasetIssues: string[];
  failure: string | undefined;
  score: PageScore;
}

/** Names and aliases a reference stands for in the draft. */
function namesOf(draft: Draft, ref: EntityRef): string[] {
  if (ref.source === 'known') {
    const known = draft.known.find((k) => k.ref.id === ref.id);
    return known ? [known.name, ...known.aliases.map((a) => a.text)] : [ref.id];
  }
  const candidate = draft.candidates.find((c) => c.ref.id === ref.id);
  return candidate ? [candidate.name, ...candidate.aliases.map((a) => a.text)] : [ref.id];
}

export function evaluatePage(page: EvalPage, parseHtml: (html: string) => Document): PageResult {
  const t0 = performance.now();
  const doc = parseHtml(page.html);
  const parseMs = performance.now() - t0;
  const options = { dictionary: page.dictionary };
  const t1 = performance.now();
  const result = extractDraft(doc, options);
  const coldMs = performance.now() - t1;
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    extractDraft(doc, options);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const base = {
    page: page.labels.page,
    split: page.labels.split,
    bytes: new TextEncoder().encode(page.html).length,
    parseMs,
    coldMs,
    extractMs: times[1] ?? coldMs,
  };
  if (!result.ok) {
    return {
      ...base,
      datasetIssues: [],
      failure: result.error.message,
      score: scorePage(page.labels, [], []),
    };
  }
  const draft = result.value;
  const dataset = draftToDataset(draft);
  const parsed = parseDataset(JSON.parse(JSON.stringify(dataset)));
  const datasetIssues = parsed.ok
    ? []
    : parsed.error.map((issue) => `${issue.path}: ${issue.message}`);
  // Entities as Save stores them; quotes as the reviewer sees them (blank speakers included).
  const entities: ExtractedEntity[] = dataset.entities.map((entity) => ({
    kind: entity.kind,
    names: [entity.name, ...entity.aliases.map((alias) => alias.text)],
  }));
  const quotes: ExtractedQuote[] = draft.quotes.map((quote) => ({
    text: quote.parts.map((part) => part.text).join(' '),
    speaker:
      quote.attribution.status === 'attributed'
        ? namesOf(draft, quote.attribution.speaker)
        : undefined,
  }));
  return {
    ...base,
    datasetIssues,
    failure: undefined,
    score: scorePage(page.labels, entities, quotes),
  };
}

export interface SplitSummary {
  split: 'dev' | 'test';
  pages: string[];
  entities: Record<Kind, Counts & { precision: number; recall: number }>;
  quotes: Counts & { precision: number; recall: number };
  speakers: SpeakerCounts & {
    matched: number;
    rightRate: number;
    wrongRate: number;
    blankRate: number;
  };
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

export function summarize(results: readonly PageResult[], split: 'dev' | 'test'): SplitSummary {
  const pages = results.filter((r) => r.split === split);
  const zero: Counts = { extracted: 0, matchedExtracted: 0, labelled: 0, matchedLabelled: 0 };
  const withRates = (c: Counts) => ({
    ...c,
    precision: ratio(c.matchedExtracted, c.extracted),
    recall: ratio(c.matchedLabelled, c.labelled),
  });
  const entities = {} as SplitSummary['entities'];
  for (const kind of KINDS)
    entities[kind] = withRates(
      pages.reduce((sum, r) => addCounts(sum, r.score.entities[kind]), zero),
    );
  const quotes = withRates(pages.reduce((sum, r) => addCounts(sum, r.score.quotes), zero));
  const speakers = pages.reduce(
    (sum, r) => ({
      right: sum.right + r.score.speakers.right,
      wrong: sum.wrong + r.score.speakers.wrong,
      blank: sum.blank + r.score.speakers.blank,
    }),
    { right: 0, wrong: 0, blank: 0 },
  );
  const matched = speakers.right + speakers.wrong + speakers.blank;
  return {
    split,
    pages: pages.map((r) => r.page),
    entities,
    quotes,
    speakers: {
      ...speakers,
      matched,
      rightRate: ratio(speakers.right, matched),
      wrongRate: ratio(speakers.wrong, matched),
      blankRate: ratio(speakers.blank, matched),
    },
  };
}

const f2 = (n: number) => n.toFixed(2);

/** The report as text; per-item errors are listed for dev pages only (test pages are for measuring). */
export function formatReport(
  results: readonly PageResult[],
  splits: readonly ('dev' | 'test')[],
  showErrors: boolean,
): string {
  const lines: string[] = [];
  for (const split of splits) {
    const s = summarize(results, split);
    if (s.pages.length === 0) continue;
    lines.push(`${split} (${s.pages.length} pages: ${s.pages.join(', ')})`);
    lines.push('  kind           precision  recall   (matched/extracted, matched/labelled)');
    for (const kind of KINDS) {
      const c = s.entities[kind];
      lines.push(
        `  ${(kind === 'person' ? 'people' : `${kind}s`).padEnd(14)} ${f2(c.precision).padStart(9)}  ${f2(c.recall).padStart(6)}   (${c.matchedExtracted}/${c.extracted}, ${c.matchedLabelled}/${c.labelled})`,
      );
    }
    const q = s.quotes;
    lines.push(
      `  ${'quotes'.padEnd(14)} ${f2(q.precision).padStart(9)}  ${f2(q.recall).padStart(6)}   (${q.matchedExtracted}/${q.extracted}, ${q.matchedLabelled}/${q.labelled})`,
    );
    const sp = s.speakers;
    lines.push(
      `  speakers of ${sp.matched} matched quotes: right ${f2(sp.rightRate)}, wrong ${f2(sp.wrongRate)}, blank ${f2(sp.blankRate)} (${sp.right}/${sp.wrong}/${sp.blank})`,
    );
    lines.push('');
  }
  lines.push(
    'time per page (Node; extract = extractDraft, median of 3 after a cold run; parse = jsdom, not in the budget)',
  );
  lines.push(
    `  ${'page'.padEnd(16)} ${'KB'.padStart(6)} ${'parse'.padStart(7)} ${'cold'.padStart(7)} ${'extract'.padStart(8)}  dataset`,
  );
  for (const r of results) {
    if (!splits.includes(r.split)) continue;
    const validity = r.failure
      ? `failed: ${r.failure}`
      : r.datasetIssues.length === 0
        ? 'valid'
        : `INVALID (${r.datasetIssues.length} issues)`;
    lines.push(
      `  ${r.page.padEnd(16)} ${(r.bytes / 1024).toFixed(0).padStart(6)} ${r.parseMs.toFixed(0).padStart(7)} ${r.coldMs.toFixed(0).padStart(7)} ${r.extractMs.toFixed(0).padStart(8)}  ${validity}`,
    );
  }
  if (showErrors) {
    for (const r of results) {
      if (r.split !== 'dev') continue;
      lines.push('', `errors on ${r.page} (dev):`);
      for (const error of r.score.errors) lines.push(`  ${error}`);
      for (const issue of r.datasetIssues) lines.push(`  dataset: ${issue}`);
    }
  }
  return lines.join('\n');
}
