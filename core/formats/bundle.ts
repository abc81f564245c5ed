import { z } from 'zod';
import { Entity, RelationContent, checkKindFields, kindOfId } from '../model/entity.ts';
import { relationAllowed } from '../model/kinds.ts';
import { Bilingual } from '../model/text.ts';
import { wellFormedEntity } from './bundle-entity.ts';
import { readJsonFile } from './json-file.ts';
import { LIMITS, checkCount } from './limits.ts';
import { jsonLines } from './json-lines.ts';
import { Problems, fail, kindWithArticle, zodProblems } from './problems.ts';

/**
 * The JSON bundle: the whole knowledge base, lossless (origin, revision and timestamps included),
 * written in one canonical order so the same knowledge base always prints the same bytes and two
 * exports diff cleanly.
 */

export const BUNDLE_FORMAT = 'strategy-workbench.kb';
export const BUNDLE_VERSION = 1;

export const BundleSection = z.object({ id: z.string().trim().min(1).max(100), title: Bilingual }).strict();
export type BundleSection = z.output<typeof BundleSection>;

export const BundleRelation = RelationContent.extend({ origin: z.enum(['seed', 'user']) }).strict();
export type BundleRelation = z.output<typeof BundleRelation>;

const BundleEntity = Entity.strict();

export interface Bundle {
  sections: BundleSection[];
  entities: Entity[];
  relations: BundleRelation[];
}

export interface ParsedBundle extends Bundle {
  /**
   * Relation endpoints that are not entities of this bundle, sorted: the server must check that
   * they exist in the workspace (their kind, read from the id, was already checked here).
   */
  externalEndpoints: string[];
}

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A copy of the record with its keys sorted, so key order never depends on edit history. */
function sortedRecord<T>(record: Record<string, T>, map: (value: T) => T): Record<string, T> {
  const out: Record<string, T> = {};
  for (const key of Object.keys(record).sort(byCodeUnits)) out[key] = map(record[key] as T);
  return out;
}

const text = (t: Bilingual): Bilingual => ({ zh: t.zh, en: t.en });

function canonicalEntity(e: Entity): Entity {
  return {
    id: e.id,
    kind: e.kind,
    source: e.source,
    title: text(e.title),
    summary: text(e.summary),
    attrs: sortedRecord(e.attrs, (v) => v),
    texts: sortedRecord(e.texts, text),
    lists: sortedRecord(e.lists, (items) => items.map(text)),
    // The store keeps tags as a set.
    tags: [...new Set(e.tags)].sort(byCodeUnits),
    origin: e.origin,
    revision: e.revision,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
  };
}

function canonicalRelation(r: BundleRelation): BundleRelation {
  return { kind: r.kind, from: r.from, to: r.to, note: text(r.note), source: r.source, origin: r.origin };
}

const compareRelations = (a: BundleRelation, b: BundleRelation): number =>
  byCodeUnits(a.from, b.from) || byCodeUnits(a.kind, b.kind) || byCodeUnits(a.to, b.to);

/** The bundle as a plain object in canonical order (what printBundle writes; embedded in transfer bundles). */
export function bundleDocument(bundle: Bundle) {
  return {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    sections: bundle.sections.map((s) => ({ id: s.id, title: text(s.title) })),
    entities: bundle.entities.map(canonicalEntity).sort((a, b) => byCodeUnits(a.id, b.id)),
    relations: bundle.relations.map(canonicalRelation).sort(compareRelations),
  };
}

