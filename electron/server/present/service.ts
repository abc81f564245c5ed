import type Database from 'better-sqlite3';
import { AppError, type PrunedSteps, type SessionView } from '../../../core/api.ts';
import { link } from '../../../core/graph/actions.ts';
import { mapGeometry } from '../../../core/graph/geometry.ts';
import type { MapDocument } from '../../../core/graph/model.ts';
import { renderMapSvg } from '../../../core/graph/svg.ts';
import { revealStepByStep } from '../../../core/present/generate.ts';
import { addLiveConcept, type LiveConcept } from '../../../core/present/live.ts';
import { START, type PresentationDocument } from '../../../core/present/model.ts';
import { allPositions, clampPosition, stepAt } from '../../../core/present/navigate.ts';
import { pruneSteps, type PrunedStep } from '../../../core/present/prune.ts';
import { buildReport, type Lang } from '../../../core/present/report.ts';
import { show, type ShowChange } from '../../../core/present/session.ts';
import { reportBlocks, reportMarkdown } from '../../../core/present/report-text.ts';
import { regionOf, viewOf } from '../../../core/present/view.ts';
import type { JobHandle } from '../jobs.ts';
import { fontGlyphs } from '../maps/glyphs.ts';
import { svgToPng } from '../maps/png.ts';
import { FILE_SAFE, withLayout } from '../maps/service.ts';
import { getMap, saveMap } from '../store/maps.ts';
import {
  getPresentation,
  getSession,
  insertPresentation,
  insertSession,
  presentationsOfMap,
  savePresentation,
  sessionBaseline,
  sessionBaselineIds,
  updateSession,
  type StoredSession,
} from '../store/presentations.ts';
import { renderHandoutPdf, type HandoutBlock } from './pdf.ts';

/** Presentations and sessions: what the handlers call, each write in one transaction. */

export function createPresentation(db: Database.Database, input: { mapId: string; title: string; from: 'empty' | 'reveal' }): { id: string; revision: number } {
  return db.transaction(() => {
    const map = getMap(db, input.mapId).document;
    const doc: PresentationDocument =
      input.from === 'reveal' ? revealStepByStep(map, input.title) : { title: input.title, steps: [], settings: { theme: 'dark', minLabelPx: 18, transitionMs: 700 } };
    return { id: insertPresentation(db, input.mapId, doc), revision: 1 };
  })();
}

/** What to call what a step lost: concepts, groups and worded linking phrases (unworded ones go unmentioned). */
function labelsOf(map: Pick<MapDocument, 'concepts' | 'phrases' | 'groups'>): Map<string, string> {
  return new Map<string, string>([
    ...map.concepts.map((c) => [c.id, c.label] as const),
    ...map.phrases.filter((p) => p.label.trim()).map((p) => [p.id, p.label] as const),
    ...map.groups.map((g) => [g.id, g.title] as const),
  ]);
}

/** The steps that lost something worth naming, with the names. */
function named(pruned: readonly PrunedStep[], labels: ReadonlyMap<string, string>): PrunedSteps[number]['steps'] {
  return pruned
    .map((p) => ({ stepTitle: p.stepTitle, removed: p.removed.flatMap((id) => labels.get(id) ?? []) }))
    .filter((p) => p.removed.length > 0);
}

/** Saves a presentation, dropping ids its map no longer has (an editor open while the map changed). */
export function savePresentationChecked(db: Database.Database, id: string, revision: number, doc: PresentationDocument): { revision: number; pruned: PrunedSteps } {
  return db.transaction(() => {
    const { mapId } = getPresentation(db, id);
    const map = getMap(db, mapId).document;
    const { doc: kept, pruned } = pruneSteps(doc, map);
    const next = savePresentation(db, id, revision, kept);
    // Ids of a map this editor never saw: named by id, since their labels are gone.
    const steps = pruned.map((p) => ({ stepTitle: p.stepTitle, removed: p.removed }));
    return { revision: next, pruned: steps.length ? [{ presentation: id, title: doc.title, steps }] : [] };
  })();
}

/**
 * Saves a map and updates the steps of its presentations that showed what was deleted, in the
 * same transaction; says which steps lost what (by the labels they had).
 */
export function saveMapAndSteps(db: Database.Database, id: string, revision: number, doc: MapDocument): { revision: number; pruned: PrunedSteps } {
  return db.transaction(() => {
    const before = labelsOf(getMap(db, id).document);
    const next = saveMap(db, id, revision, doc);
    const pruned: PrunedSteps = [];
    for (const presentation of presentationsOfMap(db, id)) {
      const result = pruneSteps(presentation.document, doc);
      if (!result.pruned.length) continue;
      savePresentation(db, presentation.id, 'current', result.doc);
      const steps = named(result.pruned, before);
      if (steps.length) pruned.push({ presentation: presentation.id, title: presentation.document.title, steps });
    }
    return { revision: next, pruned };
  })();
}

export function startSession(db: Database.Database, presentationId: string): string {
  return db.transaction(() => {
    const presentation = getPresentation(db, presentationId);
    if (presentation.document.steps.length === 0) throw new AppError('conflict', 'This presentation has no steps yet; add a step before presenting.', { id: presentationId });
    const baseline = withLayout(getMap(db, presentation.mapId).document);
    return insertSession(db, presentationId, baseline, { position: START, black: false, showParked: false, participants: [], votes: {}, parked: [] });
  })();
}

