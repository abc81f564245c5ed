import { describe, expect, it } from 'vitest';
import { mapGeometry } from '../../../core/graph/geometry.ts';
import { MapDocument } from '../../../core/graph/model.ts';
import { fitRegion, labelFit, MAX_ZOOM, roomForLabels } from '../../../core/present/view.ts';

const row = (gap: number) =>
  MapDocument.parse({
    title: 'Row',
    concepts: ['A', 'B', 'C'].map((label) => ({ id: label, label })),
    phrases: [],
    layout: { A: { x: 0, y: 0 }, B: { x: gap, y: 0 }, C: { x: gap * 2, y: 0 } },
  });
const everything = { x: -100, y: -100, width: 10_000, height: 400 };

describe('framing a step for the room', () => {
  it('centres the region and never zooms in past the closest framing', () => {
    const fit = fitRegion({ x: 0, y: 0, width: 100, height: 50 }, { width: 1000, height: 500 }, { minLabelPx: 18 });
    expect(fit.k).toBe(MAX_ZOOM);
    expect([fit.x + fit.k * 50, fit.y + fit.k * 25]).toEqual([500, 250]);
  });

  it('grows labels for the minimum size only as far as neighbours stay apart', () => {
    const geometry = mapGeometry(row(120));
    const width = geometry.byId.get('A')?.width ?? 0;
    const room = roomForLabels(geometry, null, everything);
    expect(room).toBeGreaterThan(1);
    // At that scale the boxes still do not touch: 120 apart, each grown around its centre.
    expect(room * width).toBeLessThanOrEqual(120);
    const squeezed = labelFit({ x: -50, y: -300, width: 4000, height: 600 }, { width: 1920, height: 1080 }, { minLabelPx: 18 }, geometry, null);
    expect(squeezed.scale).toBe(room);
    expect(squeezed.scale).toBeLessThan(squeezed.needed);
    expect(squeezed.smallestPx).toBeLessThan(18);
  });

  it('leaves labels alone where they already read at the minimum size', () => {
    const geometry = mapGeometry(row(400));
    expect(labelFit({ x: -100, y: -100, width: 1000, height: 500 }, { width: 1920, height: 1080 }, { minLabelPx: 18 }, geometry, null)).toMatchObject({ scale: 1, needed: 1 });
  });
});
