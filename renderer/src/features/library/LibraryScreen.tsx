import { useDeferredValue, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KbFilters } from '../../../../core/api/kb.ts';
import { useLanguage } from '../../ui/i18n.ts';
import { useApiQuery } from '../../ui/query.ts';
import { navigate } from '../../ui/route.ts';
import { CompareDialog } from './CompareDialog.tsx';
import { EntityDetail } from './EntityDetail.tsx';
import { EntityEditor } from './EntityEditor.tsx';
import { EntityList, type Sort } from './EntityList.tsx';
import { FacetPanel } from './FacetPanel.tsx';
import { LibraryToolbar } from './LibraryToolbar.tsx';
import './library.css';

/** Facets on the left, search and results in the middle, the selected entry on the right. */
export function LibraryScreen({ selectedId }: { selectedId: string | null }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [text, setText] = useState('');
  const query = useDeferredValue(text.trim());
  const [filters, setFilters] = useState<KbFilters>({});
  const [sort, setSort] = useState<Sort | null>(null);
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const [comparing, setComparing] = useState(false);
  const [creating, setCreating] = useState(false);
  const effectiveSort: Sort = sort ?? (query ? 'relevance' : 'title');
  const facets = useApiQuery('kb.facets', { text: query || undefined, filters });

  useEffect(() => {
    // Ctrl/Cmd+K or / focuses the search; it is the way into the library from anywhere.
    const onKey = (e: KeyboardEvent) => {
      const typing = e.target instanceof HTMLElement && e.target.closest('input, textarea, select, [contenteditable]');
      if ((e.key === 'k' && (e.ctrlKey || e.metaKey)) || (e.key === '/' && !typing)) {
        e.preventDefault();
        document.getElementById('library-search')?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="library">
      <FacetPanel facets={facets.data} filters={filters} onChange={setFilters} />
      <section className="list-pane" aria-label={t('library.results')}>
        <LibraryToolbar
          text={text}
          onText={setText}
          sort={effectiveSort}
          onSort={setSort}
          hasQuery={query !== ''}
          compareCount={checked.size}
          onCompare={() => setComparing(true)}
          onCreate={() => setCreating(true)}
        />
        <EntityList
          text={query}
          filters={filters}
          sort={effectiveSort}
          lang={lang}
          selectedId={selectedId}
          checked={checked}
          onSelect={(id) => navigate('library', id)}
          onCheck={(id, on) =>
            setChecked((current) => {
              const next = new Set(current);
              if (on) next.add(id);
              else next.delete(id);
              return next;
            })
          }
        />
      </section>
      <section className="detail-pane" aria-label={t('library.detail')}>
        {selectedId ? (
          <EntityDetail key={selectedId} id={selectedId} />
        ) : (
          <div className="empty-state">
            <p>{t('library.selectPrompt')}</p>
          </div>
        )}
      </section>
      {comparing && (
        <CompareDialog
          ids={[...checked]}
          onClose={() => setComparing(false)}
          onRemove={(id) =>
            setChecked((current) => {
              const next = new Set(current);
              next.delete(id);
              return next;
            })
          }
        />
      )}
      {creating && (
        <EntityEditor
          onClose={() => setCreating(false)}
          onSaved={(entity) => {
            setCreating(false);
            navigate('library', entity.id);
          }}
        />
      )}
    </div>
  );
}

