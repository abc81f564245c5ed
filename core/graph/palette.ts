import type { EntityKind } from '../model/kinds.ts';

/**
 * Node colours by the kind of knowledge-base entry a concept stands for, chosen from a
 * colour-blind-safe set (Okabe–Ito hues, lightened for fills); free labels are neutral.
 */
export interface NodeColours {
  fill: string;
  stroke: string;
  text: string;
}

const LIGHT: Record<EntityKind | 'free', NodeColours> = {
  free: { fill: '#ffffff', stroke: '#7a8594', text: '#1d2330' },
  case: { fill: '#e3f0fb', stroke: '#0072b2', text: '#10324d' },
  model: { fill: '#fdf0d9', stroke: '#e69f00', text: '#4d3300' },
  segment: { fill: '#e2f4ee', stroke: '#009e73', text: '#0b3b2c' },
  component: { fill: '#eef0f3', stroke: '#56606e', text: '#1d2330' },
  element: { fill: '#eef0f3', stroke: '#56606e', text: '#1d2330' },
  technique: { fill: '#e8f5fb', stroke: '#56b4e9', text: '#123b4f' },
  challenge: { fill: '#fbe8df', stroke: '#d55e00', text: '#4d2000' },
  strategy: { fill: '#f7e6f0', stroke: '#cc79a7', text: '#4a1d36' },
  trend: { fill: '#fbf8d9', stroke: '#b8a500', text: '#3f3900' },
  lesson: { fill: '#f1ecf9', stroke: '#7d63b8', text: '#2b1f47' },
  insight: { fill: '#f1ecf9', stroke: '#7d63b8', text: '#2b1f47' },
  organisation: { fill: '#f4f4f4', stroke: '#333333', text: '#1d2330' },
  term: { fill: '#ffffff', stroke: '#999999', text: '#1d2330' },
  reference: { fill: '#ffffff', stroke: '#999999', text: '#1d2330' },
};

const DARK: Record<EntityKind | 'free', NodeColours> = Object.fromEntries(
  Object.entries(LIGHT).map(([kind, c]) => [kind, { fill: mix(c.stroke, '#15181e', 0.78), stroke: c.stroke, text: '#e6e9ef' }]),
) as Record<EntityKind | 'free', NodeColours>;

function mix(a: string, b: string, t: number): string {
  const pa = [1, 3, 5].map((i) => parseInt(a.slice(i, i + 2), 16));
  const pb = [1, 3, 5].map((i) => parseInt(b.slice(i, i + 2), 16));
  return `#${pa.map((v, i) => Math.round(v * (1 - t) + (pb[i] ?? 0) * t).toString(16).padStart(2, '0')).join('')}`;
}

export function nodeColours(entity: string | null, theme: 'light' | 'dark' = 'light'): NodeColours {
  const kind = (entity?.split('/')[0] ?? 'free') as EntityKind | 'free';
  const table = theme === 'dark' ? DARK : LIGHT;
  return table[kind] ?? table.free;
}

/**
 * The projector theme's version of a node's colours: stronger outlines and pure black or white
 * text, since projected images lose contrast (and rooms are rarely dark).
 */
export function projectorColours(colours: NodeColours, theme: 'light' | 'dark'): NodeColours {
  const stroke = colours.stroke.startsWith('#') && colours.stroke.length === 7 ? colours.stroke : theme === 'dark' ? '#aab2bf' : '#333333';
  return theme === 'dark'
    ? { fill: mix(stroke, '#000000', 0.72), stroke: mix(stroke, '#ffffff', 0.35), text: '#ffffff' }
    : { fill: mix(stroke, '#ffffff', 0.8), stroke: mix(stroke, '#000000', 0.2), text: '#000000' };
}
