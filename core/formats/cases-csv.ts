import {
  EntityContent,
  ENTITY_ID_PATTERN,
  checkKindFields,
  kindOfId,
  slugify,
  type Entity,
  type RelationContent,
} from '../model/entity.ts';
import { KINDS, RELATIONS, relationAllowed, type RelationKind } from '../model/kinds.ts';
import type { Bilingual } from '../model/text.ts';
import { readCsv, writeCsv } from './csv-rows.ts';
import { Problems, fail, kindWithArticle } from './problems.ts';

/**
 * Cases as a spreadsheet: one row per case. Written as Excel reads it best: a UTF-8 byte-order
 * mark (without it Excel decodes Chinese as the local code page), CRLF between rows (RFC 4180),
 * quotes only where needed. Read leniently the way spreadsheets write: with or without the mark,
 * CRLF or LF, comma, semicolon or tab as the separator (Excel in many European locales saves
 * with semicolons), and a blank row anywhere.
 *
 * Cells: a list column holds one item per line (zh and en items pair by position, so both columns
 * must have as many lines); a line break inside one item is written as a space. `tags` and the
 * relation columns hold `; `-separated values, so a tag cannot contain ";". Relation columns
 * carry only the target ids: the relation's source is the case's source and its note is empty,
 * and relation kinds without a column are not part of this format.
 *
 * Cells starting with = + - @ are written as they are, not prefixed with ' against spreadsheet
 * formulas: the prefix would change the text on the way back, and the file holds the user's own
 * knowledge base, not text from strangers.
 */

export const CASE_COLUMNS = [
  'id',
  'title_zh',
  'title_en',
  'summary_zh',
  'summary_en',
  'outcome',
  'product_zh',
  'product_en',
  'factors_zh',
  'factors_en',
  'practices_zh',
  'practices_en',
  'lessons_zh',
  'lessons_en',
  'tags',
  'source',
  'uses_model',
  'run_by',
  'teaches',
  'targets_segment',
  'related_to',
] as const;
type Column = (typeof CASE_COLUMNS)[number];

const RELATION_COLUMNS = [
  ['uses_model', 'uses-model'],
  ['run_by', 'run-by'],
  ['teaches', 'teaches'],
  ['targets_segment', 'targets-segment'],
  ['related_to', 'related-to'],
] as const satisfies readonly (readonly [Column, RelationKind])[];

const LIST_KEYS = ['factors', 'practices', 'lessons'] as const;
const TEXT_KEYS = ['product'] as const;

const SEPARATOR = '; ';

export interface ParsedCases {
  /** The cases in file order; an empty id cell got `case/<slug of the title>`, unique in the file. */
  entities: (EntityContent & { id: string })[];
  relations: RelationContent[];
  /** Ids this file made up for rows with an empty id: new cases, which may clash with the workspace. */
  derivedIds: string[];
  /** Relation targets that are not cases of this file, sorted: the server must check they exist. */
  externalEndpoints: string[];
}

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const oneLine = (item: string): string => item.replace(/\r\n|\r|\n/g, ' ');

/** zh and en list cells: one item per line, dropping items empty in both languages. */
function listCells(items: readonly Bilingual[] | undefined): [string, string] {
  const kept = (items ?? []).filter((i) => i.zh !== '' || i.en !== '');
  return [kept.map((i) => oneLine(i.zh)).join('\n'), kept.map((i) => oneLine(i.en)).join('\n')];
}

/** The cases (entities of other kinds are skipped) sorted by id, with their outgoing relations of the five column kinds. */
export function printCasesCsv(cases: readonly Entity[], relations: readonly RelationContent[]): string {
  const targets = new Map<string, string[]>();
  for (const r of relations) {
    const key = `${r.from} ${r.kind}`;
    const list = targets.get(key);
    if (list) list.push(r.to);
    else targets.set(key, [r.to]);
  }
  const cell = (id: string, kind: RelationKind) =>
    [...new Set(targets.get(`${id} ${kind}`) ?? [])].sort(byCodeUnits).join(SEPARATOR);
  const rows: string[][] = [[...CASE_COLUMNS]];
  for (const c of [...cases].filter((e) => e.kind === 'case').sort((a, b) => byCodeUnits(a.id, b.id))) {
    const row: Record<Column, string> = {
      id: c.id,
      title_zh: c.title.zh,
      title_en: c.title.en,
      summary_zh: c.summary.zh,
      summary_en: c.summary.en,
      outcome: c.attrs.outcome ?? '',
      product_zh: c.texts.product?.zh ?? '',
      product_en: c.texts.product?.en ?? '',
      factors_zh: '',
      factors_en: '',
      practices_zh: '',
      practices_en: '',
      lessons_zh: '',
      lessons_en: '',
      tags: [...new Set(c.tags)].join(SEPARATOR),
      source: c.source,
      uses_model: '',
      run_by: '',
      teaches: '',
      targets_segment: '',
      related_to: '',
    };
    for (const key of LIST_KEYS) [row[`${key}_zh`], row[`${key}_en`]] = listCells(c.lists[key]);
    for (const [column, kind] of RELATION_COLUMNS) row[column] = cell(c.id, kind);
    rows.push(CASE_COLUMNS.map((column) => row[column]));
  }
  return writeCsv(rows);
}

