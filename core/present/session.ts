import { z } from 'zod';
import { AppError } from '../api/result.ts';
import { NodeId } from '../graph/model.ts';
import { Position, type PresentationDocument } from './model.ts';
import { clampPosition } from './navigate.ts';

/**
 * What happens in the room during one run of a presentation: where it is, whether the screen is
 * black, who votes with which colour and how many dots, the votes, and the parking lot. Saved
 * with every change, so a session survives the app closing mid-workshop.
 */

export const Participant = z
  .object({
    id: z.string().min(1).max(40),
    name: z.string().trim().min(1).max(80),
    colour: z.string().regex(/^#[0-9a-fA-F]{6}$/),
    budget: z.number().int().min(1).max(50),
  })
  .strict();
export type Participant = z.infer<typeof Participant>;

export const ParkedIdea = z
  .object({ id: z.string().min(1).max(40), text: z.string().trim().min(1).max(2000), at: z.string() })
  .strict();
export type ParkedIdea = z.infer<typeof ParkedIdea>;

export const SessionState = z
  .object({
    position: Position,
    black: z.boolean().default(false),
    /** The parking lot is shown to the room, beside the map. */
    showParked: z.boolean().default(false),
    participants: z.array(Participant).max(60).default([]),
    /** concept id → participant id → dots placed. */
    votes: z.record(NodeId, z.record(z.string(), z.number().int().min(1))).default({}),
    parked: z.array(ParkedIdea).max(500).default([]),
  })
  .strict();
export type SessionState = z.infer<typeof SessionState>;

/**
 * Participants' colours: the Okabe–Ito set, distinguishable with the common colour-vision
 * deficiencies and on both projector themes (its black is swapped for a grey).
 */
export const PARTICIPANT_COLOURS = ['#e69f00', '#56b4e9', '#009e73', '#f0e442', '#0072b2', '#d55e00', '#cc79a7', '#999999'] as const;

export function addParticipant(state: SessionState, name: string, budget: number): { state: SessionState; participant: Participant } {
  const used = new Set(state.participants.map((p) => p.colour));
  const colour = PARTICIPANT_COLOURS.find((c) => !used.has(c)) ?? PARTICIPANT_COLOURS[state.participants.length % PARTICIPANT_COLOURS.length] ?? '#999999';
  let n = state.participants.length + 1;
  while (state.participants.some((p) => p.id === `v${n}`)) n++;
  const participant: Participant = { id: `v${n}`, name: name.trim(), colour, budget };
  return { state: { ...state, participants: [...state.participants, participant] }, participant };
}

export function removeParticipant(state: SessionState, id: string): SessionState {
  const votes = Object.fromEntries(
    Object.entries(state.votes)
      .map(([concept, by]) => [concept, Object.fromEntries(Object.entries(by).filter(([p]) => p !== id))] as const)
      .filter(([, by]) => Object.keys(by).length > 0),
  );
  return { ...state, participants: state.participants.filter((p) => p.id !== id), votes };
}

export function dotsUsed(state: SessionState, participantId: string): number {
  return Object.values(state.votes).reduce((sum, by) => sum + (by[participantId] ?? 0), 0);
}

/** Places (delta 1) or takes back (delta -1) one dot; a participant cannot exceed their budget. */
export function castVote(state: SessionState, participantId: string, concept: string, delta: 1 | -1): SessionState {
  const participant = state.participants.find((p) => p.id === participantId);
  if (!participant) throw new AppError('not_found', `There is no participant "${participantId}" in this session.`, { participant: participantId });
  const current = state.votes[concept]?.[participantId] ?? 0;
  if (delta > 0 && dotsUsed(state, participantId) >= participant.budget)
    throw new AppError('conflict', `${participant.name} has used all ${participant.budget} dots; take one back first.`, { participant: participantId });
  if (delta < 0 && current === 0) return state;
  const count = current + delta;
  const by = Object.fromEntries(Object.entries({ ...state.votes[concept], [participantId]: count }).filter(([, n]) => n > 0));
  const votes = Object.fromEntries(Object.entries({ ...state.votes, [concept]: by }).filter(([, dots]) => Object.keys(dots).length > 0));
  return { ...state, votes };
}

/** Dots per concept, most first: what the room prioritised. */
export function voteTotals(state: SessionState): { concept: string; total: number; by: { participant: Participant; count: number }[] }[] {
  return Object.entries(state.votes)
    .map(([concept, by]) => {
      const rows = state.participants.flatMap((participant) => (by[participant.id] ? [{ participant, count: by[participant.id] ?? 0 }] : []));
      return { concept, total: rows.reduce((s, r) => s + r.count, 0), by: rows };
    })
    .filter((row) => row.total > 0)
    .sort((a, b) => b.total - a.total || a.concept.localeCompare(b.concept));
}

/** What a presenter's key press changes: the position (kept to one the presentation has), the black screen, the parking lot shown. */
export interface ShowChange {
  position?: Position;
  black?: boolean;
  showParked?: boolean;
}

export function show(state: SessionState, presentation: PresentationDocument, change: ShowChange): SessionState {
  return {
    ...state,
    position: change.position ? clampPosition(presentation, change.position) : state.position,
    black: change.black ?? state.black,
    showParked: change.showParked ?? state.showParked,
  };
}

/**
 * Parks an idea, noted at `at` (an ISO time). Its id comes from that time, with a suffix when an
 * idea already has it, so an id is never reused while the idea it named may still be on screen.
 */
export function parkIdea(state: SessionState, text: string, at: string): SessionState {
  const stamp = `k${(Date.parse(at) || 0).toString(36)}`;
  let id = stamp;
  for (let n = 2; state.parked.some((p) => p.id === id); n++) id = `${stamp}-${n}`;
  return { ...state, parked: [...state.parked, { id, text, at }] };
}

export function unparkIdea(state: SessionState, idea: string): SessionState {
  return { ...state, parked: state.parked.filter((p) => p.id !== idea) };
}
