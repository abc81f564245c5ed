import { ChevronDown, Lock } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkspaceInfo } from '../../../../core/api.ts';
import { Menu } from '../../ui/Menu.tsx';
import { useApiQuery } from '../../ui/query.ts';
import { BackupsDialog } from './BackupsDialog.tsx';
import { ExportBundleDialog } from './ExportBundleDialog.tsx';
import { ImportBundleDialog } from './ImportBundleDialog.tsx';
import { PathDialog } from './PathDialog.tsx';
import { useWorkspaceActions, type PathPurpose } from './useWorkspaceActions.ts';

const folderOf = (file: string) => file.replace(/[\\/][^\\/]*$/, '');

/** The open workspace's name in the top bar, and everything about workspaces behind it. */
export function WorkspaceMenu({ workspace }: { workspace: WorkspaceInfo }) {
  const { t } = useTranslation();
  const recent = useApiQuery('workspace.recent', {});
  const { perform, choose } = useWorkspaceActions();
  const [dialog, setDialog] = useState<PathPurpose | 'backups' | 'export' | 'import' | null>(null);
  const others = (recent.data ?? []).filter((r) => r.path !== workspace.path).slice(0, 8);

  async function open() {
    const picked = await choose('open');
    if (picked.supported) {
      if (picked.path) await perform('open', picked.path);
    } else setDialog('open');
  }

  return (
    <>
      <Menu
        align="left"
        className="workspace-button"
        label={
          <>
            <span className="workspace-name" data-testid="workspace-name" title={workspace.path}>
              {workspace.name}
            </span>
            {workspace.readOnly && (
              <span className="badge warning" title={t('workspace.readOnlyHint', { holder: workspace.readOnly.holder, pid: workspace.readOnly.pid })}>
                <Lock size={11} /> {t('workspace.readOnly')}
              </span>
            )}
            <ChevronDown size={14} aria-hidden />
          </>
        }
        items={[
          { key: 'new', label: t('workspace.new'), run: () => setDialog('new') },
          { key: 'open', label: t('workspace.open'), run: () => void open() },
          { key: 'saveAs', label: t('workspace.saveAs'), run: () => setDialog('saveAs') },
          { key: 'backups', label: t('workspace.backups'), run: () => setDialog('backups') },
          { key: 'export', heading: t('transfer.heading'), label: t('transfer.export'), run: () => setDialog('export') },
          { key: 'import', label: t('transfer.import'), run: () => setDialog('import') },
          ...others.map((r, i) => ({
            key: `recent-${r.path}`,
            heading: i === 0 ? t('workspace.recent') : undefined,
            label: r.exists ? r.name : `${r.name} ${t('workspace.missing')}`,
            disabled: !r.exists,
            run: () => void perform('open', r.path),
          })),
        ]}
      />
      {dialog === 'backups' && <BackupsDialog name={workspace.name} readOnly={workspace.readOnly !== null} onClose={() => setDialog(null)} />}
      {dialog === 'export' && <ExportBundleDialog onClose={() => setDialog(null)} />}
      {dialog === 'import' && <ImportBundleDialog onClose={() => setDialog(null)} />}
      {(dialog === 'new' || dialog === 'open' || dialog === 'saveAs') && <PathDialog purpose={dialog} folder={folderOf(workspace.path)} onClose={() => setDialog(null)} />}
    </>
  );
}
