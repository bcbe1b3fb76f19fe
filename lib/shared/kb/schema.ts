// The knowledge-base file format (schemaVersion 1): zod schemas, and the TypeScript types inferred from them.
//
// Text policy, decided once here:
// - Every string except `Dataset.notes` is plain text. It is kept exactly as written (Preact
//   escapes it when rendering), but a validating parse rejects active content in it — `<script`,
//   `<iframe`/`<object`/`<embed`, event-handler attributes (`<b onclick=…>`), `javascript:` /
//   `vbscript:` / `data:text/html` links — as an issue with the JSON path of the string. No
//   legitimate name, quote or article contains those, so their presence means a hostile or broken file.
// - `notes` may hold simple markup. It is rendered only through `sanitizeNotes()` (sanitize.ts,
//   DOMPurify), and scripts and event handlers are rejected there too, so a file that needs them fails loudly.
// - `url` must be https: (no http:, javascript:, data: or relative links).
// Cross-item rules (ids exist, no duplicates, evidence spans are whole sentences containing the
// item's text verbatim, quotes quoted there, figure values and `when` as the words state them)
// need the whole dataset and live in validate.ts; parse.ts runs both.
import { z } from 'zod';

export const SCHEMA_VERSION = 1;

/** Lengths beyond any real name, quote or article; a file exceeding them is broken or hostile. */
export const LIMITS = {
  id: 64,
  name: 200,
  shortText: 500,
  text: 5_000,
  sourceText: 1_000_000,
  notes: 20_000,
  url: 2_048,
  items: 100_000,
  aliases: 200,
  perItemList: 500,
} as const;

/** Lowercase, digits and dashes; starts with a letter or digit. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
/** A year, a month of a year or a day: "2025", "2025-08", "2025-08-28". */
export const EVENT_DATE = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;
/** An entity kind or a figure kind: lowercase words joined by dashes. */
export const KIND_PATTERN = /^[a-z][a-z-]{0,31}$/;

/** Active content that must never appear in a dataset string (see the module comment). */
const ACTIVE_CONTENT: readonly { pattern: RegExp; reason: string }[] = [
  { pattern: /<\s*script\b/i, reason: 'contains a <script> tag' },
  { pattern: /<\s*(?:iframe|object|embed)\b/i, reason: 'contains an embedded-content tag' },
  { pattern: /<[^>]*\son[a-z]+\s*=/i, reason: 'contains an event-handler attribute' },
  { pattern: /\b(?:javascript|vbscript)\s*:/i, reason: 'contains a javascript:/vbscript: link' },
  { pattern: /\bdata\s*:\s*text\/html/i, reason: 'contains a data:text/html link' },
];

/** Why `text` is unsafe to carry, or null if it holds no active content. */
export function activeContentReason(text: string): string | null {
  for (const { pattern, reason } of ACTIVE_CONTENT) if (pattern.test(text)) return reason;
  return null;
}

function plainText(max: number) {
  return z
    .string()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .superRefine((text, ctx) => {
      const reason = activeContentReason(text);
      if (reason) ctx.addIssue({ code: 'custom', message: `${reason}; plain text only` });
    });
}

export const IdSchema = z
  .string()
  .regex(
    ID_PATTERN,
    'must be 1–64 lowercase letters, digits or dashes, starting with a letter or digit',
  );

const KindSchema = z.string().regex(KIND_PATTERN, 'must be a lowercase word (dashes allowed)');

export const HttpsUrlSchema = z
  .string()
  .max(LIMITS.url)
  .refine((value) => {
    try {
      return new URL(value).protocol === 'https:';
    } catch {
      return false;
    }
  }, 'must be an absolute https: URL');

/** Where an item comes from: the UTF-16 span of one whole sentence of a source's text. */
export const EvidenceSchema = z
  .object({
    source: IdSchema,
    start: z.number().int().nonnegative(),
    end: z.number().int().positive(),
  })
  .strict()
  .refine((e) => e.end > e.start, { message: 'end must be greater than start', path: ['end'] });

export const SourceSchema = z
  .object({
    id: IdSchema,
    title: plainText(LIMITS.shortText),
    text: plainText(LIMITS.sourceText),
    publisher: plainText(LIMITS.name).optional(),
    /** As the source states it; absent when unknown (never invented). */
    published: plainText(LIMITS.name).optional(),
    url: HttpsUrlSchema.optional(),
  })
  .strict();

/** One way of writing an entity's name. Short all-caps forms ("US", "EU") must be case-sensitive. */
export const AliasSchema = z
  .object({
    text: plainText(LIMITS.name),
    caseSensitive: z.boolean(),
  })
  .strict();

export const EntitySchema = z
  .object({
    id: IdSchema,
    /** person, organization, place (lib/shared/kinds.ts); other lowercase kinds are allowed and grouped as "other". */
    kind: KindSchema,
    name: plainText(LIMITS.name),
    aliases: z.array(AliasSchema).max(LIMITS.aliases),
    /**
     * Longer phrases that contain one of the names but name something else ("South America",
     * "Bank of America" for an entity called "America"): they win as the longest match and are
     * not highlighted. Each must contain a name of the entity (validate.ts).
     */
    excludes: z.array(AliasSchema).max(LIMITS.aliases).optional(),
    /** The role as the source states it, e.g. "White House press secretary". */
    description: plainText(LIMITS.shortText).optional(),
    descriptionEvidence: EvidenceSchema.optional(),
  })
  .strict();

