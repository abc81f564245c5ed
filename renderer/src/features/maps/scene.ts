import type { MapGeometry, NodeBox } from '../../../../core/graph/geometry.ts';
import { nodeColours, type NodeColours } from '../../../../core/graph/palette.ts';

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
  /** Projector theme: minimum label size on screen, high contrast. */
  projector?: boolean;
}

export function coloursOf(node: NodeBox, theme: 'light' | 'dark'): NodeColours {
  const base = nodeColours(node.entity, theme);
  return { fill: node.style.fill ?? base.fill, stroke: node.style.stroke ?? base.stroke, text: node.style.text ?? base.text };
}

export function isVisible(id: string, state: SceneState): boolean {
  return !state.revealed || state.revealed.has(id);
}

export function isDimmed(id: string, state: SceneState): boolean {
  if (state.focus && !state.focus.has(id)) return true;
  if (state.highlighted && state.highlighted.size > 0 && !state.highlighted.has(id)) return true;
  return false;
}

/** A segment is shown when both its ends are; dimmed when either end is. */
export function segmentVisibility(geometry: MapGeometry, from: string, to: string, state: SceneState): { visible: boolean; dim: boolean } {
  const phraseOf = (id: string) => geometry.byId.get(id)?.kind === 'phrase';
  const phrase = phraseOf(from) ? from : to;
  const visible = isVisible(from, state) && isVisible(to, state) && isVisible(phrase, state);
  return { visible, dim: isDimmed(from, state) || isDimmed(to, state) };
}

export const INK = { light: '#56606e', dark: '#aab2bf' } as const;
export const ACCENT = { light: '#2f5bd3', dark: '#6d93ff' } as const;
export const HIT = '#e69f00';
