import type { Handlers } from '../router.ts';
import type { ServerContext } from '../context.ts';
import { changing as changingScopes } from './changing.ts';
import { exportMap, generateMap, importMap, withLayout } from '../maps/service.ts';
import { saveMapAndSteps } from '../present/service.ts';
import { deleteMap, getMap, insertMap, listMaps, newMapId } from '../store/maps.ts';
import { markSeedItemDeleted } from '../store/seed.ts';

type MapMethod = Extract<keyof Handlers, `maps.${string}`>;

const changing = <T>(ctx: ServerContext, change: () => T): T => changingScopes(ctx, 'maps', change);

export const mapHandlers: Pick<Handlers, MapMethod> = {
  'maps.list': (_input, { workspace }) => listMaps(workspace.db),
  'maps.get': ({ id }, { workspace }) => getMap(workspace.db, id),
  'maps.create': ({ title, document }, ctx) =>
    changing(ctx, () => {
      const doc = withLayout(
        document ? { ...document, title } : { title, concepts: [], phrases: [], groups: [], layout: {}, settings: { direction: 'TB', layout: 'manual' } },
      );
      const id = newMapId(ctx.workspace.db, title);
      insertMap(ctx.workspace.db, id, doc, 'user');
      return { id, revision: 1 };
    }),
  'maps.save': ({ id, revision, document }, ctx) =>
    changingScopes(ctx, ['maps', 'presentations'], () => saveMapAndSteps(ctx.workspace.db, id, revision, document)),
  'maps.delete': ({ id }, ctx) =>
    changing(ctx, () => {
      ctx.workspace.db.transaction(() => {
        deleteMap(ctx.workspace.db, id);
        markSeedItemDeleted(ctx.workspace.db, `map:${id}`);
      })();
      return {};
    }),
  'maps.generate': (input, ctx) => changing(ctx, () => generateMap(ctx.workspace.db, input)),
  'maps.import': (input, ctx) => changing(ctx, () => importMap(ctx.workspace.db, input)),
  'maps.export': (input, { workspace }) => exportMap(workspace.db, input),
};
