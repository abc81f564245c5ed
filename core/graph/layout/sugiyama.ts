import { edgesToReverse, networkSimplex } from './rank.ts';

/**
 * A layered (Sugiyama) layout, small and in flat arrays, in four steps:
 *
 * 1. ranks: cycles broken by turning back edges round, then network simplex (rank.ts), which
 *    keeps edges short: the same ranking as dot and dagre;
 * 2. long edges split into a chain of one-layer segments through dummy vertices; an edge carrying
 *    a label gets the label as the dummy in the middle of its chain, so the label has a place of
 *    its own in a layer: it never overlaps a box and the edge's line runs through it;
 * 3. order within layers: a depth-first first guess, then barycentre sweeps up and down, keeping
 *    the order with the fewest crossings (counted exactly, Barth–Jünger–Mutzel), until four sweeps
 *    in a row bring no improvement: as dagre does;
 * 4. positions along layers: the quadratic placement (the sum of squared horizontal edge lengths,
 *    segments between dummies weighted most so long edges run straight), minimised one layer at a
 *    time given its neighbours, each layer an exact weighted isotonic regression (pool adjacent
 *    violators) under the order and the gaps between boxes. Layers are as deep as their deepest box.
 *
 * Why not dagre, which this replaced: it spends ~200 ms on a 200-concept map (string-keyed
 * graphs for every step; its ordering alone ~140 ms), twice the budget, and 30 s at 2,000;
 * no choice of its options came near (even with ordering off it took 100–150 ms). The steps here
 * are the standard ones, each linear or near-linear per pass over the layered graph.
 */

export interface LayerGraph {
  /** Each vertex's extent along its layer (its width when layers are rows) and across layers. */
  breadth: readonly number[];
  depth: readonly number[];
  edges: readonly LayerEdge[];
}

export interface LayerEdge {
  from: number;
  to: number;
  /** The fewest layers the edge goes down (≥ 1; an edge with a label needs 2). */
  minlen: number;
  /** A box that rides in the middle of the edge (a linking phrase's label). */
  label?: { breadth: number; depth: number };
}

export interface Spacing {
  /** Least gap between two boxes in a layer. */
  nodeGap: number;
  /** Least gap beside an edge passing through a layer (or a label). */
  edgeGap: number;
  /** Gap between consecutive layers. */
  layerGap: number;
}

export interface LayerLayout {
  /** Centres of the vertices: along the layers (x) and across them (y). */
  x: Float64Array;
  y: Float64Array;
  /** Centres of the edges' labels (NaN for an edge without one). */
  labelX: Float64Array;
  labelY: Float64Array;
  /** Each vertex's layer. */
  rank: Int32Array;
}

const REAL = 0;
const DUMMY = 1;
const LABEL = 2;

/** The layered graph: vertices, then a vertex per dummy, each in one layer; segments join consecutive layers. */
interface Layered {
  count: number;
  rank: number[];
  kind: number[];
  breadth: number[];
  depth: number[];
  /** Neighbours in the layer above and the layer below. */
  up: number[][];
  down: number[][];
  layers: number;
  /** The label vertex of each edge, or -1. */
  labelOf: Int32Array;
  /**
   * The straight lines the map draws: from a box to a box or label, and the dummies they pass
   * through on the way (the drawing has no bends but at labels, so dummies belong on the line).
   */
  lines: { a: number; b: number; through: number[] }[];
}

export function layerLayout(graph: LayerGraph, spacing: Spacing): LayerLayout {
  const n = graph.breadth.length;
  const { rank, layered, layers } = rankAndOrder(graph);
  const layerY = placeLayers(layered, layers, spacing.layerGap);
  const x = placeAlongLayers(layered, layers, spacing, layerY);

  const y = new Float64Array(n);
  for (let v = 0; v < n; v++) y[v] = layerY[rank[v] ?? 0] ?? 0;
  const labelX = new Float64Array(graph.edges.length).fill(NaN);
  const labelY = new Float64Array(graph.edges.length).fill(NaN);
  layered.labelOf.forEach((v, e) => {
    if (v < 0) return;
    labelX[e] = x[v] ?? 0;
    labelY[e] = layerY[layered.rank[v] ?? 0] ?? 0;
  });
  return { x: x.subarray(0, n), y, labelX, labelY, rank };
}