const splitValues = (cell: string): string[] =>
  cell
    .split(/[;\n]/)
    .map((v) => v.trim())
    .filter((v) => v !== '');

/** A list cell: one item per line, except that an empty cell is no items. */
const splitLines = (cell: string): string[] => (cell === '' ? [] : cell.split('\n'));

/**
 * Reads cases. Throws `too_large` past LIMITS.maxCsvRows, and `invalid_file` listing every
 * problem with the 1-based line where its row starts (quoted multi-line cells counted) and the
 * column name as its path.
 */
export function parseCasesCsv(input: string, fileName: string): ParsedCases {
  const read0 = readCsv(input, fileName).rows;
  const rows = read0.map((r) => r.cells);
  const lineOfRow = read0.map((r) => r.line);
  const problems = new Problems();

  const { header, columnIndex } = readHeader(rows[0] ?? [], fileName);

  const read = rows.slice(1).map((cells, i) => ({ cells, line: lineOfRow[i + 1] ?? 0 }));
  const data = read.filter((r) => r.cells.some((c) => c.trim() !== ''));

  // Explicit ids first, so an id made up for a new row never takes one a later row spells out.
  const taken = new Set<string>();
  for (const { cells } of data) {
    const id = (cells[columnIndex.get('id') ?? 0] ?? '').trim();
    if (id !== '') taken.add(id);
  }

  const entities: ParsedCases['entities'] = [];
  const relations: RelationContent[] = [];
  const derivedIds: string[] = [];
  const firstLine = new Map<string, number>();
  for (const { cells, line } of data) {
    if (problems.full) break;
    // Text under no column name would be dropped without a word.
    if (cells.some((cell, i) => (header[i] ?? '') === '' && cell.trim() !== ''))
      problems.add([], 'the row has text in a column without a name in the header row', line);
    // Cell text with line breaks normalised: spreadsheets mix CRLF and LF inside cells.
    const get: Cell = (column) => (cells[columnIndex.get(column) ?? -1] ?? '').replace(/\r\n|\r/g, '\n');
    const add: Report = (column, message) => problems.add(Array.isArray(column) ? [] : [column], message, line);

    let id = get('id').trim();
    if (id === '') {
      const base = `case/${slugify(get('title_en').trim() || get('title_zh').trim())}`;
      id = base;
      for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
      taken.add(id);
      derivedIds.push(id);
    } else if (!ENTITY_ID_PATTERN.test(id)) add('id', `"${id}" is not an id; ids look like case/ibm-watson`);
    else if (kindOfId(id) !== 'case') add('id', `"${id}" is the id of ${kindWithArticle(kindOfId(id) ?? 'unknown kind')}, not of a case`);
    const first = firstLine.get(id);
    if (first !== undefined) add('id', `the id "${id}" is already used on line ${first}`);
    else firstLine.set(id, line);

    const lists = readLists(get, add);
    const texts: Record<string, Bilingual> = {};
    for (const key of TEXT_KEYS) {
      const value = { zh: get(`${key}_zh`), en: get(`${key}_en`) };
      if (value.zh !== '' || value.en !== '') texts[key] = value;
    }
    const outcome = outcomeValue(get('outcome'));
    const content = EntityContent.safeParse({
      kind: 'case',
      title: { zh: get('title_zh'), en: get('title_en') },
      summary: { zh: get('summary_zh'), en: get('summary_en') },
      attrs: outcome === '' ? {} : { outcome },
      texts,
      lists,
      tags: splitValues(get('tags')),
      source: get('source'),
    });
    if (!content.success) {
      for (const issue of content.error.issues) add(columnOf(issue.path), issue.message);
      continue;
    }
    for (const p of checkKindFields(content.data)) add(columnOf(p.path), p.message);

    relations.push(...readRelations(get, id, content.data.source, add));
    entities.push({ ...content.data, id });
  }
  problems.throwIfAny(fileName);
  const own = new Set(entities.map((e) => e.id));
  return {
    entities,
    relations,
    derivedIds,
    externalEndpoints: [...new Set(relations.map((r) => r.to).filter((to) => !own.has(to)))].sort(byCodeUnits),
  };
}

