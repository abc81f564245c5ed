import { KINDS, RELATIONS, type EntityKind, type RelationKind } from '../model/kinds.ts';
import { pick, type Bilingual, type Language } from '../model/text.ts';
import type { Concept, Group, MapDocument, Phrase } from './model.ts';

/**
 * A concept map drawn from part of the knowledge graph: one concept per entity (linked to it),
 * one linking phrase per relation, read in the chosen language. Optionally one group per kind.
 */

export interface GraphEntity {
  id: string;
  kind: EntityKind;
  title: Bilingual;
}

export interface GraphRelation {
  kind: RelationKind;
  from: string;
  to: string;
}

/** Concept ids that Mermaid and CXL accept as they are: `case/ibm-watson` → `case_ibm-watson`. */
export const conceptIdFor = (entityId: string): string => entityId.replace(/[^A-Za-z0-9_-]/g, '_');

export function mapFromGraph(input: {
  title: string;
  entities: readonly GraphEntity[];
  relations: readonly GraphRelation[];
  lang: Language;
  groupByKind?: boolean;
}): MapDocument {
  const ids = new Map(input.entities.map((e) => [e.id, conceptIdFor(e.id)]));
  const concepts: Concept[] = input.entities.map((e) => ({ id: ids.get(e.id) ?? e.id, label: pick(e.title, input.lang), entity: e.id, style: {} }));
  const phrases: Phrase[] = [];
  const seen = new Set<string>();
  for (const r of input.relations) {
    const from = ids.get(r.from);
    const to = ids.get(r.to);
    const key = `${r.from}|${r.kind}|${r.to}`;
    if (!from || !to || seen.has(key)) continue;
    seen.add(key);
    const def = RELATIONS[r.kind];
    phrases.push({
      id: `p${phrases.length + 1}`,
      label: pick(def.forward, input.lang),
      from: [from],
      to: [to],
      style: { line: 'solid', head: def.symmetric ? 'none' : 'arrow', tail: 'none' },
    });
  }
  const groups: Group[] = [];
  if (input.groupByKind) {
    const kinds = [...new Set(input.entities.map((e) => e.kind))];
    for (const kind of kinds)
      groups.push({
        id: `g-${kind}`,
        title: pick(KINDS[kind].plural, input.lang),
        parent: null,
        members: input.entities.filter((e) => e.kind === kind).map((e) => ids.get(e.id) ?? e.id),
        collapsed: false,
      });
  }
  return { title: input.title, concepts, phrases, groups, layout: {}, settings: { direction: 'TB', layout: 'layered' } };
}

/**
 * The part of a graph within `depth` relation steps of `start`, following only the given relation
 * kinds (both directions) and keeping only the given entity kinds (the start is always kept).
 */
export function neighbourhoodOf(
  start: string,
  depth: number,
  relations: readonly GraphRelation[],
  kindOf: (id: string) => EntityKind | undefined,
  filter: { relationKinds?: readonly RelationKind[]; entityKinds?: readonly EntityKind[] } = {},
): { ids: Set<string>; relations: GraphRelation[] } {
  const allowedRelation = (r: GraphRelation) => !filter.relationKinds?.length || filter.relationKinds.includes(r.kind);
  const allowedEntity = (id: string) => {
    const kind = kindOf(id);
    return kind !== undefined && (!filter.entityKinds?.length || filter.entityKinds.includes(kind));
  };
  const ids = new Set([start]);
  let frontier = [start];
  for (let step = 0; step < depth && frontier.length > 0; step++) {
    const next: string[] = [];
    const here = new Set(frontier);
    for (const r of relations) {
      if (!allowedRelation(r)) continue;
      for (const [a, b] of [
        [r.from, r.to],
        [r.to, r.from],
      ] as const)
        if (here.has(a) && !ids.has(b) && allowedEntity(b)) {
          ids.add(b);
          next.push(b);
        }
    }
    frontier = next;
  }
  return { ids, relations: relations.filter((r) => allowedRelation(r) && ids.has(r.from) && ids.has(r.to)) };
}
