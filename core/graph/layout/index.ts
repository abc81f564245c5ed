import { forceLayout } from './force.ts';
import { layeredLayout } from './layered.ts';
import { radialLayout } from './radial.ts';
import type { LayoutInput, LayoutOptions, Positions } from './types.ts';

export type { LayoutKind, LayoutOptions, Positions } from './types.ts';

/** Positions for every visible node; pinned nodes keep theirs. Pure: runs in a worker or the CLI. */
export function computeLayout(map: LayoutInput, options: LayoutOptions): Positions {
  switch (options.kind) {
    case 'layered':
      return layeredLayout(map, options.direction);
    case 'force':
      return forceLayout(map, options.ticks);
    case 'radial':
      return radialLayout(map, options.focus);
  }
}
