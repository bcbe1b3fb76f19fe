// A stand-in for the CSS Custom Highlight API (happy-dom has none): records what would be painted.
import type { HighlightEnv } from '../../../../lib/content/highlight/highlighter';

export class FakeHighlight extends Set<AbstractRange> {
  priority = 0;
}

/** A real (happy-dom) sheet, so documents accept it, that remembers the CSS it was given. */
export class FakeSheet extends CSSStyleSheet {
  css = '';
  override replaceSync(css: string): void {
    this.css = css;
  }
}

export function fakeHighlightEnv(): HighlightEnv & {
  painted(name: string): string[];
  ranges(name: string): AbstractRange[];
  sheet(): FakeSheet;
} {
  const registry = new Map<string, FakeHighlight>();
  let sheet: FakeSheet | null = null;
  return {
    registry: registry as unknown as HighlightRegistry,
    createHighlight: () => new FakeHighlight() as unknown as Highlight,
    createStyleSheet: () => {
      sheet = new FakeSheet();
      return sheet;
    },
    /** The text of every range registered under `name`, in insertion order. */
    painted(name: string) {
      return [...(registry.get(name) ?? [])].map((range) => (range as Range).toString());
    },
    /** The ranges registered under `name`, in insertion order. */
    ranges(name: string) {
      return [...(registry.get(name) ?? [])];
    },
    sheet() {
      if (!sheet) throw new Error('no sheet yet');
      return sheet;
    },
  };
}

/**
 * happy-dom has no layout, so its IntersectionObserver never reports. This one says every observed
 * element is near the viewport at once (the window logic itself is tested in painter.test.ts).
 */
export class EverythingVisibleObserver {
  constructor(private readonly callback: IntersectionObserverCallback) {}
  observe(target: Element): void {
    this.callback(
      [{ target, isIntersecting: true } as unknown as IntersectionObserverEntry],
      this as unknown as IntersectionObserver,
    );
  }
  unobserve(): void {}
  disconnect(): void {}
}
