import { describe, expect, it } from 'vitest';
import { PresentationDocument, type Position } from '../../../core/present/model.ts';
import { keyAction } from '../../../core/present/keys.ts';
import { allPositions, clampPosition, enterDetour, jump, last, leaveDetour, next, previous, progressOf, stepAt } from '../../../core/present/navigate.ts';

const doc = PresentationDocument.parse({
  title: 'Pitch',
  steps: [
    { id: 'a', title: 'Overview' },
    { id: 'b', title: 'Compute', detours: [{ id: 'why', label: 'Why GPUs?', steps: [{ id: 'b1', title: 'Memory' }, { id: 'b2', title: 'Bandwidth' }] }] },
    { id: 'c', title: 'Pricing' },
  ],
});
const titleAt = (pos: Position) => stepAt(doc, pos)?.title;

describe('moving through a presentation', () => {
  it('goes forward along the main path and stops at the end', () => {
    const titles: (string | undefined)[] = [];
    let pos: Position = { step: 0, detour: null };
    for (let i = 0; i < 4; i++, pos = next(doc, pos)) titles.push(titleAt(pos));
    expect(titles).toEqual(['Overview', 'Compute', 'Pricing', 'Pricing']);
  });

  it('takes a detour and comes back to the step that offered it, then carries on', () => {
    let pos = enterDetour(doc, { step: 1, detour: null });
    const titles = [titleAt(pos)];
    for (let i = 0; i < 3; i++) titles.push(titleAt((pos = next(doc, pos))));
    expect(titles).toEqual(['Memory', 'Bandwidth', 'Compute', 'Pricing']);
  });

  it('goes back out of a detour to its step, and back along the main path', () => {
    const inDetour: Position = { step: 1, detour: { id: 'why', step: 1 } };
    expect(titleAt(previous(doc, inDetour))).toBe('Memory');
    expect(titleAt(previous(doc, previous(doc, inDetour)))).toBe('Compute');
    expect(titleAt(leaveDetour(inDetour))).toBe('Compute');
    expect(titleAt(previous(doc, { step: 0, detour: null }))).toBe('Overview');
  });

  it('offers no detour where a step has none, and ignores jumps out of range', () => {
    expect(enterDetour(doc, { step: 0, detour: null })).toEqual({ step: 0, detour: null });
    expect(jump(doc, { step: 0, detour: null }, 3)).toEqual({ step: 2, detour: null });
    expect(jump(doc, { step: 1, detour: null }, 9)).toEqual({ step: 1, detour: null });
    expect(jump(doc, { step: 1, detour: null }, 0)).toEqual({ step: 1, detour: null });
    expect(last(doc)).toEqual({ step: 2, detour: null });
  });

  it('says where it is, detour included', () => {
    expect(progressOf(doc, { step: 1, detour: { id: 'why', step: 1 } })).toMatchObject({ main: 2, total: 3, detour: { label: 'Why GPUs?', step: 2, total: 2 } });
    expect(progressOf(doc, { step: 2, detour: null }).fraction).toBe(1);
  });

  it('lists every position in presenting order, detours after their step', () => {
    expect(allPositions(doc).map(titleAt)).toEqual(['Overview', 'Compute', 'Memory', 'Bandwidth', 'Pricing']);
  });

  it('moves a position that no longer exists to the nearest one that does', () => {
    expect(clampPosition(doc, { step: 7, detour: null })).toEqual({ step: 2, detour: null });
    expect(clampPosition(doc, { step: 1, detour: { id: 'gone', step: 0 } })).toEqual({ step: 1, detour: null });
    expect(clampPosition(doc, { step: 1, detour: { id: 'why', step: 5 } })).toEqual({ step: 1, detour: { id: 'why', step: 1 } });
  });

  it('refuses a document that uses a step id twice, saying where', () => {
    const result = PresentationDocument.safeParse({ title: 'x', steps: [{ id: 'a' }, { id: 'b', detours: [{ id: 'd', label: 'd', steps: [{ id: 'a' }] }] }] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['steps', 1, 'detours', 0, 'steps', 0, 'id']);
  });
});

describe('presenting from the keyboard and a clicker', () => {
  const press = (keys: string[]) => {
    let pending = '';
    const actions: unknown[] = [];
    for (const key of keys) {
      const result = keyAction(key, pending);
      pending = result.pending;
      if (result.action) actions.push(result.action);
    }
    return actions;
  };

  it('moves with arrows, Space and Page keys, and blacks the screen with B or a clicker’s "."', () => {
    expect(press(['ArrowRight', ' ', 'PageDown', 'ArrowLeft', 'PageUp', 'Home', 'End', 'b', '.'])).toEqual([
      { kind: 'next' },
      { kind: 'next' },
      { kind: 'next' },
      { kind: 'previous' },
      { kind: 'previous' },
      { kind: 'first' },
      { kind: 'last' },
      { kind: 'black' },
      { kind: 'black' },
    ]);
  });

  it('jumps to a typed step number on Enter, and takes a numbered detour with D', () => {
    expect(press(['1', '2', 'Enter'])).toEqual([{ kind: 'jump', number: 12 }]);
    expect(press(['1', '2', 'Backspace', 'Enter'])).toEqual([{ kind: 'jump', number: 1 }]);
    expect(press(['2', 'd', 'D'])).toEqual([
      { kind: 'detour', number: 2 },
      { kind: 'detour', number: 1 },
    ]);
  });

  it('clears typed digits with Escape before leaving a detour with it', () => {
    expect(press(['4', 'Escape', 'Escape'])).toEqual([{ kind: 'leave' }]);
  });
});
