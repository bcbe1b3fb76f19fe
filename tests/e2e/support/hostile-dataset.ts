// A hostile dataset for the e2e suite (issue #8): every string field of a valid dataset carries markup, script and
// data URLs, CSS, bidi controls and zero-width joiners, or sits at the schema's length cap. All of it passes the
// import's validation — the blatant forms it refuses (`<script>`, ` on…=` handlers, `javascript:`, `data:text/html`)
// are in `refusedDatasets` — so only the rendering keeps it inert. Whatever would run sets the canary `top.__pwned`
// and the title to PWNED, and every element or style a payload would create carries the word `pwned`.
import { parseDataset } from '../../../lib/shared/kb/parse';
import { activeContentReason, LIMITS } from '../../../lib/shared/kb/schema';

/** Set on the window (and the title changed to PWNED) by any payload that runs. */
export const CANARY = '__pwned';
/** In every payload that would create an element, attribute or style: finding it outside text means injection. */
export const TOKEN = 'pwned';

const RUN = "top.__pwned=1;document.title='PWNED'";

/**
 * Payloads the validator lets through. The element ones use `/` instead of a space before the handler
 * (`<svg/onload=…>` is still an svg with an onload attribute to an HTML parser) and the URL ones a tab or
 * an entity inside `javascript:` (a URL parser drops the tab; an HTML parser decodes the entity).
 */
export const PAYLOADS = {
  img: `<img/src="https://evil.invalid/pwned.png"/onerror="${RUN}">`,
  svg: `<svg/onload="${RUN}">`,
  details: `<details/open/ontoggle="${RUN}">`,
  input: `<input/autofocus/onfocus="${RUN}">`,
  mxss: `<noscript><p title="</noscript><img/src='https://evil.invalid/pwned.png'/onerror='${RUN}'>">`,
  breakout: `"><b class="pwned">bold</b><!--`,
  comment: `--><i class="pwned">after a comment</i>`,
  style: `</style><style>*{display:none!important;background:url(https://evil.invalid/pwned.png)}</style>`,
  cssExpression: 'x{width:expression(top.__pwned=1)}',
  cssImport: '@import url(https://evil.invalid/pwned.css);',
  link: '<link/rel="stylesheet"/href="https://evil.invalid/pwned.css">',
  meta: '<meta/http-equiv="refresh"/content="0;url=https://evil.invalid/pwned">',
  base: '<base/href="https://evil.invalid/pwned/">',
  template:
    "{{constructor.constructor('top.__pwned=1')()}} $" + '{top.__pwned=1} <%= top.__pwned=1 %>',
  jsTab: '<a/href="java\tscript:top.__pwned=1">java\tscript:top.__pwned=1</a>',
  jsEntity: '<a/href="&#106;avascript:top.__pwned=1">&#106;avascript:top.__pwned=1</a>',
  dataSvg: `data:image/svg+xml,<svg/onload="${RUN}">`,
  dataXhtml: 'data:application/xhtml+xml;base64,PHNjcmlwdD50b3AuX19wd25lZD0xPC9zY3JpcHQ+',
  zwjScript: '<scr\u200dipt>top.__pwned=1</scr\u200dipt>',
  // Unterminated: an override that leaks would reverse whatever the UI shows after it.
  rtl: '\u202egnp.denwp',
  zwj: 'Kee\u200dper',
} as const;

/** `text` repeated, then cut, to exactly `length` characters. */
function fill(text: string, length: number): string {
  return text.repeat(Math.ceil(length / text.length)).slice(0, length);
}

export const HOSTILE_ID = 'hostile-set';
/** The ordinary words of tests/fixtures/pages/hostile-dataset.html that name the three entities. */
export const ALIASES = { keeper: 'lighthouse', harbour: 'harbour', ferry: 'ferry' } as const;

