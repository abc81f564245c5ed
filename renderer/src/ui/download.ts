/** Offers text as a file download (Electron shows its save dialog; browsers save it). */
export function downloadText(fileName: string, content: string, type = 'text/plain;charset=utf-8'): void {
  downloadBlob(fileName, new Blob([content], { type }));
}

/** Offers a file the server produced (text, or binary as base64) as a download. */
export function downloadFile(file: { content: string; encoding: 'utf8' | 'base64'; fileName: string; mime: string }): void {
  if (file.encoding === 'utf8') return downloadText(file.fileName, file.content, file.mime);
  downloadBlob(file.fileName, new Blob([Uint8Array.from(atob(file.content), (c) => c.charCodeAt(0))], { type: file.mime }));
}

function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
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
