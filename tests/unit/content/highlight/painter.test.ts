// The painter registers only mentions near the viewport, and follows the reader's scrolling and mutes.
import { beforeEach, describe, expect, it } from 'vitest';
import { Highlighter } from '../../../../lib/content/highlight/highlighter';
import type { Mention } from '../../../../lib/content/highlight/mentions';
import { WindowedPainter } from '../../../../lib/content/highlight/painter';
import { fakeHighlightEnv } from './fake-env';

/** An IntersectionObserver the test drives by hand. */
class ManualObserver {
  static last: ManualObserver;
  readonly observed = new Set<Element>();
  constructor(private readonly callback: IntersectionObserverCallback) {
    ManualObserver.last = this;
  }
  observe(target: Element) {
    this.observed.add(target);
  }
  unobserve(target: Element) {
    this.observed.delete(target);
  }
  disconnect() {
    this.observed.clear();
  }
  /** `boxless`: the target generates no box (display: contents), so the observer reports a zero-size rect. */
  report(target: Element, isIntersecting: boolean, boxless = false) {
    const size = boxless ? 0 : 10;
    const boundingClientRect = { width: size, height: size };
    this.callback(
      [{ target, isIntersecting, boundingClientRect } as unknown as IntersectionObserverEntry],
      this as unknown as IntersectionObserver,
    );
  }
}

function mentionIn(p: Element, entityId: string): Mention {
  const text = p.firstChild as Text;
  // happy-dom has no StaticRange; a Range is an AbstractRange too.
  const range = document.createRange();
  range.setStart(text, 0);
  range.setEnd(text, text.data.length);
  return { range, entityId, kind: 'person' };
}

function attached(env: ReturnType<typeof fakeHighlightEnv>): Highlighter {
  const highlighter = new Highlighter(env);
  highlighter.attach();
  return highlighter;
}

describe('WindowedPainter', () => {
  let env: ReturnType<typeof fakeHighlightEnv>;
  let painter: WindowedPainter;
  let top: Element;
  let bottom: Element;

  beforeEach(() => {
    document.body.innerHTML = '<p id="top">Putin</p><p id="bottom">Kallas</p>';
    top = document.getElementById('top') as Element;
    bottom = document.getElementById('bottom') as Element;
    env = fakeHighlightEnv();
    const view = {
      IntersectionObserver: ManualObserver,
      getComputedStyle: (element: Element) => window.getComputedStyle(element),
    } as unknown as Window & typeof globalThis;
    painter = new WindowedPainter(attached(env), view);
  });

  it('paints a mention only once its element comes near the viewport, and unpaints it when it leaves', () => {
    painter.add(mentionIn(top, 'putin'));
    painter.add(mentionIn(bottom, 'kallas'));
    expect(env.painted('backstory-person')).toEqual([]);
    ManualObserver.last.report(top, true);
    expect(env.painted('backstory-person')).toEqual(['Putin']);
    ManualObserver.last.report(bottom, true);
    ManualObserver.last.report(top, false);
    expect(env.painted('backstory-person')).toEqual(['Kallas']);
  });

  it('stops observing an element when its last mention goes', () => {
    const mention = mentionIn(top, 'putin');
    painter.add(mention);
    ManualObserver.last.report(top, true);
    painter.delete(mention);
    expect(env.painted('backstory-person')).toEqual([]);
    expect(ManualObserver.last.observed.has(top)).toBe(false);
  });

  it('leaves muted entities unpainted and brings them back when unmuted', () => {
    painter.add(mentionIn(top, 'putin'));
    painter.add(mentionIn(bottom, 'kallas'));
    ManualObserver.last.report(top, true);
    ManualObserver.last.report(bottom, true);
    painter.setMuted(new Set(['putin']));
    expect(env.painted('backstory-person')).toEqual(['Kallas']);
    painter.setMuted(new Set());
    expect(env.painted('backstory-person').sort()).toEqual(['Kallas', 'Putin']);
  });

  it('files a mention held by a display: contents element under the nearest ancestor with a box', () => {
    document.body.innerHTML =
      '<p id="wrap">Met <span id="boxless" style="display: contents">Starmer</span></p>';
    const boxless = document.getElementById('boxless') as Element;
    const wrap = document.getElementById('wrap') as Element;
    painter.add(mentionIn(boxless, 'keir-starmer'));
    ManualObserver.last.report(boxless, false, true);
    expect([...ManualObserver.last.observed]).toEqual([wrap]);
    ManualObserver.last.report(wrap, true);
    expect(env.painted('backstory-person')).toEqual(['Starmer']);
  });

  it('keeps a boxless element that is not display: contents where it is (it is simply not near)', () => {
    painter.add(mentionIn(top, 'putin'));
    ManualObserver.last.report(top, false, true);
    expect([...ManualObserver.last.observed]).toEqual([top]);
    expect(env.painted('backstory-person')).toEqual([]);
  });

  it('paints everything where there is no IntersectionObserver', () => {
    const plain = new WindowedPainter(attached(env), {} as unknown as Window & typeof globalThis);
    plain.add(mentionIn(top, 'putin'));
    expect(env.painted('backstory-person')).toEqual(['Putin']);
  });
});
