import { Marked, type Token, type Tokens } from 'marked';
import type { EntityContent } from '../model/entity.ts';
import { KINDS, type EntityKind } from '../model/kinds.ts';
import type { Language } from '../model/text.ts';
import { bullet, escapeSummary, unescapeItem, unescapeSummary } from './markdown-text.ts';
import type { Problems } from './problems.ts';

/**
 * The body of an entity's Markdown: a title heading for readers, then `## English` and `## 中文`,
 * each with the summary and one `### <list label>` bullet list per list.
 */

export const SECTION_HEADINGS: Record<Language, string> = { en: 'English', zh: '中文' };
/** English first: the language most readers of an exported report share. */
const LANGUAGE_ORDER: readonly Language[] = ['en', 'zh'];

export function printBody(entity: EntityContent): string {
  const def = KINDS[entity.kind];
  const title = (entity.title.en.trim() || entity.title.zh.trim()).replace(/\s+/g, ' ');
  const blocks: string[] = [`# ${title}`];
  for (const lang of LANGUAGE_ORDER) {
    blocks.push(`## ${SECTION_HEADINGS[lang]}`);
    const summary = entity.summary[lang].trim();
    if (summary !== '') blocks.push(escapeSummary(summary));
    for (const list of def.lists) {
      const items = (entity.lists[list.key] ?? []).filter((item) => item.zh !== '' || item.en !== '');
      // A list untranslated in this language gets no heading here (read back as empty items).
      if (!items.some((item) => item[lang].trim() !== '')) continue;
      blocks.push(`### ${list.label[lang]}`, items.map((item) => bullet(item[lang])).join('\n'));
    }
  }
  return `${blocks.join('\n\n')}\n`;
}

export interface ListFound {
  items: string[];
  /** The line of its ### heading. */
  line: number;
}

export interface Body {
  summary: Record<Language, string>;
  /** Items per list key and language; a language is absent when the list has no heading there. */
  lists: Record<string, Partial<Record<Language, ListFound>>>;
  sectionLine: Partial<Record<Language, number>>;
  titleHeading?: { text: string; line: number };
}

/** A private instance: its options, and no extension another module registers on the global `marked`. */
const markdown = new Marked({ gfm: false });

/**
 * Splits the body into summaries and lists with marked's lexer. A lexer, not a renderer: we need
 * the document's structure (which heading, which bullet), never HTML, and the lexer keeps each
 * block's source, so summaries and items come back exactly as written. Problems (unknown
 * headings, text that would be lost) are added with their file lines.
 */
