import type { MapDocument } from '../graph/model.ts';
import type { PresentationDocument } from './model.ts';
import { allPositions, stepAt, type AnyStep } from './navigate.ts';
import { voteTotals, type ParkedIdea, type SessionState } from './session.ts';
import { viewOf } from './view.ts';

/**
 * The workshop report: how the map changed during the session (against the snapshot taken when
 * it began), what the room voted for, what was parked, and each step as text.
 */

export type Lang = 'zh' | 'en';

export interface PropositionText {
  from: string;
  phrase: string;
  to: string;
}

export interface MapChanges {
  added: PropositionText[];
  removed: PropositionText[];
  /** Same two concepts, same phrase node, new wording. */
  relabelled: { before: PropositionText; after: PropositionText }[];
  conceptsAdded: string[];
  conceptsRemoved: string[];
  conceptsRenamed: { before: string; after: string }[];
}

interface Keyed extends PropositionText {
  key: string;
}

function keyedPropositions(map: Pick<MapDocument, 'concepts' | 'phrases'>): Map<string, Keyed> {
  const label = new Map(map.concepts.map((c) => [c.id, c.label]));
  const out = new Map<string, Keyed>();
  for (const p of map.phrases)
    for (const from of p.from)
      for (const to of p.to) {
        const key = `${from}\u0000${p.id}\u0000${to}`;
        out.set(key, { key, from: label.get(from) ?? from, phrase: p.label, to: label.get(to) ?? to });
      }
  return out;
}

const text = ({ from, phrase, to }: PropositionText): PropositionText => ({ from, phrase, to });
const sameText = (a: PropositionText, b: PropositionText) => a.from === b.from && a.phrase === b.phrase && a.to === b.to;

export function diffMaps(before: Pick<MapDocument, 'concepts' | 'phrases'>, after: Pick<MapDocument, 'concepts' | 'phrases'>): MapChanges {
  const a = keyedPropositions(before);
  const b = keyedPropositions(after);
  const added = [...b.values()].filter((p) => !a.has(p.key)).map(text);
  const removed = [...a.values()].filter((p) => !b.has(p.key)).map(text);
  const relabelled = [...b.values()].flatMap((p) => {
    const old = a.get(p.key);
    return old && !sameText(old, p) ? [{ before: text(old), after: text(p) }] : [];
  });
  const beforeConcepts = new Map(before.concepts.map((c) => [c.id, c.label]));
  const afterConcepts = new Map(after.concepts.map((c) => [c.id, c.label]));
  return {
    added,
    removed,
    relabelled,
    conceptsAdded: after.concepts.filter((c) => !beforeConcepts.has(c.id)).map((c) => c.label),
    conceptsRemoved: before.concepts.filter((c) => !afterConcepts.has(c.id)).map((c) => c.label),
    conceptsRenamed: after.concepts.flatMap((c) => {
      const old = beforeConcepts.get(c.id);
      return old !== undefined && old !== c.label ? [{ before: old, after: c.label }] : [];
    }),
  };
}

export interface StepText {
  /** "3", or "3 · Pricing 2" inside a detour. */
  number: string;
  title: string;
  notes: string;
  propositions: (PropositionText & { highlighted: boolean })[];
  /** Concepts shown with no proposition to read them in. */
  alsoShown: string[];
}

/** Each step as words: what a screen reader, or someone who was not there, needs. */
export function stepTexts(doc: PresentationDocument, map: MapDocument, alwaysShow: Iterable<string> = []): StepText[] {
  const label = new Map(map.concepts.map((c) => [c.id, c.label]));
  const extra = [...alwaysShow];
  return allPositions(doc).map((pos) => {
    const step = stepAt(doc, pos) as AnyStep;
    const view = viewOf(step, extra);
    const shown = (id: string) => !view.revealed || view.revealed.has(id);
    const lit = (id: string) => view.highlighted.has(id);
    const propositions = map.phrases.flatMap((p) =>
      shown(p.id)
        ? p.from.flatMap((from) =>
            p.to.flatMap((to) =>
              shown(from) && shown(to)
                ? [{ from: label.get(from) ?? from, phrase: p.label, to: label.get(to) ?? to, highlighted: lit(p.id) || (lit(from) && lit(to)) }]
                : [],
            ),
          )
        : [],
    );
    const linked = new Set(map.phrases.filter((p) => shown(p.id)).flatMap((p) => [...p.from, ...p.to]));
    const detour = pos.detour && doc.steps[pos.step]?.detours.find((d) => d.id === pos.detour?.id);
    return {
      number: detour && pos.detour ? `${pos.step + 1} · ${detour.label} ${pos.detour.step + 1}` : String(pos.step + 1),
      title: step.title,
      notes: step.notes,
      propositions,
      alsoShown: map.concepts.filter((c) => shown(c.id) && !linked.has(c.id)).map((c) => c.label),
    };
  });
}

export interface WorkshopReport {
  title: string;
  mapTitle: string;
  startedAt: string;
  endedAt: string | null;
  changes: MapChanges;
  votes: { concept: string; total: number; by: { name: string; colour: string; count: number }[] }[];
  participants: { name: string; colour: string; used: number; budget: number }[];
  parked: ParkedIdea[];
  steps: StepText[];
}

export function buildReport(input: {
  presentation: PresentationDocument;
  state: SessionState;
  baseline: MapDocument;
  map: MapDocument;
  startedAt: string;
  endedAt: string | null;
}): WorkshopReport {
  const { presentation, state, baseline, map } = input;
  const label = new Map([...baseline.concepts, ...map.concepts].map((c) => [c.id, c.label]));
  const baselineIds = new Set([...baseline.concepts.map((c) => c.id), ...baseline.phrases.map((p) => p.id)]);
  const liveIds = [...map.concepts.map((c) => c.id), ...map.phrases.map((p) => p.id)].filter((id) => !baselineIds.has(id));
  const totals = voteTotals(state);
  return {
    title: presentation.title,
    mapTitle: map.title,
    startedAt: input.startedAt,
    endedAt: input.endedAt,
    changes: diffMaps(baseline, map),
    votes: totals.map((row) => ({
      concept: label.get(row.concept) ?? row.concept,
      total: row.total,
      by: row.by.map((b) => ({ name: b.participant.name, colour: b.participant.colour, count: b.count })),
    })),
    participants: state.participants.map((p) => ({
      name: p.name,
      colour: p.colour,
      used: totals.reduce((s, row) => s + (row.by.find((b) => b.participant.id === p.id)?.count ?? 0), 0),
      budget: p.budget,
    })),
    parked: state.parked,
    steps: stepTexts(presentation, map, liveIds),
  };
}
