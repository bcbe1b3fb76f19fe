// Beside an entity: confirm a suggested namesake (with undo), say "not the same", separate a merged one.
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { SameEntities, type SameEntitiesProps } from '../../../components/SameEntities';

afterEach(cleanup);

const zelenskyy = { id: 'zelenskyy', name: 'Volodymyr Zelenskyy', kind: 'person' };
const zelensky = { id: 'saved-1-zelensky', name: 'President Zelensky', kind: 'person' };
const kallas = { id: 'saved-2-kallas', name: 'Siim Kallas', kind: 'person' };

function same(props: Partial<SameEntitiesProps> = {}) {
  const handlers = {
    onMerge: vi.fn(async () => null),
    onUnmerge: vi.fn(async () => undefined),
    onNotSame: vi.fn(async () => undefined),
  };
  render(
    <SameEntities
      entity={zelenskyy}
      merged={[]}
      candidates={[{ entity: zelensky, why: 'same surname, spelled another way' }]}
      {...handlers}
      {...props}
    />,
  );
  return handlers;
}

describe('entities across sources', () => {
  test('shows nothing when there is nothing to say', () => {
    const { container } = render(
      <SameEntities
        entity={zelenskyy}
        merged={[]}
        candidates={[]}
        onMerge={vi.fn()}
        onUnmerge={vi.fn()}
        onNotSame={vi.fn()}
      />,
    );
    expect(container.textContent).toBe('');
  });

  test('confirming a suggestion merges it, says so, and undo separates it again', async () => {
    const { onMerge, onUnmerge } = same();
    expect(screen.getByText('same surname, spelled another way')).toBeTruthy();
    fireEvent.click(
      screen.getByRole('button', { name: 'Same as Volodymyr Zelenskyy: merge President Zelensky' }),
    );
    await screen.findByText('President Zelensky is shown as Volodymyr Zelenskyy now.');
    expect(onMerge).toHaveBeenCalledWith(zelensky);
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await screen.findByText('President Zelensky stands on its own again.');
    expect(onUnmerge).toHaveBeenCalledWith(zelensky);
  });

  test('"not the same" is said to be remembered', async () => {
    const { onNotSame } = same({ candidates: [{ entity: kallas, why: 'same surname' }] });
    fireEvent.click(
      screen.getByRole('button', { name: 'Not the same: Siim Kallas is not Volodymyr Zelenskyy' }),
    );
    await screen.findByText(
      'Noted: Siim Kallas is not Volodymyr Zelenskyy. It won’t be suggested again.',
    );
    expect(onNotSame).toHaveBeenCalledWith(kallas);
  });

  test('a refused merge says why', async () => {
    same({ onMerge: vi.fn(async () => 'you said these are not the same') });
    fireEvent.click(screen.getByRole('button', { name: /merge President Zelensky/ }));
    await screen.findByText('President Zelensky was not merged');
    expect(screen.getByText('you said these are not the same')).toBeTruthy();
  });

  test('a merged entity is listed with who decided, and can be separated', async () => {
    const { onUnmerge } = same({ merged: [{ entity: zelensky, how: 'certain' }], candidates: [] });
    expect(screen.getByText('same full name and kind')).toBeTruthy();
    fireEvent.click(
      screen.getByRole('button', { name: 'Separate President Zelensky from Volodymyr Zelenskyy' }),
    );
    await screen.findByText('President Zelensky stands on its own again.');
    expect(onUnmerge).toHaveBeenCalledWith(zelensky);
  });
});
