import type Database from 'better-sqlite3';
import { AppError } from '../../../core/api.ts';
import { sameContent, slugify, type Entity, type EntityContentInput, type Relation } from '../../../core/model/entity.ts';
import type { EntityKind } from '../../../core/model/kinds.ts';
import type { Bilingual } from '../../../core/model/text.ts';
import {
  deleteEntityRow,
  deleteRelationRow,
  entityExists,
  findRelation,
  getEntity,
  getRelation,
  insertEntity,
  insertRelation,
  putEntity,
  putRelation,
  relationRowsOf,
  requireEntity,
  updateEntityContent,
  updateRelation as updateRelationRow,
} from '../store/entities.ts';
import { entitiesPointingAt, reindexEntities, unindexEntity } from '../store/search-index.ts';
import { markSeedItemDeleted } from '../store/seed.ts';
import { nowIso, stmt } from '../store/statements.ts';
import { ensureBaseRevision, getRevision, nextRevision, recordRevision } from './history.ts';
import { popUndo, recordUndo, type UndoStep } from './undo.ts';
import { validateEntityContent, validateRelation } from './validate.ts';

/**
 * Every change a user makes to the knowledge base: validated first, then written in one
 * transaction together with its revision, its undo steps and the search index.
 */

export type ChangeAction = 'create' | 'update' | 'delete' | 'relate' | 'unrelate' | 'edit-relation' | 'restore';
export interface ChangeLabel {
  action: ChangeAction;
  title: Bilingual;
}

const label = (action: ChangeAction, title: Bilingual): string => JSON.stringify({ action, title } satisfies ChangeLabel);
const seedItem = (id: string) => `entity:${id}`;
const seedRelationItem = (r: Pick<Relation, 'from' | 'kind' | 'to'>) => `relation:${r.from}|${r.kind}|${r.to}`;


/** A readable, unused id: `case/client-x-pilot`, `case/client-x-pilot-2`, … (never one in history). */
export function newEntityId(db: Database.Database, kind: EntityKind, title: Bilingual): string {
  const base = `${kind}/${slugify(title.en || title.zh)}`;
  const taken = (id: string) => entityExists(db, id) || stmt(db, 'SELECT 1 FROM revisions WHERE entity_id = ?').get(id) !== undefined;
  if (!taken(base)) return base;
  for (let n = 2; ; n++) if (!taken(`${base}-${n}`)) return `${base}-${n}`;
}

function reindexWithNeighbours(db: Database.Database, id: string, extra: Iterable<string> = []): void {
  reindexEntities(db, [id, ...entitiesPointingAt(db, id), ...extra]);
}

export function createEntity(db: Database.Database, input: { content: EntityContentInput; id?: string }): Entity {
  const content = validateEntityContent(input.content, input.id);
  return db.transaction(() => {
    const id = input.id ?? newEntityId(db, content.kind, content.title);
    if (entityExists(db, id)) throw new AppError('conflict', `There is already an entry with the id "${id}".`, { id });
    insertEntity(db, id, content, 'user');
    const entity = requireEntity(db, id);
    recordRevision(db, entity, 'create');
    recordUndo(db, label('create', content.title), [{ op: 'delete-entity', id }]);
    reindexEntities(db, [id]);
    return entity;
  })();
}

export function updateEntity(db: Database.Database, input: { id: string; revision: number; content: EntityContentInput }): Entity {
  const content = validateEntityContent(input.content, input.id);
  return db.transaction(() => {
    const before = requireEntity(db, input.id);
    if (before.revision !== input.revision)
      throw new AppError(
        'conflict',
        `“${before.title.en || before.title.zh}” was changed elsewhere since you opened it (revision ${before.revision}, you edited ${input.revision}). Reload it and apply your edit again.`,
        { id: input.id, current: before.revision },
      );
    if (sameContent(before, content)) return before;
    ensureBaseRevision(db, before);
    updateEntityContent(db, input.id, content, 'user');
    const after = requireEntity(db, input.id);
    const revision = nextRevision(db, input.id, after.revision - 1);
    if (revision !== after.revision) stmt(db, 'UPDATE entities SET revision = ? WHERE id = ?').run(revision, input.id);
    const saved = { ...after, revision };
    recordRevision(db, saved, 'update');
    recordUndo(db, label('update', content.title), [{ op: 'put-entity', entity: before, relations: [] }]);
    reindexWithNeighbours(db, input.id);
    return saved;
  })();
}

export function deleteEntity(db: Database.Database, id: string): { relations: number } {
  return db.transaction(() => {
    const before = requireEntity(db, id);
    const relations = relationRowsOf(db, id);
    const neighbours = relations.map((r) => (r.from === id ? r.to : r.from));
    ensureBaseRevision(db, before);
    recordRevision(db, { ...before, revision: nextRevision(db, id, before.revision), updatedAt: nowIso() }, 'delete');
    unindexEntity(db, id);
    deleteEntityRow(db, id);
    const steps: UndoStep[] = [{ op: 'put-entity', entity: before, relations }];
    if (before.origin === 'seed' || stmt(db, 'SELECT 1 FROM seed_state WHERE item = ?').get(seedItem(id))) {
      markSeedItemDeleted(db, seedItem(id));
      steps.push({ op: 'seed-deleted', item: seedItem(id), deleted: false });
    }
    recordUndo(db, label('delete', before.title), steps);
    reindexEntities(db, [id, ...neighbours]);
    return { relations: relations.length };
  })();
}

