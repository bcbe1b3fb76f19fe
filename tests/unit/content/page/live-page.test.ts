// Following a live page: which mutations and attribute changes rescan which blocks, drop which text, and what is ignored.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LivePage } from '../../../../lib/content/page/live-page';
import type { ScanRoot } from '../../../../lib/content/scan/blocks';

const flushMutations = () => new Promise((resolve) => setTimeout(resolve, 0));

let rescanned: string[];
let forgotten: string[];
let removals: number;
let following: boolean;
let live: LivePage;

const label = (node: ScanRoot | Node) =>
  node.nodeType === 1 ? `#${(node as Element).id || (node as Element).localName}` : node.nodeName;

beforeEach(() => {
  document.body.innerHTML =
    '<article id="art"><p id="a">Kyiv <b id="bold">and</b> Putin.</p><p id="b">NATO.</p></article>';
  rescanned = [];
  forgotten = [];
  removals = 0;
  following = true;
  live = new LivePage(window, {
    following: () => following,
    isOwnUi: (node) => node.nodeName === 'BACKSTORY-CARD',
    rescan: (block) => void rescanned.push(label(block)),
    forget: (nodes) => void forgotten.push(...[...nodes].map((n) => n.textContent ?? '')),
    removed: () => void removals++,
    shadowRoot: () => {},
  });
  live.follow(document);
});

afterEach(() => live.stop());

describe('LivePage', () => {
  it('rescans the block around edited or added text, once for nested changes', async () => {
    ((document.getElementById('bold') as Element).firstChild as Text).data = 'or';
    const p = document.createElement('p');
    p.id = 'c';
    p.textContent = 'Kiev';
    document.getElementById('art')?.append(p);
    (document.getElementById('b') as Element).append(' and more');
    await flushMutations();
    expect(rescanned.sort()).toEqual(['#a', '#b', '#c']);
    expect(removals).toBe(0);
  });

  it('removed text is dropped; the block that lost inline text is rescanned, a removed block is not', async () => {
    document.getElementById('bold')?.remove();
    await flushMutations();
    expect(removals).toBe(1);
    expect(rescanned).toEqual(['#a']);
    document.getElementById('b')?.remove();
    await flushMutations();
    expect(removals).toBe(2);
    expect(rescanned).toEqual(['#a']);
  });

  it('drops the text that becomes hidden or editable, and rescans what stops being so', async () => {
    document.getElementById('a')?.setAttribute('hidden', '');
    await flushMutations();
    expect(forgotten).toEqual(['Kyiv ', 'and', ' Putin.']);
    document.getElementById('a')?.removeAttribute('hidden');
    await flushMutations();
    expect(rescanned).toEqual(['#a']);
  });

  it('rescans a hidden holder when an attribute changes around it, once', async () => {
    const b = document.getElementById('b') as Element;
    live.noteHidden([b]);
    document.getElementById('art')?.setAttribute('class', 'open');
    await flushMutations();
    expect(rescanned).toEqual(['#b']);
    document.getElementById('art')?.setAttribute('class', 'open more');
    await flushMutations();
    expect(rescanned).toEqual(['#b']);
  });

  it('ignores its own UI, and everything while not following', async () => {
    document.body.insertAdjacentHTML('beforeend', '<backstory-card><p>Putin</p></backstory-card>');
    await flushMutations();
    expect(rescanned).toEqual([]);
    following = false;
    (document.getElementById('b') as Element).append(' and more');
    await flushMutations();
    expect(rescanned).toEqual([]);
  });

  it('follows each root once, keeps the shadow roots for hit-testing, and forgets them when stopped', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    await flushMutations();
    rescanned = [];
    expect(live.follow(shadow)).toBe(true);
    expect(live.follow(shadow)).toBe(false);
    expect(live.shadowRoots).toEqual([shadow]);
    shadow.innerHTML = '<p id="s">Kyiv</p>';
    await flushMutations();
    expect(rescanned).toEqual(['#s']);
    live.stop();
    expect(live.shadowRoots).toEqual([]);
    (document.getElementById('b') as Element).append(' and more');
    await flushMutations();
    expect(rescanned).toEqual(['#s']);
  });
});
