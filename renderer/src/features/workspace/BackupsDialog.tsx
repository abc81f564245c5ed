import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { errorMessage } from '../../ui/errors.ts';
import { useApiQuery } from '../../ui/query.ts';
import { ErrorView, Loading } from '../../ui/StateViews.tsx';
import { useToast } from '../../ui/toasts.tsx';

const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

/**
 * The open workspace's backups, newest first: back up now, or restore one in a step. While
 * another program holds the workspace (read-only here) a restore would pull the file out from
 * under it, so restoring is offered only to the holder.
 */
export function BackupsDialog({ name, readOnly, onClose }: { name: string; readOnly: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const backups = useApiQuery('workspace.backups', {});
  const [busy, setBusy] = useState(false);

  async function run(work: () => Promise<unknown>, message: string) {
    setBusy(true);
    try {
      await work();
      toast({ message });
      void backups.refetch();
    } catch (error) {
      toast({ tone: 'error', message: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog title={t('workspace.backupsTitle', { name })} onClose={onClose} width={620}>
      <p className="hint">{t('workspace.backupsHint')}</p>
      {readOnly && <p className="notice">{t('workspace.restoreReadOnly')}</p>}
      <div className="button-row">
        <button type="button" className="button primary" disabled={busy} onClick={() => void run(() => client.call('workspace.backup', {}), t('workspace.backedUp'))}>
          {t('workspace.backupNow')}
        </button>
      </div>
      {backups.error ? (
        <ErrorView error={backups.error} />
      ) : !backups.data ? (
        <Loading />
      ) : backups.data.length === 0 ? (
        <p className="muted">{t('workspace.noBackups')}</p>
      ) : (
        <table className="backups">
          <thead>
            <tr>
              <th>{t('workspace.when')}</th>
              <th>{t('workspace.why')}</th>
              <th>{t('workspace.size')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {backups.data.map((b) => {
              const time = new Date(b.at).toLocaleString();
              return (
                <tr key={b.name}>
                  <td>{time}</td>
                  <td>{t(`workspace.reason_${b.reason}`)}</td>
                  <td className="number">{size(b.size)}</td>
                  <td>
                    <button
                      type="button"
                      className="button small"
                      disabled={busy || readOnly}
                      aria-label={t('workspace.restoreFrom', { time })}
                      onClick={() => {
                        if (window.confirm(t('workspace.confirmRestore', { time })))
                          void run(() => client.call('workspace.restore', { backup: b.name }), t('workspace.restored', { time }));
                      }}
                    >
                      {t('workspace.restore')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </Dialog>
  );
}
