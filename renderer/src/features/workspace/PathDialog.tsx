import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog, DialogActions } from '../../ui/Dialog.tsx';
import { useWorkspaceActions, type PathPurpose } from './useWorkspaceActions.ts';

/**
 * Where a new workspace, a copy, or the workspace to open lives. The desktop app offers its file
 * dialog (Browse…); in the browser harness the path is typed.
 */
export function PathDialog({ purpose, folder, onClose }: { purpose: PathPurpose; folder: string; onClose(): void }) {
  const { t } = useTranslation();
  const { perform, choose } = useWorkspaceActions();
  const [path, setPath] = useState(purpose === 'open' ? '' : `${folder}/${t(purpose === 'new' ? 'workspace.newName' : 'workspace.copyName')}.swb`);
  const [content, setContent] = useState<'default' | 'empty'>('default');
  const [busy, setBusy] = useState(false);
  const title = t(`workspace.${purpose}Title`);

  async function submit() {
    if (!path.trim()) return;
    setBusy(true);
    if (await perform(purpose, path.trim(), content)) onClose();
    setBusy(false);
  }

  return (
    <Dialog
      title={title}
      onClose={onClose}
      width={560}
      footer={<DialogActions onCancel={onClose} label={t(`workspace.${purpose}Button`)} disabled={busy || !path.trim()} form="workspace-path" />}
    >
      <form
        id="workspace-path"
        className="workspace-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label className="form-field">
          <span>{t('workspace.file')}</span>
          <div className="path-row">
            <input className="input" value={path} autoFocus placeholder={`${folder}/….swb`} onChange={(e) => setPath(e.target.value)} />
            <button
              type="button"
              className="button"
              onClick={() =>
                void choose(purpose, path.split(/[\\/]/).pop()).then((picked) => {
                  if (picked.path) setPath(picked.path);
                  else if (!picked.supported) window.alert(t('workspace.typePath'));
                })
              }
            >
              {t('workspace.browse')}
            </button>
          </div>
        </label>
        {purpose === 'new' && (
          <fieldset className="choice">
            <legend>{t('workspace.content')}</legend>
            {(['default', 'empty'] as const).map((c) => (
              <label key={c}>
                <input type="radio" name="content" checked={content === c} onChange={() => setContent(c)} /> {t(`workspace.content_${c}`)}
              </label>
            ))}
          </fieldset>
        )}
        {purpose === 'saveAs' && <p className="hint">{t('workspace.saveAsHint')}</p>}
      </form>
    </Dialog>
  );
}