/** Steps 1–3: ranks, the layered graph with its dummies, and the order within each layer. */
function rankAndOrder(graph: LayerGraph): { rank: Int32Array; layered: Layered; layers: number[][] } {
  const n = graph.breadth.length;
  const reversed = edgesToReverse(n, graph.edges);
  const oriented = graph.edges.map((e, i) => (reversed[i] ? { from: e.to, to: e.from, minlen: e.minlen } : e));
  const rank = networkSimplex(n, oriented);
  const layered = splitLongEdges(graph, oriented, rank);
  return { rank, layered, layers: orderLayers(layered) };
}

/**
 * Each vertex's layer and its place within the layer, left to right, without placing anything
 * (steps 1–3, no step 4): for callers that need the layered reading order, not a drawing.
 */
export function layerOrder(graph: LayerGraph): { rank: Int32Array; order: Int32Array } {
  const n = graph.breadth.length;
  const { rank, layers } = rankAndOrder(graph);
  const order = new Int32Array(n);
  for (const layer of layers)
    layer.forEach((v, i) => {
      if (v < n) order[v] = i;
    });
  return { rank, order };
}

function splitLongEdges(graph: LayerGraph, oriented: readonly { from: number; to: number }[], rank: Int32Array): Layered {
  const n = graph.breadth.length;
  const g: Layered = {
    count: n,
    rank: Array.from(rank),
    kind: new Array<number>(n).fill(REAL),
    breadth: [...graph.breadth],
    depth: [...graph.depth],
    up: Array.from({ length: n }, () => []),
    down: Array.from({ length: n }, () => []),
    layers: 0,
    labelOf: new Int32Array(graph.edges.length).fill(-1),
    lines: [],
  };
  const add = (r: number, kind: number, breadth: number, depth: number): number => {
    g.rank.push(r);
    g.kind.push(kind);
    g.breadth.push(breadth);
    g.depth.push(depth);
    g.up.push([]);
    g.down.push([]);
    return g.count++;
  };
  const join = (a: number, b: number) => {
    g.down[a]?.push(b);
    g.up[b]?.push(a);
  };
  oriented.forEach(({ from, to }, e) => {
    if (from === to) return;
    const top = rank[from] ?? 0;
    const span = (rank[to] ?? 0) - top;
    const label = graph.edges[e]?.label;
    const middle = Math.floor(span / 2);
    let last = from;
    let line = { a: from, b: to, through: [] as number[] };
    for (let k = 1; k < span; k++) {
      const isLabel = label !== undefined && k === middle;
      const v = isLabel ? add(top + k, LABEL, label.breadth, label.depth) : add(top + k, DUMMY, 0, 0);
      join(last, v);
      last = v;
      if (isLabel) {
        g.labelOf[e] = v;
        g.lines.push({ ...line, b: v });
        line = { a: v, b: to, through: [] };
      } else line.through.push(v);
    }
    join(last, to);
    g.lines.push(line);
  });
  for (const r of g.rank) g.layers = Math.max(g.layers, r + 1);
  return g;
}

// ---------------------------------------------------------------------------------------------
// 3. Order within layers

const MAX_SWEEPS = 32;

function orderLayers(g: Layered): number[][] {
  const layers = initialOrder(g);
  const pos = new Float64Array(g.count);
  const index = () => layers.forEach((layer) => layer.forEach((v, i) => (pos[v] = i)));
  index();
  let best = layers.map((l) => [...l]);
  let fewest = crossings(g, layers, pos);
  for (let sweep = 0, stale = 0; stale < 4 && sweep < MAX_SWEEPS && fewest > 0; sweep++, stale++) {
    const downwards = sweep % 2 === 1;
    const biasRight = sweep % 4 >= 2;
    if (downwards) for (let r = 1; r < layers.length; r++) sortByBarycentre(layers[r] ?? [], g.up, pos, biasRight);
    else for (let r = layers.length - 2; r >= 0; r--) sortByBarycentre(layers[r] ?? [], g.down, pos, biasRight);
    const count = crossings(g, layers, pos);
    if (count < fewest) stale = -1;
    if (count <= fewest) {
      fewest = count;
      best = layers.map((l) => [...l]);
    }
  }
  return best;
}

