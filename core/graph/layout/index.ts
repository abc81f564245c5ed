import { forceLayout } from './force.ts';
import { layeredLayout } from './layered.ts';
import { radialLayout } from './radial.ts';
import type { LayoutInput, LayoutOptions, LayoutProgress, Positions } from './types.ts';

export type { LayoutKind, LayoutOptions, LayoutProgress, Positions } from './types.ts';

/**
 * Positions for every visible node; pinned nodes keep theirs. Pure: runs in a worker or the CLI.
 * `onProgress` hears how far a force layout has got (the others take well under a second).
 */
export function computeLayout(map: LayoutInput, options: LayoutOptions, onProgress?: LayoutProgress): Positions {
  switch (options.kind) {
    case 'layered':
      return layeredLayout(map, options.direction);
    case 'force':
      return forceLayout(map, options.ticks, onProgress);
    case 'radial':
      return radialLayout(map, options.focus);
  }
}
