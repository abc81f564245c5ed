import type Database from 'better-sqlite3';
import { AppError, type TransferConflict } from '../../core/api.ts';
import { parseTransfer, printTransfer, type ParsedTransfer, type TransferDecision, type TransferMap } from '../../core/formats/transfer.ts';
import { MapDocument } from '../../core/graph/model.ts';
import { pick } from '../../core/model/text.ts';
import { sameContent } from '../../core/model/entity.ts';
import type { EntityKind } from '../../core/model/kinds.ts';
import type { ServerContext } from './context.ts';
import { importKnowledge } from './kb/transfer.ts';
import { findDecision, getDecision, insertDecision, newDecisionId, saveDecision } from './store/decisions.ts';
import { allEntities, getEntity, listRelations, requireEntity } from './store/entities.ts';
import { findMap, getMap, insertMap, newMapId } from './store/maps.ts';
import { saveMapAndSteps } from './present/service.ts';
import { insertPresentation, presentationsOfMap, savePresentation } from './store/presentations.ts';
import { listSections } from './store/sections.ts';
import { nowIso } from './store/statements.ts';

/**
 * Moving knowledge between workspaces. A bundle is checked whole first; what exists here with
 * other content is a conflict the user resolves item by item (keep this workspace's, take the
 * bundle's, or for maps and decisions keep both); then everything is written in one transaction.
 */

type Resolution = 'keep' | 'replace' | 'copy';
type Outcome = { created: number; replaced: number; copied: number; unchanged: number; kept: number };
const none = (): Outcome => ({ created: 0, replaced: 0, copied: 0, unchanged: 0, kept: 0 });

/** JSON with keys in a fixed order, so equal content compares equal whatever order it was written in. */
function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

