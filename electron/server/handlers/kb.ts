import type { Handlers } from '../router.ts';
import { entityStats, listEntities, relationsOf, requireEntity } from '../store/entities.ts';
import { listSections } from '../store/sections.ts';

export const kbHandlers: Pick<Handlers, 'kb.stats' | 'kb.list' | 'kb.get' | 'kb.sections'> = {
  'kb.stats': (_input, { workspace }) => entityStats(workspace.db),
  'kb.list': (input, { workspace }) => listEntities(workspace.db, input),
  'kb.get': ({ id }, { workspace }) => ({
    entity: requireEntity(workspace.db, id),
    relations: relationsOf(workspace.db, id),
  }),
  'kb.sections': (_input, { workspace }) => listSections(workspace.db),
};