/** The bundle as JSON with 2-space indentation and a final newline; deterministic. */
export function printBundle(bundle: Bundle): string {
  return `${JSON.stringify(bundleDocument(bundle), null, 2)}\n`;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads a bundle. Throws `too_large` past LIMITS, and `invalid_file` listing every problem (up to
 * LIMITS.maxProblems) with its JSON path and line: syntax, shape, kind fields, id prefixes,
 * duplicate ids and relations, relation kinds not allowed between their endpoints.
 */
export function parseBundle(input: string, fileName: string): ParsedBundle {
  const { text, doc } = readJsonFile(input, fileName);
  const failAt = (path: (string | number)[], message: string): never =>
    fail(fileName, message, jsonLines(text, [path])[0], path);

  if (!isRecord(doc) || doc.format !== BUNDLE_FORMAT)
    failAt(['format'], `not a Strategy Workbench knowledge-base bundle (expected "format": "${BUNDLE_FORMAT}")`);
  const record = doc as Record<string, unknown>;
  const version = record.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    failAt(['version'], `"version" must be a whole number from 1 up`);
  if ((version as number) > BUNDLE_VERSION)
    failAt(
      ['version'],
      `this bundle is format version ${String(version)}, written by a newer Strategy Workbench; this app reads version ${BUNDLE_VERSION}. Update the app to import it.`,
    );

  const problems = new Problems();
  const arrayAt = (key: string, required: boolean): unknown[] => {
    const value = record[key];
    if (value === undefined && !required) return [];
    if (Array.isArray(value)) return value;
    problems.add([key], `"${key}" must be a list`);
    return [];
  };
  for (const key of Object.keys(record))
    if (!['format', 'version', 'sections', 'entities', 'relations'].includes(key))
      problems.add([key], `unknown key "${key}"`);
  const rawSections = arrayAt('sections', false);
  const rawEntities = arrayAt('entities', true);
  const rawRelations = arrayAt('relations', false);
  checkCount(rawEntities.length, LIMITS.maxEntities, fileName, 'entities', 'maxEntities');
  checkCount(rawRelations.length, LIMITS.maxRelations, fileName, 'relations', 'maxRelations');

  // `fast` answers the common, well-formed item without zod (see bundle-entity.ts); whatever it
  // cannot vouch for goes to zod, so problems are reported exactly as before.
  const parseItems = <T>(key: string, items: unknown[], schema: z.ZodType<T>, fast?: (item: unknown) => T | undefined): (T | undefined)[] =>
    items.map((item, i) => {
      if (problems.full) return undefined;
      const checked = fast?.(item);
      if (checked) return checked;
      const result = schema.safeParse(item);
      if (result.success) return result.data;
      for (const p of zodProblems(result.error)) problems.add([key, i, ...p.path], p.message);
      return undefined;
    });
  const sections = parseItems('sections', rawSections, BundleSection);
  const entities = parseItems('entities', rawEntities, BundleEntity, wellFormedEntity);
  const relations = parseItems('relations', rawRelations, BundleRelation);

  checkSections(sections, problems);
  const entityIndex = checkEntities(entities, problems);
  const external = checkRelations(relations, entities, entityIndex, problems);

  if (problems.count > 0) {
    problems.locate((paths) => jsonLines(text, paths));
    problems.throwIfAny(fileName);
  }
  return {
    sections: sections as BundleSection[],
    entities: entities as Entity[],
    relations: relations as BundleRelation[],
    externalEndpoints: [...external].sort(byCodeUnits),
  };
}

function checkSections(sections: (BundleSection | undefined)[], problems: Problems): void {
  const seen = new Map<string, number>();
  sections.forEach((s, i) => {
    if (!s) return;
    const first = seen.get(s.id);
    if (first !== undefined) problems.add(['sections', i, 'id'], `the section "${s.id}" is already listed at sections[${first}]`);
    else seen.set(s.id, i);
  });
}

/** Checks ids and kind fields; returns where each id is first used, for the valid entities. */
function checkEntities(entities: (Entity | undefined)[], problems: Problems): Map<string, number> {
  const index = new Map<string, number>();
  entities.forEach((e, i) => {
    if (!e) return;
    const first = index.get(e.id);
    if (first !== undefined) problems.add(['entities', i, 'id'], `the id "${e.id}" is already used by entities[${first}]`);
    else index.set(e.id, i);
    if (kindOfId(e.id) !== e.kind) problems.add(['entities', i, 'id'], `the id of ${kindWithArticle(e.kind)} must start with "${e.kind}/"`);
    for (const p of checkKindFields(e)) problems.add(['entities', i, ...p.path], p.message);
  });
  return index;
}

/** Checks duplicates and relation kinds; returns the endpoints outside the bundle. */
function checkRelations(
  relations: (BundleRelation | undefined)[],
  entities: (Entity | undefined)[],
  entityIndex: Map<string, number>,
  problems: Problems,
): Set<string> {
  const external = new Set<string>();
  const index = new Map<string, number>();
  // An id's prefix is its entity's kind throughout the app, so an endpoint outside the bundle
  // still has a known kind.
  const kindOf = (id: string) => {
    const at = entityIndex.get(id);
    const inBundle = at === undefined ? undefined : entities[at];
    if (!inBundle) external.add(id);
    return inBundle?.kind ?? kindOfId(id);
  };
  relations.forEach((r, i) => {
    if (!r) return;
    const key = `${r.from} ${r.kind} ${r.to}`;
    const first = index.get(key);
    if (first !== undefined) problems.add(['relations', i], `the same relation is already listed at relations[${first}]`);
    else index.set(key, i);
    const fromKind = kindOf(r.from);
    const toKind = kindOf(r.to);
    if (!fromKind) problems.add(['relations', i, 'from'], `"${r.from}" is not the id of any kind of entity`);
    if (!toKind) problems.add(['relations', i, 'to'], `"${r.to}" is not the id of any kind of entity`);
    if (fromKind && toKind && !relationAllowed(r.kind, fromKind, toKind))
      problems.add(['relations', i, 'kind'], `${kindWithArticle(fromKind)} cannot "${r.kind}" ${kindWithArticle(toKind)}`);
  });
  return external;
}
