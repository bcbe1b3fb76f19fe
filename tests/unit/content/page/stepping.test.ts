// Keyboard stepping: cycling through all mentions or one entity's, a snippet's mention, and the focus highlight.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Mention } from '../../../../lib/content/highlight/mentions';
import { Stepper } from '../../../../lib/content/page/stepping';

let all: Mention[];
let focus: (string | null)[];
let stepper: Stepper;

const text = (mention: Mention | null) =>
  mention ? `${mention.entityId}@${mention.range.startContainer.textContent}` : null;

beforeEach(() => {
  document.body.innerHTML = '<p>Kyiv one</p><p>Putin</p><p>Kyiv two</p>';
  all = [...document.querySelectorAll('p')].map((p) => {
    const range = document.createRange();
    range.selectNodeContents(p.firstChild as Text);
    const entityId = p.textContent?.startsWith('Kyiv') ? 'kyiv' : 'putin';
    return { range, entityId, kind: 'place' };
  });
  focus = [];
  stepper = new Stepper((range) => focus.push(range ? range.toString() : null));
});

describe('Stepper', () => {
  it('steps through one entity, cycling, and holds the focus highlight on the mention', () => {
    const step = () => stepper.step({ entityId: 'kyiv', direction: 1, openCard: false }, all, all);
    expect(step().result).toEqual({ found: true, index: 0, total: 2 });
    expect(step().result).toEqual({ found: true, index: 1, total: 2 });
    const again = step();
    expect(again.result).toEqual({ found: true, index: 0, total: 2 });
    expect(text(again.mention)).toBe('kyiv@Kyiv one');
    expect(focus).toEqual(['Kyiv one', 'Kyiv two', 'Kyiv one']);
    expect(stepper.focused).toBe(again.mention);
  });

  it('starts from the end going back, and keeps one cursor for all mentions apart from each entity', () => {
    expect(text(stepper.step({ direction: -1, openCard: false }, all, all).mention)).toBe(
      'kyiv@Kyiv two',
    );
    stepper.step({ entityId: 'putin', direction: 1, openCard: false }, all, all);
    expect(text(stepper.step({ direction: -1, openCard: false }, all, all).mention)).toBe(
      'putin@Putin',
    );
  });

  it('goes to the mention of a snippet, counted in scan order; a snippet no longer there is a step', () => {
    // Scan order differs from document order: the second Kyiv was found first.
    const scanOrder = [all[2], all[1], all[0]] as Mention[];
    const picked = stepper.step(
      { entityId: 'kyiv', direction: 1, openCard: false, index: 1 },
      all,
      scanOrder,
    );
    expect(picked.result).toEqual({ found: true, index: 0, total: 2 });
    const gone = stepper.step(
      { entityId: 'kyiv', direction: 1, openCard: false, index: 9 },
      all,
      scanOrder,
    );
    expect(gone.result).toEqual({ found: true, index: 1, total: 2 });
  });

  it('finds nothing for an entity with no mention', () => {
    expect(stepper.step({ entityId: 'nobody', direction: 1, openCard: false }, all, all)).toEqual({
      result: { found: false },
      mention: null,
    });
    expect(focus).toEqual([]);
  });

  it('a released mention loses the focus highlight only if it has it', () => {
    const { mention } = stepper.step({ direction: 1, openCard: false }, all, all);
    stepper.release(all[2] as Mention);
    expect(stepper.focused).toBe(mention);
    stepper.release(mention as Mention);
    expect(stepper.focused).toBeNull();
    expect(focus).toEqual(['Kyiv one', null]);
  });
});
