import { describe, expect, it } from 'vitest';
import { addDetour, insertStep, moveStep, removeStep, updateStep } from '../../../core/present/edit.ts';
import { PresentationDocument } from '../../../core/present/model.ts';
import { stepAt } from '../../../core/present/navigate.ts';

const blank = { title: '', camera: null, reveal: null, highlight: [], notes: '' };
const titles = (doc: PresentationDocument) => doc.steps.map((s) => s.title);

describe('editing steps', () => {
  it('adds steps after the selected one and moves them by index, ids staying unique', () => {
    let doc = PresentationDocument.parse({ title: 'P', steps: [] });
    let at = null;
    for (const title of ['A', 'C']) ({ doc, at } = insertStep(doc, at, { ...blank, title }));
    ({ doc } = insertStep(doc, { step: 0, detour: null }, { ...blank, title: 'B' }));
    expect(titles(doc)).toEqual(['A', 'B', 'C']);
    ({ doc } = moveStep(doc, { step: 2, detour: null }, 0));
    expect(titles(doc)).toEqual(['C', 'A', 'B']);
    expect(PresentationDocument.safeParse(doc).success).toBe(true);
  });

  it('builds a detour from a step, edits inside it, and drops it with its last step', () => {
    let doc = insertStep(PresentationDocument.parse({ title: 'P', steps: [] }), null, { ...blank, title: 'Main' }).doc;
    const detour = addDetour(doc, 0, 'Why?', { ...blank, title: 'First' });
    doc = detour.doc;
    const second = insertStep(doc, detour.at, { ...blank, title: 'Second' });
    doc = updateStep(second.doc, second.at, { notes: 'Say why' });
    expect(stepAt(doc, second.at)).toMatchObject({ title: 'Second', notes: 'Say why' });
    expect(PresentationDocument.safeParse(doc).success).toBe(true);
    doc = removeStep(removeStep(doc, second.at).doc, detour.at).doc;
    expect(doc.steps[0]?.detours).toEqual([]);
  });
});