/** Builds the hostile dataset; throws, naming each issue, if the import would refuse it. */
export function hostileDataset() {
  const P = PAYLOADS;
  let text = '';
  /** Appends `line` as a sentence of the source and returns its span. */
  const cite = (line: string) => {
    const at = text.indexOf(line);
    if (at >= 0 && (at === 0 || text[at - 1] === '\n')) {
      return { source: 'hostile-source', start: at, end: at + line.length };
    }
    text = text === '' ? line : `${text}\n${line}`;
    return { source: 'hostile-source', start: text.length - line.length, end: text.length };
  };

  // Strings at the schema's caps; the source holds a 100,000-character sentence without a space.
  const longSentence = fill(`${P.img}${P.rtl}${P.zwj}`, 100_000);
  const longFact = longSentence.slice(0, LIMITS.text);
  const ferryName = fill(`Ferry${P.svg}${P.zwj}`, LIMITS.name);
  const keeperDescription = fill(`keeps the lamp ${P.details} ${P.style} `, LIMITS.shortText);
  const longAlias = fill(`${P.zwjScript}${P.rtl}`, LIMITS.name);

  const keeper = {
    id: 'hostile-keeper',
    kind: 'person',
    name: `Lighthouse Keeper ${P.img} ${P.rtl}`,
    aliases: [
      { text: ALIASES.keeper, caseSensitive: false },
      { text: P.svg, caseSensitive: false },
      { text: `${P.zwj} ${P.rtl}`, caseSensitive: true },
      { text: longAlias, caseSensitive: false },
    ],
    description: keeperDescription,
    descriptionEvidence: cite(keeperDescription),
  };
  const harbourDescription = `the harbour ${P.meta} ${P.base}`;
  const harbour = {
    id: 'hostile-harbour',
    kind: 'place',
    name: `Harbour ${P.style}`,
    aliases: [
      { text: ALIASES.harbour, caseSensitive: false },
      { text: P.cssExpression, caseSensitive: false },
      { text: P.dataSvg, caseSensitive: false },
    ],
    description: harbourDescription,
    descriptionEvidence: cite(`Everyone knows ${harbourDescription} well`),
  };
  const ferry = {
    id: 'hostile-ferry',
    kind: 'organization',
    name: ferryName,
    aliases: [
      { text: ALIASES.ferry, caseSensitive: false },
      { text: P.zwjScript, caseSensitive: false },
      { text: P.template, caseSensitive: false },
    ],
    description: `${P.link} ${P.cssImport}`,
  };

  const quoteText = `${P.svg} the light stays on ${P.zwjScript}`;
  const dataset = {
    schemaVersion: 1,
    id: HOSTILE_ID,
    name: `Hostile <b class="pwned">set</b> ${P.svg} ${P.rtl}`,
    notes: Object.values(P).join('\n'),
    sources: [] as unknown[],
    entities: [keeper, harbour, ferry],
    facts: [
      { id: 'keeper-long', entity: keeper.id, text: longFact, evidence: cite(longSentence) },
      {
        id: 'keeper-breakout',
        entity: keeper.id,
        text: P.breakout,
        evidence: cite(`The keeper wrote ${P.breakout} in the log`),
      },
      {
        id: 'keeper-links',
        entity: keeper.id,
        text: `${P.jsTab} ${P.jsEntity}`,
        evidence: cite(`${P.jsTab} ${P.jsEntity}`),
      },
      { id: 'harbour-mxss', entity: harbour.id, text: P.mxss, evidence: cite(P.mxss) },
      {
        id: 'ferry-data',
        entity: ferry.id,
        text: `${P.dataXhtml} ${P.comment}`,
        evidence: cite(`The ferry timetable read ${P.dataXhtml} ${P.comment} today`),
      },
    ],
    quotes: [
      {
        id: 'keeper-quote',
        speaker: keeper.id,
        text: quoteText,
        context: P.template,
        evidence: cite(`The keeper said “${quoteText}” to us`),
      },
    ],
    events: [
      {
        id: 'hostile-storm',
        title: `${P.details} Storm ${P.rtl}`,
        when: P.input,
        where: [harbour.id],
        participants: [keeper.id, ferry.id],
        figures: [
          {
            kind: 'dead',
            value: 3,
            qualifier: '<b class="pwned">at least</b>',
            text: `${P.comment} 3`,
            evidence: cite(`A storm killed ${P.comment} 3 sailors`),
          },
          {
            kind: 'buildings',
            value: 7,
            unit: P.svg,
            text: `7 ${P.svg}`,
            evidence: cite(`It wrecked 7 ${P.svg} on the quay`),
          },
        ],
        // The validator requires `when` (P.input) verbatim in one of the event's evidence sentences.
        evidence: [cite(`${P.details} Storm ${P.rtl} hit the harbour ${P.input}`)],
      },
    ],
    relations: [
      {
        id: 'keeper-in-harbour',
        subject: keeper.id,
        predicate: 'located-in',
        object: harbour.id,
        text: P.base,
        evidence: cite(`The keeper lives ${P.base} by the water`),
      },
      {
        id: 'ferry-in-harbour',
        subject: ferry.id,
        predicate: 'based-in',
        object: harbour.id,
        text: P.meta,
        evidence: cite(`The ferry is moored ${P.meta} there`),
      },
    ],
    ignoredNames: [P.img],
  };
  dataset.sources = [
    {
      id: 'hostile-source',
      title: `${P.svg} Harbour log ${P.style}`,
      text,
      publisher: P.img,
      published: P.rtl,
      url: `https://example.invalid/"><svg/onload="${RUN}">`,
    },
  ];
  for (const [name, payload] of Object.entries(P)) {
    const reason = activeContentReason(payload);
    if (reason)
      throw new Error(`payload ${name} is now refused by the import (${reason}): move it`);
  }
  const parsed = parseDataset(dataset);
  if (!parsed.ok) {
    const issues = parsed.error.map((issue) => `${issue.path}: ${issue.message}`).join('\n');
    throw new Error(`the hostile dataset no longer passes validation:\n${issues}`);
  }
  return dataset;
}