export function readBody(body: string, firstLine: number, kind: EntityKind, problems: Problems): Body {
  const def = KINDS[kind];
  const parts: Body = { summary: { zh: '', en: '' }, lists: {}, sectionLine: {} };
  const lineAt = lineIndex(body, firstLine);
  const knownLabels = (lang: Language) => def.lists.map((f) => `"### ${f.label[lang]}"`).join(', ');

  let lang: Language | undefined;
  let started = false; // a ## heading was seen
  let summaryStart = 0;
  let summaryOpen = false;
  let list: (ListFound & { label: string }) | undefined;
  // After a heading already reported as unknown, its content is not reported again.
  let skipping = false;
  const closeSummary = (end: number) => {
    if (lang && summaryOpen) parts.summary[lang] = unescapeSummary(body.slice(summaryStart, end).trim());
    summaryOpen = false;
  };

  let cursor = 0;
  for (const token of markdown.lexer(body) as Token[]) {
    // Tokens cover the body in order; their raw text locates them.
    const found = body.indexOf(token.raw, cursor);
    const at = found === -1 ? cursor : found;
    cursor = at + token.raw.length;
    const line = lineAt(at);
    if (token.type === 'space') continue;
    const heading = token.type === 'heading' ? (token as Tokens.Heading) : undefined;

    if (heading?.depth === 1 && !started && !parts.titleHeading) {
      parts.titleHeading = { text: heading.text, line };
      continue;
    }
    if (heading?.depth === 2) {
      started = true;
      closeSummary(at);
      list = undefined;
      skipping = false;
      lang = languageOf(heading.text);
      if (!lang) {
        problems.add([], `unknown section "## ${heading.text}"; the sections are "## English" and "## 中文"`, line);
        skipping = true;
      } else if (parts.sectionLine[lang] !== undefined) {
        problems.add([], `"## ${heading.text}" appears twice (first on line ${parts.sectionLine[lang]})`, line);
        lang = undefined;
        skipping = true;
      } else {
        parts.sectionLine[lang] = line;
        summaryStart = cursor;
        summaryOpen = true;
      }
      continue;
    }
    if (heading?.depth === 3 && lang) {
      closeSummary(at);
      list = undefined;
      skipping = true;
      const current: Language = lang;
      const field = def.lists.find((f) => looseHeading(f.label[current]) === looseHeading(heading.text));
      const byLang = field ? (parts.lists[field.key] ??= {}) : undefined;
      const before = byLang?.[current];
      if (!field || !byLang)
        problems.add(
          [],
          def.lists.length === 0
            ? `unknown heading "### ${heading.text}": a ${kind} has no lists`
            : `unknown heading "### ${heading.text}"; the lists of a ${kind} in ${SECTION_HEADINGS[current]} are ${knownLabels(current)}`,
          line,
        );
      else if (before)
        problems.add([], `"### ${heading.text}" appears twice in "## ${SECTION_HEADINGS[current]}" (first on line ${before.line})`, line);
      else {
        list = { items: [], line, label: heading.text };
        byLang[current] = list;
        skipping = false;
      }
      continue;
    }
    if (skipping || summaryOpen) continue; // summary blocks are taken as source text when it ends
    if (!lang) {
      // The preamble: readers see it but the import would not, so text here would be lost.
      problems.add([], 'text before "## English" / "## 中文" is not imported; move it into one of those sections', line);
      skipping = true;
    } else if (list && token.type === 'list') {
      for (const item of (token as Tokens.List).items) list.items.push(unescapeItem(itemSource(item.raw)));
    } else {
      problems.add(
        [],
        `only a bullet list may follow "### ${list?.label ?? ''}"; make this text list items, or move it above the first ### heading to make it part of the summary`,
        line,
      );
    }
  }
  closeSummary(body.length);
  return parts;
}

/** Maps an offset in `text` to its file line, `text` starting on `firstLine`. */
function lineIndex(text: string, firstLine: number): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return firstLine + lo;
  };
}

function languageOf(heading: string): Language | undefined {
  const text = heading.trim().toLowerCase();
  return LANGUAGE_ORDER.find((lang) => SECTION_HEADINGS[lang].toLowerCase() === text);
}

const looseHeading = (text: string): string => text.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * A list item's text as written: the marker taken off the first line and the item's indentation
 * off the others. From the source rather than the token's text, which expands tabs.
 */
function itemSource(raw: string): string {
  const [first = '', ...rest] = raw.split('\n');
  const bare = /^ {0,3}(?:[-+*]|\d{1,9}[.)])/.exec(first)?.[0] ?? '';
  // CommonMark: content starts 1–4 spaces after the marker; 5 or more make indented code,
  // whose content starts one space after it.
  const marker = /^ {0,3}(?:[-+*]|\d{1,9}[.)])(?: {1,4}(?=\S)| ?)/.exec(first)?.[0] ?? '';
  // An item starting with a blank line has its content one space after the marker.
  const indent = first.slice(bare.length).trim() === '' ? bare.length + 1 : marker.length;
  const dedent = (line: string) => line.slice(Math.min(indent, /^ */.exec(line)?.[0].length ?? 0));
  return [first.slice(marker.length), ...rest.map(dedent)].join('\n').trim();
}
