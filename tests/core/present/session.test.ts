import { describe, expect, it } from 'vitest';
import type { PresentationDocument } from '../../../core/present/model.ts';
import { addParticipant, castVote, dotsUsed, parkIdea, removeParticipant, SessionState, show, unparkIdea, voteTotals } from '../../../core/present/session.ts';

const empty = SessionState.parse({ position: { step: 0 } });

describe('dot voting', () => {
  it('gives each participant their own colour and budget', () => {
    const a = addParticipant(empty, 'Ana', 3);
    const b = addParticipant(a.state, 'Bo', 2);
    expect(a.participant.colour).not.toBe(b.participant.colour);
    expect(b.state.participants.map((p) => [p.name, p.budget])).toEqual([
      ['Ana', 3],
      ['Bo', 2],
    ]);
  });

  it('stops a participant at their budget, and lets them take a dot back', () => {
    const { state: s0, participant } = addParticipant(empty, 'Ana', 2);
    const s2 = castVote(castVote(s0, participant.id, 'gpu', 1), participant.id, 'cloud', 1);
    expect(() => castVote(s2, participant.id, 'gpu', 1)).toThrow(/used all 2 dots/);
    const s3 = castVote(s2, participant.id, 'cloud', -1);
    expect(dotsUsed(s3, participant.id)).toBe(1);
    expect(castVote(s3, participant.id, 'gpu', 1).votes).toEqual({ gpu: { [participant.id]: 2 } });
  });

  it('totals dots per concept, most first, and forgets a removed participant’s dots', () => {
    const first = addParticipant(empty, 'Ana', 3);
    const ana = first.participant;
    const added = addParticipant(first.state, 'Bo', 3);
    let state = added.state;
    state = castVote(castVote(castVote(state, ana.id, 'gpu', 1), added.participant.id, 'gpu', 1), ana.id, 'cloud', 1);
    expect(voteTotals(state).map((r) => [r.concept, r.total])).toEqual([
      ['gpu', 2],
      ['cloud', 1],
    ]);
    state = removeParticipant(state, ana.id);
    expect(voteTotals(state).map((r) => [r.concept, r.total])).toEqual([['gpu', 1]]);
  });
});

describe('presenting', () => {
  const step = (id: string) => ({ id, title: id, camera: null, reveal: null, highlight: [], notes: '', detours: [] });
  const doc: PresentationDocument = { title: 'Walk', steps: [step('s1'), step('s2')], settings: { theme: 'dark', minLabelPx: 18, transitionMs: 0 } };

  it('moves only to steps the presentation has, and leaves what was not asked alone', () => {
    const black = show(empty, doc, { black: true });
    expect(black).toMatchObject({ position: { step: 0, detour: null }, black: true, showParked: false });
    expect(show(black, doc, { position: { step: 7, detour: null } })).toMatchObject({ position: { step: 1, detour: null }, black: true });
    expect(show(black, doc, { position: { step: 1, detour: { id: 'gone', step: 0 } }, black: false }).position).toEqual({ step: 1, detour: null });
  });

  it('parks ideas under ids of their own, even two in the same millisecond, and unparks the one asked', () => {
    const at = '2026-11-29T10:00:00.000Z';
    const two = parkIdea(parkIdea(empty, 'Power costs', at), 'Ask finance', at);
    expect(two.parked.map((p) => p.text)).toEqual(['Power costs', 'Ask finance']);
    expect(new Set(two.parked.map((p) => p.id)).size).toBe(2);
    const first = two.parked[0]?.id ?? '';
    expect(unparkIdea(two, first).parked.map((p) => p.text)).toEqual(['Ask finance']);
    expect(SessionState.safeParse(two).success).toBe(true);
  });
});
