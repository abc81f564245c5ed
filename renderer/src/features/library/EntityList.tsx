import { useQueries, useQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { KbFilters, KbHit } from '../../../../core/api/kb.ts';
import { pick, type Language } from '../../../../core/model/text.ts';
import { client } from '../../api.ts';
import { Highlighted } from '../../ui/Highlighted.tsx';
import { ErrorView } from '../../ui/StateViews.tsx';
import { EntityBadges } from './EntityBadges.tsx';

const PAGE_SIZE = 100;
const ROW_HEIGHT = 68;

export type Sort = 'relevance' | 'title' | 'kind' | 'source' | 'updated';

interface Props {
  text: string;
  filters: KbFilters;
  sort: Sort;
  lang: Language;
  selectedId: string | null;
  checked: ReadonlySet<string>;
  onSelect(id: string): void;
  onCheck(id: string, checked: boolean): void;
}

/**
 * The result list, virtualised: only the rows in view are in the DOM, and only the pages of
 * 100 those rows fall in are fetched, so 100,000 entries scroll like 100. Matches are marked in
 * the title and in a snippet of the text that matched.
 */
export function EntityList({ text, filters, sort, lang, selectedId, checked, onSelect, onCheck }: Props) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const args = { text: text || undefined, filters, sort, lang };
  const pageQuery = (page: number) => ({
    queryKey: ['kb.query', args, page],
    queryFn: () => client.call('kb.query', { ...args, offset: page * PAGE_SIZE, limit: PAGE_SIZE }),
    placeholderData: (previous: { total: number; items: KbHit[] } | undefined) => previous,
  });
  const first = useQuery(pageQuery(0));
  const total = first.data?.total ?? 0;

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const rows = virtualizer.getVirtualItems();
  const pages = [...new Set(rows.map((r) => Math.floor(r.index / PAGE_SIZE)))];
  const pageResults = useQueries({ queries: pages.map(pageQuery) });
  const itemAt = (index: number): KbHit | undefined => {
    const page = Math.floor(index / PAGE_SIZE);
    return pageResults[pages.indexOf(page)]?.data?.items[index - page * PAGE_SIZE];
  };

  if (first.error) return <ErrorView error={first.error} onRetry={() => void first.refetch()} />;
  return (
    <>
      <div className="list-count muted" aria-live="polite" data-testid="result-count">
        {first.data ? t(text ? 'library.matches' : 'library.count', { count: total }) : t('app.loading')}
      </div>
      <div ref={scrollRef} className="entity-list" role="listbox" aria-label={t('library.results')}>
        {first.data && total === 0 && <p className="muted list-empty">{text ? t('library.noMatches', { text }) : t('library.empty')}</p>}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {rows.map((row) => {
            const item = itemAt(row.index);
            const selected = item !== undefined && item.id === selectedId;
            return (
              <div
                key={row.key}
                className="entity-row"
                role="option"
                aria-selected={selected}
                tabIndex={selected || (!selectedId && row.index === 0) ? 0 : -1}
                data-id={item?.id}
                style={{ transform: `translateY(${row.start}px)`, height: ROW_HEIGHT }}
                onClick={() => item && onSelect(item.id)}
                onKeyDown={(e) => {
                  if (!item) return;
                  if (e.key === 'Enter') onSelect(item.id);
                  const step = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0;
                  if (step === 0) return;
                  e.preventDefault();
                  const next = itemAt(row.index + step);
                  if (!next) return;
                  onSelect(next.id);
                  virtualizer.scrollToIndex(row.index + step);
                  requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`[data-id="${CSS.escape(next.id)}"]`)?.focus());
                }}
              >
                {item ? (
                  <>
                    <input
                      type="checkbox"
                      className="row-check"
                      aria-label={t('library.selectForCompare', { title: pick(item.title, lang) })}
                      checked={checked.has(item.id)}
                      onClick={(e) => e.stopPropagation()}
                      onChange={(e) => onCheck(item.id, e.target.checked)}
                    />
                    <div className="row-body">
                      <div className="row-title">
                        <span className="title-text">
                          <Highlighted text={pick(item.title, lang)} ranges={item.titleHighlights} />
                        </span>
                        <EntityBadges kind={item.kind} attrs={item.attrs} lang={lang} />
                      </div>
                      <div className="row-summary">
                        <span className="source-chip">{item.source}</span>{' '}
                        {item.snippet ? (
                          <Highlighted text={item.snippet.text} ranges={item.snippet.highlights} />
                        ) : (
                          pick(item.summary, lang)
                        )}
                      </div>
                    </div>
                  </>
                ) : (
                  <div className="row-placeholder" />
                )}
              </div>
            );
          })}
        </div>
      </div>
    </>
  );
}
