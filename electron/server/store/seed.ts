import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { AppError, describeProblems, problemsFromZod, type Problem } from '../../../core/api.ts';
import {
  EntityContent,
  EntityId,
  RelationKindSchema,
  checkKindFields,
  kindOfId,
  type RelationContent,
} from '../../../core/model/entity.ts';
import { relationAllowed } from '../../../core/model/kinds.ts';
import { Bilingual } from '../../../core/model/text.ts';
import { Source } from '../../../core/model/source.ts';
import { parseYaml } from '../formats/yaml.ts';
import { MapId } from '../../../core/api/maps.ts';
import { applyLayout } from '../../../core/graph/actions.ts';
import { computeLayout } from '../../../core/graph/layout/index.ts';
import { parseMermaid } from '../../../core/graph/mermaid.ts';
import type { MapDocument } from '../../../core/graph/model.ts';
import { insertMap } from './maps.ts';
import { insertDecision } from './decisions.ts';
import { parseProblem } from '../../../core/decision/index.ts';
import { getEntity, insertEntity, insertRelation, findRelation, updateEntityContent, updateRelation } from './entities.ts';
import { entitiesPointingAt, reindexEntities } from './search-index.ts';
import { stmt } from './statements.ts';

/**
 * The default knowledge base lives in `data/seed/*.yaml` as reviewable text: one file per kind,
 * each entry an entity with its relations. This module validates those files and writes them
 * into a workspace without ever overwriting what the user changed or reviving what they deleted.
 */

const SeedRelation = z
  .object({ kind: RelationKindSchema, to: EntityId, source: Source, note: Bilingual.optional() })
  .strict();

export const SeedEntity = EntityContent.extend({
  id: EntityId,
  relations: z.array(SeedRelation).default([]),
}).strict();
export type SeedEntity = z.output<typeof SeedEntity>;

export const SeedSection = z.object({ id: z.string().regex(/^§/), title: Bilingual }).strict();
export type SeedSection = z.output<typeof SeedSection>;

export const SeedMap = z
  .object({
    id: MapId,
    source: Source,
    title: Bilingual,
    mermaid: z.string().min(1),
    /** Mermaid node id → the knowledge-base entry the concept stands for. */
    entities: z.record(z.string(), EntityId).default({}),
  })
  .strict();
export type SeedMap = z.output<typeof SeedMap>;

export const SeedDecision = z
  .object({ id: MapId, source: Source, title: Bilingual, problem: z.record(z.string(), z.unknown()) })
  .strict();
export type SeedDecision = z.output<typeof SeedDecision>;

export interface Seed {
  /** A hash of every seed file: when it matches the workspace's, loading is skipped. */
  version: string;
  sections: SeedSection[];
  entities: SeedEntity[];
  relations: RelationContent[];
  maps: SeedMap[];
  decisions: SeedDecision[];
}

const SECTIONS_FILE = 'sections.yaml';

function fail(file: string, problems: Problem[]): never {
  throw new AppError('invalid_file', `${file}: ${describeProblems(problems)}`, { file, problems });
}

function readYamlList<T>(file: string, schema: z.ZodType<T>): T[] {
  const parsed = parseYaml(readFileSync(file, 'utf8'));
  if (!parsed.ok) fail(file, parsed.problems);
  const result = z.array(schema).safeParse(parsed.doc.value);
  if (!result.success)
    fail(
      file,
      problemsFromZod(result.error).map((p) => ({ ...p, line: parsed.doc.lineOf(p.path) })),
    );
  return result.data;
}

