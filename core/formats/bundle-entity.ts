import { ENTITY_ID_PATTERN, type Entity } from '../model/entity.ts';
import { KINDS, type EntityKind } from '../model/kinds.ts';
import type { Bilingual } from '../model/text.ts';

/**
 * A hand-written check of one bundle entity, for speed: zod takes about 4 µs per entity, a
 * sizeable part of importing 100,000 of them, and this a fraction of that.
 *
 * It answers exactly what `Entity.strict()` would answer (equal values, same key order), or
 * undefined when it cannot vouch for the value; the caller then runs zod, which stays the only
 * source of error messages. So it only needs to recognise the shape an export writes: every key
 * present (no defaults to fill in), strings already trimmed, texts as {zh, en} in that order,
 * record keys the kind declares (no `__proto__` or numeric-key subtleties). Valid input outside
 * that shape, such as a hand-written file that omits defaults, goes to zod too. Nested values are
 * answered as they are rather than copied: zod's copies would be equal, and not allocating them
 * spares the garbage collector a second copy of the whole file.
 *
 * tests/core/formats/bundle-entity.test.ts holds it to zod; a change to the entity schema must
 * be made here as well.
 */

const ENTITY_KEYS = 13;
const MAX_TEXT = 20_000;
const MAX_LIST_ITEMS = 500;
const MAX_TAGS = 50;
const MAX_TAG = 60;
const MAX_SOURCE = 500;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const trimmed = (value: unknown, max: number): value is string =>
  typeof value === 'string' && value.length >= 1 && value.length <= max && value === value.trim();

const BILINGUAL_KEYS = ['zh', 'en'];

function isBilingual(value: unknown): value is Bilingual {
  if (!isObject(value)) return false;
  let i = 0;
  for (const key in value) if (key !== BILINGUAL_KEYS[i++]) return false;
  const { zh, en } = value;
  return i === 2 && typeof zh === 'string' && typeof en === 'string' && zh.length <= MAX_TEXT && en.length <= MAX_TEXT;
}

/** Whether every key of the record is declared in `fields` and every value passes `valid`. */
function isRecord(value: unknown, fields: readonly { key: string }[], valid: (v: unknown) => boolean): boolean {
  if (!isObject(value)) return false;
  for (const key in value) if (!fields.some((f) => f.key === key) || !valid(value[key])) return false;
  return true;
}

const isText = (value: unknown): boolean => typeof value === 'string';

/** Whether the value is an array of at most `max` items that all pass `valid` (holes do not). */
function isArray(value: unknown, max: number, valid: (item: unknown) => boolean): boolean {
  if (!Array.isArray(value) || value.length > max) return false;
  for (let i = 0; i < value.length; i++) if (!valid(value[i])) return false;
  return true;
}

const isList = (value: unknown): boolean => isArray(value, MAX_LIST_ITEMS, isBilingual);

const areTags = (value: unknown): value is string[] => isArray(value, MAX_TAGS, (tag) => trimmed(tag, MAX_TAG));

/** The entity as `Entity.strict()` would answer it, or undefined to leave the value to zod. */
export function wellFormedEntity(value: unknown): Entity | undefined {
  if (!isObject(value)) return undefined;
  let keys = 0;
  for (const _ in value) keys++;
  if (keys !== ENTITY_KEYS) return undefined;
  const { kind, title, summary, attrs, texts, lists, tags, source, id, revision, createdAt, updatedAt, origin } = value;
  if (typeof kind !== 'string' || !Object.hasOwn(KINDS, kind)) return undefined;
  const def = KINDS[kind as EntityKind];
  const ok =
    isBilingual(title) &&
    (title.zh.trim() !== '' || title.en.trim() !== '') &&
    isBilingual(summary) &&
    isRecord(attrs, def.attributes, isText) &&
    isRecord(texts, def.texts, isBilingual) &&
    isRecord(lists, def.lists, isList) &&
    areTags(tags) &&
    trimmed(source, MAX_SOURCE) &&
    typeof id === 'string' &&
    ENTITY_ID_PATTERN.test(id) &&
    Number.isSafeInteger(revision) &&
    typeof createdAt === 'string' &&
    typeof updatedAt === 'string' &&
    (origin === 'seed' || origin === 'user');
  if (!ok) return undefined;
  // The keys in the order zod writes them.
  return {
    kind: kind as EntityKind,
    title,
    summary,
    attrs: attrs as Record<string, string>,
    texts: texts as Record<string, Bilingual>,
    lists: lists as Record<string, Bilingual[]>,
    tags,
    source,
    id,
    revision: revision as number,
    createdAt,
    updatedAt,
    origin,
  };
}
