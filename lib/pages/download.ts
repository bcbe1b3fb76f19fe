// Saves text as a file through an <a download> link: needs no `downloads` permission.

/**
 * Compact JSON, not indented: indenting makes a dataset ~1.75× larger, so a dataset that was imported under the
 * 5 MB file limit (or a backup that fits the 10 MB storage) would come out too large to read back in.
 */
export function downloadJson(fileName: string, value: unknown): void {
  downloadText(fileName, `${JSON.stringify(value)}\n`);
}

/** Offers `text` (JSON already written) as a file. */
export function downloadText(fileName: string, text: string): void {
  const blob = new Blob([text], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers start reading the blob only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
