/** Offers text as a file download (Electron shows its save dialog; browsers save it). */
export function downloadText(fileName: string, content: string, type = 'text/plain;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Reads a file the user picked, as text. */
export function readFileText(file: File): Promise<string> {
  return file.text();
}
