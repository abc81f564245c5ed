import { MAX_COORDINATE, type Concept, type ConceptStyle, type Group, type ImportResult, type Phrase, type PhraseStyle, type Position, type Shape } from '../model.ts';
import { addTo, DroppedLog, invalidFile, plural, tooLarge, uniqueId, type ImportLimits } from '../roundtrip.ts';
import { cxlColourToCss, CXL_SHAPES } from './format.ts';
import { xmlPath, type CxlElement, type CxlRaw } from './reader.ts';

/**
 * Turns what reader.ts collected into a map. CmapTools identifies concepts and linking phrases by
 * id, so nothing is ever merged by label. A linking phrase gathers its propositions from its
 * connections: concept → phrase connections are its sources, phrase → concept its targets.
 * Nested nodes (a concept other concepts name as `parent-id`) become groups.
 */

const where = (el: CxlElement) => ({ line: el.line, path: `/${xmlPath(el.place).join('/')}` });

interface PhraseDraft {
  id: string;
  label: string;
  el: CxlElement;
  from: Set<string>;
  to: Set<string>;
  /** Connections towards targets: they carry the head and line style. */
  outgoing: CxlElement[];
  bidirectional: boolean;
}

export function buildMap(raw: CxlRaw, limits: ImportLimits): ImportResult {
  const dropped = new DroppedLog();
  const fail = (el: CxlElement, message: string) => invalidFile('CXL', { line: el.line, path: xmlPath(el.place) }, message);
  const looks = new Map<string, CxlElement>();
  for (const look of [...raw.conceptLooks, ...raw.phraseLooks]) if (look.attrs.id !== undefined) looks.set(look.attrs.id, look);

  // Every id names one concept or one linking phrase.
  const kinds = new Map<string, 'concept' | 'phrase'>();
  const concepts = new Map<string, CxlElement>();
  const phrases = new Map<string, PhraseDraft>();
  for (const [kind, list] of [
    ['concept', raw.concepts],
    ['phrase', raw.phrases],
  ] as const) {
    for (const el of list) {
      const id = el.attrs.id;
      if (id === undefined || id === '') throw fail(el, `a ${kind === 'concept' ? 'concept' : 'linking phrase'} has no id`);
      if (id.length > 200) throw fail(el, `the id "${id.slice(0, 24)}…" is longer than 200 characters`);
      if (kinds.has(id)) throw fail(el, `the id "${id}" is used twice`);
      kinds.set(id, kind);
      if (kind === 'concept') concepts.set(id, el);
      else phrases.set(id, { id, label: el.attrs.label ?? '', el, from: new Set(), to: new Set(), outgoing: [], bidirectional: false });
    }
  }

  // Nested nodes: parent-id must name a concept; the chain may not loop or nest too deep.
  const children = new Map<string, string[]>();
  for (const [id, el] of concepts) {
    const parent = el.attrs['parent-id'];
    if (parent === undefined || parent === '') continue;
    if (!concepts.has(parent)) throw fail(el, `parent-id "${parent}" is not a concept in this map`);
    addTo(children, parent, id);
  }
  for (const [id, el] of concepts) {
    let depth = 0;
    const seen = new Set<string>();
    for (let at = el.attrs['parent-id']; at; at = concepts.get(at)?.attrs['parent-id']) {
      if (seen.has(at)) throw fail(el, `the nested nodes around "${id}" contain each other (a parent-id loop)`);
      seen.add(at);
      if (++depth > limits.maxNesting) throw tooLarge('nesting', limits);
    }
  }

  // Connections: both ends must exist.
  const connected = new Set<string>();
  for (const el of raw.connections) {
    for (const end of ['from-id', 'to-id'] as const) {
      const id = el.attrs[end];
      if (id === undefined || id === '') throw fail(el, `the connection has no ${end}`);
      if (!kinds.has(id)) throw fail(el, `${end} "${id}" is not a concept or linking phrase in this map`);
      connected.add(id);
    }
  }
  const isContainer = (id: string) => children.has(id) || (looks.get(id)?.attrs.expanded !== undefined && !connected.has(id));

  const taken = new Set(kinds.keys());
  const direct: PhraseDraft[] = [];
  for (const el of raw.connections) {
    const from = el.attrs['from-id'] ?? '';
    const to = el.attrs['to-id'] ?? '';
    const label = (id: string) => concepts.get(id)?.attrs.label ?? phrases.get(id)?.label ?? id;
    const container = [from, to].find((id) => kinds.get(id) === 'concept' && isContainer(id));
    if (container !== undefined) {
      dropped.add(where(el), `a connection to the nested node "${label(container)}" is not kept: in the map it is a group, and links join concepts`);
      continue;
    }
    const fromPhrase = phrases.get(from);
    const toPhrase = phrases.get(to);
    const bidirectional = el.attrs.isBidirectional === 'true';
    if (fromPhrase && toPhrase) {
      dropped.add(where(el), `a connection between two linking phrases ("${fromPhrase.label}" → "${toPhrase.label}") is not kept`);
    } else if (toPhrase) {
      toPhrase.from.add(from);
      toPhrase.bidirectional ||= bidirectional;
    } else if (fromPhrase) {
      fromPhrase.to.add(to);
      fromPhrase.outgoing.push(el);
      fromPhrase.bidirectional ||= bidirectional;
    } else {
      // Concept → concept without a linking phrase: a phrase with an empty label.
      const id = uniqueId(el.attrs.id ?? `${from}-${to}`, taken);
      direct.push({ id, label: '', el, from: new Set([from]), to: new Set([to]), outgoing: [el], bidirectional });
    }
  }

  const connectionLooks = new Map(raw.connectionLooks.map((look) => [look.attrs.id ?? '', look]));
  const phraseList: Phrase[] = [];
  let propositionCount = 0;
  for (const draft of [...phrases.values(), ...direct]) {
    if (draft.from.size === 0 || draft.to.size === 0) {
      const missing = draft.from.size === 0 ? (draft.to.size === 0 ? 'connections' : 'source concept') : 'target concept';
      dropped.add(where(draft.el), `the linking phrase "${draft.label}" has no ${missing}, so it makes no proposition and is not kept`);
      continue;
    }
    propositionCount += draft.from.size * draft.to.size;
    if (propositionCount > limits.maxEdges) throw tooLarge('edges', limits);
    phraseList.push({
      id: draft.id,
      label: clip(draft.label, 2000, draft.el, dropped),
      from: [...draft.from],
      to: [...draft.to],
      style: phraseStyle(draft, connectionLooks, raw.defaultStyles.connection),
    });
  }

  // Concepts, groups, positions, styles.
  const conceptList: Concept[] = [];
  const groups: Group[] = [];
  const layout: Record<string, Position> = {};
  for (const [id, el] of concepts) {
    const label = clip(el.attrs.label ?? '', 2000, el, dropped);
    if (el.attrs['short-comment'] || el.attrs['long-comment'])
      dropped.tally('comments', () => where(el), (n) => `hover comments of ${plural(n, 'concept')} are not kept`);
    if (isContainer(id)) {
      groups.push({
        id,
        title: label,
        parent: el.attrs['parent-id'] || null,
        members: (children.get(id) ?? []).filter((child) => !isContainer(child)),
        collapsed: looks.get(id)?.attrs.expanded === 'false',
      });
      continue;
    }
    conceptList.push({ id, label, entity: null, style: conceptStyle(looks.get(id), raw.defaultStyles.concept, dropped) });
  }
  if (conceptList.length > limits.maxNodes) throw tooLarge('nodes', limits);

  for (const look of [...raw.conceptLooks, ...raw.phraseLooks]) {
    const id = look.attrs.id ?? '';
    if (!kinds.has(id)) {
      dropped.add(where(look), `an appearance for "${id}", which is not in the map, is ignored`);
      continue;
    }
    noteUnkeptLook(look, kinds.get(id) === 'phrase', dropped);
    if (isContainer(id)) continue;
    const x = Number(look.attrs.x);
    const y = Number(look.attrs.y);
    if (look.attrs.x === undefined || look.attrs.y === undefined) continue;
    // Positions beyond the model's range are dropped (the layout places those nodes instead).
    if (Math.abs(x) <= MAX_COORDINATE && Math.abs(y) <= MAX_COORDINATE) layout[id] = { x, y, pinned: false };
    else dropped.add(where(look), `the position of "${id}" is not a number`);
  }
  // A phrase made for a direct connection sits between its two concepts.
  const kept = new Set(phraseList.map((p) => p.id));
  for (const draft of direct) {
    const [a, b] = [layout[[...draft.from][0] ?? ''], layout[[...draft.to][0] ?? '']];
    if (a && b && kept.has(draft.id)) layout[draft.id] = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, pinned: false };
  }

  noteConnectionLooks(raw, dropped);
  noteOtherContent(raw, concepts, dropped);

  return {
    map: {
      title: (raw.title ?? '').trim().slice(0, 500),
      concepts: conceptList,
      phrases: phraseList,
      groups,
      layout,
      settings: { direction: 'TB', layout: Object.keys(layout).length > 0 ? 'manual' : 'layered' },
    },
    dropped: dropped.list(),
  };
}

