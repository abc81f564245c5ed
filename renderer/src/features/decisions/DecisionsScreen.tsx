import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FilePlus2, Trash2, Upload } from 'lucide-react';
import { parseDecisionCsv } from '../../../../core/decision/csv.ts';
import { readJsonFile } from '../../../../core/formats/json-file.ts';
import { checkFileSize } from '../../../../core/formats/limits.ts';
import { KINDS } from '../../../../core/model/kinds.ts';
import { pick } from '../../../../core/model/text.ts';
import { client } from '../../api.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { errorMessage } from '../../ui/errors.ts';
import { useLanguage } from '../../ui/i18n.ts';
import { DecisionIcon } from '../../ui/icons.tsx';
import { invalidateScope, useApiQuery } from '../../ui/query.ts';
import { navigate, routeHref } from '../../ui/route.ts';
import { EmptyState, ErrorView } from '../../ui/StateViews.tsx';
import { useToast } from '../../ui/toasts.tsx';
import { DecisionEditor } from './DecisionEditor.tsx';
import type { Problem } from './model.ts';
import { fromEntries, templates } from './templates.ts';
import './decisions.css';

/** The list of decisions on the left, the open one on the right. */
export function DecisionsScreen({ selectedId }: { selectedId: string | null }) {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const list = useApiQuery('decisions.list', {});
  const [dialog, setDialog] = useState<'new' | null>(null);

  async function create(problem: Problem) {
    try {
      const { id } = await client.call('decisions.create', { problem: problem as unknown as Record<string, unknown> });
      invalidateScope('decisions');
      setDialog(null);
      navigate('decisions', id);
    } catch (error) {
      toast({ tone: 'error', message: errorMessage(error) });
    }
  }

  async function importFile(file: File) {
    try {
      // Refused before it is read into memory, as the other importers do.
      checkFileSize(file.size, file.name);
      const text = await file.text();
      const problem = /\.csv$/i.test(file.name)
        ? parseDecisionCsv(text, file.name, { title: file.name.replace(/\.[^.]+$/, '') })
        : (readJsonFile(text, file.name).doc as Problem);
      await create(problem);
    } catch (error) {
      toast({ tone: 'error', message: errorMessage(error) });
    }
  }

  async function remove(id: string, title: string) {
    if (!window.confirm(t('decisions.confirmDelete', { title }))) return;
    await client.call('decisions.delete', { id });
    invalidateScope('decisions');
    if (id === selectedId) navigate('decisions');
  }

  return (
    <div className="decisions-screen">
      <aside className="maps-list" aria-label={t('decisions.title')}>
        <div className="maps-actions">
          <button type="button" className="button primary" onClick={() => setDialog('new')}>
            <FilePlus2 size={15} /> {t('decisions.new')}
          </button>
          <label className="button">
            <Upload size={15} /> {t('decisions.import')}
            <input type="file" accept=".json,.csv" hidden onChange={(e) => e.target.files?.[0] && void importFile(e.target.files[0])} />
          </label>
        </div>
        {list.error && <ErrorView error={list.error} />}
        <ul>
          {list.data?.map((d) => (
            <li key={d.id} className={d.id === selectedId ? 'current' : ''}>
              <a href={routeHref('decisions', d.id)} aria-current={d.id === selectedId ? 'page' : undefined}>
                <span className="map-title">{d.title}</span>
                <span className="muted small">
                  {t('decisions.listCounts', { alternatives: d.alternatives, criteria: d.criteria })} · {d.method.toUpperCase()} · {new Date(d.updatedAt).toLocaleDateString(i18n.language)}
                </span>
              </a>
              <button type="button" className="icon-button small" aria-label={t('decisions.deleteDecision', { title: d.title })} onClick={() => void remove(d.id, d.title)}>
                <Trash2 size={13} />
              </button>
            </li>
          ))}
        </ul>
      </aside>
      <section className="decision-pane">
        {selectedId ? (
          <DecisionEditor key={selectedId} id={selectedId} />
        ) : (
          <EmptyState icon={<DecisionIcon size={40} strokeWidth={1.4} />} title={list.data?.length ? t('decisions.pick') : t('decisions.emptyTitle')}>
            {t('decisions.emptyBody')}
          </EmptyState>
        )}
      </section>
      {dialog === 'new' && <NewDecisionDialog onClose={() => setDialog(null)} onCreate={(p) => void create(p)} />}
    </div>
  );
}

function NewDecisionDialog({ onClose, onCreate }: { onClose(): void; onCreate(problem: Problem): void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [query, setQuery] = useState('');
  const [picked, setPicked] = useState<{ id: string; title: string }[]>([]);
  const results = useApiQuery('kb.search', { query: query.trim() || ' ', lang, limit: 10 }, { enabled: query.trim() !== '' });
  return (
    <Dialog title={t('decisions.newTitle')} onClose={onClose} width={680}>
      <div className="editor">
        <div className="template-grid">
          {templates(t).map((tpl) => (
            <button key={tpl.key} type="button" className="template" onClick={() => onCreate(tpl.problem)}>
              <strong>{tpl.label}</strong>
              <span className="muted small">{t('decisions.listCounts', { alternatives: tpl.problem.alternatives.length, criteria: tpl.problem.criteria.length })}</span>
            </button>
          ))}
        </div>
        <h4>{t('decisions.templates.fromKb')}</h4>
        <input className="input" type="search" placeholder={t('decisions.templates.fromKbPlaceholder')} value={query} onChange={(e) => setQuery(e.target.value)} aria-label={t('decisions.templates.fromKb')} />
        {query.trim() !== '' && (
          <ul className="picker" role="listbox" aria-label={t('decisions.templates.fromKb')}>
            {results.data?.hits.map((hit) => {
              const chosen = picked.some((p) => p.id === hit.id);
              return (
                <li
                  key={hit.id}
                  role="option"
                  aria-selected={chosen}
                  tabIndex={0}
                  onClick={() => setPicked(chosen ? picked.filter((p) => p.id !== hit.id) : [...picked, hit])}
                  onKeyDown={(e) => e.key === 'Enter' && setPicked(chosen ? picked.filter((p) => p.id !== hit.id) : [...picked, hit])}
                >
                  <input type="checkbox" readOnly checked={chosen} tabIndex={-1} aria-hidden /> <strong>{hit.title}</strong> <span className="badge">{pick(KINDS[hit.kind].label, lang)}</span>
                </li>
              );
            })}
          </ul>
        )}
        <div className="picked">
          {picked.map((p) => (
            <span key={p.id} className="badge">
              {p.title}
            </span>
          ))}
        </div>
        <button type="button" className="button primary" disabled={picked.length < 2} onClick={() => onCreate(fromEntries(t, picked))}>
          {t('decisions.templates.fromKbCreate', { count: picked.length })}
        </button>
      </div>
    </Dialog>
  );
}