export type HostileDataset = ReturnType<typeof hostileDataset>;

/** A refused file: the dataset, and the JSON paths its import must name, each with what the message says. */
export interface RefusedDataset {
  file: string;
  dataset: unknown;
  issues: [path: string, message: RegExp][];
}

/** Variants of the hostile dataset the import must refuse: blatant active content, and strings over the caps. */
export function refusedDatasets(base: HostileDataset): RefusedDataset[] {
  const [keeper, harbour, ferry] = base.entities;
  const [source] = base.sources as Record<string, unknown>[];
  const [event] = base.events;
  const [, second, ...facts] = base.facts;
  if (!keeper || !harbour || !ferry || !source || !event || !second) {
    throw new Error('the hostile dataset changed shape');
  }
  return [
    {
      file: 'hostile-active.json',
      dataset: {
        ...base,
        id: 'refused-active',
        name: `Set <script>${RUN}</script>`,
        notes: `<svg onload="${RUN}">`,
        sources: [{ ...source, title: `javascript:${RUN}` }],
        entities: [
          { ...keeper, description: `<img src="https://evil.invalid/x.png" onerror="${RUN}">` },
          {
            ...harbour,
            aliases: [{ text: '<iframe src="https://evil.invalid/">', caseSensitive: false }],
          },
          ferry,
        ],
        events: [{ ...event, title: `data:text/html,<b>${TOKEN}</b>` }],
      },
      issues: [
        ['name', /<script> tag/],
        ['notes', /event-handler attribute/],
        ['sources[0].title', /javascript:/],
        ['entities[0].description', /event-handler attribute/],
        ['entities[1].aliases[0].text', /embedded-content tag/],
        ['events[0].title', /data:text\/html/],
      ],
    },
    {
      file: 'hostile-too-long.json',
      dataset: {
        ...base,
        id: 'refused-long',
        sources: [{ ...source, title: 'T'.repeat(LIMITS.shortText + 1) }],
        entities: [{ ...keeper, name: 'N'.repeat(LIMITS.name + 1) }, harbour, ferry],
        facts: [base.facts[0], { ...second, text: 'F'.repeat(LIMITS.text + 1) }, ...facts],
      },
      issues: [
        ['sources[0].title', new RegExp(`must be at most ${LIMITS.shortText} characters`)],
        ['entities[0].name', new RegExp(`must be at most ${LIMITS.name} characters`)],
        ['facts[1].text', new RegExp(`must be at most ${LIMITS.text} characters`)],
      ],
    },
  ];
}
