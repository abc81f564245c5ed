import type { Group, MapDocument } from '../model.ts';
import { addTo, uniqueId } from '../roundtrip.ts';
import { encodeLabel } from './labels.ts';
import { styleProperties } from './styles.ts';
import { linkFor, shapeBrackets } from './syntax.ts';

/** Words a statement starts with: a node may not be called this. */
const RESERVED = new Set(['end', 'subgraph', 'graph', 'flowchart', 'direction', 'style', 'classDef', 'class', 'click', 'linkStyle', 'accTitle', 'accDescr', 'call', 'href', 'default']);
/** What both our parser and Mermaid read as one node id (Mermaid's Unicode letters are the BMP ones). */
const SAFE_ID = /^[A-Za-z0-9_\p{L}](?:[A-Za-z0-9_\p{L}]|[-.](?=[A-Za-z0-9_\p{L}]))*$/u;
/** Mermaid's lexer takes the first rule that matches, so these words break an id where a token starts. */
const KEYWORD_TOKEN = /^(?:style|class|linkStyle|interpolate|graph|flowchart|subgraph|_self|_blank|_parent|_top|end(?![A-Za-z0-9_]))/;

/**
 * Whether Mermaid and our parser both read `id` as one node id. Mermaid's lexer cuts an id into
 * tokens: a run of digits, a run of ASCII name characters, each other letter on its own; a keyword
 * at the start of a token ends the id (`styleA`, `数据class`).
 */
function isMermaidId(id: string): boolean {
  if (!SAFE_ID.test(id) || RESERVED.has(id) || /[\ud800-\udfff]/.test(id)) return false;
  for (let i = 0; i < id.length; ) {
    if (KEYWORD_TOKEN.test(id.slice(i))) return false;
    const start = i;
    if (/[0-9]/.test(id[i] ?? '')) while (/[0-9]/.test(id[i] ?? '')) i++;
    if (i === start) while (/[A-Za-z0-9_.-]/.test(id[i] ?? '')) i++;
    if (i === start) i++;
  }
  return true;
}

/** A readable id Mermaid can read, for an id it cannot. */
function standIn(id: string): string {
  const base = id.replace(/[^A-Za-z0-9_\p{L}]+/gu, '_').replace(/[\ud800-\udfff]/g, '_');
  return [base, `n_${base}`].find(isMermaidId) ?? 'n';
}

/**
 * Mermaid ids for the map's concepts and groups. Ids Mermaid can read are kept, so a round trip
 * keeps them; others (spaces, punctuation, keywords) get a stand-in, and so does a group whose id
 * a concept already has (Mermaid would read a link to it as a link to the subgraph).
 */
function mermaidIds(map: MapDocument): { concept: Map<string, string>; group: Map<string, string> } {
  const taken = new Set<string>();
  const concept = new Map<string, string>();
  const group = new Map<string, string>();
  const nodeIds = [...map.concepts.map((c) => c.id), ...map.phrases.flatMap((p) => [...p.from, ...p.to])];
  const keep = (ids: Map<string, string>, id: string) => {
    if (!ids.has(id) && isMermaidId(id) && !taken.has(id)) ids.set(id, uniqueId(id, taken));
  };
  for (const id of nodeIds) keep(concept, id);
  for (const g of map.groups) keep(group, g.id);
  for (const id of nodeIds) if (!concept.has(id)) concept.set(id, uniqueId(standIn(id), taken));
  for (const g of map.groups) if (!group.has(g.id)) group.set(g.id, uniqueId(`${standIn(g.id)}_group`, taken));
  return { concept, group };
}

export function printMermaid(map: MapDocument): string {
  const ids = mermaidIds(map);
  const conceptId = (id: string) => ids.concept.get(id) ?? id;
  const groupId = (id: string) => ids.group.get(id) ?? id;
  const lines: string[] = [];
  if (map.title !== '') lines.push('---', `title: ${JSON.stringify(map.title)}`, '---');
  lines.push(`flowchart ${map.settings.direction}`);

  const conceptIds = new Set(map.concepts.map((c) => c.id));
  const groupIds = new Set(map.groups.map((g) => g.id));
  // Each concept is declared once, in the first group that lists it.
  const home = new Map<string, string>();
  for (const group of map.groups) for (const member of group.members) if (conceptIds.has(member) && !home.has(member)) home.set(member, group.id);
  const children = new Map<string | null, Group[]>();
  for (const group of map.groups) {
    const parent = group.parent !== null && groupIds.has(group.parent) && !nestsIn(map.groups, group.parent, group.id) ? group.parent : null;
    addTo(children, parent, group);
  }

  const conceptsById = new Map(map.concepts.map((c) => [c.id, c]));
  const node = (id: string) => {
    const concept = conceptsById.get(id);
    if (!concept) return conceptId(id);
    const mid = conceptId(id);
    if (concept.style.shape === undefined && concept.label === mid) return mid;
    const [open, close] = shapeBrackets(concept.style.shape ?? 'rect');
    return `${mid}${open}${bracketText(concept.label)}${close}`;
  };
  const byGroup = new Map<string | undefined, string[]>();
  for (const concept of map.concepts) {
    const at = home.get(concept.id);
    addTo(byGroup, at, concept.id);
  }
  for (const id of byGroup.get(undefined) ?? []) lines.push(`  ${node(id)}`);
  const printGroup = (group: Group, depth: number) => {
    const indent = '  '.repeat(depth);
    const gid = groupId(group.id);
    lines.push(group.title === gid ? `${indent}subgraph ${gid}` : `${indent}subgraph ${gid} [${bracketText(group.title)}]`);
    for (const id of byGroup.get(group.id) ?? []) lines.push(`${indent}  ${node(id)}`);
    for (const child of children.get(group.id) ?? []) printGroup(child, depth + 1);
    lines.push(`${indent}end`);
  };
  for (const group of children.get(null) ?? []) printGroup(group, 1);

  // Links come last, at the top level: inside a subgraph they would make their ends members.
  for (const phrase of map.phrases) {
    if (phrase.from.length === 0 || phrase.to.length === 0) continue;
    const label = phrase.label === '' ? '' : `|${encodeLabel(phrase.label)}|`;
    lines.push(`  ${phrase.from.map(conceptId).join(' & ')} ${linkFor(phrase.style)}${label} ${phrase.to.map(conceptId).join(' & ')}`);
  }

  // Colours, one classDef per distinct style.
  const classes = new Map<string, string[]>();
  for (const concept of map.concepts) {
    const properties = styleProperties(concept.style);
    if (properties !== '') addTo(classes, properties, conceptId(concept.id));
  }
  [...classes].forEach(([properties, members], i) => {
    lines.push(`  classDef look${i} ${properties}`, `  class ${members.join(',')} look${i}`);
  });
  return `${lines.join('\n')}\n`;
}

/** Mermaid has no empty string (`""` is no text at all); a blank label reads back as empty. */
function bracketText(text: string): string {
  return text === '' ? ' ' : encodeLabel(text);
}

/** Whether `group` is `ancestor` or nested under it: a parent cycle is printed flat. */
function nestsIn(groups: readonly Group[], group: string, ancestor: string): boolean {
  const seen = new Set<string>();
  for (let at: string | null = group; at !== null && !seen.has(at); at = groups.find((g) => g.id === at)?.parent ?? null) {
    if (at === ancestor) return true;
    seen.add(at);
  }
  return false;
}
