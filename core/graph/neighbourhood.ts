import type { MapDocument } from './model.ts';

/**
 * The nodes within `steps` hops of a concept, counting concept — phrase — concept as one hop:
 * what focus mode keeps in full colour.
 */
export function neighbourhood(map: Pick<MapDocument, 'phrases'>, start: string, steps: number): Set<string> {
  const keep = new Set([start]);
  let frontier = new Set([start]);
  for (let step = 0; step < steps && frontier.size > 0; step++) {
    const next = new Set<string>();
    for (const p of map.phrases) {
      const ends = [...p.from, ...p.to];
      if (!ends.some((id) => frontier.has(id)) && !frontier.has(p.id)) continue;
      keep.add(p.id);
      for (const id of ends)
        if (!keep.has(id)) {
          keep.add(id);
          next.add(id);
        }
    }
    frontier = next;
  }
  return keep;
}
