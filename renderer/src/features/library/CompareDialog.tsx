import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Entity } from '../../../../core/model/entity.ts';
import { KINDS, RELATIONS, type RelationKind } from '../../../../core/model/kinds.ts';
import { pick } from '../../../../core/model/text.ts';
import type { RelationView } from '../../../../core/api.ts';
import { client } from '../../api.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { useLanguage } from '../../ui/i18n.ts';
import { routeHref } from '../../ui/route.ts';
import { EntityBadges } from './EntityBadges.tsx';

/** Two to four entries side by side: one column each, one row per field any of them has. */
export function CompareDialog({ ids, onClose, onRemove }: { ids: string[]; onClose(): void; onRemove(id: string): void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const results = useQueries({ queries: ids.map((id) => ({ queryKey: ['kb.get', { id }], queryFn: () => client.call('kb.get', { id }) })) });
  const loaded = results.flatMap((r) => (r.data ? [r.data] : []));
  const entities = loaded.map((d) => d.entity);

  const rows: { key: string; label: string; cell(e: Entity, relations: RelationView[]): React.ReactNode }[] = [
    { key: 'kind', label: t('library.kind'), cell: (e) => <EntityBadges kind={e.kind} attrs={e.attrs} lang={lang} /> },
    { key: 'summary', label: t('library.summary'), cell: (e) => pick(e.summary, lang) },
    { key: 'source', label: t('library.source'), cell: (e) => <span className="source-chip">{e.source}</span> },
  ];
  const textKeys = new Map<string, string>();
  const listKeys = new Map<string, string>();
  for (const e of entities) {
    for (const f of KINDS[e.kind].texts) if (e.texts[f.key]) textKeys.set(f.key, pick(f.label, lang));
    for (const f of KINDS[e.kind].lists) if (e.lists[f.key]?.length) listKeys.set(f.key, pick(f.label, lang));
  }
  for (const [key, label] of textKeys) rows.push({ key: `t-${key}`, label, cell: (e) => (e.texts[key] ? pick(e.texts[key], lang) : '—') });
  for (const [key, label] of listKeys)
    rows.push({
      key: `l-${key}`,
      label,
      cell: (e) => (e.lists[key]?.length ? <ul>{e.lists[key].map((item, i) => <li key={i}>{pick(item, lang)}</li>)}</ul> : '—'),
    });
  const relationKinds = new Set<RelationKind>(loaded.flatMap((d) => d.relations.filter((r) => r.direction === 'outgoing').map((r) => r.kind)));
  for (const kind of relationKinds)
    rows.push({
      key: `r-${kind}`,
      label: pick(RELATIONS[kind].forward, lang),
      cell: (_e, relations) => {
        const targets = relations.filter((r) => r.direction === 'outgoing' && r.kind === kind);
        return targets.length ? (
          <ul>
            {targets.map((r) => (
              <li key={r.id}>
                <a href={routeHref('library', r.other.id)} onClick={onClose}>
                  {pick(r.other.title, lang)}
                </a>
              </li>
            ))}
          </ul>
        ) : (
          '—'
        );
      },
    });
  rows.push({ key: 'tags', label: t('library.tags'), cell: (e) => e.tags.join(', ') || '—' });

  return (
    <Dialog title={t('library.compareTitle', { count: ids.length })} onClose={onClose} width={Math.min(1200, 240 + ids.length * 300)}>
      <table className="compare-table">
        <thead>
          <tr>
            <th />
            {loaded.map(({ entity }) => (
              <th key={entity.id} scope="col">
                <a href={routeHref('library', entity.id)} onClick={onClose}>
                  {pick(entity.title, lang)}
                </a>
                <button type="button" className="link-button" onClick={() => onRemove(entity.id)}>
                  {t('library.removeFromCompare')}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              {loaded.map(({ entity, relations }) => (
                <td key={entity.id}>{row.cell(entity, relations)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
