import { describe, expect, it } from 'vitest';
import { groupConcepts, moveNodes, renameNode, setCollapsed } from '../../../core/graph/actions.ts';
import { mapGeometry, type MapGeometry } from '../../../core/graph/geometry.ts';
import type { MapDocument } from '../../../core/graph/model.ts';
import { parseMermaid } from '../../../core/graph/mermaid.ts';

const SEED = parseMermaid(`graph TD
  A[计算资源] -->|包括| B[中央处理器]
  A --> C[图形处理器]
  C -->|驱动| D[Training clusters]
  E[数据管理] --> F[数据采集]
  F --> A
`).map;

function placed(map: MapDocument): MapDocument {
  const ids = [...map.concepts, ...map.phrases].map((n) => n.id);
  return moveNodes(map, Object.fromEntries(ids.map((id, i) => [id, { x: (i % 4) * 200, y: Math.floor(i / 4) * 120 }])));
}

/** The geometry built from scratch: a copy of the content shares no cached state with the original. */
function fresh(map: MapDocument): MapGeometry {
  return mapGeometry(structuredClone(map));
}

function plain(g: MapGeometry) {
  return { nodes: g.nodes, segments: g.segments, groups: g.groups, byId: [...g.byId] };
}

describe('mapGeometry while nodes move', () => {
  it('is the geometry built afresh, with only the moved boxes new', () => {
    const map = placed(SEED);
    const before = mapGeometry(map);
    const id = map.concepts[0]?.id ?? '';
    const moved = moveNodes(map, { [id]: { x: 555, y: 444 } });
    const after = mapGeometry(moved);
    expect(plain(after)).toEqual(plain(fresh(moved)));
    const changed = after.nodes.filter((n, i) => n !== before.nodes[i]).map((n) => n.id);
    expect(changed).toEqual([id]);
    expect(after.segments).toBe(before.segments);
  });

  it('gives back the same geometry when nothing moved, and follows a move back', () => {
    const map = placed(SEED);
    const first = mapGeometry(map);
    expect(mapGeometry({ ...map, layout: { ...map.layout } })).toBe(first);
    const away = moveNodes(map, { [map.concepts[1]?.id ?? '']: { x: -50, y: 900 } });
    mapGeometry(away);
    expect(plain(mapGeometry(map))).toEqual(plain(fresh(map)));
  });

  it('moves a group box with its members, and builds afresh when a label or a collapse changes', () => {
    const [a = '', b = '', c = ''] = SEED.concepts.map((n) => n.id);
    const grouped = groupConcepts(placed(SEED), [a, b], 'Compute').map;
    mapGeometry(grouped);
    const moved = moveNodes(grouped, { [a]: { x: 900, y: 700 } });
    expect(plain(mapGeometry(moved))).toEqual(plain(fresh(moved)));
    const renamed = renameNode(moved, a, 'A much longer label that wraps onto more lines');
    expect(plain(mapGeometry(renamed))).toEqual(plain(fresh(renamed)));
    const collapsed = setCollapsed(renamed, grouped.groups[0]?.id ?? '', true);
    expect(plain(mapGeometry(collapsed))).toEqual(plain(fresh(collapsed)));
    const again = moveNodes(collapsed, { [c]: { x: 10, y: 10 } });
    expect(plain(mapGeometry(again))).toEqual(plain(fresh(again)));
  });

  it('builds afresh when most boxes move', () => {
    const map = placed(SEED);
    mapGeometry(map);
    const all = moveNodes(map, Object.fromEntries(Object.entries(map.layout).map(([id, at]) => [id, { x: at.x + 7, y: at.y - 3 }])));
    expect(plain(mapGeometry(all))).toEqual(plain(fresh(all)));
  });
});
