// Helpers for driving the options page in unit tests: files chosen in its inputs, and what it offers for download.
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { expect, vi } from 'vitest';

export function jsonFile(name: string, content: string): File {
  return new File([content], name, { type: 'application/json' });
}

/** Chooses `chosen` in a file input, found by its label or given directly (two pages render the same ids). */
export function chooseFile(input: RegExp | HTMLInputElement, chosen: File): void {
  const element =
    input instanceof RegExp ? (screen.getByLabelText(input) as HTMLInputElement) : input;
  Object.defineProperty(element, 'files', { value: [chosen], configurable: true });
  fireEvent.change(element);
}

export interface Download {
  name: string;
  text: Promise<string>;
}

/** Captures what the page offers for download (file name and text), in order. */
export function captureDownloads(): Download[] {
  const files: Download[] = [];
  let lastBlob: Blob | undefined;
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    lastBlob = blob as Blob;
    return 'blob:test';
  });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    if (lastBlob) files.push({ name: this.download, text: lastBlob.text() });
  });
  return files;
}

/** The row of the dataset named `name` in the datasets list, once it is there. */
export async function datasetRow(name: string): Promise<HTMLElement> {
  const list = await screen.findByRole('list', { name: 'Datasets' });
  await waitFor(() => expect(list.textContent).toContain(name));
  return within(list).getByText(name).closest('li') as HTMLElement;
}
