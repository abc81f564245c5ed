import type { Handlers } from '../router.ts';

export const appHandlers: Pick<Handlers, 'app.info'> = {
  'app.info': (_input, ctx) => ({
    appVersion: ctx.appVersion,
    transport: ctx.transport,
    workspace: ctx.workspace.info(),
  }),
};
