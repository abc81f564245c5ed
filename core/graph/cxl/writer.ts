import type { Group, MapDocument } from '../model.ts';
import { uniqueId } from '../roundtrip.ts';
import { CXL_NAMESPACES, cssToCxlColour, escapeAttribute, escapeText, shapeToCxl } from './format.ts';

/**
 * Writes a CXL document laid out like CmapTools' own exports (see the fixtures): metadata, the
 * concept, linking-phrase and connection lists, then their appearance lists. Groups become nested
 * nodes: a concept whose members name it as `parent-id`, with an `expanded` appearance.
 * Appearance x/y are node centres, as in CmapTools files.
 */

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const GRID_X = 200;
const GRID_Y = 120;
const MARGIN = 20;

/** A size CmapTools would give the label; it re-measures on opening anyway. */
function measure(label: string, phrase: boolean): { width: number; height: number } {
  const lines = label.split('\n');
  const columns = Math.max(1, ...lines.map((line) => [...line].reduce((n, ch) => n + ((ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1), 0)));
  return { width: Math.min(400, columns * 7 + (phrase ? 4 : 16)), height: lines.length * 16 + (phrase ? 2 : 10) };
}

/** Math.max/min without spreading: a big map has more boxes than a call has room for arguments. */
const maxOf = (values: Iterable<number>, floor = -Infinity) => {
  let max = floor;
  for (const v of values) if (v > max) max = v;
  return max;
};
const minOf = (values: Iterable<number>) => -maxOf([...values].map((v) => -v));

function attributes(pairs: [string, string | number | undefined][]): string {
  return pairs
    .filter((pair): pair is [string, string | number] => pair[1] !== undefined)
    .map(([name, value]) => ` ${name}="${typeof value === 'number' ? Math.round(value) : escapeAttribute(value)}"`)
    .join('');
}

export function writeCxl(map: MapDocument): string {
  const taken = new Set<string>(map.concepts.map((c) => c.id));
  const phraseIds = new Map(map.phrases.map((p) => [p.id, uniqueId(p.id, taken)]));
  const containerIds = new Map(map.groups.map((g) => [g.id, uniqueId(g.id, taken)]));
  const groupsById = new Map(map.groups.map((g) => [g.id, g]));

  // Where each concept and group nests (first group listing a concept wins; parent loops are cut).
  const parentOf = new Map<string, string>();
  for (const group of map.groups) for (const member of group.members) if (!parentOf.has(member)) parentOf.set(member, group.id);
  const groupParent = (group: Group): string | undefined => {
    const seen = new Set([group.id]);
    for (let at = group.parent; at !== null; at = groupsById.get(at)?.parent ?? null) {
      if (seen.has(at) || !groupsById.has(at)) return undefined;
      seen.add(at);
    }
    return group.parent ?? undefined;
  };

  const boxes = layOut(map, parentOf, groupParent);
  const conceptIds = new Set(map.concepts.map((c) => c.id));

  const concepts = [
    ...map.concepts.map((c) => {
      const parent = parentOf.get(c.id);
      return `<concept${attributes([
        ['id', c.id],
        ['label', c.label],
        ['parent-id', parent === undefined ? undefined : containerIds.get(parent)],
      ])}/>`;
    }),
    ...map.groups.map((g) => {
      const parent = groupParent(g);
      return `<concept${attributes([
        ['id', containerIds.get(g.id)],
        ['label', g.title],
        ['parent-id', parent === undefined ? undefined : containerIds.get(parent)],
      ])}/>`;
    }),
  ];
  const phrases = map.phrases.map((p) => `<linking-phrase${attributes([['id', phraseIds.get(p.id)], ['label', p.label]])}/>`);

  const connections: string[] = [];
  const connectionLooks: string[] = [];
  for (const phrase of map.phrases) {
    const pid = phraseIds.get(phrase.id) ?? phrase.id;
    const { line, head, tail } = phrase.style;
    const look: [string, string | undefined][] = [
      ['from-pos', 'center'],
      ['to-pos', 'center'],
      ['style', line === 'dotted' ? 'dotted' : undefined],
      ['thickness', line === 'thick' ? '3' : undefined],
      ['color', line === 'invisible' ? '0,0,0,0' : undefined],
    ];
    const connect = (from: string, to: string, toConcept: boolean) => {
      if (!conceptIds.has(toConcept ? to : from)) return;
      const id = uniqueId(`${pid}-${toConcept ? 'to' : 'from'}`, taken);
      connections.push(`<connection${attributes([['id', id], ['from-id', from], ['to-id', to], ['isBidirectional', tail !== 'none' ? 'true' : undefined]])}/>`);
      connectionLooks.push(`<connection-appearance${attributes([['id', id], ...look, ['arrowhead', toConcept ? (head === 'none' ? 'no' : 'yes') : undefined]])}/>`);
    };
    for (const from of phrase.from) connect(from, pid, false);
    for (const to of phrase.to) connect(pid, to, true);
  }

  const look = (id: string, box: Box | undefined, extra: [string, string | undefined][]) =>
    attributes([['id', id], ['x', box?.x], ['y', box?.y], ['width', box?.width], ['height', box?.height], ...extra]);
  const conceptLooks = [
    ...map.concepts.map(
      (c) =>
        `<concept-appearance${look(c.id, boxes.get(c.id), [
          ['background-color', cssToCxlColour(c.style.fill)],
          ['border-color', cssToCxlColour(c.style.stroke)],
          ['font-color', cssToCxlColour(c.style.text)],
          ['border-shape', shapeToCxl(c.style.shape)],
        ])}/>`,
    ),
    ...map.groups.map((g) => `<concept-appearance${look(containerIds.get(g.id) ?? g.id, boxes.get(`group:${g.id}`), [['expanded', g.collapsed ? 'false' : 'true']])}/>`),
  ];
  const phraseLooks = map.phrases.map((p) => `<linking-phrase-appearance${look(phraseIds.get(p.id) ?? p.id, boxes.get(p.id), [])}/>`);

  const all = [...boxes.values()];
  const width = maxOf(all.map((b) => b.x + b.width / 2), 0) + MARGIN;
  const height = maxOf(all.map((b) => b.y + b.height / 2), 0) + MARGIN;
  const list = (name: string, items: string[]) =>
    items.length === 0 ? [`        <${name}/>`] : [`        <${name}>`, ...items.map((i) => `            ${i}`), `        </${name}>`];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<cmap xmlns:dcterms="${CXL_NAMESPACES.dcterms}" xmlns="${CXL_NAMESPACES.cmap}" xmlns:dc="${CXL_NAMESPACES.dc}" xmlns:vcard="${CXL_NAMESPACES.vcard}">`,
    '    <res-meta>',
    `        <dc:title>${escapeText(map.title)}</dc:title>`,
    '        <dc:format>x-cmap/x-storable</dc:format>',
    '    </res-meta>',
    `    <map${attributes([['width', Math.ceil(width)], ['height', Math.ceil(height)]])}>`,
    ...list('concept-list', concepts),
    ...list('linking-phrase-list', phrases),
    ...list('connection-list', connections),
    ...list('concept-appearance-list', conceptLooks),
    ...list('linking-phrase-appearance-list', phraseLooks),
    ...list('connection-appearance-list', connectionLooks),
    '        <style-sheet-list>',
    '            <style-sheet id="_Default_">',
    '                <map-style background-color="255,255,255,255"/>',
    '            </style-sheet>',
    '        </style-sheet-list>',
    '    </map>',
    '</cmap>',
    '',
  ].join('\n');
}

/**
 * Boxes (centre and size) for every concept, phrase and group (`group:<id>`): the map's layout
 * where it has one; a grid for concepts without a position (members of a group next to each
 * other); phrases between their sources and targets; groups around their contents.
 */
function layOut(map: MapDocument, parentOf: Map<string, string>, groupParent: (g: Group) => string | undefined): Map<string, Box> {
  const boxes = new Map<string, Box>();
  for (const concept of map.concepts) {
    const at = map.layout[concept.id];
    if (at) boxes.set(concept.id, { x: at.x, y: at.y, ...measure(concept.label, false) });
  }
  const bottom = maxOf([...boxes.values()].map((b) => b.y + b.height / 2), 0);
  const groupOrder = new Map(map.groups.map((g, i) => [g.id, i]));
  const unplaced = map.concepts
    .filter((c) => !boxes.has(c.id))
    .sort((a, b) => (groupOrder.get(parentOf.get(a.id) ?? '') ?? -1) - (groupOrder.get(parentOf.get(b.id) ?? '') ?? -1));
  const columns = Math.max(1, Math.ceil(Math.sqrt(unplaced.length)));
  unplaced.forEach((concept, i) => {
    boxes.set(concept.id, { x: 120 + (i % columns) * GRID_X, y: bottom + 80 + Math.floor(i / columns) * GRID_Y, ...measure(concept.label, false) });
  });

  const centre = (ids: string[]) => {
    const placed = ids.map((id) => boxes.get(id)).filter((b): b is Box => b !== undefined);
    if (placed.length === 0) return undefined;
    return { x: placed.reduce((s, b) => s + b.x, 0) / placed.length, y: placed.reduce((s, b) => s + b.y, 0) / placed.length };
  };
  for (const phrase of map.phrases) {
    const at = map.layout[phrase.id];
    const from = centre(phrase.from);
    const to = centre(phrase.to);
    const size = measure(phrase.label, true);
    if (at) boxes.set(phrase.id, { x: at.x, y: at.y, ...size });
    else if (from && to) boxes.set(phrase.id, { x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 + (from.x === to.x && from.y === to.y ? 40 : 0), ...size });
    else boxes.set(phrase.id, { x: 120, y: bottom + 40, ...size });
  }

  // Groups around their contents, innermost first; an empty group gets a slot of its own.
  const contents = (group: Group): Box[] => [
    ...group.members.map((id) => boxes.get(id)).filter((b): b is Box => b !== undefined),
    ...map.groups.filter((g) => g.id !== group.id && groupParent(g) === group.id).flatMap((g) => groupBox(g) ?? []),
  ];
  const visiting = new Set<string>();
  const groupBox = (group: Group): Box | undefined => {
    const key = `group:${group.id}`;
    const known = boxes.get(key);
    if (known || visiting.has(group.id)) return known;
    visiting.add(group.id);
    const inside = contents(group);
    let box: Box;
    if (inside.length === 0) {
      const slot = [...boxes.keys()].filter((k) => k.startsWith('group:')).length;
      box = { x: 120 + slot * GRID_X, y: maxOf([...boxes.values()].map((b) => b.y + b.height / 2), 0) + 80, width: 120, height: 60 };
    } else {
      const left = minOf(inside.map((b) => b.x - b.width / 2)) - MARGIN;
      const right = maxOf(inside.map((b) => b.x + b.width / 2)) + MARGIN;
      const top = minOf(inside.map((b) => b.y - b.height / 2)) - MARGIN * 2;
      const lower = maxOf(inside.map((b) => b.y + b.height / 2)) + MARGIN;
      box = { x: (left + right) / 2, y: (top + lower) / 2, width: right - left, height: lower - top };
    }
    boxes.set(key, box);
    return box;
  };
  for (const group of map.groups) groupBox(group);

  // CmapTools' canvas starts at 0,0: move everything right/down if anything sticks out.
  const all = [...boxes.values()];
  const dx = Math.max(0, MARGIN - minOf(all.map((b) => b.x - b.width / 2)));
  const dy = Math.max(0, MARGIN - minOf(all.map((b) => b.y - b.height / 2)));
  if (dx > 0 || dy > 0) for (const box of all) Object.assign(box, { x: box.x + dx, y: box.y + dy });
  return boxes;
}
