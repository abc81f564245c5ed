import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppError, type MethodOutput, type TransferConflict } from '../../../../core/api.ts';
import { client } from '../../api.ts';
import { Dialog, DialogActions } from '../../ui/Dialog.tsx';
import { errorMessage } from '../../ui/errors.ts';
import { ProgressBar, useJob } from '../../ui/job.tsx';
import { useToast } from '../../ui/toasts.tsx';

type Choice = 'keep' | 'replace' | 'copy';
type Preview = MethodOutput<'transfer.preview'>;

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '—');

/**
 * Bring a bundle from another workspace in: what is new, what is already here, and, for every
 * item edited on both sides, the user's choice. Nothing is imported until each conflict has one.
 */
export function ImportBundleDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const [file, setFile] = useState<{ name: string; content: string } | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const job = useJob('transfer');
  const unresolved = preview?.conflicts.filter((c) => !choices[c.key]).length ?? 0;

  async function read(picked: File) {
    setError(null);
    setPreview(null);
    setChoices({});
    const content = await picked.text();
    setFile({ name: picked.name, content });
    try {
      setPreview(await client.call('transfer.preview', { content, fileName: picked.name }));
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  async function run() {
    if (!file) return;
    setBusy(true);
    try {
      const report = await client.call('transfer.import', { content: file.content, fileName: file.name, resolutions: choices, jobId: job.start() });
      const sum = (o: (typeof report)['maps']) => o.created + o.replaced + o.copied;
      toast({ message: t('transfer.imported', { entities: sum(report.entities), maps: sum(report.maps), decisions: sum(report.decisions) }) });
      onClose();
    } catch (e) {
      setError(e instanceof AppError && e.code === 'cancelled' ? t('transfer.cancelled') : errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  const setAll = (choice: 'keep' | 'replace') => setChoices(Object.fromEntries((preview?.conflicts ?? []).map((c) => [c.key, choice])));

  return (
    <Dialog
      title={t('transfer.importTitle')}
      onClose={() => !busy && onClose()}
      width={820}
      footer={
        busy ? (
          <button type="button" className="button" onClick={job.cancel}>
            {t('common.cancel')}
          </button>
        ) : (
          <DialogActions
            onCancel={onClose}
            label={unresolved > 0 ? t('transfer.resolveFirst', { count: unresolved }) : t('transfer.importButton')}
            disabled={!preview || unresolved > 0}
            onConfirm={() => void run()}
          />
        )
      }
    >
      <label className="form-field">
        <span>{t('transfer.file')}</span>
        <input type="file" accept=".json,application/json" aria-label={t('transfer.file')} onChange={(e) => e.target.files?.[0] && void read(e.target.files[0])} />
      </label>
      {busy && <ProgressBar progress={job.progress} label={job.progress ? t('library.importProgress', { ...job.progress }) : t('library.importChecking')} />}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {preview && (
        <>
          <p data-testid="transfer-summary">
            {t('transfer.summary', {
              workspace: preview.workspace || '—',
              newEntities: preview.entities.new,
              sameEntities: preview.entities.same,
              newMaps: preview.maps.new,
              newDecisions: preview.decisions.new,
              conflicts: preview.conflicts.length,
            })}
          </p>
          {preview.conflicts.length > 0 && (
            <>
              <div className="button-row">
                <strong>{t('transfer.conflicts')}</strong>
                <span className="spacer" />
                <button type="button" className="button small" onClick={() => setAll('keep')}>
                  {t('transfer.keepAll')}
                </button>
                <button type="button" className="button small" onClick={() => setAll('replace')}>
                  {t('transfer.replaceAll')}
                </button>
              </div>
              <table className="conflicts">
                <thead>
                  <tr>
                    <th>{t('transfer.item')}</th>
                    <th>{t('transfer.here')}</th>
                    <th>{t('transfer.incoming')}</th>
                    <th>{t('transfer.choice')}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.conflicts.map((c) => (
                    <ConflictRow key={c.key} conflict={c} choice={choices[c.key]} onChoose={(choice) => setChoices((all) => ({ ...all, [c.key]: choice }))} />
                  ))}
                </tbody>
              </table>
            </>
          )}
        </>
      )}
    </Dialog>
  );
}

function ConflictRow({ conflict: c, choice, onChoose }: { conflict: TransferConflict; choice: Choice | undefined; onChoose(choice: Choice): void }) {
  const { t } = useTranslation();
  const options: Choice[] = c.type === 'entity' ? ['keep', 'replace'] : ['keep', 'replace', 'copy'];
  return (
    <tr>
      <td>
        <span className="badge">{t(`transfer.type_${c.type}`)}</span> <code>{c.id}</code>
      </td>
      <td>
        {c.here.title}
        <div className="muted">{when(c.here.updatedAt)}</div>
      </td>
      <td>
        {c.incoming.title}
        <div className="muted">{when(c.incoming.updatedAt)}</div>
      </td>
      <td role="radiogroup" aria-label={t('transfer.choiceFor', { id: c.id })}>
        {options.map((o) => (
          <label key={o} className="choice-option">
            <input type="radio" name={c.key} checked={choice === o} onChange={() => onChoose(o)} /> {t(`transfer.choice_${o}`)}
          </label>
        ))}
      </td>
    </tr>
  );
}
