import type { Direction, ImportResult, Shape } from '../model.ts';
import { DroppedLog, tooLarge, type ImportLimits } from '../roundtrip.ts';
import { buildMap, type ConceptDraft, type EdgeDraft, type GroupDraft, type StyleUse } from './build.ts';
import { decodeLabel } from './labels.ts';
import { Scanner } from './scanner.ts';
import { parseStyleProperties, type StyleColours } from './styles.ts';
import { findEndLink, linkMeaning, matchLink, matchStartLink, NAMED_SHAPES, SHAPE_SYNTAX, type LinkMeaning, type ShapeSyntax } from './syntax.ts';

/**
 * A recursive-descent reader for Mermaid flowcharts, over the whole text (quoted and markdown
 * labels may span lines). It follows Mermaid's own grammar (flow.jison, flowDb) where that is
 * well defined and is lenient where Mermaid is merely fragile: brackets inside a label
 * (`A[CPU (x86)]`), which the seed book writes unquoted, are kept as text.
 */

const DIRECTIONS: Record<string, Direction> = { TB: 'TB', TD: 'TB', BT: 'BT', RL: 'RL', LR: 'LR', '>': 'LR', '<': 'RL', '^': 'BT', v: 'TB' };
const OTHER_DIAGRAMS =
  /^(sequenceDiagram|classDiagram(-v2)?|stateDiagram(-v2)?|erDiagram|journey|gantt|pie|quadrantChart|requirementDiagram|gitGraph|C4\w*|mindmap|timeline|zenuml|sankey(-beta)?|xychart(-beta)?|block(-beta)?|packet(-beta)?|kanban|architecture(-beta)?|radar(-beta)?|treemap(-beta)?)$/;

/** A node id: letters, digits and `_` (any script), with single `-` or `.` between them. */
const ID_START = /[\p{L}\p{N}_]/u;
const ID_PART = /[\p{L}\p{N}\p{M}_]/u;
/** Mermaid ≥ 11.6 edge ids: `A e1@--> B`. */
const EDGE_ID = /([\p{L}\p{N}_][\p{L}\p{N}\p{M}_-]*)@(?=[-=.~<ox])/uy;

interface OpenSubgraph {
  group: GroupDraft;
  /** Node ids mentioned directly inside, in order: Mermaid makes them members when it closes. */
  mentions: Set<string>;
}

export class MermaidParser extends Scanner {
  private readonly dropped = new DroppedLog();
  private direction: Direction = 'TB';
  private title = '';
  private readonly concepts = new Map<string, ConceptDraft>();
  private readonly edges: EdgeDraft[] = [];
  private readonly groups = new Map<string, GroupDraft>();
  private readonly open: OpenSubgraph[] = [];
  private readonly claimed = new Set<string>();
  private readonly classDefs = new Map<string, StyleColours>();
  /** `style`, `class` and `:::` uses by node id, in file order (later ones win). */
  private readonly styleUses = new Map<string, StyleUse[]>();
  private subgraphCount = 0;

  constructor(
    text: string,
    private readonly limits: ImportLimits,
  ) {
    super(text);
  }

  parse(): ImportResult {
    this.frontMatter();
    let headerSeen = false;
    for (;;) {
      this.skipBlank();
      if (this.pos >= this.text.length) break;
      if (this.text.startsWith('%%', this.pos)) {
        this.comment();
        continue;
      }
      if (!headerSeen) {
        this.header();
        headerSeen = true;
      } else this.statement();
      this.expectStatementEnd();
    }
    if (!headerSeen) throw this.fail(1, 'the file has no flowchart header: it should start with "flowchart TD" or "graph LR"');
    const unclosed = this.open.at(-1);
    if (unclosed) throw this.fail(unclosed.group.line, `subgraph "${unclosed.group.id}" is never closed with "end"`);
    return buildMap({
      title: this.title,
      direction: this.direction,
      concepts: this.concepts,
      edges: this.edges,
      groups: this.groups,
      classDefs: this.classDefs,
      styleUses: this.styleUses,
      dropped: this.dropped,
    });
  }