export function sessionView(db: Database.Database, id: string): SessionView {
  const session = getSession(db, id);
  const presentation = getPresentation(db, session.presentationId);
  return {
    ...session,
    mapId: presentation.mapId,
    state: { ...session.state, position: clampPosition(presentation.document, session.state.position) },
    baselineIds: [...sessionBaselineIds(db, session)],
  };
}

/** A move, black screen or parking lot shown: what every key press in a presenting window calls. */
export function showSession(db: Database.Database, id: string, change: ShowChange): StoredSession {
  const presentation = getPresentation(db, getSession(db, id).presentationId).document;
  return updateSession(db, id, (state) => show(state, presentation, change));
}

/** Changes the map of a running session, keeping everything already placed where it is. */
function changeSessionMap<T>(db: Database.Database, sessionId: string, change: (map: MapDocument) => { map: MapDocument; result: T }): T & { mapRevision: number } {
  return db.transaction(() => {
    const session = getSession(db, sessionId);
    if (session.endedAt) throw new AppError('conflict', 'This session has ended; start a new one to add to the map.', { id: sessionId });
    const { mapId } = getPresentation(db, session.presentationId);
    const current = getMap(db, mapId);
    const { map, result } = change(withLayout(current.document));
    return { ...result, mapRevision: saveMap(db, mapId, current.revision, map) };
  })();
}

export function addConceptLive(db: Database.Database, sessionId: string, input: LiveConcept) {
  return changeSessionMap(db, sessionId, (map) => {
    if (input.near && !map.concepts.some((c) => c.id === input.near)) throw new AppError('not_found', `There is no concept "${input.near}" on this map.`, { near: input.near });
    const added = addLiveConcept(map, input);
    return { map: added.map, result: { concept: added.conceptId, phrase: added.phraseId } };
  });
}

export function addPropositionLive(db: Database.Database, sessionId: string, input: { from: string; phrase: string; to: string }) {
  return changeSessionMap(db, sessionId, (map) => {
    for (const end of [input.from, input.to])
      if (!map.concepts.some((c) => c.id === end)) throw new AppError('not_found', `There is no concept "${end}" on this map.`, { concept: end });
    const linked = link(map, input.from, input.to, input.phrase);
    return { map: linked.map, result: { phrase: linked.id } };
  });
}

interface FileOut {
  content: string;
  encoding: 'utf8' | 'base64';
  fileName: string;
  mime: string;
}

/** Pixels across for each step's picture in the handout. */
const HANDOUT_IMAGE_WIDTH = 1400;

export async function sessionReport(db: Database.Database, input: { id: string; format: 'markdown' | 'pdf' | 'json'; lang: Lang; timeZone: string }, job?: JobHandle): Promise<FileOut> {
  const session = getSession(db, input.id);
  const presentation = getPresentation(db, session.presentationId);
  const baseline = sessionBaseline(db, input.id);
  const map = withLayout(getMap(db, presentation.mapId).document);
  const report = buildReport({ presentation: presentation.document, state: session.state, baseline, map, startedAt: session.startedAt, endedAt: session.endedAt });
  const name = `${FILE_SAFE(presentation.document.title)}-${session.startedAt.slice(0, 10)}`;
  if (input.format === 'json') return { content: JSON.stringify(report), encoding: 'utf8', fileName: `${name}.json`, mime: 'application/json' };
  if (input.format === 'markdown') return { content: reportMarkdown(report, input.lang, input.timeZone), encoding: 'utf8', fileName: `${name}.md`, mime: 'text/markdown' };

  const baselineIds = new Set([...baseline.concepts.map((c) => c.id), ...baseline.phrases.map((p) => p.id)]);
  const live = [...map.concepts.map((c) => c.id), ...map.phrases.map((p) => p.id)].filter((nodeId) => !baselineIds.has(nodeId));
  const geometry = mapGeometry(map);
  const positions = allPositions(presentation.document);
  const textBlocks = reportBlocks(report, input.lang, input.timeZone);
  // One unit of progress per step's picture, then one per block the PDF writer sets.
  const total = positions.length + textBlocks.length;
  const images: HandoutBlock[] = [];
  for (const [index, position] of positions.entries()) {
    const step = stepAt(presentation.document, position);
    const view = viewOf(step, live);
    const region = regionOf(step, geometry, view);
    const svg = renderMapSvg(map, { glyphs: fontGlyphs, theme: 'light', reveal: view.revealed, highlight: view.highlighted, region });
    const png = await svgToPng(svg, Math.min(3, Math.max(0.5, HANDOUT_IMAGE_WIDTH / region.width)));
    const size = pngSize(png);
    images.push({ kind: 'image', png, width: size.width, height: size.height, alt: report.steps[index]?.title ?? '' });
    job?.progress(index + 1, total);
    await job?.checkpoint();
  }
  const blocks = textBlocks.map((block): HandoutBlock => (block.kind === 'step' ? (images[block.index] ?? { kind: 'paragraph', text: '' }) : block));
  const pdf = await renderHandoutPdf(
    { title: report.title, lang: input.lang, blocks },
    { onProgress: (done) => job?.progress(positions.length + done, total), signal: job?.signal },
  ).catch(async (error: unknown) => {
    if (job?.signal.aborted) await job.checkpoint(); // answers `cancelled`, as the pictures' checkpoints do
    throw error;
  });
  job?.progress(total, total);
  return { content: Buffer.from(pdf).toString('base64'), encoding: 'base64', fileName: `${name}.pdf`, mime: 'application/pdf' };
}

/** Width and height from a PNG's IHDR chunk (bytes 16–23), which always comes first. */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
