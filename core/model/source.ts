import { z } from 'zod';

/**
 * Where an item comes from. For the default knowledge base this is a section of the seed book,
 * written `§5.2.2`, `§A` (Appendix A) or `§B` (Appendix B); for a user's own entries any short text.
 */
export const SECTION_PATTERN = /^§(?:\d+(?:\.\d+)*|[A-Z])$/;

export const Source = z.string().trim().min(1, 'a source is required').max(500);

export function isSection(source: string): boolean {
  return SECTION_PATTERN.test(source);
}

/** '§5.2.2' -> ['§5', '§5.2', '§5.2.2']: the facet buckets an item belongs to. */
export function sectionAncestors(source: string): string[] {
  if (!isSection(source)) return [];
  const parts = source.slice(1).split('.');
  return parts.map((_, i) => `§${parts.slice(0, i + 1).join('.')}`);
}

/** Orders '§2.10' after '§2.9' (numeric, not lexical). Appendices come after chapters. */
export function compareSections(a: string, b: string): number {
  const key = (s: string) => s.slice(1).split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : 1000 + p.charCodeAt(0)));
  const ka = key(a);
  const kb = key(b);
  for (let i = 0; i < Math.max(ka.length, kb.length); i++) {
    const d = (ka[i] ?? -1) - (kb[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}
