/**
 * Layers for a layered layout: which edges to turn round so the graph has no cycles, and a rank
 * (layer number) for every vertex such that each edge goes down at least its `minlen` layers and
 * the edges are as short as possible in total: the network simplex method of Gansner, Koutsofios,
 * North and Vo, "A technique for drawing directed graphs" (1993), as dot and dagre rank.
 *
 * Everything is kept in flat arrays indexed by vertex and edge number (no object keyed by a name).
 */

export interface RankEdge {
  from: number;
  to: number;
  /** The fewest layers the edge must go down (≥ 1). */
  minlen: number;
}

/**
 * Edges to turn round so that no cycle is left: the edges that a depth-first search, started from
 * the vertices nothing points to, finds pointing back to a vertex on its path. Self-loops are
 * never reversed (a caller leaves them out of the ranking).
 */
export function edgesToReverse(n: number, edges: readonly RankEdge[]): Uint8Array {
  const out = adjacency(n, edges, 'out');
  const indegree = new Int32Array(n);
  for (const e of edges) if (e.from !== e.to) indegree[e.to] = (indegree[e.to] ?? 0) + 1;
  const reversed = new Uint8Array(edges.length);
  const state = new Uint8Array(n); // 0 unseen, 1 on the current path, 2 done
  const stack = new Int32Array(n);
  const cursor = new Int32Array(n);
  const visit = (root: number) => {
    if (state[root]) return;
    let depth = 0;
    stack[0] = root;
    cursor[0] = out.start[root] ?? 0;
    state[root] = 1;
    while (depth >= 0) {
      const v = stack[depth] ?? 0;
      const i = cursor[depth] ?? 0;
      if (i < (out.start[v + 1] ?? 0)) {
        cursor[depth] = i + 1;
        const e = out.edges[i] ?? 0;
        const w = edges[e]?.to ?? v;
        if (w === v) continue;
        if (state[w] === 1) reversed[e] = 1;
        else if (state[w] === 0) {
          state[w] = 1;
          depth++;
          stack[depth] = w;
          cursor[depth] = out.start[w] ?? 0;
        }
      } else {
        state[v] = 2;
        depth--;
      }
    }
  };
  for (let v = 0; v < n; v++) if (indegree[v] === 0) visit(v);
  for (let v = 0; v < n; v++) visit(v);
  return reversed;
}

/** Edge numbers by vertex in compressed form: vertex v's are edges[start[v]] … edges[start[v + 1] - 1]. */
interface Adjacency {
  start: Int32Array;
  edges: Int32Array;
}

function adjacency(n: number, edges: readonly RankEdge[], which: 'out' | 'both'): Adjacency {
  const start = new Int32Array(n + 1);
  const count = (v: number) => (start[v + 1] = (start[v + 1] ?? 0) + 1);
  for (const e of edges) {
    if (e.from === e.to) continue;
    count(e.from);
    if (which === 'both') count(e.to);
  }
  for (let v = 0; v < n; v++) start[v + 1] = (start[v + 1] ?? 0) + (start[v] ?? 0);
  const fill = start.slice(0, n);
  const list = new Int32Array(start[n] ?? 0);
  edges.forEach((e, i) => {
    if (e.from === e.to) return;
    list[fill[e.from] ?? 0] = i;
    fill[e.from] = (fill[e.from] ?? 0) + 1;
    if (which === 'both') {
      list[fill[e.to] ?? 0] = i;
      fill[e.to] = (fill[e.to] ?? 0) + 1;
    }
  });
  return { start, edges: list };
}

/**
 * Network simplex ranking of an acyclic graph (edges already pointing down; self-loops ignored).
 * Every connected component starts at rank 0. `budget` bounds the work (vertex and edge visits)
 * spent improving a feasible ranking, so very large maps still finish; any stopping point is a
 * valid ranking, only a less compact one.
 */