/** Depth-first from the top layers down, so each subtree starts out together (dagre's first guess). */
function initialOrder(g: Layered): number[][] {
  const layers: number[][] = Array.from({ length: g.layers }, () => []);
  const seen = new Uint8Array(g.count);
  const starts = Array.from({ length: g.count }, (_, v) => v).sort((a, b) => (g.rank[a] ?? 0) - (g.rank[b] ?? 0) || a - b);
  const stack: number[] = [];
  for (const start of starts) {
    if (seen[start]) continue;
    stack.push(start);
    while (stack.length) {
      const v = stack.pop() ?? 0;
      if (seen[v]) continue;
      seen[v] = 1;
      layers[g.rank[v] ?? 0]?.push(v);
      const next = g.down[v] ?? [];
      for (let i = next.length - 1; i >= 0; i--) if (!seen[next[i] ?? 0]) stack.push(next[i] ?? 0);
    }
  }
  return layers;
}

/**
 * Reorders a layer by the mean position of each vertex's neighbours in the fixed layer; vertices
 * with none stay where they are. Ties keep the current order, or reverse it (`biasRight`), so
 * alternate sweeps can move tied vertices past each other.
 */
function sortByBarycentre(layer: number[], neighbours: readonly number[][], pos: Float64Array, biasRight: boolean): void {
  const sortable: { v: number; at: number; was: number }[] = [];
  const fixed: number[] = [];
  for (const v of layer) {
    const ns = neighbours[v] ?? [];
    if (ns.length === 0) {
      fixed.push(v);
      continue;
    }
    let sum = 0;
    for (const u of ns) sum += pos[u] ?? 0;
    sortable.push({ v, at: sum / ns.length, was: pos[v] ?? 0 });
  }
  sortable.sort((a, b) => a.at - b.at || (biasRight ? b.was - a.was : a.was - b.was));
  let f = 0;
  let i = 0;
  const place = (v: number) => {
    layer[i] = v;
    pos[v] = i++;
  };
  for (const s of sortable) {
    while (f < fixed.length && (pos[fixed[f] ?? 0] ?? 0) <= i) place(fixed[f++] ?? 0);
    place(s.v);
  }
  while (f < fixed.length) place(fixed[f++] ?? 0);
}

/** Edge crossings between all consecutive layers: inversions counted with a Fenwick tree. */
function crossings(g: Layered, layers: readonly number[][], pos: Float64Array): number {
  let total = 0;
  const targets: number[] = [];
  for (let r = 0; r + 1 < layers.length; r++) {
    const south = layers[r + 1]?.length ?? 0;
    targets.length = 0;
    for (const v of layers[r] ?? []) {
      const from = targets.length;
      for (const w of g.down[v] ?? []) targets.push(pos[w] ?? 0);
      if (targets.length - from > 1) sortRange(targets, from, targets.length);
    }
    const tree = new Int32Array(south + 1);
    for (let i = 0; i < targets.length; i++) {
      const t = (targets[i] ?? 0) + 1;
      // Edges already seen that end right of t cross this one.
      let atOrBelow = 0;
      for (let k = t; k > 0; k -= k & -k) atOrBelow += tree[k] ?? 0;
      total += i - atOrBelow;
      for (let k = t; k <= south; k += k & -k) tree[k] = (tree[k] ?? 0) + 1;
    }
  }
  return total;
}

function sortRange(a: number[], from: number, to: number): void {
  for (let i = from + 1; i < to; i++) {
    const x = a[i] ?? 0;
    let j = i - 1;
    while (j >= from && (a[j] ?? 0) > x) {
      a[j + 1] = a[j] ?? 0;
      j--;
    }
    a[j + 1] = x;
  }
}

// ---------------------------------------------------------------------------------------------
// 4. Positions

/**
 * The placement objective, as a sum of weighted squares of linear terms in the x coordinates:
 * for every drawn line, its horizontal extent (weight 1), and for every dummy on it, how far the
 * dummy is from the straight line at its layer's height (weight 4), so that the room the order
 * made for an edge is where the edge is drawn, and boxes make way for long edges.
 */
const LINE_WEIGHT = 1;
const ON_LINE_WEIGHT = 4;

interface Terms {
  /** Term t is weight[t] · (Σ coef[k] · x[vertex[k]] for k in start[t] … start[t + 1] - 1)². */
  start: number[];
  vertex: number[];
  coef: number[];
  weight: number[];
}

