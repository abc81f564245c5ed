import type { Handlers } from '../router.ts';

type WorkspaceMethod = Extract<keyof Handlers, `workspace.${string}`>;

export const workspaceHandlers: Pick<Handlers, WorkspaceMethod> = {
  'workspace.recent': (_input, { workspaces }) => workspaces.recent(),
  'workspace.new': ({ path, content }, { workspaces }) => workspaces.create(path, content),
  'workspace.open': ({ path }, { workspaces }) => workspaces.open(path),
  'workspace.saveAs': ({ path }, { workspaces }) => workspaces.saveAs(path),
  'workspace.backups': ({ path }, { workspaces }) => workspaces.backups(path),
  'workspace.backup': (_input, { workspaces }) => workspaces.backup('manual'),
  'workspace.restore': ({ backup, path }, { workspaces }) => workspaces.restore(backup, path),
  'workspace.chooseFile': async (request, { host }) =>
    host.chooseFile ? { supported: true, path: await host.chooseFile(request) } : { supported: false, path: null },
};
