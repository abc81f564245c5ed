import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addConcept, applyLayout, deleteNodes, dragPreviews, link, moveNodes, paste, copySelection, setPinned, groupConcepts } from '../../../core/graph/actions.ts';
import { mapGeometry, type NodeBox } from '../../../core/graph/geometry.ts';
import { computeLayout, type LayoutKind } from '../../../core/graph/layout/index.ts';
import { wrapLabel, textWidth } from '../../../core/graph/measure.ts';
import { parseMermaid } from '../../../core/graph/mermaid.ts';
import { renderMapSvg } from '../../../core/graph/svg.ts';
import { propositions, type MapDocument } from '../../../core/graph/model.ts';
import { neighbourhood } from '../../../core/graph/neighbourhood.ts';
import { record, redo, startHistory, undo } from '../../../core/graph/history.ts';

const SEED = parseMermaid(`graph TD
  A[计算资源] --> B[中央处理器(CPU)]
  A --> C[图形处理器(GPU)]
  A --> D[张量处理单元(TPU)]
  E[数据管理] --> F[数据采集]
  E --> G[数据预处理]
  J[算法框架] -->|包括| K[TensorFlow]
  J --> L[PyTorch]
  N[分布式计算] --> O[Hadoop]
`).map;

function overlaps(a: NodeBox, b: NodeBox): boolean {
  return Math.abs(a.x - b.x) < (a.width + b.width) / 2 - 0.5 && Math.abs(a.y - b.y) < (a.height + b.height) / 2 - 0.5;
}

function laidOut(map: MapDocument, kind: LayoutKind): MapDocument {
  return applyLayout(map, computeLayout(map, { kind }));
}

describe('labels', () => {
  it('wrap long labels to the width, breaking between Chinese characters and at spaces', () => {
    for (const line of wrapLabel('大模型基础设施的盈利模式与行业趋势和未来展望', 100, 14)) expect(textWidth(line, 14)).toBeLessThanOrEqual(100);
    expect(wrapLabel('Advertising and data services for enterprises', 120, 14)).toEqual(['Advertising and', 'data services for', 'enterprises']);
    expect(wrapLabel('line one\nline two', 500, 14)).toEqual(['line one', 'line two']);
  });
});

describe('names read aloud', () => {
  it('a wrapped Chinese label is named as written, without spaces where it wraps', () => {
    const label = '大模型基础设施的盈利模式与行业发展趋势';
    const { map } = parseMermaid(`graph TD\n  a[${label}] --> b[B]`);
    const laid = laidOut(map, 'layered');
    expect(mapGeometry(laid).byId.get('a')?.lines.length).toBeGreaterThan(1);
    expect(renderMapSvg(laid)).toContain(`aria-label="${label}"`);
  });
});

