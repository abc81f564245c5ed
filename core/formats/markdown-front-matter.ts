import { Document, LineCounter, isCollection, isNode, parseDocument, visit } from 'yaml';
import { z } from 'zod';
import { EntityId, EntityKindSchema, RelationKindSchema, Tag, type EntityContent, type RelationContent } from '../model/entity.ts';
import type { EntityKind } from '../model/kinds.ts';
import { Source } from '../model/source.ts';
import type { Bilingual } from '../model/text.ts';
import { fail, type Problems, zodProblems } from './problems.ts';

/** The YAML front matter of an entity's Markdown: every field but the summary and the lists. */

const nullAsMissing = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === null ? undefined : v), schema);

/** A bilingual text where a language left out is empty, so `title: { en: Acme }` is enough. */
const Text = z
  .object({ zh: nullAsMissing(z.string().max(20_000).default('')), en: nullAsMissing(z.string().max(20_000).default('')) })
  .strict();

const FrontRelation = z
  .object({ kind: RelationKindSchema, to: EntityId, source: Source, note: nullAsMissing(Text.optional()) })
  .strict();

const FrontMatter = z
  .object({
    id: nullAsMissing(EntityId.optional()),
    kind: EntityKindSchema,
    source: Source,
    title: Text,
    attrs: nullAsMissing(z.record(z.string(), z.string()).default({})),
    texts: nullAsMissing(z.record(z.string(), Text).default({})),
    tags: nullAsMissing(z.array(Tag).max(50).default([])),
    relations: nullAsMissing(z.array(FrontRelation).default([])),
  })
  .strict();
export type FrontMatter = z.output<typeof FrontMatter>;

const bilingual = (t: Bilingual) => ({ zh: t.zh, en: t.en });
const isEmpty = (t: Bilingual) => t.zh === '' && t.en === '';

/** The front matter as YAML (with its final line break), keys in a fixed order. */
export function printFrontMatter(entity: EntityContent & { id?: string }, relations: readonly RelationContent[]): string {
  const texts = Object.entries(entity.texts).filter(([, t]) => !isEmpty(t));
  const front: Record<string, unknown> = {
    ...(entity.id === undefined ? {} : { id: entity.id }),
    kind: entity.kind,
    source: entity.source,
    title: bilingual(entity.title),
    ...(Object.keys(entity.attrs).length > 0 ? { attrs: { ...entity.attrs } } : {}),
    ...(texts.length > 0 ? { texts: Object.fromEntries(texts.map(([k, t]) => [k, bilingual(t)])) } : {}),
    ...(entity.tags.length > 0 ? { tags: [...entity.tags] } : {}),
    ...(relations.length > 0
      ? {
          relations: relations.map((r) => ({
            kind: r.kind,
            to: r.to,
            source: r.source,
            ...(isEmpty(r.note) ? {} : { note: bilingual(r.note) }),
          })),
        }
      : {}),
  };
  const doc = new Document(front, { aliasDuplicateObjects: false });
  // Short lists on one line, as in the seed files: `tags: [cloud, platform]`, `- {kind: …, to: …}`.
  const flow = (path: (string | number)[]) => {
    const node: unknown = doc.getIn(path, true);
    if (isCollection(node)) node.flow = true;
  };
  flow(['tags']);
  relations.forEach((r, i) => isEmpty(r.note) && flow(['relations', i]));
  // yaml writes a blank-only multi-line string as a block scalar that reads back without its
  // spaces; quoted, it survives.
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && node.value.includes('\n') && node.value.trim() === '') node.type = 'QUOTE_DOUBLE';
    },
  });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

export interface ReadFrontMatter {
  value?: FrontMatter;
  /** The kind, when at least it is valid: the body can then be checked in the same pass. */
  kind?: EntityKind;
  /** The file line of the value at a path, or of its nearest ancestor that exists. */
  lineOf(path: readonly PropertyKey[]): number;
}

/**
 * Reads the front matter, which starts on `firstLine` of the file. A YAML syntax error is thrown
 * at once (nothing after it can be trusted); invalid fields are added to `problems`.
 */
export function readFrontMatter(source: string, firstLine: number, fileName: string, problems: Problems): ReadFrontMatter {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  const lineOf = (path: readonly PropertyKey[]): number => {
    const keys = path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    for (let n = keys.length; n >= 0; n--) {
      const node: unknown = doc.getIn(keys.slice(0, n), true);
      if (isNode(node) && node.range) return lineAt(node.range[0]);
    }
    return firstLine;
  };
  if (doc.errors.length > 0) {
    for (const e of doc.errors) problems.add([], `front matter: ${e.message.split('\n')[0] ?? e.message}`, lineAt(e.pos[0]));
    problems.throwIfAny(fileName);
  }
  let raw: unknown;
  try {
    // Aliases could expand a small file into a huge value.
    raw = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    fail(fileName, `front matter: ${error instanceof Error ? error.message : String(error)}`, firstLine);
  }
  const result = FrontMatter.safeParse(raw ?? {});
  if (result.success) return { value: result.data, kind: result.data.kind, lineOf };
  for (const p of zodProblems(result.error)) problems.add(p.path, p.message, lineOf(p.path));
  const kind = EntityKindSchema.safeParse((raw as { kind?: unknown } | null)?.kind);
  return kind.success ? { kind: kind.data, lineOf } : { lineOf };
}
