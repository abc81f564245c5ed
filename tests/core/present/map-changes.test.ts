import { describe, expect, it } from 'vitest';
import { deleteNodes, link, renameNode } from '../../../core/graph/actions.ts';
import { mapGeometry } from '../../../core/graph/geometry.ts';
import { MapDocument } from '../../../core/graph/model.ts';
import { revealStepByStep } from '../../../core/present/generate.ts';
import { addLiveConcept } from '../../../core/present/live.ts';
import { PresentationDocument } from '../../../core/present/model.ts';
import { pruneSteps } from '../../../core/present/prune.ts';
import { diffMaps, stepTexts } from '../../../core/present/report.ts';

const map = MapDocument.parse({
  title: 'Compute',
  concepts: [
    { id: 'gpu', label: 'GPU' },
    { id: 'cloud', label: 'Cloud' },
    { id: 'model', label: 'Model' },
  ],
  phrases: [
    { id: 'p1', label: 'rents out', from: ['cloud'], to: ['gpu'] },
    { id: 'p2', label: 'trains', from: ['gpu'], to: ['model'] },
  ],
  layout: {
    cloud: { x: 0, y: 0 },
    p1: { x: 0, y: 60 },
    gpu: { x: 0, y: 120 },
    p2: { x: 0, y: 180 },
    model: { x: 0, y: 240 },
  },
});

describe('a map changing under a presentation', () => {
  it('drops deleted concepts from the steps that showed them, and says which', () => {
    const doc = PresentationDocument.parse({
      title: 'P',
      steps: [
        { id: 's1', title: 'Start', reveal: ['cloud', 'gpu', 'p1'], highlight: ['gpu'] },
        { id: 's2', title: 'All', detours: [{ id: 'd', label: 'Why', steps: [{ id: 'd1', title: 'Deep', reveal: ['model'] }] }] },
      ],
    });
    const { doc: pruned, pruned: report } = pruneSteps(doc, deleteNodes(map, ['gpu']));
    expect(pruned.steps[0]).toMatchObject({ reveal: ['cloud'], highlight: [] });
    expect(report).toEqual([{ stepId: 's1', stepTitle: 'Start', removed: ['gpu', 'p1'] }]);
    expect(pruned.steps[1]?.detours[0]?.steps[0]?.reveal).toEqual(['model']);
  });

  it('reports propositions added, removed and relabelled, and renamed concepts', () => {
    const after = link(renameNode(renameNode(deleteNodes(map, ['p2']), 'p1', 'leases'), 'cloud', 'Cloud provider'), 'model', 'cloud', 'runs on').map;
    const changes = diffMaps(map, after);
    expect(changes.added).toEqual([{ from: 'Model', phrase: 'runs on', to: 'Cloud provider' }]);
    expect(changes.removed).toEqual([{ from: 'GPU', phrase: 'trains', to: 'Model' }]);
    expect(changes.relabelled).toEqual([{ before: { from: 'Cloud', phrase: 'rents out', to: 'GPU' }, after: { from: 'Cloud provider', phrase: 'leases', to: 'GPU' } }]);
    expect(changes.conceptsRenamed).toEqual([{ before: 'Cloud', after: 'Cloud provider' }]);
  });

  it('places a live concept beside the one it relates to without moving anything, linked', () => {
    const before = mapGeometry(map);
    const { map: after, conceptId, phraseId } = addLiveConcept(map, { label: 'Inference', near: 'gpu', phrase: 'serves' });
    for (const id of Object.keys(map.layout)) expect(after.layout[id]).toEqual(map.layout[id]);
    const box = mapGeometry(after).byId.get(conceptId);
    expect(box).toBeDefined();
    for (const other of before.nodes)
      if (box) expect(Math.abs(other.x - box.x) * 2 >= other.width + box.width || Math.abs(other.y - box.y) * 2 >= other.height + box.height).toBe(true);
    expect(after.phrases.find((p) => p.id === phraseId)).toMatchObject({ label: 'serves', from: ['gpu'], to: [conceptId] });
  });
});

describe('the reveal generator', () => {
  it('reveals concepts one at a time down the layers, each step highlighting what it adds, then the whole map', () => {
    const doc = revealStepByStep(map, 'Walkthrough');
    expect(doc.steps.map((s) => s.title)).toEqual(['Cloud', 'GPU', 'Model', 'Compute']);
    expect(doc.steps[1]).toMatchObject({ reveal: ['cloud', 'gpu', 'p1'], highlight: ['gpu', 'p1'] });
    expect(doc.steps[3]?.reveal).toBeNull();
  });
});

describe('steps as text', () => {
  it('reads out the propositions a step shows, marking the highlighted ones', () => {
    const doc = PresentationDocument.parse({ title: 'P', steps: [{ id: 's1', title: 'Renting', reveal: ['cloud', 'gpu', 'p1', 'model'], highlight: ['p1'] }] });
    expect(stepTexts(doc, map)).toEqual([
      { number: '1', title: 'Renting', notes: '', propositions: [{ from: 'Cloud', phrase: 'rents out', to: 'GPU', highlighted: true }], alsoShown: ['Model'] },
    ]);
  });
});
