import type { Concept, ConceptStyle, Group, MapDocument, Phrase, PhraseStyle, Position } from './model.ts';

/**
 * Every edit to a map as a pure function from one document to the next. The canvas keeps the
 * documents it passes through as its undo history; nothing here mutates its input.
 */

/** A short id unique within the map: c1, c2, … for concepts; p1, … for phrases; g1, … for groups. */
export function nextId(map: MapDocument, prefix: 'c' | 'p' | 'g'): string {
  const taken = new Set<string>([...map.concepts.map((c) => c.id), ...map.phrases.map((p) => p.id), ...map.groups.map((g) => g.id)]);
  let n = taken.size + 1;
  while (taken.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

export function addConcept(map: MapDocument, at: { x: number; y: number }, label: string, entity: string | null = null): { map: MapDocument; id: string } {
  const id = nextId(map, 'c');
  const concept: Concept = { id, label, entity, style: {} };
  return { id, map: { ...map, concepts: [...map.concepts, concept], layout: { ...map.layout, [id]: { x: at.x, y: at.y, pinned: false } } } };
}

export function renameNode(map: MapDocument, id: string, label: string): MapDocument {
  return {
    ...map,
    concepts: map.concepts.map((c) => (c.id === id ? { ...c, label } : c)),
    phrases: map.phrases.map((p) => (p.id === id ? { ...p, label } : p)),
    groups: map.groups.map((g) => (g.id === id ? { ...g, title: label } : g)),
  };
}

export function restyleConcepts(map: MapDocument, ids: readonly string[], style: Partial<ConceptStyle>): MapDocument {
  const set = new Set(ids);
  return { ...map, concepts: map.concepts.map((c) => (set.has(c.id) ? { ...c, style: { ...c.style, ...style } } : c)) };
}

export function restylePhrases(map: MapDocument, ids: readonly string[], style: Partial<PhraseStyle>): MapDocument {
  const set = new Set(ids);
  return { ...map, phrases: map.phrases.map((p) => (set.has(p.id) ? { ...p, style: { ...p.style, ...style } } : p)) };
}

/**
 * Links two concepts with a new linking phrase placed between them. If `phraseId` is given the
 * target is added to that phrase instead (a fan-out: "A — uses → B, C").
 */
export function link(map: MapDocument, from: string, to: string, label = '', phraseId?: string): { map: MapDocument; id: string } {
  if (phraseId) {
    return {
      id: phraseId,
      map: { ...map, phrases: map.phrases.map((p) => (p.id === phraseId && !p.to.includes(to) ? { ...p, to: [...p.to, to] } : p)) },
    };
  }
  const id = nextId(map, 'p');
  const a = map.layout[from];
  const b = map.layout[to];
  const phrase: Phrase = { id, label, from: [from], to: [to], style: { line: 'solid', head: 'arrow', tail: 'none' } };
  const layout = a && b ? { ...map.layout, [id]: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, pinned: false } } : map.layout;
  return { id, map: { ...map, phrases: [...map.phrases, phrase], layout } };
}

/**
 * Deletes concepts, phrases and groups. A phrase that loses all its sources or targets goes too;
 * a group's members stay (they move to the group's parent).
 */
export function deleteNodes(map: MapDocument, ids: readonly string[]): MapDocument {
  const gone = new Set(ids);
  const phrases = map.phrases
    .filter((p) => !gone.has(p.id))
    .map((p) => ({ ...p, from: p.from.filter((id) => !gone.has(id)), to: p.to.filter((id) => !gone.has(id)) }))
    .filter((p) => p.from.length > 0 && p.to.length > 0);
  const kept = new Set(phrases.map((p) => p.id));
  const removedGroups = map.groups.filter((g) => gone.has(g.id));
  const groups = map.groups
    .filter((g) => !gone.has(g.id))
    .map((g) => {
      const absorbed = removedGroups.filter((r) => r.parent === g.id).flatMap((r) => r.members);
      const parent = g.parent && gone.has(g.parent) ? (map.groups.find((x) => x.id === g.parent)?.parent ?? null) : g.parent;
      return { ...g, parent, members: [...g.members, ...absorbed].filter((m) => !gone.has(m)) };
    });
  const layout = Object.fromEntries(
    Object.entries(map.layout).filter(([id]) => !gone.has(id) && (map.concepts.some((c) => c.id === id) || kept.has(id) || groups.some((g) => g.id === id))),
  );
  return { ...map, concepts: map.concepts.filter((c) => !gone.has(c.id)), phrases, groups, layout };
}

export function moveNodes(map: MapDocument, moves: Record<string, { x: number; y: number }>): MapDocument {
  const layout = { ...map.layout };
  for (const [id, at] of Object.entries(moves)) layout[id] = { x: at.x, y: at.y, pinned: layout[id]?.pinned ?? false };
  return { ...map, layout };
}

/**
 * Previews of a drag in progress: the layout is copied once, when the drag starts, and each call
 * moves the dragged nodes in that copy and answers a document over it. Copying 20,000 positions
 * on every frame took most of a drag frame on large maps. Only previews may see these documents
 * (they share one layout object that keeps changing); the drop commits with moveNodes.
 */
export function dragPreviews(map: MapDocument): (moves: Record<string, { x: number; y: number }>) => MapDocument {
  const layout = { ...map.layout };
  return (moves) => {
    for (const [id, at] of Object.entries(moves)) layout[id] = { x: at.x, y: at.y, pinned: layout[id]?.pinned ?? false };
    return { ...map, layout };
  };
}

export function setPinned(map: MapDocument, ids: readonly string[], pinned: boolean): MapDocument {
  const layout = { ...map.layout };
  for (const id of ids) {
    const at = layout[id];
    if (at) layout[id] = { ...at, pinned };
  }
  return { ...map, layout };
}

/** Replaces the positions of unpinned nodes by a layout's (pinned ones never move). */
export function applyLayout(map: MapDocument, positions: Record<string, Position>): MapDocument {
  const layout: Record<string, Position> = { ...map.layout };
  for (const [id, at] of Object.entries(positions)) if (!layout[id]?.pinned) layout[id] = { x: at.x, y: at.y, pinned: false };
  return { ...map, layout };
}

/** Puts concepts into a new group (taken out of the groups they were directly in). */
export function groupConcepts(map: MapDocument, ids: readonly string[], title: string): { map: MapDocument; id: string } {
  const id = nextId(map, 'g');
  const set = new Set(ids);
  const parents = new Set(map.groups.filter((g) => g.members.some((m) => set.has(m))).map((g) => g.id));
  const parent = parents.size === 1 ? [...parents][0] ?? null : null;
  const groups: Group[] = map.groups.map((g) => ({ ...g, members: g.members.filter((m) => !set.has(m)) }));
  groups.push({ id, title, parent, members: [...set].filter((m) => map.concepts.some((c) => c.id === m)), collapsed: false });
  return { id, map: { ...map, groups } };
}

export function setCollapsed(map: MapDocument, groupId: string, collapsed: boolean): MapDocument {
  return { ...map, groups: map.groups.map((g) => (g.id === groupId ? { ...g, collapsed } : g)) };
}

export interface Clipboard {
  concepts: Concept[];
  phrases: Phrase[];
  layout: Record<string, Position>;
}

/** What to copy: the concepts, and the phrases whose every end is among them. */
export function copySelection(map: MapDocument, ids: readonly string[]): Clipboard {
  const set = new Set(ids);
  const concepts = map.concepts.filter((c) => set.has(c.id));
  const phrases = map.phrases.filter((p) => [...p.from, ...p.to].every((id) => set.has(id)));
  const layout: Record<string, Position> = {};
  for (const n of [...concepts, ...phrases]) {
    const at = map.layout[n.id];
    if (at) layout[n.id] = at;
  }
  return { concepts, phrases, layout };
}

/** Pastes a clipboard with fresh ids, offset so it does not cover what it was copied from. */
export function paste(map: MapDocument, clip: Clipboard, offset = { x: 40, y: 40 }): { map: MapDocument; ids: string[] } {
  let next = map;
  const rename = new Map<string, string>();
  const concepts: Concept[] = [];
  for (const c of clip.concepts) {
    const id = nextId({ ...next, concepts: [...next.concepts, ...concepts] }, 'c');
    rename.set(c.id, id);
    concepts.push({ ...c, id });
  }
  next = { ...next, concepts: [...next.concepts, ...concepts] };
  const phrases: Phrase[] = [];
  for (const p of clip.phrases) {
    const id = nextId({ ...next, phrases: [...next.phrases, ...phrases] }, 'p');
    rename.set(p.id, id);
    phrases.push({ ...p, id, from: p.from.map((x) => rename.get(x) ?? x), to: p.to.map((x) => rename.get(x) ?? x) });
  }
  const layout = { ...next.layout };
  for (const [id, at] of Object.entries(clip.layout)) {
    const renamed = rename.get(id);
    if (renamed) layout[renamed] = { x: at.x + offset.x, y: at.y + offset.y, pinned: false };
  }
  return { map: { ...next, phrases: [...next.phrases, ...phrases], layout }, ids: [...rename.values()] };
}
