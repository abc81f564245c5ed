import type { MapGeometry, NodeBox } from '../../../../core/graph/geometry.ts';
import { nodeColours, projectorColours, type NodeColours } from '../../../../core/graph/palette.ts';

/** What both drawing backends need to know beyond the geometry. */
export interface SceneState {
  selection: ReadonlySet<string>;
  /** Search matches, outlined. */
  hits: ReadonlySet<string>;
  /** Focus mode: only these are drawn in full; null when off. */
  focus: ReadonlySet<string> | null;
  theme: 'light' | 'dark';
  /** Presentation: nodes not yet revealed are hidden; null shows everything. */
  revealed?: ReadonlySet<string> | null;
  /** Presentation: highlighted nodes; the rest are dimmed. */
  highlighted?: ReadonlySet<string> | null;
  /** Authoring a presentation: nodes a step does not reveal are drawn faint, not hidden, so they can be picked. */
  ghost?: boolean;
  /** Projector theme: high contrast, heavier lines (label sizes come from the geometry). */
  projector?: boolean;
  /** Dot votes: the colours of the dots on each concept, one entry per dot. */
  votes?: ReadonlyMap<string, readonly string[]>;
}

export function coloursOf(node: NodeBox, theme: 'light' | 'dark', projector = false): NodeColours {
  const base = nodeColours(node.entity, theme);
  const own = { fill: node.style.fill ?? base.fill, stroke: node.style.stroke ?? base.stroke, text: node.style.text ?? base.text };
  return projector && !node.style.fill ? projectorColours(own, theme) : own;
}

export function isVisible(id: string, state: SceneState): boolean {
  return !state.revealed || state.revealed.has(id) || !!state.ghost;
}

export function isGhost(id: string, state: SceneState): boolean {
  return !!state.ghost && !!state.revealed && !state.revealed.has(id);
}

export function isDimmed(id: string, state: SceneState): boolean {
  if (state.focus && !state.focus.has(id)) return true;
  if (state.highlighted && state.highlighted.size > 0 && !state.highlighted.has(id)) return true;
  return false;
}

/** A segment is shown when both its ends are; dimmed when either end is. */
export function segmentVisibility(geometry: MapGeometry, from: string, to: string, state: SceneState): { visible: boolean; dim: boolean; ghost: boolean } {
  const phraseOf = (id: string) => geometry.byId.get(id)?.kind === 'phrase';
  const phrase = phraseOf(from) ? from : to;
  const visible = isVisible(from, state) && isVisible(to, state) && isVisible(phrase, state);
  return { visible, dim: isDimmed(from, state) || isDimmed(to, state), ghost: isGhost(from, state) || isGhost(to, state) || isGhost(phrase, state) };
}

/** How opaque a node or segment is drawn on the canvas backend. */
export const alphaOf = (look: { dim: boolean; ghost: boolean }): number => (look.ghost ? 0.14 : look.dim ? 0.15 : 1);

/** Where a concept's vote dots sit (centres, in the node's own coordinates), along its top edge. */
export function dotPositions(node: NodeBox, count: number): { x: number; y: number; r: number }[] {
  const r = Math.max(4, node.fontSize * 0.38);
  const gap = r * 2.4;
  const perRow = Math.max(1, Math.floor((node.width - r) / gap));
  return Array.from({ length: count }, (_, i) => ({
    x: -node.width / 2 + r * 1.6 + (i % perRow) * gap,
    y: -node.height / 2 - r * 0.2 - Math.floor(i / perRow) * gap,
    r,
  }));
}

export const INK = { light: '#56606e', dark: '#aab2bf' } as const;
export const ACCENT = { light: '#2f5bd3', dark: '#6d93ff' } as const;
export const HIT = '#e69f00';