const seedFiles = (dir: string): string[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
const MAPS_DIR = 'maps';
const DECISIONS_DIR = 'decisions';
const SUBFOLDERS = [MAPS_DIR, DECISIONS_DIR];

/** A hash of the seed files, cheap enough to compute on every open. */
export function seedVersion(dataDir: string): string {
  const dir = path.join(dataDir, 'seed');
  const hash = createHash('sha256');
  for (const name of seedFiles(dir)) hash.update(name).update(readFileSync(path.join(dir, name)));
  for (const sub of SUBFOLDERS) {
    const folder = path.join(dir, sub);
    if (existsSync(folder)) for (const name of seedFiles(folder)) hash.update(`${sub}/${name}`).update(readFileSync(path.join(folder, name)));
  }
  return hash.digest('hex').slice(0, 16);
}

function readYamlObject<T>(file: string, schema: z.ZodType<T>): T {
  const parsed = parseYaml(readFileSync(file, 'utf8'));
  if (!parsed.ok) fail(file, parsed.problems);
  const result = schema.safeParse(parsed.doc.value);
  if (!result.success) fail(file, problemsFromZod(result.error).map((p) => ({ ...p, line: parsed.doc.lineOf(p.path) })));
  return result.data;
}

/** Reads and checks every seed file; throws `invalid_file` naming the file, line and field. */
export function readSeed(dataDir: string): Seed {
  const dir = path.join(dataDir, 'seed');
  const entities: SeedEntity[] = [];
  let sections: SeedSection[] = [];
  for (const name of seedFiles(dir)) {
    const file = path.join(dir, name);
    if (name === SECTIONS_FILE) sections = readYamlList(file, SeedSection);
    else entities.push(...readYamlList(file, SeedEntity));
  }
  const problems: Problem[] = [];
  const ids = new Map<string, SeedEntity>();
  for (const e of entities) {
    if (ids.has(e.id)) problems.push({ path: [e.id], message: 'the id is used twice' });
    ids.set(e.id, e);
    if (kindOfId(e.id) !== e.kind) problems.push({ path: [e.id, 'kind'], message: `the id must start with "${e.kind}/"` });
    for (const p of checkKindFields(e)) problems.push({ ...p, path: [e.id, ...p.path] });
  }
  const relations: RelationContent[] = [];
  for (const e of entities)
    e.relations.forEach((r, i) => {
      const target = ids.get(r.to);
      if (!target) problems.push({ path: [e.id, 'relations', i, 'to'], message: `no entity "${r.to}"` });
      else if (!relationAllowed(r.kind, e.kind, target.kind))
        problems.push({ path: [e.id, 'relations', i], message: `a ${e.kind} cannot "${r.kind}" a ${target.kind}` });
      relations.push({ kind: r.kind, from: e.id, to: r.to, source: r.source, note: r.note ?? { zh: '', en: '' } });
    });
  const mapsDir = path.join(dir, MAPS_DIR);
  const maps = existsSync(mapsDir) ? seedFiles(mapsDir).map((name) => readYamlObject(path.join(mapsDir, name), SeedMap)) : [];
  for (const map of maps)
    for (const [node, entity] of Object.entries(map.entities))
      if (!ids.has(entity)) problems.push({ path: ['maps', map.id, 'entities', node], message: `no entity "${entity}"` });
  const decisionsDir = path.join(dir, DECISIONS_DIR);
  const decisions = existsSync(decisionsDir) ? seedFiles(decisionsDir).map((name) => readYamlObject(path.join(decisionsDir, name), SeedDecision)) : [];
  for (const decision of decisions) {
    let problem;
    try {
      problem = parseProblem(decision.problem);
    } catch (error) {
      for (const p of (error as AppError).details?.problems ?? []) problems.push({ ...p, path: ['decisions', decision.id, 'problem', ...p.path] });
      continue;
    }
    const cited = [...problem.alternatives.flatMap((a) => (a.entity ? [a.entity] : [])), ...problem.evidence.map((e) => e.entity)];
    for (const entity of cited) if (!ids.has(entity)) problems.push({ path: ['decisions', decision.id], message: `cites "${entity}", which is not in the seed` });
  }
  if (problems.length > 0) fail(dir, problems);
  return { version: seedVersion(dataDir), sections, entities, relations, maps, decisions };
}

const contentHash = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);

interface SeedState {
  hash: string;
  deleted: number;
}

export interface SeedReport {
  skipped: boolean;
  inserted: number;
  updated: number;
  keptUserChanges: number;
}

/**
 * Writes the seed into the workspace in one transaction. For each item: new → insert; unchanged
 * since we last wrote it → update to the new seed text; edited or deleted by the user → leave it.
 */
export function appliedSeedVersion(db: Database.Database): string | null {
  return (stmt(db, "SELECT value FROM meta WHERE key = 'seed_version'").pluck().get() as string | undefined) ?? null;
}

/** Marks a workspace created empty, so that opening it again never fills it with the default content. */
export const NO_SEED = 'none';

