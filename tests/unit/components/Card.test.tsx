// The card's content as a user (or a screen reader) sees it, and dataset text that stays text.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { Card } from '../../../components/Card';
import type { CardData } from '../../../lib/shared/card-data';

afterEach(cleanup);

const person: CardData = {
  entityId: 'person:zelenskyy',
  name: 'Volodymyr Zelenskyy',
  kind: 'person',
  description: 'President of Ukraine',
  facts: [
    {
      text: 'Called for more air defence',
      sentence: 'Zelenskyy called for more air defence systems.',
    },
    { text: 'Spoke after the attack', sentence: 'He spoke hours after the attack on Kyiv.' },
  ],
  quote: {
    text: 'We need air defence, not words',
    speaker: 'Volodymyr Zelenskyy',
    sentence: '"We need air defence, not words," Zelenskyy said.',
  },
  relatedEvents: 3,
  relatedEntities: 1,
  articles: 2,
};

const place: CardData = {
  entityId: 'place:kyiv',
  name: 'Kyiv',
  kind: 'place',
  facts: [],
  event: {
    id: 'event:attack',
    title: 'Missile and drone attack on Kyiv',
    when: 'overnight',
    sentence: 'Overnight, missiles and drones struck Kyiv.',
  },
  relatedEvents: 1,
  relatedEntities: 0,
  articles: 0,
};

function renderCard(data: CardData) {
  const onOpenPanel = vi.fn();
  const onMute = vi.fn();
  const onClose = vi.fn();
  const view = render(
    <Card data={data} onOpenPanel={onOpenPanel} onMute={onMute} onClose={onClose} />,
  );
  return { ...view, onOpenPanel, onMute, onClose };
}

describe('content', () => {
  test('a person: name, kind, role, facts, quote with speaker, counts, two buttons', () => {
    renderCard(person);
    const dialog = screen.getByRole('dialog', { name: 'Volodymyr Zelenskyy' });
    expect(within(dialog).getByText('Person')).toBeTruthy();
    expect(within(dialog).getByText('President of Ukraine')).toBeTruthy();
    const facts = within(dialog).getByRole('list', { name: 'Key facts' });
    expect(
      within(facts)
        .getAllByRole('listitem')
        .map((li) => li.querySelector('.card-fact-text')?.textContent),
    ).toEqual(['Called for more air defence', 'Spoke after the attack']);
    expect(dialog.querySelector('blockquote')?.textContent).toBe(
      '“We need air defence, not words”',
    );
    expect(dialog.querySelector('figcaption')?.textContent).toContain('Volodymyr Zelenskyy');
    expect(dialog.querySelector('.card-counts')?.textContent).toBe(
      'In 2 of your articles · 3 related events · 1 related entity',
    );
    expect(within(dialog).getByRole('button', { name: 'Open in side panel' })).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Mute' })).toBeTruthy();
  });

  test('says in how many of the reader’s articles it appears, and nothing when in none', () => {
    renderCard(person);
    expect(screen.getByText('In 2 of your articles')).toBeTruthy();
    cleanup();
    renderCard({ ...person, articles: 1 });
    expect(screen.getByText('In 1 of your articles')).toBeTruthy();
    cleanup();
    renderCard(place);
    expect(screen.queryByText(/of your articles/)).toBeNull();
  });

  test('each fact has a source marker described by its source sentence', () => {
    renderCard(person);
    const marker = screen.getByRole('button', { name: 'Source of fact 1' });
    const describedBy = marker.getAttribute('aria-describedby');
    expect(describedBy).toBeTruthy();
    const sentence = document.getElementById(describedBy ?? '');
    expect(sentence?.textContent).toBe('Zelenskyy called for more air defence systems.');
    expect(sentence?.getAttribute('role')).toBe('tooltip');
    expect(screen.getByRole('button', { name: 'Source of the quote' })).toBeTruthy();
  });

  test('facts say their source once under each run of facts from it: title, site and date', () => {
    const saved = {
      id: 'sudan',
      line: 'United States to Lift Sudan Sanctions · nytimes.com · 13 Jan 2017',
    };
    const bundled = { id: 'kyiv', line: 'Russian Missile and Drone Attack on Kyiv' };
    renderCard({
      ...person,
      facts: [
        { text: 'Lifted sanctions', sentence: 'Obama lifted sanctions.', source: saved },
        { text: 'Cited progress', sentence: 'Obama cited progress.', source: saved },
        { text: 'Called for air defence', sentence: 'He called for air defence.', source: bundled },
      ],
    });
    const items = within(screen.getByRole('list', { name: 'Key facts' })).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('.card-fact-source')?.textContent ?? null)).toEqual([
      null,
      saved.line,
      bundled.line,
    ]);
  });

  test('a place: its main event instead of a quote, no empty fact list, plural counts', () => {
    renderCard(place);
    const dialog = screen.getByRole('dialog', { name: 'Kyiv' });
    expect(within(dialog).getByText('Place')).toBeTruthy();
    expect(dialog.querySelector('blockquote')).toBeNull();
    expect(dialog.querySelector('ul')).toBeNull();
    expect(dialog.querySelector('.card-event-title')?.textContent).toBe(
      'Missile and drone attack on Kyiv',
    );
    expect(dialog.querySelector('.card-event-when')?.textContent).toBe(' · overnight');
    expect(within(dialog).getByText('1 related event · 0 related entities')).toBeTruthy();
  });

  test('the event traces to its sentence: a source marker described by it', () => {
    renderCard(place);
    const marker = screen.getByRole('button', { name: 'Source of the event' });
    const sentence = document.getElementById(marker.getAttribute('aria-describedby') ?? '');
    expect(sentence?.textContent).toBe('Overnight, missiles and drones struck Kyiv.');
    expect(sentence?.getAttribute('role')).toBe('tooltip');
  });

  test('source sentence ids are unique in the card and the same on every render', () => {
    const ids = () =>
      screen
        .getAllByRole('button', { name: /^Source of/ })
        .map((marker) => marker.getAttribute('aria-describedby'));
    const view = renderCard(person);
    const first = ids();
    expect(first).toHaveLength(3);
    expect(new Set(first).size).toBe(3);
    for (const id of first) expect(document.getElementById(id ?? '')).toBeTruthy();
    view.rerender(<Card data={person} onOpenPanel={vi.fn()} onMute={vi.fn()} onClose={vi.fn()} />);
    expect(ids()).toEqual(first);
  });

  test('an unknown kind shows its own name as the label', () => {
    renderCard({ ...place, kind: 'vessel', event: undefined });
    expect(screen.getByText('Vessel')).toBeTruthy();
  });
});