/** The header row: column names (any case, any order) mapped to their positions. */
function readHeader(cells: string[], fileName: string): { header: string[]; columnIndex: Map<string, number> } {
  const problems = new Problems();
  const header = cells.map((h) => h.trim().toLowerCase());
  if (header.length === 0 || header.every((h) => h === ''))
    fail(fileName, `the file is empty; the first row must name the columns: ${CASE_COLUMNS.join(', ')}`, 1);
  const columnIndex = new Map<string, number>();
  header.forEach((name, i) => {
    if (name === '') return; // spreadsheets keep formatted but empty columns; checked per row below
    if (columnIndex.has(name)) problems.add([name], `the column "${name}" appears twice`, 1);
    else columnIndex.set(name, i);
  });
  const unknown = header.filter((h) => h !== '' && !(CASE_COLUMNS as readonly string[]).includes(h));
  const missing = CASE_COLUMNS.filter((c) => !columnIndex.has(c));
  for (const name of unknown) problems.add([name], `unknown column "${name}"; the columns are ${CASE_COLUMNS.join(', ')}`, 1);
  if (missing.length > 0)
    problems.add([], `missing ${missing.length === 1 ? 'column' : 'columns'} ${missing.join(', ')}`, 1);
  problems.throwIfAny(fileName);
  return { header, columnIndex };
}

type Cell = (column: Column) => string;
type Report = (column: Column | [], message: string) => void;

/** The zh and en cells of each list, paired line by line. */
function readLists(get: Cell, add: Report): Record<string, Bilingual[]> {
  const lists: Record<string, Bilingual[]> = {};
  for (const key of LIST_KEYS) {
    let zh = splitLines(get(`${key}_zh`));
    let en = splitLines(get(`${key}_en`));
    // An empty cell is a list not translated into that language yet.
    if (zh.length === 0) zh = en.map(() => '');
    if (en.length === 0) en = zh.map(() => '');
    if (zh.length !== en.length) {
      // A stray line break at the end of a cell is easy to type in a spreadsheet.
      zh = trimTrailingEmpty(zh);
      en = trimTrailingEmpty(en);
    }
    if (zh.length !== en.length) {
      add(
        `${key}_en`,
        `${key}_zh has ${zh.length} ${zh.length === 1 ? 'line' : 'lines'} but ${key}_en has ${en.length}; items pair by position, one per line`,
      );
      continue;
    }
    const items = zh.map((z, i) => ({ zh: z, en: en[i] ?? '' })).filter((item) => item.zh !== '' || item.en !== '');
    if (items.length > 0) lists[key] = items;
  }
  return lists;
}

/** The relation columns of one case: target ids, each checked for its shape and kind. */
function readRelations(get: Cell, from: string, source: string, add: Report): RelationContent[] {
  const relations: RelationContent[] = [];
  for (const [column, kind] of RELATION_COLUMNS)
    for (const to of new Set(splitValues(get(column)))) {
      const toKind = kindOfId(to);
      if (!ENTITY_ID_PATTERN.test(to)) add(column, `"${to}" is not an id; ids look like kind/slug`);
      else if (!toKind) add(column, `"${to}" is not the id of any kind of entity`);
      else if (!relationAllowed(kind, 'case', toKind))
        add(column, `a case cannot "${kind}" ${kindWithArticle(toKind)}; ${column} lists ${allowedTargets(kind)} ids`);
      else relations.push({ kind, from, to, note: { zh: '', en: '' }, source });
    }
  return relations;
}

function trimTrailingEmpty(lines: string[]): string[] {
  let end = lines.length;
  while (end > 0 && (lines[end - 1] ?? '').trim() === '') end--;
  return lines.slice(0, end);
}

/** The column a content path came from: ['lists', 'factors', 2, 'zh'] -> factors_zh. */
function columnOf(path: readonly PropertyKey[]): Column | [] {
  const [head, key, third, fourth] = path.map(String);
  const pick = (name: string): Column | [] => ((CASE_COLUMNS as readonly string[]).includes(name) ? (name as Column) : []);
  switch (head) {
    case 'title':
    case 'summary':
      return pick(key ? `${head}_${key}` : `${head}_en`);
    case 'attrs':
      return pick(key ?? 'outcome');
    case 'texts':
      return pick(`${key ?? ''}_${third ?? 'en'}`);
    case 'lists':
      return pick(`${key ?? ''}_${fourth ?? 'en'}`);
    case 'tags':
    case 'source':
      return head;
    default:
      return [];
  }
}

function allowedTargets(kind: RelationKind): string {
  const kinds = RELATIONS[kind].to;
  return kinds.length === 0 ? 'entity' : kinds.join(' or ');
}

/** The outcome as stored; people typing in a spreadsheet may write "Success" or 成功. */
function outcomeValue(cell: string): string {
  const typed = cell.trim();
  const options = KINDS.case.attributes.find((a) => a.key === 'outcome')?.options ?? [];
  const match = options.find(
    (o) => [o.value, o.label.en, o.label.zh].some((name) => name.toLowerCase() === typed.toLowerCase()),
  );
  return match?.value ?? typed;
}