export function optOutOfSeed(db: Database.Database): void {
  stmt(db, "INSERT OR REPLACE INTO meta (key, value) VALUES ('seed_version', ?)").run(NO_SEED);
}

export function applySeed(db: Database.Database, seed: Seed): SeedReport {
  if (appliedSeedVersion(db) === seed.version) return { skipped: true, inserted: 0, updated: 0, keptUserChanges: 0 };
  const report: SeedReport = { skipped: false, inserted: 0, updated: 0, keptUserChanges: 0 };
  const touched = new Set<string>();
  const getState = stmt(db, 'SELECT hash, deleted FROM seed_state WHERE item = ?');
  const setState = stmt(db, 'INSERT OR REPLACE INTO seed_state (item, hash, deleted) VALUES (?, ?, 0)');

  db.transaction(() => {
    const upsertSection = stmt(
      db,
      'INSERT OR REPLACE INTO sections (id, ord, title_zh, title_en) VALUES (?, ?, ?, ?)',
    );
    seed.sections.forEach((s, i) => upsertSection.run(s.id, i, s.title.zh, s.title.en));

    for (const { relations: _relations, id, ...content } of seed.entities) {
      const item = `entity:${id}`;
      const hash = contentHash(content);
      const state = getState.get(item) as SeedState | undefined;
      if (state?.deleted || state?.hash === hash) continue;
      const existing = getEntity(db, id);
      if (!existing) {
        insertEntity(db, id, content, 'seed');
        report.inserted++;
      } else if (existing.origin === 'seed' && state) {
        updateEntityContent(db, id, content, 'seed');
        report.updated++;
        for (const from of entitiesPointingAt(db, id)) touched.add(from);
      } else {
        report.keptUserChanges++;
        continue;
      }
      touched.add(id);
      setState.run(item, hash);
    }

    for (const relation of seed.relations) {
      const item = `relation:${relation.from}|${relation.kind}|${relation.to}`;
      const hash = contentHash(relation);
      const state = getState.get(item) as SeedState | undefined;
      if (state?.deleted || state?.hash === hash) continue;
      if (!getEntity(db, relation.from) || !getEntity(db, relation.to)) continue; // an end was deleted by the user
      const existing = findRelation(db, relation.from, relation.kind, relation.to);
      if (!existing) {
        insertRelation(db, relation, 'seed');
        report.inserted++;
      } else if (existing.origin === 'seed' && state) {
        updateRelation(db, existing.id, relation, 'seed');
        report.updated++;
      } else {
        report.keptUserChanges++;
        continue;
      }
      touched.add(relation.from);
      setState.run(item, hash);
    }
    reindexEntities(db, touched);
    for (const decision of seed.decisions) {
      const item = `decision:${decision.id}`;
      if (getState.get(item) || stmt(db, 'SELECT 1 FROM decisions WHERE id = ?').get(decision.id)) continue;
      insertDecision(db, decision.id, decision.problem, 'seed');
      setState.run(item, contentHash(decision));
      report.inserted++;
    }
    for (const map of seed.maps) {
      const item = `map:${map.id}`;
      if (getState.get(item) || stmt(db, 'SELECT 1 FROM maps WHERE id = ?').get(map.id)) continue;
      insertMap(db, map.id, seedMapDocument(map), 'seed');
      setState.run(item, contentHash(map));
      report.inserted++;
    }
    stmt(db, "INSERT OR REPLACE INTO meta (key, value) VALUES ('seed_version', ?)").run(seed.version);
  })();
  return report;
}

/** The seed map as a document: the book's Mermaid, its concepts linked to entries, laid out in layers. */
function seedMapDocument(map: SeedMap): MapDocument {
  const { map: parsed } = parseMermaid(map.mermaid);
  const doc: MapDocument = {
    ...parsed,
    title: `${map.title.zh} · ${map.title.en}`,
    concepts: parsed.concepts.map((c) => ({ ...c, entity: map.entities[c.id] ?? null })),
  };
  return applyLayout(doc, computeLayout(doc, { kind: 'layered', direction: doc.settings.direction }));
}

/** Called when the user deletes a seed item, so a later seed load does not bring it back. */
export function markSeedItemDeleted(db: Database.Database, item: string): void {
  stmt(db, 'UPDATE seed_state SET deleted = 1 WHERE item = ?').run(item);
}