export const FactSchema = z
  .object({
    id: IdSchema,
    entity: IdSchema,
    /** A verbatim excerpt of the evidence sentence. */
    text: plainText(LIMITS.text),
    evidence: EvidenceSchema,
  })
  .strict();

export const QuoteSchema = z
  .object({
    id: IdSchema,
    /** Entity id of whoever the source says spoke the words. */
    speaker: IdSchema,
    /** The quoted words, verbatim, without the quotation marks. */
    text: plainText(LIMITS.text),
    /** How the source introduces it, e.g. "said in a statement". */
    context: plainText(LIMITS.shortText).optional(),
    evidence: EvidenceSchema,
  })
  .strict();

export const KNOWN_FIGURE_KINDS = [
  'dead',
  'wounded',
  'drones',
  'missiles',
  'money',
  'locations',
  'buildings',
] as const;

export const FigureSchema = z
  .object({
    /** dead, wounded, drones, missiles, money, locations, buildings, or another lowercase kind. */
    kind: KindSchema,
    value: z.number().finite(),
    unit: plainText(LIMITS.name).optional(),
    /** "at least", "nearly", … as the source hedges the number. */
    qualifier: plainText(LIMITS.name).optional(),
    /** Verbatim, e.g. "at least 21". */
    text: plainText(LIMITS.shortText),
    evidence: EvidenceSchema,
  })
  .strict();

export const EventSchema = z
  .object({
    id: IdSchema,
    title: plainText(LIMITS.shortText),
    /** As the source states it ("Thursday", "Just weeks ago"); absent when it does not say. */
    when: plainText(LIMITS.name).optional(),
    /**
     * The calendar date `when` stands for — a day (YYYY-MM-DD), a month (YYYY-MM) or a year
     * (YYYY) — resolved against the source's publication date ("Thursday" in an article of
     * Thursday 28 August 2025 is 2025-08-28); absent when it cannot be resolved.
     */
    date: z
      .string()
      .regex(EVENT_DATE, 'must be a date written YYYY, YYYY-MM or YYYY-MM-DD')
      .optional(),
    /** Entity ids of the places. */
    where: z.array(IdSchema).max(LIMITS.perItemList),
    /** Entity ids of the people and organizations involved. */
    participants: z.array(IdSchema).max(LIMITS.perItemList),
    figures: z.array(FigureSchema).max(LIMITS.perItemList),
    evidence: z
      .array(EvidenceSchema)
      .min(1, 'needs at least one evidence sentence')
      .max(LIMITS.perItemList),
  })
  .strict();

export const RelationSchema = z
  .object({
    id: IdSchema,
    subject: IdSchema,
    /** Lowercase, dash-joined, read "subject predicate object": 'located-in', 'leads', 'envoy-of'. */
    predicate: KindSchema,
    object: IdSchema,
    /** Verbatim words of the evidence sentence that state the relation. */
    text: plainText(LIMITS.text),
    evidence: EvidenceSchema,
  })
  .strict();

export const DatasetSchema = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION, { error: `must be ${SCHEMA_VERSION}` }),
    id: IdSchema,
    name: plainText(LIMITS.name),
    /** May hold markup; rendered only through sanitizeNotes(). */
    notes: z
      .string()
      .max(LIMITS.notes)
      .superRefine((text, ctx) => {
        const reason = activeContentReason(text);
        if (reason)
          ctx.addIssue({ code: 'custom', message: `${reason}; not allowed even in notes` });
      })
      .optional(),
    sources: z.array(SourceSchema).max(LIMITS.items),
    entities: z.array(EntitySchema).max(LIMITS.items),
    facts: z.array(FactSchema).max(LIMITS.items),
    quotes: z.array(QuoteSchema).max(LIMITS.items),
    events: z.array(EventSchema).max(LIMITS.items),
    relations: z.array(RelationSchema).max(LIMITS.items),
    /** Capitalised words of the sources that are deliberately not entities (checked by tests). */
    ignoredNames: z.array(plainText(LIMITS.name)).max(LIMITS.items).optional(),
  })
  .strict();

export type Evidence = z.infer<typeof EvidenceSchema>;
export type Source = z.infer<typeof SourceSchema>;
export type Alias = z.infer<typeof AliasSchema>;
export type Entity = z.infer<typeof EntitySchema>;
export type Fact = z.infer<typeof FactSchema>;
export type Quote = z.infer<typeof QuoteSchema>;
export type Figure = z.infer<typeof FigureSchema>;
export type Event = z.infer<typeof EventSchema>;
export type Relation = z.infer<typeof RelationSchema>;
export type Dataset = z.infer<typeof DatasetSchema>;

/** One problem found in a dataset: where (JSON path such as `entities[3].aliases[0].text`) and why. */
export interface DatasetIssue {
  path: string;
  message: string;
}

/** `Event` shadows the DOM's global of the same name; import this alias where both are in scope. */
export type KbEvent = Event;