describe('layouts', () => {
  it.each(['layered', 'force', 'radial'] as const)('%s: every node placed, and no two concept boxes overlap', (kind) => {
    const geometry = mapGeometry(laidOut(SEED, kind));
    const concepts = geometry.nodes.filter((n) => n.kind === 'concept');
    expect(concepts).toHaveLength(SEED.concepts.length);
    for (let i = 0; i < concepts.length; i++)
      for (let j = i + 1; j < concepts.length; j++) expect(overlaps(concepts[i]!, concepts[j]!), `${concepts[i]!.id} / ${concepts[j]!.id}`).toBe(false);
  });

  it.each(['layered', 'force', 'radial'] as const)('%s: pinned concepts never move', (kind) => {
    const start = laidOut(SEED, 'layered');
    const pinned = setPinned({ ...start, layout: { ...start.layout, A: { x: 999, y: -999, pinned: false } } }, ['A'], true);
    const after = laidOut(pinned, kind);
    expect(after.layout.A).toEqual({ x: 999, y: -999, pinned: true });
  });

  it('layered top-down puts every linked concept below its source', () => {
    const map = laidOut(SEED, 'layered');
    for (const p of propositions(map)) expect(map.layout[p.to]!.y).toBeGreaterThan(map.layout[p.from]!.y);
  });

  it('layered, in every direction, on random maps with cycles, fan-outs and long labels: no labelled box overlaps another, every concept is placed', () => {
    const label = fc.oneof(fc.constant(''), fc.constantFrom('uses', '包括', 'is a form of', '面向中小企业客户的定制服务', 'leads to 失败'));
    const maps = fc
      .record({
        size: fc.integer({ min: 2, max: 40 }),
        links: fc.array(fc.tuple(fc.nat(), fc.nat(), label, fc.option(fc.nat(), { nil: undefined })), { maxLength: 60 }),
      })
      .map(({ size, links }) => {
        const concepts = Array.from({ length: size }, (_, i) => `  c${i}[${i % 3 === 0 ? `概念 ${i} with a rather long label` : `C${i}`}]`);
        const edges = links.map(([a, b, text, fan]) => {
          const arrow = text ? `-->|${text}|` : '-->';
          const to = fan === undefined ? `c${b % size}` : `c${b % size} & c${fan % size}`;
          return `  c${a % size} ${arrow} ${to}`;
        });
        return parseMermaid(`graph TD\n${[...concepts, ...edges].join('\n')}`).map;
      });
    fc.assert(
      fc.property(maps, fc.constantFrom('TB', 'BT', 'LR', 'RL' as const), (map, direction) => {
        const geometry = mapGeometry(applyLayout(map, computeLayout(map, { kind: 'layered', direction })));
        expect(geometry.nodes.filter((n) => n.kind === 'concept')).toHaveLength(map.concepts.length);
        for (const n of geometry.nodes) expect(Number.isFinite(n.x) && Number.isFinite(n.y), n.id).toBe(true);
        // Phrases without text are invisible points on their line; every box with text must stand clear.
        const visible = geometry.nodes.filter((n) => n.lines.some(Boolean));
        for (let i = 0; i < visible.length; i++)
          for (let j = i + 1; j < visible.length; j++) expect(overlaps(visible[i]!, visible[j]!), `${visible[i]!.id} / ${visible[j]!.id}`).toBe(false);
      }),
      { numRuns: 150 },
    );
  });

  it('draws a group at least as wide as its title, however narrow its members', () => {
    const title = '面向中小企业客户的定制服务与合作伙伴关系 · Custom services for small firms';
    const { map } = parseMermaid(`graph TD\n  subgraph G [${title}]\n    a[A]\n  end`);
    const group = mapGeometry(laidOut(map, 'layered')).groups[0]!;
    expect(group.width).toBeGreaterThan(textWidth(title, 12) + 24);
  });

  it('never changes what the map says', () => {
    for (const kind of ['layered', 'force', 'radial'] as const) {
      const after = laidOut(SEED, kind);
      expect(after.concepts).toBe(SEED.concepts);
      expect(after.phrases).toBe(SEED.phrases);
    }
  });
});

describe('editing', () => {
  it('adds, links, groups, copies, pastes and deletes without touching other nodes', () => {
    let map: MapDocument = { title: 't', concepts: [], phrases: [], groups: [], layout: {}, settings: { direction: 'TB', layout: 'manual' } };
    const a = addConcept(map, { x: 0, y: 0 }, 'A');
    const b = addConcept(a.map, { x: 200, y: 0 }, 'B');
    const linked = link(b.map, a.id, b.id, 'uses');
    map = linked.map;
    expect(propositions(map)).toEqual([{ from: a.id, phrase: 'uses', to: b.id, phraseId: linked.id }]);
    const fanned = link(addConcept(map, { x: 200, y: 100 }, 'C').map, a.id, 'c3', '', linked.id).map;
    expect(propositions(fanned).map((p) => p.to)).toEqual([b.id, 'c3']);
    const grouped = groupConcepts(map, [a.id, b.id], 'G').map;
    expect(grouped.groups[0]?.members).toEqual([a.id, b.id]);
    const pasted = paste(map, copySelection(map, [a.id, b.id]));
    expect(pasted.map.concepts).toHaveLength(4);
    expect(propositions(pasted.map)).toHaveLength(2);
    const deleted = deleteNodes(map, [b.id]);
    expect(deleted.concepts.map((c) => c.id)).toEqual([a.id]);
    expect(deleted.phrases).toEqual([]);
  });

  it('previews a drag without touching the document it started from, and lands where moveNodes puts it', () => {
    const map = laidOut(SEED, 'layered');
    const before = JSON.stringify(map);
    const preview = dragPreviews(map);
    preview({ A: { x: 10, y: 10 } });
    const last = preview({ A: { x: 500, y: -40 }, B: { x: 1, y: 2 } });
    expect(JSON.stringify(map)).toBe(before);
    expect(last.layout).toEqual(moveNodes(map, { A: { x: 500, y: -40 }, B: { x: 1, y: 2 } }).layout);
  });

  it('undo and redo walk back and forth through the edits', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 20 }), (labels) => {
        let h = startHistory<string>('start');
        for (const l of labels) h = record(h, `${h.present}|${l}`);
        let back = h;
        for (let i = 0; i < labels.length; i++) back = undo(back);
        expect(back.present).toBe('start');
        let forward = back;
        for (let i = 0; i < labels.length; i++) forward = redo(forward);
        expect(forward.present).toBe(h.present);
      }),
    );
  });

  it('focus keeps the N-step neighbourhood of a concept', () => {
    expect([...neighbourhood(SEED, 'A', 1)].filter((id) => SEED.concepts.some((c) => c.id === id)).sort()).toEqual(['A', 'B', 'C', 'D']);
  });
});
