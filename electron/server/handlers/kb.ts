import type { Handlers } from '../router.ts';
import type { ServerContext } from '../context.ts';
import { changing as changingScopes } from './changing.ts';
import {
  createEntity,
  createRelation,
  deleteEntity,
  deleteRelation,
  restoreRevision,
  undoLast,
  updateEntity,
  updateRelation,
} from '../kb/changes.ts';
import { listRevisions } from '../kb/history.ts';
import { facetCounts, queryEntities } from '../kb/query.ts';
import { exportKnowledge, importKnowledge } from '../kb/transfer.ts';
import { lastUndo } from '../kb/undo.ts';
import { entityStats, listEntities, relationsOf, requireEntity } from '../store/entities.ts';
import { listSections } from '../store/sections.ts';
import { stmt } from '../store/statements.ts';
import { pick } from '../../../core/model/text.ts';
import { parseQuery } from '../../../core/search/cjk.ts';
import type { ChangeLabel } from '../kb/changes.ts';

type KbMethod = Extract<keyof Handlers, `kb.${string}`>;

/** Runs a change and tells every window that the knowledge base changed. */
const changing = <T>(ctx: ServerContext, change: () => T): T => changingScopes(ctx, 'kb', change);

export const kbHandlers: Pick<Handlers, KbMethod> = {
  'kb.stats': (_input, { workspace }) => entityStats(workspace.db),
  'kb.list': (input, { workspace }) => listEntities(workspace.db, input),
  'kb.query': (input, { workspace }) => queryEntities(workspace.db, input),
  'kb.facets': (input, { workspace }) => facetCounts(workspace.db, input.text, input.filters),
  'kb.search': (input, { workspace }) => {
    if (parseQuery(input.query).length === 0) return { total: 0, hits: [] }; // nothing searchable, e.g. only punctuation
    const { total, items } = queryEntities(workspace.db, {
      text: input.query,
      filters: input.kinds ? { kinds: input.kinds } : {},
      sort: 'relevance',
      lang: input.lang,
      offset: 0,
      limit: input.limit,
    });
    return {
      total,
      hits: items.map((hit) => ({
        id: hit.id,
        kind: hit.kind,
        title: pick(hit.title, input.lang),
        snippet: hit.snippet?.text ?? pick(hit.summary, input.lang),
      })),
    };
  },
  'kb.get': ({ id }, { workspace }) => ({
    entity: requireEntity(workspace.db, id),
    relations: relationsOf(workspace.db, id),
  }),
  'kb.sections': (_input, { workspace }) => listSections(workspace.db),
  'kb.tags': (_input, { workspace }) =>
    stmt(workspace.db, 'SELECT tag, count(*) AS count FROM entity_tags GROUP BY tag ORDER BY count DESC, tag').all() as {
      tag: string;
      count: number;
    }[],
  'kb.create': (input, ctx) => changing(ctx, () => createEntity(ctx.workspace.db, input)),
  'kb.update': (input, ctx) => changing(ctx, () => updateEntity(ctx.workspace.db, input)),
  'kb.delete': ({ id }, ctx) => changing(ctx, () => deleteEntity(ctx.workspace.db, id)),
  'kb.history': ({ id }, { workspace }) => listRevisions(workspace.db, id),
  'kb.restore': (input, ctx) => changing(ctx, () => restoreRevision(ctx.workspace.db, input)),
  'kb.relations.create': ({ relation }, ctx) => changing(ctx, () => createRelation(ctx.workspace.db, relation)),
  'kb.relations.update': (input, ctx) => changing(ctx, () => updateRelation(ctx.workspace.db, input)),
  'kb.relations.delete': ({ id }, ctx) =>
    changing(ctx, () => {
      deleteRelation(ctx.workspace.db, id);
      return {};
    }),
  'kb.undo': (_input, ctx) => changing(ctx, () => undoLast(ctx.workspace.db)),
  'kb.undoState': (_input, { workspace }) => {
    const entry = lastUndo(workspace.db);
    return { next: entry ? (JSON.parse(entry.label) as ChangeLabel) : null };
  },
  'kb.export': (input, { workspace }) => exportKnowledge(workspace.db, input),
  'kb.import': async (input, ctx) => {
    const report = await importKnowledge(ctx, input);
    ctx.emit('data.changed', { scope: 'kb' });
    return report;
  },
};
