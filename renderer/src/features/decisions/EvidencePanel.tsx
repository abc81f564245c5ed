import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BookMarked, X } from 'lucide-react';
import { KINDS } from '../../../../core/model/kinds.ts';
import { pick } from '../../../../core/model/text.ts';
import { Dialog, DialogActions } from '../../ui/Dialog.tsx';
import { useLanguage } from '../../ui/i18n.ts';
import { useApiQuery } from '../../ui/query.ts';
import { routeHref } from '../../ui/route.ts';
import { addEvidence, evidenceFor, removeEvidence, type Problem } from './model.ts';
import type { CellRef } from './MatrixGrid.tsx';

/** What the active cell's score rests on: cited knowledge-base entries, with a way to cite more. */
export function EvidencePanel({ problem, cell, onChange }: { problem: Problem; cell: CellRef | null; onChange(p: Problem): void }) {
  const { t } = useTranslation();
  const [citing, setCiting] = useState(false);
  const alternative = cell ? problem.alternatives[cell.row] : undefined;
  const criterion = cell ? problem.criteria[cell.col] : undefined;
  if (!alternative || !criterion)
    return (
      <section className="panel evidence-panel">
        <h3>{t('decisions.evidence')}</h3>
        <p className="muted small">{t('decisions.evidenceHint')}</p>
      </section>
    );
  const cited = evidenceFor(problem, alternative.id, criterion.id);
  return (
    <section className="panel evidence-panel" aria-labelledby="evidence-title">
      <div className="panel-head">
        <h3 id="evidence-title">
          {t('decisions.evidenceFor', { alternative: alternative.name ?? alternative.id, criterion: criterion.name ?? criterion.id })}
        </h3>
        <button type="button" className="button small" onClick={() => setCiting(true)}>
          <BookMarked size={13} /> {t('decisions.cite')}
        </button>
      </div>
      {cited.length === 0 ? (
        <p className="muted small">{t('decisions.noEvidence')}</p>
      ) : (
        <ul className="evidence-list">
          {cited.map((e, k) => (
            <EvidenceItem key={k} entity={e.entity} note={e.note} onRemove={() => onChange(removeEvidence(problem, e))} />
          ))}
        </ul>
      )}
      {citing && (
        <CiteDialog
          onClose={() => setCiting(false)}
          onCite={(entity, note) => {
            onChange(addEvidence(problem, { alternative: alternative.id, criterion: criterion.id, entity, ...(note ? { note } : {}) }));
            setCiting(false);
          }}
        />
      )}
    </section>
  );
}

function EvidenceItem({ entity, note, onRemove }: { entity: string; note?: string; onRemove(): void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const got = useApiQuery('kb.get', { id: entity });
  return (
    <li>
      <a href={routeHref('library', entity)}>{got.data ? pick(got.data.entity.title, lang) : entity}</a>
      {got.data && <span className="badge">{pick(KINDS[got.data.entity.kind].label, lang)}</span>}
      {note && <span className="muted small"> — {note}</span>}
      <button type="button" className="icon-button small" aria-label={t('decisions.removeEvidence')} onClick={onRemove}>
        <X size={12} />
      </button>
    </li>
  );
}

function CiteDialog({ onClose, onCite }: { onClose(): void; onCite(entity: string, note: string): void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [query, setQuery] = useState('');
  const [picked, setPicked] = useState<{ id: string; title: string } | null>(null);
  const [note, setNote] = useState('');
  const results = useApiQuery('kb.search', { query: query.trim() || ' ', lang, limit: 8 }, { enabled: query.trim() !== '' && !picked });
  return (
    <Dialog
      title={t('decisions.citeTitle')}
      onClose={onClose}
      width={600}
      footer={<DialogActions onCancel={onClose} label={t('decisions.cite')} disabled={!picked} onConfirm={() => picked && onCite(picked.id, note.trim())} />}
    >
      <div className="editor">
        <label className="editor-row">
          <span className="field-label">{t('decisions.citeEntry')}</span>
          <input
            className="input"
            type="search"
            value={picked ? picked.title : query}
            placeholder={t('maps.startEntityPlaceholder')}
            onChange={(e) => {
              setPicked(null);
              setQuery(e.target.value);
            }}
          />
        </label>
        {!picked && query.trim() !== '' && (
          <ul className="picker" role="listbox" aria-label={t('decisions.citeEntry')}>
            {results.data?.hits.map((hit) => (
              <li key={hit.id} role="option" aria-selected={false} tabIndex={0} onClick={() => setPicked(hit)} onKeyDown={(e) => e.key === 'Enter' && setPicked(hit)}>
                <strong>{hit.title}</strong> <span className="badge">{pick(KINDS[hit.kind].label, lang)}</span>
                <div className="muted">{hit.snippet}</div>
              </li>
            ))}
          </ul>
        )}
        <label className="editor-row">
          <span className="field-label">{t('decisions.citeNote')}</span>
          <input className="input" value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('decisions.citeNotePlaceholder')} />
        </label>
      </div>
    </Dialog>
  );
}