export function exportTransfer(
  db: Database.Database,
  workspace: string,
  selection: { kinds: EntityKind[]; entities: string[]; maps: string[]; decisions: string[] },
): { content: string; fileName: string; entities: number; maps: number; decisions: number } {
  // Each entry read once: the chosen ones (an unknown id is refused), then whole kinds in one query.
  const chosen = new Map(selection.entities.map((id) => [id, requireEntity(db, id)]));
  if (selection.kinds.length) for (const e of allEntities(db, new Set(selection.kinds))) chosen.set(e.id, e);
  const entities = [...chosen.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const ids = new Set(chosen.keys());
  const relations = listRelations(db)
    .filter((r) => ids.has(r.from) && ids.has(r.to))
    .map(({ id: _id, ...r }) => r);
  const maps: TransferMap[] = selection.maps.map((id) => ({
    id,
    document: getMap(db, id).document,
    presentations: presentationsOfMap(db, id).map((p) => ({ id: p.id, document: p.document })),
  }));
  const decisions: TransferDecision[] = selection.decisions.map((id) => ({ id, problem: getDecision(db, id).problem }));
  const content = printTransfer({ workspace, knowledge: entities.length ? { sections: listSections(db), entities, relations } : null, maps, decisions }, nowIso());
  const stamp = nowIso().slice(0, 10);
  return { content, fileName: `${workspace.replace(/[\\/:*?"<>|\s]+/g, '-')}-bundle-${stamp}.json`, entities: entities.length, maps: maps.length, decisions: decisions.length };
}

interface Plan {
  parsed: ParsedTransfer;
  conflicts: TransferConflict[];
  counts: { entities: { new: number; same: number }; maps: { new: number; same: number }; decisions: { new: number; same: number } };
}

function plan(db: Database.Database, content: string, fileName: string): Plan {
  const parsed = parseTransfer(content, fileName);
  const conflicts: TransferConflict[] = [];
  const counts = { entities: { new: 0, same: 0 }, maps: { new: 0, same: 0 }, decisions: { new: 0, same: 0 } };
  for (const e of parsed.knowledge?.entities ?? []) {
    const here = getEntity(db, e.id);
    if (!here) counts.entities.new++;
    else if (sameContent(here, e)) counts.entities.same++;
    else
      conflicts.push({
        key: `entity:${e.id}`,
        type: 'entity',
        id: e.id,
        here: { title: titleOf(here.title), updatedAt: here.updatedAt },
        incoming: { title: titleOf(e.title), updatedAt: e.updatedAt },
      });
  }
  for (const m of parsed.maps) {
    const here = findMap(db, m.id);
    if (!here) counts.maps.new++;
    else if (stable(MapDocument.parse(here.document)) === stable(m.document)) counts.maps.same++;
    else conflicts.push({ key: `map:${m.id}`, type: 'map', id: m.id, here: { title: here.document.title, updatedAt: here.updatedAt }, incoming: { title: m.document.title, updatedAt: null } });
  }
  for (const d of parsed.decisions) {
    const here = findDecision(db, d.id);
    if (!here) counts.decisions.new++;
    else if (stable(here.problem) === stable(d.problem)) counts.decisions.same++;
    else
      conflicts.push({
        key: `decision:${d.id}`,
        type: 'decision',
        id: d.id,
        here: { title: String(here.problem.title ?? d.id), updatedAt: here.updatedAt },
        incoming: { title: String(d.problem.title ?? d.id), updatedAt: null },
      });
  }
  return { parsed, conflicts, counts };
}

const titleOf = (title: { zh: string; en: string }) => [pick(title, 'en'), title.zh].filter((t, i, all) => t && all.indexOf(t) === i).join(' · ');

export function previewTransfer(db: Database.Database, input: { content: string; fileName: string }) {
  const { parsed, conflicts, counts } = plan(db, input.content, input.fileName);
  return { workspace: parsed.workspace, ...counts, conflicts };
}

export async function importTransfer(
  ctx: ServerContext,
  input: { content: string; fileName: string; resolutions: Record<string, Resolution>; jobId?: string },
) {
  const { parsed, conflicts } = plan(ctx.workspace.db, input.content, input.fileName);
  const unresolved = conflicts.filter((c) => !input.resolutions[c.key]);
  if (unresolved.length)
    throw new AppError(
      'conflict',
      `${input.fileName}: ${unresolved.length} item${unresolved.length === 1 ? '' : 's'} exist${unresolved.length === 1 ? 's' : ''} here with other content (${unresolved
        .slice(0, 5)
        .map((c) => c.id)
        .join(', ')}${unresolved.length > 5 ? ', …' : ''}); choose for each whether to keep this workspace's version or take the bundle's.`,
      { file: input.fileName, conflicts: unresolved },
    );
  const entityResolutions: Record<string, 'keep' | 'replace'> = {};
  for (const c of conflicts) {
    const choice = input.resolutions[c.key];
    if (c.type !== 'entity' || !choice) continue;
    if (choice === 'copy') throw new AppError('invalid_args', `Knowledge-base entries cannot be kept twice under one id (${c.id}); keep one version or the other.`, { problems: [{ path: ['resolutions', c.key], message: 'keep or replace' }] });
    entityResolutions[c.id] = choice;
  }
  const maps = none();
  const decisions = none();
  const knowledge = await importKnowledge(
    ctx,
    {
      format: 'bundle',
      content: parsed.knowledgeText ?? '{"format":"strategy-workbench.kb","version":1,"entities":[]}',
      ...(parsed.knowledge ? { parsed: parsed.knowledge } : {}),
      fileName: input.fileName,
      onConflict: 'fail',
      resolutions: entityResolutions,
      jobId: input.jobId,
    },
    (db) => {
      for (const m of parsed.maps) writeMap(db, m, input.resolutions[`map:${m.id}`], maps);
      for (const d of parsed.decisions) writeDecision(db, d, input.resolutions[`decision:${d.id}`], decisions);
    },
  );
  for (const scope of ['kb', 'maps', 'decisions', 'presentations'] as const) ctx.emit('data.changed', { scope });
  return {
    entities: { created: knowledge.created, replaced: knowledge.updated, copied: 0, unchanged: knowledge.unchanged, kept: 0 },
    maps,
    decisions,
  };
}

function writeMap(db: Database.Database, m: TransferMap, resolution: Resolution | undefined, outcome: Outcome): void {
  const here = findMap(db, m.id);
  const exists = here !== undefined;
  if (here && stable(MapDocument.parse(here.document)) === stable(m.document)) return void outcome.unchanged++;
  if (exists && resolution === 'keep') return void outcome.kept++;
  if (here && resolution === 'replace') {
    // As any map save: steps of this map's other presentations that show concepts the new
    // version no longer has are pruned with it.
    saveMapAndSteps(db, m.id, here.revision, m.document);
    const ofThisMap = new Set(presentationsOfMap(db, m.id).map((p) => p.id));
    for (const p of m.presentations) {
      if (ofThisMap.has(p.id)) savePresentation(db, p.id, 'current', p.document);
      else insertPresentation(db, m.id, p.document, p.id);
    }
    return void outcome.replaced++;
  }
  const id = exists ? newMapId(db, m.id) : m.id; // a copy is named after the original: "<id>-2"
  insertMap(db, id, m.document, 'user');
  for (const p of m.presentations) insertPresentation(db, id, p.document, p.id);
  if (exists) outcome.copied++;
  else outcome.created++;
}

function writeDecision(db: Database.Database, d: TransferDecision, resolution: Resolution | undefined, outcome: Outcome): void {
  const here = findDecision(db, d.id);
  const exists = here !== undefined;
  if (here && stable(here.problem) === stable(d.problem)) return void outcome.unchanged++;
  if (exists && resolution === 'keep') return void outcome.kept++;
  if (here && resolution === 'replace') {
    saveDecision(db, d.id, here.revision, d.problem);
    return void outcome.replaced++;
  }
  insertDecision(db, exists ? newDecisionId(db, d.id) : d.id, d.problem, 'user');
  if (exists) outcome.copied++;
  else outcome.created++;
}
