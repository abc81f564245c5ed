import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KB_SORTS } from '../../../../core/api/kb.ts';
import { ENTITY_KINDS, KINDS, type EntityKind } from '../../../../core/model/kinds.ts';
import { pick } from '../../../../core/model/text.ts';
import { useLanguage } from '../../ui/i18n.ts';
import { useApiQuery } from '../../ui/query.ts';
import { navigate } from '../../ui/route.ts';
import { EntityDetail } from './EntityDetail.tsx';
import { EntityList } from './EntityList.tsx';
import './library.css';

type Sort = (typeof KB_SORTS)[number];

/** Facets on the left, the list in the middle, the selected entry on the right. */
export function LibraryScreen({ selectedId }: { selectedId: string | null }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [kind, setKind] = useState<EntityKind | undefined>(undefined);
  const [sort, setSort] = useState<Sort>('title');
  const stats = useApiQuery('kb.stats', {});
  const kindsWithEntries = ENTITY_KINDS.filter((k) => (stats.data?.byKind[k] ?? 0) > 0);

  return (
    <div className="library">
      <aside className="facets" aria-label={t('library.kinds')}>
        <h2>{t('library.kinds')}</h2>
        <ul>
          <li>
            <button type="button" aria-pressed={kind === undefined} onClick={() => setKind(undefined)}>
              <span>{t('library.all')}</span>
              <span className="count">{stats.data?.entities ?? ''}</span>
            </button>
          </li>
          {kindsWithEntries.map((k) => (
            <li key={k}>
              <button type="button" aria-pressed={kind === k} onClick={() => setKind(k)} data-kind={k}>
                <span>{pick(KINDS[k].plural, lang)}</span>
                <span className="count">{stats.data?.byKind[k]}</span>
              </button>
            </li>
          ))}
        </ul>
      </aside>
      <section className="list-pane">
        <div className="list-toolbar">
          <label>
            {t('library.sortBy')}{' '}
            <select value={sort} onChange={(e) => setSort(e.target.value as Sort)}>
              {KB_SORTS.map((s) => (
                <option key={s} value={s}>
                  {t(`library.sort.${s}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <EntityList
          kind={kind}
          sort={sort}
          lang={lang}
          selectedId={selectedId}
          onSelect={(id) => navigate('library', id)}
        />
      </section>
      <section className="detail-pane">
        {selectedId ? (
          <EntityDetail id={selectedId} />
        ) : (
          <div className="empty-state">
            <p>{t('library.selectPrompt')}</p>
          </div>
        )}
      </section>
    </div>
  );
}