function clip(text: string, max: number, el: CxlElement, dropped: DroppedLog): string {
  if (text.length <= max) return text;
  dropped.add(where(el), `a label longer than ${max} characters is cut`);
  return text.slice(0, max);
}

/** Colours and shape from the node's appearance, or else from the map's default style sheet. */
function conceptStyle(look: CxlElement | undefined, defaults: Record<string, string> | undefined, dropped: DroppedLog): ConceptStyle {
  const style: ConceptStyle = {};
  const attr = (name: string) => look?.attrs[name] ?? defaults?.[name];
  for (const [name, field] of [
    ['background-color', 'fill'],
    ['border-color', 'stroke'],
    ['font-color', 'text'],
  ] as const) {
    const value = attr(name);
    if (value === undefined) continue;
    const css = cxlColourToCss(value);
    if (css) style[field] = css;
    else if (look) dropped.add(where(look), `${name} "${value}" is not a colour`);
  }
  if (attr('border-style') === 'none' && style.stroke !== undefined) style.stroke = 'transparent';
  const shape = attr('border-shape');
  if (shape !== undefined) {
    const mapped: Shape | undefined = CXL_SHAPES[shape];
    if (mapped) style.shape = mapped;
    else if (look) dropped.tally(`shape:${shape}`, () => where(look), (n) => `the shape "${shape}" of ${plural(n, 'concept')} has no counterpart; drawn as a rectangle`);
  }
  return style;
}

