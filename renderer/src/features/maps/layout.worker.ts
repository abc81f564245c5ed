/// <reference lib="webworker" />
import { computeLayout, type LayoutOptions } from '../../../../core/graph/layout/index.ts';
import type { MapDocument } from '../../../../core/graph/model.ts';

/** Layouts of large maps run here, off the UI thread; the page stays responsive meanwhile. */
self.onmessage = (event: MessageEvent<{ id: number; map: MapDocument; options: LayoutOptions }>) => {
  const { id, map, options } = event.data;
  try {
    const positions = computeLayout(map, options, (done, total) => self.postMessage({ id, progress: { done, total } }));
    self.postMessage({ id, positions });
  } catch (error) {
    self.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