function placementTerms(g: Layered, layerY: Float64Array): Terms {
  const terms: Terms = { start: [0], vertex: [], coef: [], weight: [] };
  const term = (weight: number, parts: [number, number][]) => {
    for (const [v, c] of parts) {
      terms.vertex.push(v);
      terms.coef.push(c);
    }
    terms.weight.push(weight);
    terms.start.push(terms.vertex.length);
  };
  for (const { a, b, through } of g.lines) {
    term(LINE_WEIGHT, [
      [a, 1],
      [b, -1],
    ]);
    const ya = layerY[g.rank[a] ?? 0] ?? 0;
    const yb = layerY[g.rank[b] ?? 0] ?? 0;
    for (const d of through) {
      const t = yb === ya ? 0.5 : ((layerY[g.rank[d] ?? 0] ?? 0) - ya) / (yb - ya);
      term(ON_LINE_WEIGHT, [
        [d, 1],
        [a, t - 1],
        [b, -t],
      ]);
    }
  }
  return terms;
}

const PLACEMENT_SWEEPS = 24;
/** Rounds of re-sorting each layer by where its lines actually cross it, each followed by half as many sweeps. */
const RESORTS = 2;

/**
 * Minimises the objective one layer at a time, given the rest: each vertex's part of it is
 * W·(x − want)², and the layer's order and gaps are kept by pooling adjacent violators, which
 * gives the exact weighted least-squares answer under those constraints. Sweeps alternate down and up.
 */
