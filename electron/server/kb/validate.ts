import type Database from 'better-sqlite3';
import { AppError, describeProblems, problemsFromZod, type Problem } from '../../../core/api.ts';
import {
  EntityContent,
  RelationContent,
  checkKindFields,
  kindOfId,
  type EntityContentInput,
} from '../../../core/model/entity.ts';
import { KINDS, RELATIONS, relationAllowed } from '../../../core/model/kinds.ts';
import { pick } from '../../../core/model/text.ts';
import { kindOf } from '../store/entities.ts';

function invalid(what: string, problems: Problem[]): never {
  throw new AppError('invalid_args', `${what}: ${describeProblems(problems)}`, { problems });
}

/** Parses and checks an entity's content against its kind; errors name every field at fault. */
export function validateEntityContent(input: EntityContentInput | EntityContent, id?: string): EntityContent {
  const parsed = EntityContent.safeParse(input);
  if (!parsed.success) invalid('The entry is not valid', problemsFromZod(parsed.error));
  const content = parsed.data;
  const problems = checkKindFields(content);
  if (id !== undefined && kindOfId(id) !== content.kind)
    problems.push({ path: ['kind'], message: `the id "${id}" belongs to a ${kindOfId(id) ?? 'different kind'}, not a ${content.kind}` });
  const tags = new Set<string>();
  content.tags.forEach((tag, i) => {
    if (tags.has(tag)) problems.push({ path: ['tags', i], message: `the tag "${tag}" is given twice` });
    tags.add(tag);
  });
  if (problems.length > 0) invalid('The entry is not valid', problems);
  return { ...content, tags: [...tags].sort() };
}

/** Checks a relation's ends exist and that the relation may join their kinds. */
export function validateRelation(db: Database.Database, input: unknown): RelationContent {
  const parsed = RelationContent.safeParse(input);
  if (!parsed.success) invalid('The relation is not valid', problemsFromZod(parsed.error));
  const relation = parsed.data;
  const fromKind = kindOf(db, relation.from);
  const toKind = kindOf(db, relation.to);
  const problems: Problem[] = [];
  if (!fromKind) problems.push({ path: ['from'], message: `there is no entry "${relation.from}"` });
  if (!toKind) problems.push({ path: ['to'], message: `there is no entry "${relation.to}"` });
  if (relation.from === relation.to) problems.push({ path: ['to'], message: 'an entry cannot be related to itself' });
  if (fromKind && toKind && !relationAllowed(relation.kind, fromKind, toKind)) {
    const def = RELATIONS[relation.kind];
    problems.push({
      path: ['kind'],
      message: `"${def.forward.en}" cannot join a ${pick(KINDS[fromKind].label, 'en').toLowerCase()} to a ${pick(KINDS[toKind].label, 'en').toLowerCase()}`,
    });
  }
  if (problems.length > 0) invalid('The relation is not valid', problems);
  return relation;
}