const LOOK_DETAILS: [string, (attrs: Record<string, string>) => boolean, (n: number) => string][] = [
  ['sizes', (a) => a.width !== undefined || a.height !== undefined, (n) => `sizes (width, height) of ${plural(n, 'node')} are not kept: the app sizes nodes to their labels`],
  ['fonts', (a) => ['font-name', 'font-size', 'font-style'].some((k) => a[k] !== undefined), (n) => `fonts (font-name, font-size, font-style) of ${plural(n, 'node')} are not kept`],
  [
    'borders',
    (a) => ['border-thickness', 'shadow-color', 'text-margin', 'text-alignment', 'border-shape-rrarc'].some((k) => a[k] !== undefined && a[k] !== 'none'),
    (n) => `border thickness, shadows and text margins of ${plural(n, 'node')} are not kept`,
  ],
  ['images', (a) => a['background-image'] !== undefined, (n) => `background images of ${plural(n, 'node')} are not kept`],
];

function noteUnkeptLook(look: CxlElement, isPhrase: boolean, dropped: DroppedLog): void {
  for (const [key, applies, describe] of LOOK_DETAILS) if (applies(look.attrs)) dropped.tally(`look:${key}`, () => where(look), describe);
  if (isPhrase && ['background-color', 'border-color', 'font-color'].some((k) => look.attrs[k] !== undefined))
    dropped.tally('phrase-colours', () => where(look), (n) => `colours of ${plural(n, 'linking phrase')} are not kept`);
}