function placeAlongLayers(g: Layered, layers: number[][], spacing: Spacing, layerY: Float64Array): Float64Array {
  const x = new Float64Array(g.count);
  const gap = (v: number) => (g.kind[v] === REAL ? spacing.nodeGap : spacing.edgeGap);
  const separation = (a: number, b: number) => ((g.breadth[a] ?? 0) + (g.breadth[b] ?? 0)) / 2 + (gap(a) + gap(b)) / 2;
  // Packed and centred to start with.
  for (const layer of layers) {
    let at = 0;
    layer.forEach((v, i) => {
      if (i > 0) at += separation(layer[i - 1] ?? 0, v);
      x[v] = at;
    });
    for (const v of layer) x[v] = (x[v] ?? 0) - at / 2;
  }
  const terms = placementTerms(g, layerY);
  // Each vertex's terms, as indices into terms.vertex (compressed rows).
  const firstOf = new Int32Array(g.count + 1);
  for (const v of terms.vertex) firstOf[v + 1] = (firstOf[v + 1] ?? 0) + 1;
  for (let v = 0; v < g.count; v++) firstOf[v + 1] = (firstOf[v + 1] ?? 0) + (firstOf[v] ?? 0);
  const fill = firstOf.slice(0, g.count);
  const slots = new Int32Array(terms.vertex.length);
  const termOf = new Int32Array(terms.vertex.length);
  for (let t = 0; t < terms.weight.length; t++)
    for (let k = terms.start[t] ?? 0; k < (terms.start[t + 1] ?? 0); k++) {
      const v = terms.vertex[k] ?? 0;
      const at = fill[v] ?? 0;
      slots[at] = k;
      termOf[at] = t;
      fill[v] = at + 1;
    }

  const widest = Math.max(0, ...layers.map((l) => l.length));
  const target = new Float64Array(widest);
  const weight = new Float64Array(widest);
  const offset = new Float64Array(widest);
  const blockStart = new Int32Array(widest);
  const blockWeight = new Float64Array(widest);
  const blockSum = new Float64Array(widest);
  const solve = (layer: readonly number[]) => {
    layer.forEach((v, i) => {
      // d/dx of Σ w·(c·x + rest)² is zero at x = −Σ w·c·rest / Σ w·c².
      let w = 0;
      let sum = 0;
      for (let s = firstOf[v] ?? 0; s < (firstOf[v + 1] ?? 0); s++) {
        const k = slots[s] ?? 0;
        const t = termOf[s] ?? 0;
        const c = terms.coef[k] ?? 0;
        let rest = 0;
        for (let j = terms.start[t] ?? 0; j < (terms.start[t + 1] ?? 0); j++) if (j !== k) rest += (terms.coef[j] ?? 0) * (x[terms.vertex[j] ?? 0] ?? 0);
        const tw = terms.weight[t] ?? 0;
        w += tw * c * c;
        sum -= tw * c * rest;
      }
      if (w === 0) {
        w = 1e-3;
        sum = w * (x[v] ?? 0);
      }
      offset[i] = i === 0 ? 0 : (offset[i - 1] ?? 0) + separation(layer[i - 1] ?? 0, v);
      weight[i] = w;
      target[i] = sum / w - (offset[i] ?? 0);
    });
    // Pool adjacent violators: the closest non-decreasing sequence to the targets (weighted least
    // squares); adding the offsets back gives positions in order with every gap kept.
    let blocks = 0;
    for (let i = 0; i < layer.length; i++) {
      blockStart[blocks] = i;
      blockWeight[blocks] = weight[i] ?? 0;
      blockSum[blocks] = (weight[i] ?? 0) * (target[i] ?? 0);
      blocks++;
      while (blocks > 1 && (blockSum[blocks - 2] ?? 0) / (blockWeight[blocks - 2] ?? 1) >= (blockSum[blocks - 1] ?? 0) / (blockWeight[blocks - 1] ?? 1)) {
        blockWeight[blocks - 2] = (blockWeight[blocks - 2] ?? 0) + (blockWeight[blocks - 1] ?? 0);
        blockSum[blocks - 2] = (blockSum[blocks - 2] ?? 0) + (blockSum[blocks - 1] ?? 0);
        blocks--;
      }
    }
    for (let b = 0; b < blocks; b++) {
      const mean = (blockSum[b] ?? 0) / (blockWeight[b] ?? 1);
      const end = b + 1 < blocks ? (blockStart[b + 1] ?? 0) : layer.length;
      for (let i = blockStart[b] ?? 0; i < end; i++) x[layer[i] ?? 0] = mean + (offset[i] ?? 0);
    }
  };
  const sweeps = (count: number) => {
    for (let sweep = 0; sweep < count; sweep++) {
      if (sweep % 2 === 0) for (const layer of layers) solve(layer);
      else for (let r = layers.length - 1; r >= 0; r--) solve(layers[r] ?? []);
    }
  };
  sweeps(PLACEMENT_SWEEPS);
  // Dummies where their straight lines cross their layers, boxes where they are: re-sorted so.
  const onLine = new Float64Array(g.count);
  const depthOfLayer = layers.map((layer) => Math.max(0, ...layer.map((v) => g.depth[v] ?? 0)));
  for (let round = 0; round < RESORTS; round++) {
    for (const { a, b, through } of g.lines) {
      const ya = layerY[g.rank[a] ?? 0] ?? 0;
      const yb = layerY[g.rank[b] ?? 0] ?? 0;
      for (const d of through) {
        const t = yb === ya ? 0.5 : ((layerY[g.rank[d] ?? 0] ?? 0) - ya) / (yb - ya);
        onLine[d] = (x[a] ?? 0) + t * ((x[b] ?? 0) - (x[a] ?? 0));
        // A slanted line sweeps sideways as it crosses a layer: that much room, not a point.
        g.breadth[d] = Math.min(1, Math.abs((x[b] ?? 0) - (x[a] ?? 0)) / Math.max(1, Math.abs(yb - ya))) * (depthOfLayer[g.rank[d] ?? 0] ?? 0);
      }
    }
    const key = (v: number) => (g.kind[v] === DUMMY ? (onLine[v] ?? 0) : (x[v] ?? 0));
    for (const layer of layers) layer.sort((u, v) => key(u) - key(v));
    sweeps(PLACEMENT_SWEEPS / 2);
  }
  return x;
}

/** The centre line of each layer: layers as deep as their deepest box, `gap` apart. */
function placeLayers(g: Layered, layers: readonly number[][], gap: number): Float64Array {
  const y = new Float64Array(layers.length);
  let previous = 0;
  let at = 0;
  layers.forEach((layer, r) => {
    let deepest = 0;
    for (const v of layer) deepest = Math.max(deepest, g.depth[v] ?? 0);
    at = r === 0 ? deepest / 2 : at + previous / 2 + gap + deepest / 2;
    y[r] = at;
    previous = deepest;
  });
  return y;
}
