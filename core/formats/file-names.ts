/**
 * File names offered in the save dialog: ASCII only (ids already are: kind/slug), no path
 * separators, so they are valid on Windows, macOS and Linux and survive e-mail and zip tools.
 */

export type ExportTarget = { id: string } | 'bundle' | 'cases';

/** `case-ibm-watson.md`, `strategy-workbench-kb-2025-03-01.json`, `strategy-workbench-cases.csv`. */
export function suggestedFileName(what: ExportTarget, date?: Date): string {
  const stamp = date ? `-${date.toISOString().slice(0, 10)}` : '';
  if (what === 'bundle') return `strategy-workbench-kb${stamp}.json`;
  if (what === 'cases') return `strategy-workbench-cases${stamp}.csv`;
  const base = what.id.replace(/[^a-z0-9-]+/gi, '-').replace(/^-+|-+$/g, '') || 'entity';
  return `${base}${stamp}.md`;
}