  // -------------------------------------------------------------------------------------------
  // Front matter, comments, header.

  private frontMatter(): void {
    if (!/^---[ \t]*\n/.test(this.text)) return;
    const close = /\n---[ \t]*(\n|$)/g.exec(this.text);
    if (!close) throw this.fail(1, 'the front matter opened with "---" is never closed');
    const body = this.text.slice(this.text.indexOf('\n') + 1, close.index);
    body.split('\n').forEach((raw, i) => {
      const line = i + 2;
      const key = /^([\w-]+)\s*:(.*)$/.exec(raw);
      if (!key) return;
      if (key[1] === 'title') this.title = unquoteYaml((key[2] ?? '').trim());
      else this.dropped.add({ line }, `front matter "${key[1]}" (configuration) is not kept`);
    });
    this.pos = close.index + close[0].length;
  }

  private comment(): void {
    if (this.text.startsWith('%%{', this.pos)) {
      const line = this.line;
      const end = this.text.indexOf('}%%', this.pos);
      this.pos = end < 0 ? this.text.length : end + 3;
      this.dropped.add({ line }, 'configuration directive (%%{…}%%) is not kept');
      return;
    }
    this.restOfLine();
  }

  private header(): void {
    const line = this.line;
    if (!this.match(/(?:graph|flowchart(?:-elk)?)(?=[ \t;\n]|%%|$)/y)) {
      const word = /^[^\s;]*/.exec(this.text.slice(this.pos, this.pos + 80))?.[0] ?? '';
      throw this.fail(
        line,
        OTHER_DIAGRAMS.test(word)
          ? `"${word}" is not a flowchart: only flowcharts ("flowchart TD", "graph LR") can become concept maps`
          : `unknown diagram header "${this.snippet()}": expected "flowchart" or "graph" followed by TB, TD, BT, RL or LR`,
      );
    }
    this.skipSpaces();
    if (this.atStatementEnd()) return;
    const dir = this.match(/(TB|TD|BT|RL|LR|[<>^v])(?=[ \t;\n]|%%|$)/y);
    if (!dir) throw this.fail(line, `unknown direction "${this.snippet()}": expected TB, TD, BT, RL or LR`);
    this.direction = DIRECTIONS[dir[1] ?? ''] ?? 'TB';
  }

  // -------------------------------------------------------------------------------------------
  // Statements.

  /** A keyword followed by a space, and not the start of an edge from a node of that name. */
  private keyword(word: string): boolean {
    if (!this.text.startsWith(word, this.pos)) return false;
    let after = this.pos + word.length;
    if (!/[ \t]/.test(this.text[after] ?? '')) return false;
    while (/[ \t]/.test(this.text[after] ?? '')) after++;
    if (matchLink(this.text, after) || matchStartLink(this.text, after) || this.text[after] === '&') return false;
    this.pos = after;
    return true;
  }

