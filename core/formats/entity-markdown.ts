import { EntityContent, checkKindFields, kindOfId, slugify, type RelationContent } from '../model/entity.ts';
import { KINDS, relationAllowed, type EntityKind } from '../model/kinds.ts';
import type { Bilingual, Language } from '../model/text.ts';
import { LIMITS, checkTextSize } from './limits.ts';
import { printBody, readBody, type Body } from './markdown-body.ts';
import { printFrontMatter, readFrontMatter, type FrontMatter, type ReadFrontMatter } from './markdown-front-matter.ts';
import { Problems, fail, kindWithArticle, stripBom, zodProblems } from './problems.ts';

/**
 * One entity as Markdown, for reading, pasting into a report and editing by hand:
 *
 *     ---                       YAML front matter: id, kind, source, title, attrs, texts, tags,
 *     id: case/ibm-watson       relations (kind, to, source, note)
 *     ...
 *     ---
 *     # IBM Watson              for readers; the title itself is in the front matter
 *     ## English                summary paragraphs, then one `### <list label>` per list with a
 *     ...                       bullet list of its items
 *     ## 中文                   the same in Chinese, list labels in Chinese
 *
 * List items pair by position across the two languages; a list whose heading is missing in one
 * language is read as untranslated (empty items there), which also lets people write an
 * English-only file. Line breaks are read as LF, and summaries and items are trimmed.
 */

export { SECTION_HEADINGS } from './markdown-body.ts';

export interface ParsedEntityMarkdown {
  entity: EntityContent & { id?: string };
  /**
   * The outgoing relations in the front matter. Without an id in the file, `from` is
   * `kind/<slug of the title>`; the server replaces it with the id it gives the new entity.
   */
  relations: RelationContent[];
}

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The entity as Markdown with its outgoing relations; relations starting elsewhere are left out. */
export function printEntityMarkdown(entity: EntityContent & { id?: string }, relations: readonly RelationContent[]): string {
  const outgoing = relations
    .filter((r) => entity.id === undefined || r.from === entity.id)
    .sort((a, b) => byCodeUnits(a.kind, b.kind) || byCodeUnits(a.to, b.to));
  return `---\n${printFrontMatter(entity, outgoing)}---\n\n${printBody(entity)}`;
}

/**
 * Reads one entity's Markdown. Throws `too_large` past LIMITS.maxMarkdownChars, and
 * `invalid_file` listing every problem with its line: broken or invalid front matter, unknown
 * headings, text where a list belongs (it would be lost), lists whose languages differ in length.
 */
export function parseEntityMarkdown(input: string, fileName: string): ParsedEntityMarkdown {
  checkTextSize(input, fileName, LIMITS.maxMarkdownChars);
  const lines = stripBom(input).replace(/\r\n?/g, '\n').split('\n');
  if ((lines[0] ?? '').trimEnd() !== '---')
    fail(fileName, 'the file must start with front matter: a line "---", the YAML fields (id, kind, title, …), and another "---"', 1);
  const close = lines.findIndex((l, i) => i > 0 && /^(?:---|\.\.\.)\s*$/.test(l));
  if (close === -1) fail(fileName, 'the front matter is not closed: a line "---" must follow the YAML fields', 1);

  const problems = new Problems();
  // The line break ending the last front-matter line belongs to it (a `|+` block keeps it).
  const front = readFrontMatter(`${lines.slice(1, close).join('\n')}\n`, 2, fileName, problems);
  const kind = front.kind;
  const body = kind ? readBody(lines.slice(close + 1).join('\n'), close + 2, kind, problems) : undefined;
  if (!front.value || !body || !kind) {
    problems.throwIfAny(fileName);
    throw new Error('unreachable: an invalid front matter is reported');
  }
  const fm = front.value;

  const heading = body.titleHeading;
  if (heading && !sameWords(heading.text, fm.title))
    problems.add(
      [],
      `the heading "# ${heading.text}" does not match the title in the front matter; change the title there (the heading is only shown to readers)`,
      heading.line,
    );

  const lists = pairLists(kind, body, problems);
  const content = EntityContent.safeParse({
    kind,
    title: fm.title,
    summary: body.summary,
    attrs: fm.attrs,
    texts: fm.texts,
    lists,
    tags: fm.tags,
    source: fm.source,
  });
  const lineOf = contentLines(front, body);
  if (!content.success) for (const p of zodProblems(content.error)) problems.add(p.path, p.message, lineOf(p.path));
  else for (const p of checkKindFields(content.data)) problems.add(p.path, p.message, lineOf(p.path));
  if (fm.id !== undefined && kindOfId(fm.id) !== kind)
    problems.add(['id'], `the id of ${kindWithArticle(kind)} must start with "${kind}/"`, front.lineOf(['id']));

  const from = fm.id ?? `${kind}/${slugify(fm.title.en.trim() || fm.title.zh.trim())}`;
  const relations = readRelations(fm, from, kind, front, problems);
  problems.throwIfAny(fileName);
  if (!content.success) throw new Error('unreachable: problems were reported');
  return { entity: fm.id === undefined ? content.data : { ...content.data, id: fm.id }, relations };
}

