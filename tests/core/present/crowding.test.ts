import { describe, expect, it, vi } from 'vitest';
import { mapGeometry } from '../../../core/graph/geometry.ts';
import { MapDocument } from '../../../core/graph/model.ts';
import type { Step } from '../../../core/present/model.ts';
import { crowding } from '../../../core/present/crowding.ts';
import type * as View from '../../../core/present/view.ts';

// Counts how often a step is measured against the projector (quadratic in what it shows).
const measured = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../../core/present/view.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof View>();
  return {
    ...actual,
    labelFit: (...args: Parameters<typeof actual.labelFit>) => {
      measured.count++;
      return actual.labelFit(...args);
    },
  };
});

/** A long row of concepts: shown whole on a projector its labels are far too small. */
const row = (gap: number) =>
  MapDocument.parse({
    title: 'Row',
    concepts: Array.from({ length: 40 }, (_, i) => ({ id: `c${i}`, label: `Concept ${i}` })),
    phrases: [],
    layout: Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`c${i}`, { x: i * gap, y: 0 }])),
  });
const settings = { theme: 'dark', minLabelPx: 18, transitionMs: 700 } as const;
const step = (reveal: string[] | null): Step => ({ id: 's1', title: '', camera: null, reveal, highlight: [], notes: '', detours: [] });

describe('the step list’s crowding warnings', () => {
  it('measure each step once while neither it, the map nor the minimum label size changes', () => {
    const geometry = mapGeometry(row(160));
    const whole = step(null);
    const first = crowding(whole, geometry, settings);
    expect(first).toBeGreaterThan(0); // the warning the author sees: the smallest size on a projector
    measured.count = 0;
    for (let render = 0; render < 5; render++) expect(crowding(whole, geometry, settings)).toBe(first);
    expect(measured.count).toBe(0);

    // An edited step is a new object; a new minimum size or a changed map measure again.
    expect(crowding({ ...whole, reveal: ['c0', 'c1'] }, geometry, settings)).toBeNull();
    expect(measured.count).toBe(1);
    crowding(whole, geometry, { ...settings, minLabelPx: 8 });
    expect(measured.count).toBe(2);
    expect(crowding(whole, mapGeometry(row(160)), settings)).toBe(first);
    expect(measured.count).toBe(3);
  });
});
