import { useQueries, useQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntitySummary } from '../../../../core/model/entity.ts';
import type { EntityKind } from '../../../../core/model/kinds.ts';
import { pick, type Language } from '../../../../core/model/text.ts';
import { client } from '../../api.ts';
import { ErrorView } from '../../ui/StateViews.tsx';
import { EntityBadges } from './EntityBadges.tsx';

const PAGE_SIZE = 200;
const ROW_HEIGHT = 64;

interface Props {
  kind: EntityKind | undefined;
  sort: 'title' | 'kind' | 'source' | 'updated';
  lang: Language;
  selectedId: string | null;
  onSelect(id: string): void;
}

/**
 * A virtualised list: only the rows in view are in the DOM, and only the pages of 200 that
 * those rows fall in are fetched, so a knowledge base of 100,000 entries scrolls like one of 100.
 */
export function EntityList({ kind, sort, lang, selectedId, onSelect }: Props) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const pageQuery = (page: number) => ({
    queryKey: ['kb.list', { kind, sort, lang, page }],
    queryFn: () => client.call('kb.list', { kind, sort, lang, offset: page * PAGE_SIZE, limit: PAGE_SIZE }),
  });
  const first = useQuery(pageQuery(0));
  const total = first.data?.total ?? 0;

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const rows = virtualizer.getVirtualItems();
  const pages = [...new Set(rows.map((r) => Math.floor(r.index / PAGE_SIZE)))];
  const pageResults = useQueries({ queries: pages.map(pageQuery) });
  const itemAt = (index: number): EntitySummary | undefined => {
    const page = Math.floor(index / PAGE_SIZE);
    const result = pageResults[pages.indexOf(page)];
    return result?.data?.items[index - page * PAGE_SIZE];
  };

  if (first.error) return <ErrorView error={first.error} onRetry={() => void first.refetch()} />;
  return (
    <>
      <div className="list-count muted" aria-live="polite">
        {first.data ? t('library.count', { count: total }) : t('app.loading')}
      </div>
      <div ref={scrollRef} className="entity-list" role="listbox" aria-label={t('library.title')}>
        {first.data && total === 0 && <p className="muted list-empty">{t('library.empty')}</p>}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {rows.map((row) => {
            const item = itemAt(row.index);
            return (
              <div
                key={row.key}
                className="entity-row"
                role="option"
                aria-selected={item?.id === selectedId}
                tabIndex={item?.id === selectedId || (!selectedId && row.index === 0) ? 0 : -1}
                data-id={item?.id}
                style={{ transform: `translateY(${row.start}px)`, height: ROW_HEIGHT }}
                onClick={() => item && onSelect(item.id)}
                onKeyDown={(e) => {
                  if (!item) return;
                  if (e.key === 'Enter' || e.key === ' ') onSelect(item.id);
                  const step = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0;
                  if (step !== 0) {
                    e.preventDefault();
                    const next = itemAt(row.index + step);
                    if (next) {
                      onSelect(next.id);
                      virtualizer.scrollToIndex(row.index + step);
                    }
                  }
                }}
              >
                {item ? (
                  <>
                    <div className="row-title">
                      <span className="title-text">{pick(item.title, lang)}</span>
                      <EntityBadges kind={item.kind} attrs={item.attrs} lang={lang} />
                    </div>
                    <div className="row-summary">
                      <span className="source-chip">{item.source}</span> {pick(item.summary, lang)}
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