/** Line and arrow heads from the connections towards the targets (CmapTools styles each connection). */
function phraseStyle(draft: PhraseDraft, looks: Map<string, CxlElement>, defaults: Record<string, string> | undefined): PhraseStyle {
  const outgoing = draft.outgoing.map((el) => looks.get(el.attrs.id ?? '')?.attrs ?? {});
  const attr = (name: string) => outgoing.find((a) => a[name] !== undefined)?.[name] ?? defaults?.[name];
  const colour = attr('color');
  const line: PhraseStyle['line'] =
    colour !== undefined && /,\s*0\s*$/.test(colour)
      ? 'invisible'
      : ['dotted', 'dashed'].includes(attr('style') ?? '')
        ? 'dotted'
        : Number(attr('thickness') ?? 1) >= 3
          ? 'thick'
          : 'solid';
  return { line, head: line === 'invisible' || attr('arrowhead') === 'no' ? 'none' : 'arrow', tail: draft.bidirectional ? 'arrow' : 'none' };
}

function noteConnectionLooks(raw: CxlRaw, dropped: DroppedLog): void {
  for (const look of raw.connectionLooks) {
    if (look.controlPoints > 0 || (look.attrs.type !== undefined && look.attrs.type !== 'straight'))
      dropped.tally('curves', () => where(look), (n) => `curves (control points) of ${plural(n, 'connection')} are not kept: links are drawn straight`);
    if (['from-pos', 'to-pos'].some((k) => look.attrs[k] !== undefined && look.attrs[k] !== 'center'))
      dropped.tally('anchors', () => where(look), (n) => `anchor points of ${plural(n, 'connection')} are not kept`);
    if (look.attrs.color !== undefined && !/,\s*0\s*$/.test(look.attrs.color))
      dropped.tally('link-colours', () => where(look), (n) => `colours of ${plural(n, 'connection')} are not kept`);
  }
}

function noteOtherContent(raw: CxlRaw, concepts: Map<string, CxlElement>, dropped: DroppedLog): void {
  if (raw.description !== undefined && raw.description.trim() !== '') dropped.add({ path: '/cmap/res-meta/description' }, `the focus question "${raw.description.trim()}" is not kept`);
  for (const group of raw.resourceGroups) {
    const owner = concepts.get(group.attrs['parent-id'] ?? '')?.attrs.label ?? group.attrs['parent-id'] ?? '?';
    const names = group.resources.filter(Boolean).join(', ');
    dropped.add(where(group), `${plural(group.resources.length, 'resource')} attached to "${owner.replace(/\s+/g, ' ')}" ${group.resources.length === 1 ? 'is' : 'are'} not kept${names ? `: ${names}` : ''}`);
  }
  for (const image of raw.images) dropped.tally('images', () => where(image), (n) => `${plural(n, 'image')} in the map ${n === 1 ? 'is' : 'are'} not kept`);
  for (const note of raw.annotations) dropped.tally('annotations', () => where(note), (n) => `${plural(n, 'annotation')} (sticky notes) ${n === 1 ? 'is' : 'are'} not kept`);
  const background = raw.defaultStyles.map?.attrs['background-color'];
  if (raw.defaultStyles.map && background !== undefined && !/^255,\s*255,\s*255/.test(background) && !/,\s*0\s*$/.test(background))
    dropped.add(where(raw.defaultStyles.map), `the map's background colour (${background}) is not kept`);
  for (const el of raw.unknown) dropped.tally(`unknown:${el.name}`, () => where(el), (n) => `<${el.name}> (${plural(n, 'element')}) is not read`);
}
