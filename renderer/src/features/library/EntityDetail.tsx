import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FileDown, History, Link2, Pencil, PencilLine, Trash2, X } from 'lucide-react';
import type { RelationView } from '../../../../core/api.ts';
import { KINDS, RELATIONS } from '../../../../core/model/kinds.ts';
import { pick, type Bilingual, type Language } from '../../../../core/model/text.ts';
import { client } from '../../api.ts';
import { downloadText } from '../../ui/download.ts';
import { errorMessage } from '../../ui/errors.ts';
import { useLanguage } from '../../ui/i18n.ts';
import { IncomingIcon, OutgoingIcon, SourceIcon } from '../../ui/icons.tsx';
import { invalidateScope, useApiQuery } from '../../ui/query.ts';
import { navigate, routeHref } from '../../ui/route.ts';
import { ErrorView, Loading } from '../../ui/StateViews.tsx';
import { useToast } from '../../ui/toasts.tsx';
import { EntityBadges } from './EntityBadges.tsx';
import { EntityEditor } from './EntityEditor.tsx';
import { HistoryDialog } from './HistoryDialog.tsx';
import { RelationEditor, RelationNoteEditor } from './RelationEditor.tsx';

type Dialogs = 'edit' | 'relate' | 'history' | null;

/** One entry with every field, where it comes from, its relations both ways, and what can be done to it. */
export function EntityDetail({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const lang = useLanguage();
  const toast = useToast();
  const [dialog, setDialog] = useState<Dialogs>(null);
  const [editingRelation, setEditingRelation] = useState<RelationView | null>(null);
  const query = useApiQuery('kb.get', { id });
  const sections = useApiQuery('kb.sections', {});
  if (query.isPending) return <Loading />;
  if (query.error) return <ErrorView error={query.error} />;
  const { entity, relations } = query.data;
  const def = KINDS[entity.kind];
  const sectionTitle = sections.data?.find((s) => s.id === entity.source)?.title;

  const undoAction = { label: t('library.undo'), run: () => void client.call('kb.undo', {}).then(() => invalidateScope('kb')) };

  async function remove() {
    if (!window.confirm(t('library.confirmDelete', { title: pick(entity.title, lang), count: relations.length }))) return;
    try {
      await client.call('kb.delete', { id: entity.id });
      invalidateScope('kb');
      navigate('library');
      toast({ message: t('library.deleted', { title: pick(entity.title, lang) }), action: undoAction });
    } catch (error) {
      toast({ tone: 'error', message: errorMessage(error) });
    }
  }

  async function unrelate(relation: RelationView) {
    try {
      await client.call('kb.relations.delete', { id: relation.id });
      invalidateScope('kb');
      toast({ message: t('library.unrelated', { title: pick(relation.other.title, lang) }), action: undoAction });
    } catch (error) {
      toast({ tone: 'error', message: errorMessage(error) });
    }
  }

  async function exportMarkdown() {
    try {
      const { content, fileName } = await client.call('kb.export', { format: 'markdown', id: entity.id });
      downloadText(fileName, content, 'text/markdown;charset=utf-8');
    } catch (error) {
      toast({ tone: 'error', message: errorMessage(error) });
    }
  }

  return (
    <article className="entity-detail" aria-labelledby="entity-title">
      <div className="detail-actions">
        <button type="button" className="button" onClick={() => setDialog('edit')}>
          <Pencil size={14} /> {t('library.edit')}
        </button>
        <button type="button" className="button" onClick={() => setDialog('relate')}>
          <Link2 size={14} /> {t('library.addRelation')}
        </button>
        <button type="button" className="icon-button" title={t('library.history')} aria-label={t('library.history')} onClick={() => setDialog('history')}>
          <History size={16} />
        </button>
        <button type="button" className="icon-button" title={t('library.exportMarkdown')} aria-label={t('library.exportMarkdown')} onClick={() => void exportMarkdown()}>
          <FileDown size={16} />
        </button>
        <button type="button" className="icon-button danger" title={t('library.delete')} aria-label={t('library.delete')} onClick={() => void remove()}>
          <Trash2 size={16} />
        </button>
      </div>
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
              <ul>{entity.lists[f.key]?.map((item, i) => <li key={i}>{pick(item, lang)}</li>)}</ul>
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

      <section className="relations" aria-labelledby="relations-title">
        <h3 id="relations-title">{t('library.relations')}</h3>
        {relations.length === 0 ? (
          <p className="muted">{t('library.noRelations')}</p>
        ) : (
          <ul className="relation-list">
            {relations.map((r) => (
              <RelationRow key={`${r.id}-${r.direction}`} relation={r} lang={lang} onEdit={() => setEditingRelation(r)} onRemove={() => void unrelate(r)} />
            ))}
          </ul>
        )}
      </section>

      <footer className="muted meta-line">
        {t(`library.origin.${entity.origin}`)} ·{' '}
        {t('library.revision', { revision: entity.revision, date: new Date(entity.updatedAt).toLocaleString(i18n.language) })}
      </footer>

      {dialog === 'edit' && <EntityEditor entity={entity} onClose={() => setDialog(null)} onSaved={() => setDialog(null)} />}
      {dialog === 'relate' && <RelationEditor from={entity} onClose={() => setDialog(null)} />}
      {dialog === 'history' && <HistoryDialog entity={entity} onClose={() => setDialog(null)} />}
      {editingRelation && <RelationNoteEditor relation={editingRelation} onClose={() => setEditingRelation(null)} />}
    </article>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
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

function RelationRow({ relation: r, lang, onEdit, onRemove }: { relation: RelationView; lang: Language; onEdit(): void; onRemove(): void }) {
  const { t } = useTranslation();
  const def = RELATIONS[r.kind];
  const label = r.direction === 'outgoing' ? def.forward : def.inverse;
  const note = pick(r.note, lang);
  return (
    <li>
      <span className="relation-label" title={r.direction === 'outgoing' ? t('library.outgoing') : t('library.incoming')}>
        {r.direction === 'outgoing' ? <OutgoingIcon size={13} aria-hidden /> : <IncomingIcon size={13} aria-hidden />}
        {pick(label, lang)}
      </span>
      <span className="relation-target">
        <a href={routeHref('library', r.other.id)}>{pick(r.other.title, lang)}</a>
        <span className="badge">{pick(KINDS[r.other.kind].label, lang)}</span>
        {note && <span className="relation-note muted">{note}</span>}
      </span>
      <span className="source-chip">{r.source}</span>
      <button type="button" className="icon-button small" aria-label={t('library.editRelation', { title: pick(r.other.title, lang) })} onClick={onEdit}>
        <PencilLine size={13} />
      </button>
      <button type="button" className="icon-button small" aria-label={t('library.removeRelation', { title: pick(r.other.title, lang) })} onClick={onRemove}>
        <X size={13} />
      </button>
    </li>
  );
}
