import type { Handlers } from '../router.ts';

export const appHandlers: Pick<Handlers, 'app.info' | 'app.displays'> = {
  'app.info': (_input, ctx) => ({
    appVersion: ctx.appVersion,
    transport: ctx.transport,
    workspace: ctx.workspace.info(),
  }),
  'app.displays': (_input, ctx) => ctx.host.displays,
};