/** Pairs each list's items across the languages by position. */
function pairLists(kind: EntityKind, body: Body, problems: Problems): Record<string, Bilingual[]> {
  const lists: Record<string, Bilingual[]> = {};
  for (const list of KINDS[kind].lists) {
    const { en, zh } = body.lists[list.key] ?? {};
    if (en && zh && en.items.length !== zh.items.length) {
      const [first, later] = en.line < zh.line ? [en, zh] : [zh, en];
      problems.add(
        ['lists', list.key],
        `"### ${list.label.en}" has ${en.items.length} ${en.items.length === 1 ? 'item' : 'items'} but "### ${list.label.zh}" has ${zh.items.length}; items pair by position (lines ${first.line} and ${later.line})`,
        later.line,
      );
      continue;
    }
    const items: Bilingual[] = [];
    for (let i = 0; i < Math.max(en?.items.length ?? 0, zh?.items.length ?? 0); i++) {
      const item = { zh: zh?.items[i] ?? '', en: en?.items[i] ?? '' };
      if (item.zh !== '' || item.en !== '') items.push(item);
    }
    if (items.length > 0) lists[list.key] = items;
  }
  return lists;
}

/** Where a content path was written: the summary and lists in the body, the rest in the front matter. */
function contentLines(front: ReadFrontMatter, body: Body): (path: readonly PropertyKey[]) => number | undefined {
  return (path) => {
    const [head, key, , lang] = path.map(String);
    if (head === 'summary') return body.sectionLine[key as Language] ?? body.sectionLine.en ?? body.sectionLine.zh;
    if (head === 'lists' && key !== undefined) {
      const found = body.lists[key];
      return found?.[lang as Language]?.line ?? found?.en?.line ?? found?.zh?.line;
    }
    return front.lineOf(path);
  };
}

function readRelations(fm: FrontMatter, from: string, kind: EntityKind, front: ReadFrontMatter, problems: Problems): RelationContent[] {
  const seen = new Set<string>();
  return fm.relations.map((r, i) => {
    const line = front.lineOf(['relations', i]);
    const toKind = kindOfId(r.to);
    const key = `${r.kind} ${r.to}`;
    if (seen.has(key)) problems.add(['relations', i], `the relation "${r.kind}" to ${r.to} is listed twice`, line);
    seen.add(key);
    if (!toKind) problems.add(['relations', i, 'to'], `"${r.to}" is not the id of any kind of entity`, line);
    else if (!relationAllowed(r.kind, kind, toKind))
      problems.add(['relations', i, 'kind'], `${kindWithArticle(kind)} cannot "${r.kind}" ${kindWithArticle(toKind)}`, line);
    return { kind: r.kind, from, to: r.to, note: r.note ?? { zh: '', en: '' }, source: r.source };
  });
}

/** Letters and digits only, so punctuation or spacing never makes the title heading "differ". */
function sameWords(heading: string, title: Bilingual): boolean {
  const words = (text: string) => text.normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, '').toLowerCase();
  return words(heading) === words(title.en) || words(heading) === words(title.zh);
}
