import { useTranslation } from 'react-i18next';
import type { RelationView } from '../../../../core/api.ts';
import { KINDS, RELATIONS } from '../../../../core/model/kinds.ts';
import { pick, type Bilingual, type Language } from '../../../../core/model/text.ts';
import { useLanguage } from '../../ui/i18n.ts';
import { IncomingIcon, OutgoingIcon, SourceIcon } from '../../ui/icons.tsx';
import { useApiQuery } from '../../ui/query.ts';
import { routeHref } from '../../ui/route.ts';
import { ErrorView, Loading } from '../../ui/StateViews.tsx';
import { EntityBadges } from './EntityBadges.tsx';

/** One entry with every field, where it comes from, and its relations in both directions. */
export function EntityDetail({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const lang = useLanguage();
  const query = useApiQuery('kb.get', { id });
  const sections = useApiQuery('kb.sections', {});
  if (query.isPending) return <Loading />;
  if (query.error) return <ErrorView error={query.error} />;
  const { entity, relations } = query.data;
  const def = KINDS[entity.kind];
  const sectionTitle = sections.data?.find((s) => s.id === entity.source)?.title;

  return (
    <article className="entity-detail" aria-labelledby="entity-title">
      <header>
        <EntityBadges kind={entity.kind} attrs={entity.attrs} lang={lang} />
        <h2 id="entity-title">{pick(entity.title, lang)}</h2>
        <OtherLanguage text={entity.title} lang={lang} />
        <p className="source-line">
          <SourceIcon size={14} aria-hidden />
          <span>{t('library.source')}:</span>
          <span className="source-chip">{entity.source}</span>
          {sectionTitle && <span>{pick(sectionTitle, lang)}</span>}
        </p>
      </header>

      {pick(entity.summary, lang) && <p className="summary">{pick(entity.summary, lang)}</p>}

      <dl className="fields">
        {def.attributes
          .filter((a) => entity.attrs[a.key])
          .map((a) => (
            <Field key={a.key} label={pick(a.label, lang)}>
              {pick(a.options.find((o) => o.value === entity.attrs[a.key])?.label ?? { zh: '', en: entity.attrs[a.key] ?? '' }, lang)}
            </Field>
          ))}
        {def.texts
          .filter((f) => entity.texts[f.key])
          .map((f) => (
            <Field key={f.key} label={pick(f.label, lang)}>
              {pick(entity.texts[f.key] ?? { zh: '', en: '' }, lang)}
            </Field>
          ))}
        {def.lists
          .filter((f) => (entity.lists[f.key]?.length ?? 0) > 0)
          .map((f) => (
            <Field key={f.key} label={pick(f.label, lang)}>
              <ul>
                {entity.lists[f.key]?.map((item, i) => <li key={i}>{pick(item, lang)}</li>)}
              </ul>
            </Field>
          ))}
        {entity.tags.length > 0 && (
          <Field label={t('library.tags')}>
            <span className="tags">
              {entity.tags.map((tag) => (
                <span key={tag} className="badge">
                  {tag}
                </span>
              ))}
            </span>
          </Field>
        )}
      </dl>

      <section className="relations">
        <h3>{t('library.relations')}</h3>
        {relations.length === 0 ? <p className="muted">{t('library.noRelations')}</p> : <RelationList relations={relations} lang={lang} />}
      </section>

      <footer className="muted meta-line">
        {t(`library.origin.${entity.origin}`)} ·{' '}
        {t('library.revision', { revision: entity.revision, date: new Date(entity.updatedAt).toLocaleString(i18n.language) })}
      </footer>
    </article>
  );
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="field">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** The title in the other language, so a bilingual room sees both. */
function OtherLanguage({ text, lang }: { text: Bilingual; lang: Language }) {
  const other = lang === 'zh' ? text.en : text.zh;
  if (!other || other === text[lang]) return null;
  return (
    <p className="other-language" lang={lang === 'zh' ? 'en' : 'zh-CN'}>
      {other}
    </p>
  );
}

function RelationList({ relations, lang }: { relations: RelationView[]; lang: Language }) {
  const { t } = useTranslation();
  return (
    <ul className="relation-list">
      {relations.map((r) => {
        const def = RELATIONS[r.kind];
        const label = r.direction === 'outgoing' ? def.forward : def.inverse;
        return (
          <li key={`${r.id}-${r.direction}`}>
            <span className="relation-label" title={r.direction === 'outgoing' ? t('library.outgoing') : t('library.incoming')}>
              {r.direction === 'outgoing' ? <OutgoingIcon size={13} aria-hidden /> : <IncomingIcon size={13} aria-hidden />}
              {pick(label, lang)}
            </span>
            <a href={routeHref('library', r.other.id)}>{pick(r.other.title, lang)}</a>
            <span className="badge">{pick(KINDS[r.other.kind].label, lang)}</span>
            <span className="source-chip">{r.source}</span>
          </li>
        );
      })}
    </ul>
  );
}
