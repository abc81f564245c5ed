import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang, WorkshopReport } from '../../../../core/present/report.ts';
import { reportBlocks } from '../../../../core/present/report-text.ts';
import { AppError } from '../../../../core/api.ts';
import { client } from '../../api.ts';
import { downloadFile } from '../../ui/download.ts';
import { useLanguage } from '../../ui/i18n.ts';
import { ProgressBar, useJob } from '../../ui/job.tsx';
import { useApiQuery } from '../../ui/query.ts';
import { ErrorView, Loading } from '../../ui/StateViews.tsx';
import { routeHref } from '../../ui/route.ts';
import { useCall } from './useCall.ts';

/** After the session: the workshop report on screen, and as Markdown or a PDF handout. */
export function ReportView({ sessionId, mapId }: { sessionId: string; mapId: string }) {
  const { t } = useTranslation();
  const uiLang = useLanguage();
  const [lang, setLang] = useState<Lang>(uiLang);
  const [busy, setBusy] = useState<'markdown' | 'pdf' | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const call = useCall();
  const job = useJob('handout');
  // The JSON report holds no language (the blocks below are worded here), so it is fetched once.
  const report = useApiQuery('sessions.report', { id: sessionId, format: 'json' });
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (report.error) return <ErrorView error={report.error} />;
  if (!report.data) return <Loading />;
  const data = JSON.parse(report.data.content) as WorkshopReport;
  const blocks = reportBlocks(data, lang, timeZone);

  async function exportAs(format: 'markdown' | 'pdf') {
    setBusy(format);
    setCancelled(false);
    // The handout draws a picture per step: it reports progress and can be cancelled.
    const jobId = format === 'pdf' ? job.start() : undefined;
    const exported = client.call('sessions.report', { id: sessionId, format, lang, timeZone, jobId }).catch((error: unknown) => {
      if (!(error instanceof AppError && error.code === 'cancelled')) throw error;
      setCancelled(true);
      return null;
    });
    await call(exported, (file) => file && downloadFile(file));
    setBusy(null);
  }

  return (
    <div className="report-view" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <header className="report-bar">
        <a className="button ghost" href={routeHref('maps', mapId)}>
          ← {t('present.report.backToMap')}
        </a>
        <span className="spacer" />
        <label>
          {t('present.report.language')}{' '}
          <select value={lang} onChange={(e) => setLang(e.target.value as Lang)}>
            <option value="zh">中文</option>
            <option value="en">English</option>
          </select>
        </label>
        <button type="button" className="button" disabled={busy !== null} onClick={() => void exportAs('markdown')}>
          {t('present.report.exportMarkdown')}
        </button>
        {busy === 'pdf' ? (
          <button type="button" className="button" onClick={job.cancel}>
            {t('common.cancel')}
          </button>
        ) : (
          <button type="button" className="button primary" disabled={busy !== null} onClick={() => void exportAs('pdf')}>
            {t('present.report.exportPdf')}
          </button>
        )}
      </header>
      {busy === 'pdf' && (
        <div className="report-job">
          <ProgressBar progress={job.progress} label={job.progress ? t('present.report.handoutProgress', { percent: Math.floor((100 * job.progress.done) / Math.max(1, job.progress.total)) }) : t('present.report.preparing')} />
        </div>
      )}
      {cancelled && (
        <div className="report-job notice" role="status">
          {t('present.report.handoutCancelled')}
        </div>
      )}
      <article className="report-body">
        {blocks.map((block, i) => {
          switch (block.kind) {
            case 'heading':
              return block.level === 1 ? <h1 key={i}>{block.text}</h1> : block.level === 2 ? <h2 key={i}>{block.text}</h2> : <h3 key={i}>{block.text}</h3>;
            case 'paragraph':
              return <p key={i}>{block.text}</p>;
            case 'list':
              return (
                <ul key={i}>
                  {block.items.map((item, j) => (
                    <li key={j}>{item}</li>
                  ))}
                </ul>
              );
            case 'step':
              return null;
          }
        })}
      </article>
    </div>
  );
}