export function networkSimplex(n: number, edges: readonly RankEdge[], budget = 50_000_000): Int32Array {
  const m = edges.length;
  const tail = new Int32Array(m);
  const head = new Int32Array(m);
  const minlen = new Int32Array(m);
  edges.forEach((e, i) => {
    tail[i] = e.from;
    head[i] = e.to;
    minlen[i] = e.from === e.to ? 0 : e.minlen;
  });
  const incident = adjacency(n, edges, 'both');
  const rank = longestPath(n, edges, incident);
  const slack = (e: number) => (rank[head[e] ?? 0] ?? 0) - (rank[tail[e] ?? 0] ?? 0) - (minlen[e] ?? 0);
  const other = (e: number, v: number) => (tail[e] === v ? (head[e] ?? 0) : (tail[e] ?? 0));

  // 1. A feasible spanning tree of tight edges (slack 0) for every component.
  const inTree = new Uint8Array(n);
  const isTreeEdge = new Uint8Array(m);
  const roots: number[] = [];
  for (let root = 0; root < n; root++) {
    if (inTree[root]) continue;
    roots.push(root);
    const members = [root];
    inTree[root] = 1;
    const grow = (from: number) => {
      const todo = [from];
      while (todo.length) {
        const v = todo.pop() ?? 0;
        for (let i = incident.start[v] ?? 0; i < (incident.start[v + 1] ?? 0); i++) {
          const e = incident.edges[i] ?? 0;
          const w = other(e, v);
          if (inTree[w] || slack(e) !== 0) continue;
          inTree[w] = 1;
          isTreeEdge[e] = 1;
          members.push(w);
          todo.push(w);
        }
      }
    };
    grow(root);
    for (;;) {
      // The least slack edge leaving the tree; shifting the tree by its slack makes it tight.
      let best = -1;
      let bestSlack = Infinity;
      for (const v of members)
        for (let i = incident.start[v] ?? 0; i < (incident.start[v + 1] ?? 0); i++) {
          const e = incident.edges[i] ?? 0;
          if (inTree[other(e, v)]) continue;
          const s = slack(e);
          if (s < bestSlack) {
            bestSlack = s;
            best = e;
          }
        }
      if (best < 0) break;
      const delta = inTree[tail[best] ?? 0] ? bestSlack : -bestSlack;
      for (const v of members) rank[v] = (rank[v] ?? 0) + delta;
      grow(inTree[tail[best] ?? 0] ? (tail[best] ?? 0) : (head[best] ?? 0));
    }
  }

  // 2. Cut values, and pivots while a tree edge has a negative one.
  const parent = new Int32Array(n);
  const parentEdge = new Int32Array(n);
  const low = new Int32Array(n);
  const lim = new Int32Array(n);
  const cut = new Float64Array(m);
  const postorder = new Int32Array(n);
  /** Parents, low/lim numbers (v's subtree is the vertices whose lim lies in low[v]…lim[v]) and the postorder. */
  const number = () => {
    let next = 0;
    const stack: number[] = [];
    const seen = new Uint8Array(n);
    for (const root of roots) {
      parent[root] = -1;
      parentEdge[root] = -1;
      stack.push(root);
      seen[root] = 1;
      low[root] = next;
      while (stack.length) {
        const v = stack[stack.length - 1] ?? 0;
        let descended = false;
        for (let i = incident.start[v] ?? 0; i < (incident.start[v + 1] ?? 0) && !descended; i++) {
          const e = incident.edges[i] ?? 0;
          const w = other(e, v);
          if (!isTreeEdge[e] || seen[w]) continue;
          seen[w] = 1;
          parent[w] = v;
          parentEdge[w] = e;
          low[w] = next;
          stack.push(w);
          descended = true;
        }
        if (descended) continue;
        stack.pop();
        postorder[next] = v;
        lim[v] = next++;
      }
    }
  };
  /** The cut value of the tree edge above `child`, from those of the tree edges below it. */
  const cutValue = (child: number): number => {
    const up = parentEdge[child] ?? 0;
    const childIsTail = tail[up] === child;
    let value = 1;
    for (let i = incident.start[child] ?? 0; i < (incident.start[child + 1] ?? 0); i++) {
      const e = incident.edges[i] ?? 0;
      if (e === up) continue;
      const pointsToHead = (tail[e] === child) === childIsTail;
      value += pointsToHead ? 1 : -1;
      if (isTreeEdge[e]) value += pointsToHead ? -(cut[e] ?? 0) : (cut[e] ?? 0);
    }
    return value;
  };
  const cutValues = () => {
    for (let i = 0; i < n; i++) {
      const v = postorder[i] ?? 0;
      if ((parent[v] ?? -1) >= 0) cut[parentEdge[v] ?? 0] = cutValue(v);
    }
  };
  /** Ranks from the tree: every tree edge tight, each root where it was. */
  const ranksFromTree = () => {
    for (let i = n - 1; i >= 0; i--) {
      const v = postorder[i] ?? 0;
      const p = parent[v] ?? -1;
      if (p < 0) continue;
      const e = parentEdge[v] ?? 0;
      rank[v] = (rank[p] ?? 0) + (tail[e] === p ? (minlen[e] ?? 0) : -(minlen[e] ?? 0));
    }
  };
  number();
  cutValues();
  const perPivot = 3 * (n + m) + 1;
  for (let spent = 0; spent < budget; spent += perPivot) {
    let leave = -1;
    for (let e = 0; e < m && leave < 0; e++) if (isTreeEdge[e] && (cut[e] ?? 0) < 0) leave = e;
    if (leave < 0) break;
    // The edge to enter: least slack among those crossing the cut the other way.
    let sub = tail[leave] ?? 0;
    let flip = false;
    if ((lim[sub] ?? 0) > (lim[head[leave] ?? 0] ?? 0)) {
      sub = head[leave] ?? 0;
      flip = true;
    }
    const below = (v: number) => (low[sub] ?? 0) <= (lim[v] ?? 0) && (lim[v] ?? 0) <= (lim[sub] ?? 0);
    let enter = -1;
    let enterSlack = Infinity;
    for (let e = 0; e < m; e++) {
      if (tail[e] === head[e] || flip !== below(tail[e] ?? 0) || flip === below(head[e] ?? 0)) continue;
      const s = slack(e);
      if (s < enterSlack) {
        enterSlack = s;
        enter = e;
      }
    }
    if (enter < 0) break;
    isTreeEdge[leave] = 0;
    isTreeEdge[enter] = 1;
    number();
    cutValues();
    ranksFromTree();
  }

  // 3. Every component from rank 0.
  const component = new Int32Array(n);
  const lowest = roots.map(() => Infinity);
  roots.forEach((root, k) => (component[root] = k));
  for (let i = n - 1; i >= 0; i--) {
    const v = postorder[i] ?? 0;
    const p = parent[v] ?? -1;
    if (p >= 0) component[v] = component[p] ?? 0;
    const c = component[v] ?? 0;
    lowest[c] = Math.min(lowest[c] ?? Infinity, rank[v] ?? 0);
  }
  for (let v = 0; v < n; v++) rank[v] = (rank[v] ?? 0) - (lowest[component[v] ?? 0] ?? 0);
  return rank;
}

/** Ranks from the top: each vertex just below the lowest of its predecessors (Kahn's order). */
function longestPath(n: number, edges: readonly RankEdge[], incident: Adjacency): Int32Array {
  const rank = new Int32Array(n);
  const waiting = new Int32Array(n);
  for (const e of edges) if (e.from !== e.to) waiting[e.to] = (waiting[e.to] ?? 0) + 1;
  const queue: number[] = [];
  for (let v = 0; v < n; v++) if (waiting[v] === 0) queue.push(v);
  for (let q = 0; q < queue.length; q++) {
    const v = queue[q] ?? 0;
    for (let i = incident.start[v] ?? 0; i < (incident.start[v + 1] ?? 0); i++) {
      const e = edges[incident.edges[i] ?? 0];
      if (!e || e.from !== v || e.to === v) continue;
      rank[e.to] = Math.max(rank[e.to] ?? 0, (rank[v] ?? 0) + e.minlen);
      waiting[e.to] = (waiting[e.to] ?? 0) - 1;
      if (waiting[e.to] === 0) queue.push(e.to);
    }
  }
  return rank;
}
