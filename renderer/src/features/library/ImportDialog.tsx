import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppError, type Problem } from '../../../../core/api.ts';
import type { ImportReport } from '../../../../core/api/kb.ts';
import { client } from '../../api.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { errorMessage, problemsOf } from '../../ui/errors.ts';
import { invalidateScope } from '../../ui/query.ts';
import { ProblemList } from '../../ui/ProblemList.tsx';
import { ProgressBar, useJob } from '../../ui/job.tsx';

type Format = 'bundle' | 'cases-csv' | 'markdown';
type OnConflict = 'fail' | 'keep' | 'replace';

function formatOf(name: string): Format | null {
  const ext = name.toLowerCase().split('.').pop();
  return ext === 'json' ? 'bundle' : ext === 'csv' ? 'cases-csv' : ext === 'md' || ext === 'markdown' ? 'markdown' : null;
}

/**
 * Import a JSON bundle, a CSV of cases or a Markdown entry. The file is checked completely before
 * anything is written; a long import shows progress and can be cancelled, leaving nothing behind.
 */
export function ImportDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<Format>('bundle');
  const [onConflict, setOnConflict] = useState<OnConflict>('fail');
  const [running, setRunning] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<{ message: string; problems: Problem[]; cancelled: boolean } | null>(null);
  const job = useJob('import');

  async function start() {
    if (!file) return;
    setRunning(true);
    setError(null);
    setReport(null);
    const jobId = job.start();
    try {
      const content = await file.text();
      const result = await client.call('kb.import', { format, content, fileName: file.name, onConflict, jobId });
      setReport(result);
      invalidateScope('kb');
    } catch (e) {
      setError({ message: errorMessage(e), problems: problemsOf(e), cancelled: e instanceof AppError && e.code === 'cancelled' });
    } finally {
      setRunning(false);
    }
  }

  return (
    <Dialog
      title={t('library.importTitle')}
      onClose={() => !running && onClose()}
      width={620}
      footer={
        running ? (
          <button type="button" className="button" onClick={job.cancel}>
            {t('common.cancel')}
          </button>
        ) : (
          <>
            <button type="button" className="button" onClick={onClose}>
              {report ? t('common.close') : t('common.cancel')}
            </button>
            <button type="button" className="button primary" disabled={!file} onClick={() => void start()}>
              {t('library.importStart')}
            </button>
          </>
        )
      }
    >
      <div className="editor">
        <label className="editor-row">
          <span className="field-label">{t('library.importFile')}</span>
          <input
            type="file"
            accept=".json,.csv,.md,.markdown"
            disabled={running}
            onChange={(e) => {
              const picked = e.target.files?.[0] ?? null;
              setFile(picked);
              setReport(null);
              setError(null);
              const detected = picked && formatOf(picked.name);
              if (detected) setFormat(detected);
            }}
          />
        </label>
        <div className="editor-row two">
          <label>
            <span className="field-label">{t('library.importFormat')}</span>
            <select value={format} disabled={running} onChange={(e) => setFormat(e.target.value as Format)}>
              <option value="bundle">{t('library.formatBundle')}</option>
              <option value="cases-csv">{t('library.formatCsv')}</option>
              <option value="markdown">{t('library.formatMarkdown')}</option>
            </select>
          </label>
          <label>
            <span className="field-label">{t('library.onConflict')}</span>
            <select value={onConflict} disabled={running} onChange={(e) => setOnConflict(e.target.value as OnConflict)}>
              <option value="fail">{t('library.conflictFail')}</option>
              <option value="keep">{t('library.conflictKeep')}</option>
              <option value="replace">{t('library.conflictReplace')}</option>
            </select>
          </label>
        </div>
        {running && <ProgressBar progress={job.progress} label={job.progress ? t('library.importProgress', { ...job.progress }) : t('library.importChecking')} />}
        {report && (
          <div className="notice success" role="status">
            {t('library.importDone', report)}
          </div>
        )}
        {error && (
          <div className={`notice ${error.cancelled ? '' : 'error'}`} role="alert">
            {error.cancelled ? t('library.importCancelled') : error.message}
            <ProblemList problems={error.problems} />
          </div>
        )}
      </div>
    </Dialog>
  );
}
