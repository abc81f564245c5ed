import { mapGeometry, type MapGeometry, type NodeBox } from '../geometry.ts';
import type { LayoutInput } from './types.ts';

/** The visible nodes and the links between them as layouts see them: concept — phrase — concept. */
export interface LayoutGraph {
  geometry: MapGeometry;
  nodes: NodeBox[];
  links: { source: string; target: string }[];
}

export function layoutGraph(map: LayoutInput): LayoutGraph {
  const geometry = mapGeometry(map);
  return {
    geometry,
    nodes: geometry.nodes,
    links: geometry.segments.map((s) => ({ source: s.from, target: s.to })),
  };
}

/** Pinned nodes keep where they are, whatever a layout proposes. */
export function keepPinned(positions: Record<string, { x: number; y: number; pinned: boolean }>, map: LayoutInput): void {
  for (const [id, at] of Object.entries(map.layout)) if (at.pinned) positions[id] = { ...at };
}
