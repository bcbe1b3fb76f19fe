// Finds the quoted passages of a sentence (“…”, "…", ‘…’, '…', «…», „…“, ‹…›), so a quote can be checked to be the source's quoted words.
//
// Why a small scanner and not a regex: quotation marks nest (“he said ‘no’ twice”), and the
// single marks double as apostrophes. ’ or ' between two letters ("haven’t") is an apostrophe;
// ‘ opens only where a word cannot continue (start, space, “, bracket); ’ closes only where no
// letter follows, and only a passage opened by ‘ (so "the Zelenskyys’ home" closes nothing
// unless a ‘ is open). An unclosed mark opens no passage, with one exception news style needs: a
// quotation that runs over several paragraphs leaves each paragraph but the last unclosed
// (“We will rebuild. ¶ “It will take years,” he said.), so an outermost double mark (“, „, «, ")
// still open at the end of a sentence is the opening of a passage that runs to that end
// (`continuedQuotation`). isQuoted accepts words inside such a tail.

/** The inside of one quoted passage (marks excluded), as UTF-16 offsets into the scanned text. */
export interface QuotedSpan {
  start: number;
  end: number;
}

type Opener = '“' | '„' | '«' | '‹' | '"' | '‘' | "'";

const isLetter = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

/** Every quoted passage of `text`, outer passages after the ones they contain. */
export function quotedSpans(text: string): QuotedSpan[] {
  return scan(text).closed;
}

/**
 * The passage opened by an outermost double quotation mark (“, „, «, ") that is still open at the
 * end of `text`: a quotation continued in the next paragraph. Undefined when every mark closes.
 */
export function continuedQuotation(text: string): QuotedSpan | undefined {
  const outer = scan(text).open[0];
  if (!outer || !DOUBLE_OPENERS.has(outer.mark)) return undefined;
  return { start: outer.start, end: text.length };
}

const DOUBLE_OPENERS: ReadonlySet<Opener> = new Set(['“', '„', '«', '"']);

function scan(text: string): { closed: QuotedSpan[]; open: { mark: Opener; start: number }[] } {
  const open: { mark: Opener; start: number }[] = [];
  const out: QuotedSpan[] = [];
  /** Closes the innermost passage opened by one of `marks`; marks opened inside it stay unmatched. */
  const close = (at: number, marks: readonly Opener[]): boolean => {
    for (let k = open.length - 1; k >= 0; k--) {
      const entry = open[k] as { mark: Opener; start: number };
      if (!marks.includes(entry.mark)) continue;
      out.push({ start: entry.start, end: at });
      open.length = k;
      return true;
    }
    return false;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    const before = text[i - 1];
    const after = text[i + 1];
    switch (ch) {
      case '“':
        // „…“ is the German pair; otherwise “ opens.
        if (!close(i, ['„'])) open.push({ mark: '“', start: i + 1 });
        break;
      case '”':
        close(i, ['“', '„']);
        break;
      case '„':
      case '«':
      case '‹':
        open.push({ mark: ch, start: i + 1 });
        break;
      case '»':
        close(i, ['«']);
        break;
      case '›':
        close(i, ['‹']);
        break;
      case '"':
        if (!close(i, ['"'])) open.push({ mark: '"', start: i + 1 });
        break;
      case '‘':
        if (!isLetter(before)) open.push({ mark: '‘', start: i + 1 });
        break;
      case '’':
        if (!isLetter(after)) close(i, ['‘']);
        break;
      case "'":
        if (isLetter(before) && isLetter(after)) break;
        if (isLetter(after) && !isLetter(before)) open.push({ mark: "'", start: i + 1 });
        else if (!isLetter(after)) close(i, ["'"]);
        break;
    }
  }
  return { closed: out, open };
}

/** True if some occurrence of `words` in `text` lies wholly inside one quoted passage. */
export function isQuoted(text: string, words: string): boolean {
  if (words.length === 0) return false;
  const spans = quotedSpans(text);
  const continued = continuedQuotation(text);
  if (continued) spans.push(continued);
  for (let at = text.indexOf(words); at >= 0; at = text.indexOf(words, at + 1)) {
    const end = at + words.length;
    if (spans.some((span) => span.start <= at && end <= span.end)) return true;
  }
  return false;
}