describe('dataset text is text', () => {
  test('markup in every field renders as characters, creating no element and no handler', () => {
    const evil = '<img src=x onerror="window.__pwned=1">';
    const link = '<a href="javascript:alert(1)">click</a>';
    const { container } = renderCard({
      ...person,
      name: evil,
      description: link,
      facts: [{ text: evil, sentence: link }],
      quote: { text: evil, speaker: link, sentence: evil },
    });
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('a')).toBeNull();
    expect(container.querySelector('[onerror]')).toBeNull();
    expect(screen.getByRole('dialog', { name: evil })).toBeTruthy();
    expect(screen.getByText(link, { selector: '.card-description' })).toBeTruthy();
    expect(container.textContent).toContain(evil);
  });
});

describe('actions', () => {
  test('the buttons call back with their event', () => {
    const { onOpenPanel, onMute } = renderCard(person);
    fireEvent.click(screen.getByRole('button', { name: 'Open in side panel' }));
    expect(onOpenPanel).toHaveBeenCalledTimes(1);
    expect(onOpenPanel.mock.calls[0]?.[0]).toBeInstanceOf(Event);
    fireEvent.click(screen.getByRole('button', { name: 'Mute' }));
    expect(onMute).toHaveBeenCalledTimes(1);
  });

  test('Enter on the card opens the side panel; Esc closes', () => {
    const { onOpenPanel, onClose } = renderCard(person);
    const dialog = screen.getByRole('dialog');
    fireEvent.keyDown(dialog, { key: 'Enter' });
    expect(onOpenPanel).toHaveBeenCalledTimes(1);
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  test('Enter on a button inside does not also open the panel from the card', () => {
    const { onOpenPanel } = renderCard(person);
    fireEvent.keyDown(screen.getByRole('button', { name: 'Mute' }), { key: 'Enter' });
    expect(onOpenPanel).not.toHaveBeenCalled();
  });

  test('the card can receive focus programmatically but is not in the page tab order', () => {
    renderCard(person);
    expect(screen.getByRole('dialog').getAttribute('tabindex')).toBe('-1');
  });
});
