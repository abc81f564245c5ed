import type { ConceptStyle, Direction, ImportResult, MapDocument, PhraseStyle, Shape } from '../model.ts';
import type { DroppedLog } from '../roundtrip.ts';
import type { StyleColours } from './styles.ts';

/**
 * What the parser collected, turned into a map: ids that name subgraphs are not concepts, phrases
 * get ids no concept or group has, styles resolve (classDef default, then classes, then style).
 */

export interface ConceptDraft {
  id: string;
  label: string;
  shape?: Shape;
  line: number;
}

export interface EdgeDraft {
  id?: string;
  from: string;
  to: string;
  label: string;
  style: PhraseStyle;
  line: number;
}

export interface GroupDraft {
  id: string;
  title: string;
  parent: string | null;
  members: string[];
  line: number;
}

export interface StyleUse {
  line: number;
  colours?: StyleColours;
  className?: string;
}

export interface MermaidDraft {
  title: string;
  direction: Direction;
  concepts: Map<string, ConceptDraft>;
  edges: EdgeDraft[];
  groups: Map<string, GroupDraft>;
  classDefs: Map<string, StyleColours>;
  /** `style`, `class` and `:::` uses by node id, in file order (later ones win). */
  styleUses: Map<string, StyleUse[]>;
  dropped: DroppedLog;
}

export function buildMap(draft: MermaidDraft): ImportResult {
  const { concepts, groups, dropped } = draft;
  // An id that names a subgraph means the subgraph: links to subgraphs have no place in a map.
  for (const id of groups.keys()) {
    const concept = concepts.get(id);
    if (!concept) continue;
    concepts.delete(id);
    dropped.add({ line: concept.line }, `"${id}" names a subgraph, so it is not read as a node`);
    for (const group of groups.values()) group.members = group.members.filter((m) => m !== id);
  }
  const edges = draft.edges.filter((e) => {
    const toGroup = groups.has(e.from) ? e.from : groups.has(e.to) ? e.to : null;
    if (toGroup) dropped.add({ line: e.line }, `a link to subgraph "${toGroup}" is not kept: links join concepts`);
    return !toGroup;
  });

  const taken = new Set([...concepts.keys(), ...groups.keys()]);
  let next = 1;
  const phraseId = (wanted?: string) => {
    if (wanted && !taken.has(wanted)) {
      taken.add(wanted);
      return wanted;
    }
    while (taken.has(`e${next}`)) next++;
    taken.add(`e${next}`);
    return `e${next}`;
  };

  const map: MapDocument = {
    title: clip(dropped, draft.title, 500, 1, 'the title'),
    concepts: [...concepts.values()].map((c) => ({
      id: c.id,
      label: clip(dropped, c.label, 2000, c.line, `the label of "${c.id}"`),
      entity: null,
      style: conceptStyle(draft, c),
    })),
    phrases: edges.map((e) => ({
      id: phraseId(e.id),
      label: clip(dropped, e.label, 2000, e.line, 'a link label'),
      from: [e.from],
      to: [e.to],
      style: e.style,
    })),
    groups: [...groups.values()].map((g) => ({
      id: g.id,
      title: clip(dropped, g.title, 2000, g.line, `the title of subgraph "${g.id}"`),
      parent: g.parent,
      members: g.members,
      collapsed: false,
    })),
    layout: {},
    settings: { direction: draft.direction, layout: 'layered' },
  };
  reportUnusedStyles(draft);
  return { map, dropped: dropped.list() };
}

function clip(dropped: DroppedLog, text: string, max: number, line: number, what: string): string {
  if (text.length <= max) return text;
  dropped.add({ line }, `${what} is cut to ${max} characters`);
  return text.slice(0, max);
}

/** `classDef default`, then classes, then `style`, each later one overriding earlier ones. */
function conceptStyle(draft: MermaidDraft, concept: ConceptDraft): ConceptStyle {
  const style: ConceptStyle = {};
  if (concept.shape) style.shape = concept.shape;
  const apply = (colours: StyleColours | undefined) => {
    for (const [key, value] of Object.entries(colours ?? {}) as [keyof StyleColours, string | undefined][]) if (value !== undefined) style[key] = value;
  };
  apply(draft.classDefs.get('default'));
  const uses = draft.styleUses.get(concept.id) ?? [];
  for (const use of uses) if (use.className !== undefined) apply(draft.classDefs.get(use.className));
  for (const use of uses) apply(use.colours);
  return style;
}

function reportUnusedStyles({ styleUses, groups, concepts, classDefs, dropped }: MermaidDraft): void {
  for (const [id, uses] of styleUses) {
    for (const use of uses) {
      if (groups.has(id)) dropped.add({ line: use.line }, `styles on subgraph "${id}" are not kept`);
      else if (!concepts.has(id)) dropped.add({ line: use.line }, `a style for "${id}", which is not a node, is not kept`);
      else if (use.className !== undefined && !classDefs.has(use.className))
        dropped.add({ line: use.line }, `class "${use.className}" is not defined with classDef`);
    }
  }
}
