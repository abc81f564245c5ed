import type { Direction, MapDocument, Position } from '../model.ts';

export type LayoutKind = 'layered' | 'force' | 'radial';

export interface LayoutOptions {
  kind: LayoutKind;
  direction?: Direction;
  /** The concept radial layouts centre on (default: the best-connected concept). */
  focus?: string;
  /** Force layouts: ticks to run before answering (settled before drawing). */
  ticks?: number;
}

export type Positions = Record<string, Position>;

/** Told how far a long layout has got (force layouts of large maps take seconds to minutes). */
export type LayoutProgress = (done: number, total: number) => void;
export type LayoutInput = Pick<MapDocument, 'concepts' | 'phrases' | 'groups' | 'layout'>;
