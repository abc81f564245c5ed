import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KbFacets, KbFilters } from '../../../../core/api/kb.ts';
import { pick } from '../../../../core/model/text.ts';
import { useLanguage } from '../../ui/i18n.ts';

type FacetKey = keyof KbFacets;
const FACETS: FacetKey[] = ['kinds', 'outcomes', 'models', 'segments', 'sections', 'tags'];
const COLLAPSED_LIMIT = 8;

/** The facet groups with counts; clicking a value toggles it in the filters. */
export function FacetPanel({
  facets,
  filters,
  onChange,
}: {
  facets: KbFacets | undefined;
  filters: KbFilters;
  onChange(filters: KbFilters): void;
}) {
  const { t } = useTranslation();
  const active = FACETS.some((f) => (filters[f]?.length ?? 0) > 0);
  return (
    <aside className="facets" aria-label={t('library.filters')}>
      <div className="facets-head">
        <h2>{t('library.filters')}</h2>
        {active && (
          <button type="button" className="link-button" onClick={() => onChange({})}>
            {t('library.clearFilters')}
          </button>
        )}
      </div>
      {FACETS.map((facet) => (
        <FacetGroup
          key={facet}
          facet={facet}
          values={facets?.[facet] ?? []}
          selected={filters[facet] ?? []}
          onToggle={(value) => {
            const current = new Set<string>(filters[facet] ?? []);
            if (current.has(value)) current.delete(value);
            else current.add(value);
            onChange({ ...filters, [facet]: current.size ? [...current] : undefined });
          }}
        />
      ))}
    </aside>
  );
}

function FacetGroup({
  facet,
  values,
  selected,
  onToggle,
}: {
  facet: FacetKey;
  values: KbFacets[FacetKey];
  selected: readonly string[];
  onToggle(value: string): void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [expanded, setExpanded] = useState(false);
  if (values.length === 0 && selected.length === 0) return null;
  const shown = expanded ? values : values.slice(0, COLLAPSED_LIMIT);
  return (
    <section className="facet-group" aria-label={t(`library.facet.${facet}`)}>
      <h3>{t(`library.facet.${facet}`)}</h3>
      <ul>
        {shown.map((v) => (
          <li key={v.value}>
            <label className="facet-value" data-facet={facet} data-value={v.value}>
              <input type="checkbox" checked={selected.includes(v.value)} onChange={() => onToggle(v.value)} />
              <span className="facet-label">
                {facet === 'sections' && v.value ? <span className="source-chip">{v.value}</span> : null} {pick(v.label, lang)}
              </span>
              <span className="count">{v.count}</span>
            </label>
          </li>
        ))}
      </ul>
      {values.length > COLLAPSED_LIMIT && (
        <button type="button" className="link-button" onClick={() => setExpanded(!expanded)}>
          {expanded ? t('library.showFewer') : t('library.showAll', { count: values.length })}
        </button>
      )}
    </section>
  );
}
