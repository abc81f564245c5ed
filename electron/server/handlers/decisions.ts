import type { Handlers } from '../router.ts';
import type { ServerContext } from '../context.ts';
import { changing as changingScopes } from './changing.ts';
import { deleteDecision, getDecision, insertDecision, listDecisions, newDecisionId, saveDecision } from '../store/decisions.ts';
import { markSeedItemDeleted } from '../store/seed.ts';

type DecisionMethod = Extract<keyof Handlers, `decisions.${string}`>;

const changing = <T>(ctx: ServerContext, change: () => T): T => changingScopes(ctx, 'decisions', change);

export const decisionHandlers: Pick<Handlers, DecisionMethod> = {
  'decisions.list': (_input, { workspace }) => listDecisions(workspace.db),
  'decisions.get': ({ id }, { workspace }) => getDecision(workspace.db, id),
  'decisions.create': ({ problem }, ctx) =>
    changing(ctx, () =>
      ctx.workspace.db.transaction(() => {
        const id = newDecisionId(ctx.workspace.db, typeof problem.title === 'string' ? problem.title : 'decision');
        insertDecision(ctx.workspace.db, id, problem, 'user');
        return { id, revision: 1 };
      })(),
    ),
  'decisions.save': ({ id, revision, problem }, ctx) => changing(ctx, () => ({ revision: saveDecision(ctx.workspace.db, id, revision, problem) })),
  'decisions.delete': ({ id }, ctx) =>
    changing(ctx, () => {
      ctx.workspace.db.transaction(() => {
        deleteDecision(ctx.workspace.db, id);
        markSeedItemDeleted(ctx.workspace.db, `decision:${id}`);
      })();
      return {};
    }),
};
