// The source view: a saved article says where it was published and can be removed, after the reader confirms.
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { SourceView } from '../../../components/SourceView';
import type { SourceDocument } from '../../../lib/pages/models';

afterEach(cleanup);

const saved: SourceDocument = {
  id: 'sudan',
  title: 'United States to Lift Sudan Sanctions',
  published: 'nytimes.com · 13 Jan 2017',
  saved: { datasetId: 'saved-sudan', savedAt: '2026-12-03T10:00:00.000Z' },
  paragraphs: [[{ text: 'Obama', entity: { id: 'obama', name: 'Obama', kind: 'person' } }]],
};

describe('a saved article', () => {
  test('“Remove this article” asks first, then removes it; Keep changes nothing', () => {
    const onRemove = vi.fn();
    render(<SourceView source={saved} onRemove={onRemove} />);
    expect(screen.getByText('nytimes.com · 13 Jan 2017')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Remove this article…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Keep' }));
    expect(onRemove).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Remove this article…' }));
    expect(document.activeElement?.textContent).toBe('Keep');
    fireEvent.click(screen.getByRole('button', { name: 'Remove this article' }));
    expect(onRemove).toHaveBeenCalledExactlyOnceWith('saved-sudan', saved.title);
  });

  test('the saved items are marked in its text', () => {
    render(<SourceView source={saved} onRemove={vi.fn()} />);
    expect(document.querySelector('mark.mention[data-entity-id="obama"]')?.textContent).toBe(
      'Obama',
    );
  });
});

test('an article the reader did not save offers no removal', () => {
  const { saved: _, ...bundled } = saved;
  render(<SourceView source={bundled} onRemove={vi.fn()} />);
  expect(screen.queryByRole('button', { name: /Remove/ })).toBeNull();
});