/** Brings an entity back to an earlier revision (or back from deletion), as a new revision. */
export function restoreRevision(db: Database.Database, input: { id: string; revision: number }): Entity {
  return db.transaction(() => {
    const record = getRevision(db, input.id, input.revision);
    if (!record || record.action === 'delete')
      throw new AppError('not_found', `“${input.id}” has no revision ${input.revision} to restore.`, input);
    const before = getEntity(db, input.id);
    if (before) ensureBaseRevision(db, before);
    const restored: Entity = {
      ...record.entity,
      origin: 'user',
      revision: nextRevision(db, input.id, before?.revision ?? 0),
      updatedAt: nowIso(),
    };
    putEntity(db, restored);
    recordRevision(db, restored, 'restore');
    recordUndo(
      db,
      label('restore', restored.title),
      before ? [{ op: 'put-entity', entity: before, relations: [] }] : [{ op: 'delete-entity', id: input.id }],
    );
    if (!before) stmt(db, 'UPDATE seed_state SET deleted = 0 WHERE item = ?').run(seedItem(input.id));
    reindexWithNeighbours(db, input.id);
    return restored;
  })();
}

export function createRelation(db: Database.Database, input: unknown): Relation {
  const relation = validateRelation(db, input);
  return db.transaction(() => {
    if (findRelation(db, relation.from, relation.kind, relation.to))
      throw new AppError('conflict', 'These two entries are already related that way.', { from: relation.from, to: relation.to });
    const id = insertRelation(db, relation, 'user');
    const from = requireEntity(db, relation.from);
    const to = requireEntity(db, relation.to);
    recordUndo(db, label('relate', { zh: `${from.title.zh} → ${to.title.zh}`, en: `${from.title.en} → ${to.title.en}` }), [
      { op: 'delete-relation', id },
    ]);
    reindexEntities(db, [relation.from]);
    return getRelation(db, id) as Relation;
  })();
}

export function updateRelation(db: Database.Database, input: { id: number; note: Bilingual; source: string }): Relation {
  return db.transaction(() => {
    const before = getRelation(db, input.id);
    if (!before) throw new AppError('not_found', `There is no relation ${input.id}.`, { id: input.id });
    const next = validateRelation(db, { ...before, note: input.note, source: input.source });
    updateRelationRow(db, input.id, next, 'user');
    const from = requireEntity(db, before.from);
    recordUndo(db, label('edit-relation', from.title), [{ op: 'put-relation', relation: before }]);
    return getRelation(db, input.id) as Relation;
  })();
}

export function deleteRelation(db: Database.Database, id: number): void {
  db.transaction(() => {
    const before = getRelation(db, id);
    if (!before) throw new AppError('not_found', `There is no relation ${id}.`, { id });
    deleteRelationRow(db, id);
    const steps: UndoStep[] = [{ op: 'put-relation', relation: before }];
    if (before.origin === 'seed') {
      markSeedItemDeleted(db, seedRelationItem(before));
      steps.push({ op: 'seed-deleted', item: seedRelationItem(before), deleted: false });
    }
    const from = requireEntity(db, before.from);
    const to = requireEntity(db, before.to);
    recordUndo(db, label('unrelate', { zh: `${from.title.zh} → ${to.title.zh}`, en: `${from.title.en} → ${to.title.en}` }), steps);
    reindexEntities(db, [before.from]);
  })();
}

function applyStep(db: Database.Database, step: UndoStep, touched: Set<string>): void {
  switch (step.op) {
    case 'delete-entity': {
      const entity = getEntity(db, step.id);
      if (!entity) return;
      for (const r of relationRowsOf(db, step.id)) touched.add(r.from === step.id ? r.to : r.from);
      ensureBaseRevision(db, entity);
      recordRevision(db, { ...entity, revision: nextRevision(db, step.id, entity.revision), updatedAt: nowIso() }, 'delete');
      unindexEntity(db, step.id);
      deleteEntityRow(db, step.id);
      touched.add(step.id);
      return;
    }
    case 'put-entity': {
      const current = getEntity(db, step.entity.id);
      if (current) ensureBaseRevision(db, current);
      const entity = { ...step.entity, revision: nextRevision(db, step.entity.id, current?.revision ?? step.entity.revision), updatedAt: nowIso() };
      putEntity(db, entity);
      recordRevision(db, entity, 'restore');
      for (const relation of step.relations)
        if (entityExists(db, relation.from) && entityExists(db, relation.to)) putRelation(db, relation);
      touched.add(entity.id);
      for (const id of entitiesPointingAt(db, entity.id)) touched.add(id);
      return;
    }
    case 'delete-relation': {
      const relation = getRelation(db, step.id);
      if (relation) touched.add(relation.from);
      deleteRelationRow(db, step.id);
      return;
    }
    case 'put-relation':
      if (entityExists(db, step.relation.from) && entityExists(db, step.relation.to)) putRelation(db, step.relation);
      touched.add(step.relation.from);
      return;
    case 'seed-deleted':
      stmt(db, 'UPDATE seed_state SET deleted = ? WHERE item = ?').run(step.deleted ? 1 : 0, step.item);
      return;
  }
}

/** Reverses the newest change; returns what was undone. */
export function undoLast(db: Database.Database): ChangeLabel {
  return db.transaction(() => {
    const entry = popUndo(db);
    const touched = new Set<string>();
    for (const step of entry.steps) applyStep(db, step, touched);
    reindexEntities(db, touched);
    return JSON.parse(entry.label) as ChangeLabel;
  })();
}
