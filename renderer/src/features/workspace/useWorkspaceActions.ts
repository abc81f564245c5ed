import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { AppError, type WorkspaceInfo } from '../../../../core/api.ts';
import { client } from '../../api.ts';
import { errorMessage } from '../../ui/errors.ts';
import { useToast } from '../../ui/toasts.tsx';

export type PathPurpose = 'open' | 'new' | 'saveAs';

/**
 * Switching workspaces from the UI. A file that will not open (damaged, not a workspace, too new)
 * comes back with the newest good backup, which the user may restore in its place.
 */
export function useWorkspaceActions() {
  const { t } = useTranslation();
  const toast = useToast();

  const done = useCallback((info: WorkspaceInfo) => toast({ message: t('workspace.switched', { name: info.name }) }), [t, toast]);

  const perform = useCallback(
    async (purpose: PathPurpose, path: string, content: 'default' | 'empty' = 'default'): Promise<boolean> => {
      try {
        const info =
          purpose === 'new'
            ? await client.call('workspace.new', { path, content })
            : purpose === 'saveAs'
              ? await client.call('workspace.saveAs', { path })
              : await client.call('workspace.open', { path });
        done(info);
        return true;
      } catch (error) {
        const restorable = error instanceof AppError ? (error.details?.restorable as { name: string; at: string } | null | undefined) : undefined;
        if (restorable && window.confirm(`${errorMessage(error)}\n\n${t('workspace.restoreOffer', { time: new Date(restorable.at).toLocaleString() })}`)) {
          try {
            done(await client.call('workspace.restore', { path, backup: restorable.name }));
            return true;
          } catch (again) {
            toast({ tone: 'error', message: errorMessage(again) });
            return false;
          }
        }
        toast({ tone: 'error', message: errorMessage(error) });
        return false;
      }
    },
    [done, t, toast],
  );

  /** The desktop shell's own file dialog; null when there is none (the browser harness) or it was cancelled. */
  const choose = useCallback(async (purpose: PathPurpose, suggestedName?: string): Promise<{ supported: boolean; path: string | null }> => {
    try {
      return await client.call('workspace.chooseFile', { purpose, suggestedName });
    } catch {
      return { supported: false, path: null };
    }
  }, []);

  return { perform, choose };
}
