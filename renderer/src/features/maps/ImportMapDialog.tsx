import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../../../core/api.ts';
import { client } from '../../api.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { errorMessage, problemsOf } from '../../ui/errors.ts';
import { invalidateScope } from '../../ui/query.ts';
import { navigate } from '../../ui/route.ts';
import { ProblemList } from '../../ui/ProblemList.tsx';

type Result = { id: string; title: string; concepts: unknown[]; propositions: unknown[]; groups: unknown[]; dropped: { line?: number; path?: string; message: string }[] };

/** Import a Mermaid flowchart or a CmapTools CXL file; shows what could not be carried over. */
export function ImportMapDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<{ message: string; problems: Problem[] } | null>(null);
  const [busy, setBusy] = useState(false);

  async function start() {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const format = /\.cxl$/i.test(file.name) ? 'cxl' : 'mermaid';
      const imported = await client.call('maps.import', { format, content: await file.text(), fileName: file.name });
      invalidateScope('maps');
      setResult(imported);
    } catch (e) {
      setError({ message: errorMessage(e), problems: problemsOf(e) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      title={t('maps.importTitle')}
      onClose={onClose}
      width={620}
      footer={
        result ? (
          <button
            type="button"
            className="button primary"
            onClick={() => {
              onClose();
              navigate('maps', result.id);
            }}
          >
            {t('maps.openImported')}
          </button>
        ) : (
          <>
            <button type="button" className="button" onClick={onClose}>
              {t('common.cancel')}
            </button>
            <button type="button" className="button primary" disabled={!file || busy} onClick={() => void start()}>
              {t('maps.importStart')}
            </button>
          </>
        )
      }
    >
      <div className="editor">
        <label className="editor-row">
          <span className="field-label">{t('maps.importFile')}</span>
          <input type="file" accept=".mmd,.mermaid,.md,.txt,.cxl" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </label>
        {result && (
          <div className="notice success" role="status">
            {t('maps.imported', { title: result.title, concepts: result.concepts.length, propositions: result.propositions.length, groups: result.groups.length })}
          </div>
        )}
        {result && result.dropped.length > 0 && (
          <div className="notice">
            <strong>{t('maps.dropped', { count: result.dropped.length })}</strong>
            <ul className="problems">
              {result.dropped.slice(0, 30).map((d, i) => (
                <li key={i}>
                  {d.line !== undefined && <strong>{t('library.line', { line: d.line })} </strong>}
                  {d.path && <code>{d.path}</code>} {d.message}
                </li>
              ))}
            </ul>
          </div>
        )}
        {error && (
          <div className="notice error" role="alert">
            {error.message}
            <ProblemList problems={error.problems} />
          </div>
        )}
      </div>
    </Dialog>
  );
}