  private statement(): void {
    const line = this.line;
    if (this.match(/end(?=[ \t]*(?:[;\n]|%%|$))/y)) return this.closeSubgraph(line);
    if (this.keyword('subgraph') || this.match(/subgraph(?=[ \t]*(?:[;\n]|%%|$))/y)) return this.openSubgraph(line);
    if (this.keyword('direction')) return this.directionStatement(line);
    if (this.keyword('style')) return this.style(line);
    if (this.keyword('classDef')) return this.classDef(line);
    if (this.keyword('class')) return this.classStatement(line);
    if (this.keyword('click')) {
      const rest = this.restOfStatement();
      this.dropped.add({ line }, `click (link or callback on "${rest.split(/\s+/)[0] ?? ''}") is not kept`);
      return;
    }
    if (this.keyword('linkStyle')) {
      this.restOfStatement();
      this.dropped.add({ line }, 'linkStyle (the look of individual links) is not kept');
      return;
    }
    if (this.match(/accTitle[ \t]*:/y)) {
      this.restOfLine();
      this.dropped.add({ line }, 'accTitle (accessibility title) is not kept');
      return;
    }
    if (this.match(/accDescr[ \t]*\{/y)) {
      const end = this.text.indexOf('}', this.pos);
      if (end < 0) throw this.fail(line, 'accDescr { … } is never closed with "}"');
      this.pos = end + 1;
      this.dropped.add({ line }, 'accDescr (accessibility description) is not kept');
      return;
    }
    if (this.match(/accDescr[ \t]*:/y)) {
      this.restOfLine();
      this.dropped.add({ line }, 'accDescr (accessibility description) is not kept');
      return;
    }
    this.edgeStatement();
  }

  /** `subgraph id [title]`, `subgraph "title"`, `subgraph title with spaces`, `subgraph id`, or a bare `subgraph`. */
  private openSubgraph(line: number): void {
    let id: string | undefined;
    let title: string;
    if (this.atStatementEnd()) title = '';
    else if (this.peek() === '"') {
      const str = this.quoted(this.pos);
      this.pos = str.end;
      title = decodeLabel(str.value, true);
      id = /\s/.test(title) ? undefined : title;
    } else {
      const word = this.match(/[^\s;[\]"]+/y)?.[0] ?? '';
      const afterWord = this.pos;
      this.skipSpaces();
      if (word !== '' && this.peek() === '[') {
        id = word;
        title = this.bracketTitle(line);
      } else if (this.atStatementEnd()) {
        if (word === '') throw this.fail(line, `unexpected "${this.snippet()}" after subgraph`);
        id = word;
        title = decodeLabel(word, false);
      } else {
        this.pos = afterWord - word.length;
        title = decodeLabel(this.restOfStatement(), false);
      }
    }
    this.subgraphCount++;
    const groupId = id ?? this.autoSubgraphId();
    if (groupId.length > 200) throw this.fail(line, `the subgraph id "${groupId.slice(0, 24)}…" is longer than 200 characters`);
    if (this.open.some((o) => o.group.id === groupId)) throw this.fail(line, `subgraph "${groupId}" is opened inside itself`);
    if (this.open.length + 1 > this.limits.maxNesting) throw tooLarge('nesting', this.limits);
    let group = this.groups.get(groupId);
    if (group) group.title = title;
    else {
      group = { id: groupId, title, parent: this.open.at(-1)?.group.id ?? null, members: [], line };
      this.groups.set(groupId, group);
    }
    this.open.push({ group, mentions: new Set() });
  }

  private autoSubgraphId(): string {
    let n = this.subgraphCount - 1;
    while (this.groups.has(`subGraph${n}`)) n++;
    return `subGraph${n}`;
  }

  /** `[title]` or `["title"]` after a subgraph id. */
  private bracketTitle(line: number): string {
    this.pos++; // [
    this.skipSpaces();
    if (this.peek() === '"') {
      const str = this.quoted(this.pos);
      this.pos = str.end;
      this.skipSpaces();
      if (this.peek() !== ']') throw this.fail(line, 'expected "]" after the subgraph title');
      this.pos++;
      return decodeLabel(str.value, true);
    }
    const close = this.text.indexOf(']', this.pos);
    if (close < 0 || close > this.endOfLine(this.pos)) throw this.fail(line, 'unclosed "[" in the subgraph title');
    const raw = this.text.slice(this.pos, close);
    this.pos = close + 1;
    return decodeLabel(raw, false);
  }

  private closeSubgraph(line: number): void {
    const closing = this.open.pop();
    if (!closing) throw this.fail(line, '"end" without a matching "subgraph"');
    for (const id of closing.mentions) {
      if (this.claimed.has(id)) continue;
      this.claimed.add(id);
      closing.group.members.push(id);
    }
  }

  /** Sets the map's direction at the top level; inside a subgraph there is nowhere to keep it. */
  private directionStatement(line: number): void {
    const dir = this.match(/(TB|TD|BT|RL|LR)(?=[ \t;\n]|%%|$)/y);
    if (!dir) throw this.fail(line, `unknown direction "${this.snippet()}": expected TB, TD, BT, RL or LR`);
    const inside = this.open.at(-1);
    if (inside) this.dropped.add({ line }, `direction ${dir[1] ?? ''} inside subgraph "${inside.group.id}" is not kept: a map has one direction`);
    else this.direction = DIRECTIONS[dir[1] ?? ''] ?? this.direction;
  }

  private idList(line: number, what: string): string[] {
    const list = this.match(/[^\s;]+/y)?.[0];
    if (!list) throw this.fail(line, `${what} needs a name`);
    this.skipSpaces();
    return list.split(',').filter(Boolean);
  }

  private style(line: number): void {
    const ids = this.idList(line, 'style');
    const { colours, unsupported } = parseStyleProperties(this.restOfStatement());
    for (const id of ids) this.useStyle(id, { line, colours });
    for (const property of unsupported) this.dropped.add({ line }, `style "${property}" is not kept (only fill, stroke and color are)`);
  }

  private classDef(line: number): void {
    const names = this.idList(line, 'classDef');
    const { colours, unsupported } = parseStyleProperties(this.restOfStatement());
    for (const name of names) this.classDefs.set(name, { ...this.classDefs.get(name), ...colours });
    for (const property of unsupported) this.dropped.add({ line }, `classDef ${names.join(',')} "${property}" is not kept (only fill, stroke and color are)`);
  }

  private classStatement(line: number): void {
    const ids = this.idList(line, 'class');
    const names = this.restOfStatement().split(/[\s,]+/).filter(Boolean);
    if (names.length === 0) throw this.fail(line, 'class needs node ids and a class name');
    for (const id of ids) for (const className of names) this.useStyle(id, { line, className });
  }

  private useStyle(id: string, use: StyleUse): void {
    const uses = this.styleUses.get(id) ?? [];
    uses.push(use);
    this.styleUses.set(id, uses);
  }

  // -------------------------------------------------------------------------------------------
  // Nodes and edges.

  private edgeStatement(): void {
    let sources = this.nodeGroup();
    for (;;) {
      this.skipSpaces();
      if (this.atStatementEnd()) return;
      const line = this.line;
      const link = this.link();
      if (!link) throw this.fail(line, `unexpected "${this.snippet()}"`);
      this.skipSpaces();
      if (this.atStatementEnd()) throw this.fail(line, 'a link has no target: expected a node after it');
      const targets = this.nodeGroup();
      this.addEdges(sources, targets, link, line);
      sources = targets;
    }
  }

  private nodeGroup(): string[] {
    const ids = [this.node()];
    for (;;) {
      const save = this.pos;
      this.skipSpaces();
      if (this.peek() !== '&') {
        this.pos = save;
        return ids;
      }
      this.pos++;
      this.skipSpaces();
      ids.push(this.node());
    }
  }

  private readId(): string {
    const start = this.pos;
    const first = this.text.codePointAt(this.pos);
    if (first === undefined || !ID_START.test(String.fromCodePoint(first))) return '';
    while (this.pos < this.text.length) {
      const cp = this.text.codePointAt(this.pos) ?? 0;
      const ch = String.fromCodePoint(cp);
      if (ID_PART.test(ch)) this.pos += ch.length;
      else if ((ch === '-' || ch === '.') && ID_PART.test(String.fromCodePoint(this.text.codePointAt(this.pos + 1) ?? 0))) this.pos++;
      else break;
    }
    return this.text.slice(start, this.pos);
  }

  private node(): string {
    const line = this.line;
    const id = this.readId();
    if (id === '') throw this.fail(line, this.atStatementEnd() ? 'expected a node' : `unexpected "${this.snippet()}": expected a node id`);
    if (id.length > 200) throw this.fail(line, `the node id "${id.slice(0, 24)}…" is longer than 200 characters`);
    const concept = this.mention(id, line);
    const shaped = this.shape(line);
    if (shaped) {
      concept.label = shaped.label;
      concept.shape = shaped.shape;
    } else if (this.text.startsWith('@{', this.pos)) this.shapeData(concept, line);
    while (this.match(/:::/y)) {
      const className = this.match(/[\w-]+/y)?.[0];
      if (!className) throw this.fail(line, 'expected a class name after ":::"');
      this.useStyle(id, { line, className });
    }
    return id;
  }

  private mention(id: string, line: number): ConceptDraft {
    let concept = this.concepts.get(id);
    if (!concept) {
      if (this.concepts.size >= this.limits.maxNodes) throw tooLarge('nodes', this.limits);
      concept = { id, label: id, line };
      this.concepts.set(id, concept);
    }
    this.open.at(-1)?.mentions.add(id);
    return concept;
  }

  /** A bracketed label after a node id, trying longer openers first (`[(` before `[`). */
  private shape(line: number): { shape: Shape; label: string } | null {
    let at = this.pos;
    while (this.text[at] === ' ' || this.text[at] === '\t') at++;
    if (!'[({'.includes(this.text[at] ?? '-') && !(at === this.pos && this.text[at] === '>')) return null;
    let tried: ShapeSyntax | undefined;
    for (const syntax of SHAPE_SYNTAX) {
      if (!this.text.startsWith(syntax.open, at)) continue;
      tried = syntax;
      const body = this.shapeBody(at + syntax.open.length, syntax);
      if (body) {
        this.pos = body.end;
        return { shape: body.shape, label: body.label };
      }
    }
    if (!tried) return null;
    throw this.fail(line, `unclosed "${tried.open}": expected "${tried.close[0]?.text ?? ''}" before the end of the line`);
  }

  private shapeBody(start: number, syntax: ShapeSyntax): { shape: Shape; label: string; end: number } | null {
    const closerAt = (at: number) => syntax.close.find((c) => this.text.startsWith(c.text, at));
    let at = start;
    while (this.text[at] === ' ' || this.text[at] === '\t') at++;
    if (this.text[at] === '"') {
      const str = this.quoted(at);
      at = str.end;
      while (this.text[at] === ' ' || this.text[at] === '\t') at++;
      const close = closerAt(at);
      if (!close) return null;
      return { shape: close.shape, label: decodeLabel(str.value, true), end: at + close.text.length };
    }
    // Unquoted: the first closer outside nested brackets; failing that, the first closer at all.
    let depth = 0;
    let fallback: { at: number; close: { text: string; shape: Shape } } | undefined;
    for (at = start; at < this.text.length && this.text[at] !== '\n'; at++) {
      const close = closerAt(at);
      if (close && depth === 0) return { shape: close.shape, label: decodeLabel(this.text.slice(start, at), false), end: at + close.text.length };
      if (close && !fallback) fallback = { at, close };
      const ch = this.text[at] ?? '';
      if ('([{'.includes(ch)) depth++;
      else if (')]}'.includes(ch)) depth = Math.max(0, depth - 1);
    }
    if (!fallback) return null;
    return { shape: fallback.close.shape, label: decodeLabel(this.text.slice(start, fallback.at), false), end: fallback.at + fallback.close.text.length };
  }

  /** Mermaid ≥ 11.3 `A@{ shape: rounded, label: "Text" }`. */
  private shapeData(concept: ConceptDraft, line: number): void {
    this.pos += 2;
    const start = this.pos;
    let quoted = false;
    while (this.pos < this.text.length && (quoted || this.peek() !== '}')) {
      if (this.peek() === '"') quoted = !quoted;
      this.pos++;
    }
    if (this.pos >= this.text.length) throw this.fail(line, 'unclosed "@{": expected "}"');
    const body = this.text.slice(start, this.pos);
    this.pos++;
    for (const pair of body.match(/[\w-]+\s*:\s*(?:"[^"]*"|[^,\n}]*)/g) ?? []) {
      const colon = pair.indexOf(':');
      const key = pair.slice(0, colon).trim();
      const raw = pair.slice(colon + 1).trim();
      const value = raw.startsWith('"') ? decodeLabel(raw.slice(1, -1), true) : decodeLabel(raw, false);
      if (key === 'label') concept.label = value;
      else if (key === 'shape') {
        const shape = NAMED_SHAPES[value];
        if (shape) concept.shape = shape;
        else this.dropped.add({ line }, `shape "${value}" of node "${concept.id}" has no counterpart; drawn as a rectangle`);
      } else this.dropped.add({ line }, `node "${concept.id}" setting "${key}" is not kept`);
    }
  }

  private link(): { label: string; meaning: LinkMeaning; id?: string } | null {
    const line = this.line;
    const idMatch = this.match(EDGE_ID);
    const id = idMatch?.[1];
    const full = matchLink(this.text, this.pos);
    if (full) {
      this.pos += full.length;
      const meaning = linkMeaning(full.start, full.body);
      let label = '';
      let at = this.pos;
      while (this.text[at] === ' ' || this.text[at] === '\t') at++;
      if (this.text[at] === '|') {
        this.pos = at + 1;
        label = this.pipeText(line);
      }
      return { label, meaning, ...(id ? { id } : {}) };
    }
    const start = matchStartLink(this.text, this.pos);
    if (start) {
      const textStart = this.pos + start.length;
      let at = textStart;
      while (this.text[at] === ' ' || this.text[at] === '\t') at++;
      let label: string;
      let end: { index: number; length: number; body: string } | null;
      if (this.text[at] === '"') {
        const str = this.quoted(at);
        label = decodeLabel(str.value, true);
        end = findEndLink(this.text, str.end, this.endOfLine(str.end), start.kind);
        if (end && this.text.slice(str.end, end.index).trim() !== '') end = null;
      } else {
        end = findEndLink(this.text, textStart, this.endOfLine(textStart), start.kind);
        label = end ? decodeLabel(this.text.slice(textStart, end.index), false) : '';
      }
      if (!end) throw this.fail(line, `the link text after "${start.start}${start.kind}" never ends: expected a closing link such as "${closingExample(start.kind)}"`);
      this.pos = end.index + end.length;
      return { label, meaning: linkMeaning(start.start, start.kind, end.body), ...(id ? { id } : {}) };
    }
    if (id) throw this.fail(line, `expected a link after the edge id "${id}@"`);
    return null;
  }

  /** `|text|` after a link. */
  private pipeText(line: number): string {
    this.skipSpaces();
    if (this.peek() === '"') {
      const str = this.quoted(this.pos);
      this.pos = str.end;
      this.skipSpaces();
      if (this.peek() !== '|') throw this.fail(line, 'expected "|" after the quoted link text');
      this.pos++;
      return decodeLabel(str.value, true);
    }
    const close = this.text.indexOf('|', this.pos);
    if (close < 0 || close > this.endOfLine(this.pos)) throw this.fail(line, 'unclosed "|" in link text');
    const raw = this.text.slice(this.pos, close);
    this.pos = close + 1;
    return decodeLabel(raw, false);
  }

  private addEdges(sources: string[], targets: string[], link: { label: string; meaning: LinkMeaning; id?: string }, line: number): void {
    if (this.edges.length + sources.length * targets.length > this.limits.maxEdges) throw tooLarge('edges', this.limits);
    const { meaning } = link;
    if (meaning.longer)
      this.dropped.tally('link-length', { line }, (n) =>
        n === 1
          ? 'a longer link (extra -, = or .) is a layout hint that is not kept'
          : `${n} longer links (extra -, = or .) are layout hints that are not kept (the first is on line ${line})`,
      );
    if (meaning.ignoredStart)
      this.dropped.add({ line }, `the "${meaning.ignoredStart}" at the start of a link is not kept: Mermaid shows both ends only when they match, as in <--> or o--o`);
    sources.forEach((from, i) =>
      targets.forEach((to, j) => {
        this.edges.push({ from, to, label: link.label, style: { ...meaning.style }, line, ...(link.id && i === 0 && j === 0 ? { id: link.id } : {}) });
      }),
    );
  }
}

function closingExample(kind: string): string {
  return kind === '==' ? '==>' : kind === '-.' ? '.->' : '-->';
}

/** A YAML scalar as front matter writes a title: plain, 'single' or "double" quoted. */
function unquoteYaml(value: string): string {
  if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) {
    try {
      const parsed: unknown = JSON.parse(value);
      if (typeof parsed === 'string') return parsed;
    } catch {
      return value.slice(1, -1);
    }
  }
  if (value.startsWith("'") && value.endsWith("'") && value.length >= 2) return value.slice(1, -1).replace(/''/g, "'");
  return value;
}
