/**
 * What the bench pages expose as `window.bench` and what scripts/bench-map.ts reads back. Plain
 * data only: this file is compiled both for the page and for the Node script.
 */

export interface LayoutTiming {
  /** 'layered' | 'force' for ours; 'force-graph' (its d3-force simulation run to rest) for force-graph. */
  kind: string;
  /** Median over `runs`. */
  ms: number;
  runs: number[];
  /** Simulation ticks (force layouts). */
  ticks?: number;
}

export interface BenchInfo {
  page: 'workbench' | 'force-graph';
  concepts: number;
  phrases: number;
  propositions: number;
  groups: number;
  /** Boxes drawn when everything is in view: concepts plus linking phrases (ours), or concepts (force-graph). */
  nodes: number;
  /** 'svg' or 'canvas' for ours (MapCanvas picks by SVG_NODE_LIMIT); 'canvas' for force-graph. */
  backend: 'svg' | 'canvas';
  layouts: LayoutTiming[];
  /** The layout whose positions are drawn. */
  drawn: string;
  /** The scale at which the whole map fits the viewport. */
  fitScale: number;
  /** The concept the drag moves. */
  dragged: string;
  viewport: { width: number; height: number; devicePixelRatio: number };
}

export interface BenchApi {
  /** Resolves when the map is laid out, drawn and its fonts are loaded. */
  ready: Promise<void>;
  info(): BenchInfo;
  /** Each returns `frames` intervals between successive requestAnimationFrame timestamps, in ms. */
  pan(frames: number): Promise<number[]>;
  zoom(frames: number): Promise<number[]>;
  drag(frames: number): Promise<number[]>;
}

/** Positions from our layout, handed to the force-graph page so both draw the same picture. */
export interface SharedPositions {
  concepts: Record<string, { x: number; y: number }>;
  phrases: Record<string, { x: number; y: number }>;
}
