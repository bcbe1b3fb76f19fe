// Hit-testing a pointer position: the registry's own answer where the browser has one, the caret otherwise, and
// the open shadow roots named to both so names inside web components can be hovered.
import { describe, expect, it, vi } from 'vitest';
import { mentionAt } from '../../../../lib/content/highlight/hit-test';
import { type Mention, MentionIndex } from '../../../../lib/content/highlight/mentions';

function setup() {
  document.body.innerHTML = '<p>Putin and Kyiv</p><div id="host"></div>';
  const text = document.querySelector('p')?.firstChild as Text;
  const root = (document.getElementById('host') as HTMLElement).attachShadow({ mode: 'open' });
  root.innerHTML = '<p>Starmer</p>';
  const inShadow = root.querySelector('p')?.firstChild as Text;
  const range = (node: Text, start: number, end: number) => {
    const r = document.createRange();
    r.setStart(node, start);
    r.setEnd(node, end);
    return r;
  };
  const putin: Mention = { range: range(text, 0, 5), entityId: 'putin', kind: 'person' };
  const kyiv: Mention = { range: range(text, 10, 14), entityId: 'kyiv', kind: 'place' };
  const starmer: Mention = { range: range(inShadow, 0, 7), entityId: 'starmer', kind: 'person' };
  const index = new MentionIndex();
  index.add(putin, [text]);
  index.add(kyiv, [text]);
  index.add(starmer, [inShadow]);
  return { root, putin, kyiv, starmer, index };
}

/** A document whose view has (or lacks) CSS.highlights.highlightsFromPoint and whose caret API is scripted. */
function fakeDoc(parts: {
  highlightsFromPoint?: (x: number, y: number, options?: unknown) => unknown[];
  caretPositionFromPoint?: (x: number, y: number, options?: unknown) => unknown;
}): Document {
  return {
    defaultView: { CSS: { highlights: { highlightsFromPoint: parts.highlightsFromPoint } } },
    caretPositionFromPoint: parts.caretPositionFromPoint,
  } as unknown as Document;
}

describe('mentionAt', () => {
  it('takes the ranges highlightsFromPoint reports, naming the open shadow roots', () => {
    const { root, kyiv, starmer, index } = setup();
    const highlightsFromPoint = vi.fn((_x: number, y: number) =>
      y === 1
        ? [{ highlight: {}, ranges: [kyiv.range] }]
        : [{ highlight: {}, ranges: [starmer.range] }],
    );
    const doc = fakeDoc({ highlightsFromPoint });
    expect(mentionAt(doc, index, 10, 1, [root])).toBe(kyiv);
    expect(mentionAt(doc, index, 10, 2, [root])).toBe(starmer);
    expect(highlightsFromPoint).toHaveBeenCalledWith(10, 2, { shadowRoots: [root] });
  });

  it('ignores ranges that are not ours (the page’s own highlights) and finds nothing where nothing is painted', () => {
    const { index } = setup();
    const foreign = document.createRange();
    const caretPositionFromPoint = () => null;
    const doc = fakeDoc({
      highlightsFromPoint: () => [{ highlight: {}, ranges: [foreign] }],
      caretPositionFromPoint,
    });
    expect(mentionAt(doc, index, 1, 1)).toBeNull();
    expect(
      mentionAt(fakeDoc({ highlightsFromPoint: () => [], caretPositionFromPoint }), index, 1, 1),
    ).toBeNull();
  });

  it('asks the caret when highlightsFromPoint answers nothing (Chromium does at a device scale factor of 2)', () => {
    const { kyiv, index } = setup();
    const doc = fakeDoc({
      highlightsFromPoint: () => [],
      caretPositionFromPoint: () => ({ offsetNode: kyiv.range.startContainer, offset: 11 }),
    });
    vi.spyOn(Range.prototype, 'getClientRects').mockImplementation(function (this: Range) {
      return (this.startOffset === 10
        ? [{ left: 0, right: 50, top: 0, bottom: 20 }]
        : []) as unknown as DOMRectList;
    });
    expect(mentionAt(doc, index, 10, 10)).toBe(kyiv);
    vi.restoreAllMocks();
  });

  it('falls back to the caret, naming the shadow roots, and checks the point is inside the range’s boxes', () => {
    const { root, starmer, index } = setup();
    const inShadow = starmer.range.startContainer;
    const caretPositionFromPoint = vi.fn(() => ({ offsetNode: inShadow, offset: 2 }));
    const doc = fakeDoc({ caretPositionFromPoint });
    vi.spyOn(Range.prototype, 'getClientRects').mockReturnValue([
      { left: 0, right: 50, top: 0, bottom: 20 },
    ] as unknown as DOMRectList);
    expect(mentionAt(doc, index, 10, 10, [root])).toBe(starmer);
    expect(caretPositionFromPoint).toHaveBeenCalledWith(10, 10, { shadowRoots: [root] });
    // The caret lands on the nearest text even in a margin: outside the boxes, nothing.
    expect(mentionAt(doc, index, 80, 10, [root])).toBeNull();
    vi.restoreAllMocks();
  });
});
