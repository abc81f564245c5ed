import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api.ts';
import { queryClient } from '../../ui/query.ts';
import { navigate, parseHash } from '../../ui/route.ts';
import { useToast } from '../../ui/toasts.tsx';
import { useWorkspaceActions } from './useWorkspaceActions.ts';

declare global {
  interface Window {
    /** The desktop shell's preload adds this: the path of a file dropped on the window. */
    workbenchFiles?: { pathForFile(file: File): string };
  }
}

/**
 * What the whole window does about workspaces: when another one opens (here, from another window
 * or because a file was double-clicked), every cached read is dropped and open documents close;
 * a `.swb` file dropped on the window opens.
 */
export function useWorkspaceEvents(): void {
  const { t } = useTranslation();
  const toast = useToast();
  const { perform } = useWorkspaceActions();

  useEffect(
    () =>
      client.on('data.changed', ({ scope }) => {
        if (scope !== 'workspace') return;
        void queryClient.invalidateQueries();
        const route = parseHash(window.location.hash);
        // An editor holds a document of the workspace that just closed: go back to its list.
        if (route.screen === 'present') navigate('maps');
        else if (route.rest) navigate(route.screen);
      }),
    [],
  );

  useEffect(() => {
    const workspaceFile = (event: DragEvent) => [...(event.dataTransfer?.files ?? [])].find((f) => f.name.toLowerCase().endsWith('.swb'));
    const onDragOver = (event: DragEvent) => {
      if (!event.defaultPrevented && [...(event.dataTransfer?.items ?? [])].some((i) => i.kind === 'file')) event.preventDefault();
    };
    const onDrop = (event: DragEvent) => {
      const file = workspaceFile(event);
      if (event.defaultPrevented || !file) return;
      event.preventDefault();
      const path = window.workbenchFiles?.pathForFile(file);
      if (path) void perform('open', path);
      else toast({ message: t('workspace.dropHint') });
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [perform, t, toast]);
}
