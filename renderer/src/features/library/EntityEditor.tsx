import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Minus, Plus } from 'lucide-react';
import type { Entity, EntityContent } from '../../../../core/model/entity.ts';
import { ENTITY_KINDS, KINDS, type EntityKind } from '../../../../core/model/kinds.ts';
import { emptyText, pick, type Bilingual } from '../../../../core/model/text.ts';
import type { Problem } from '../../../../core/api.ts';
import { client } from '../../api.ts';
import { Dialog, DialogActions } from '../../ui/Dialog.tsx';
import { errorMessage, fieldError, problemsOf } from '../../ui/errors.ts';
import { useLanguage } from '../../ui/i18n.ts';
import { invalidateScope, useApiQuery } from '../../ui/query.ts';
import { useToast } from '../../ui/toasts.tsx';

function blank(kind: EntityKind): EntityContent {
  return { kind, title: emptyText(), summary: emptyText(), attrs: {}, texts: {}, lists: {}, tags: [], source: '' };
}

/**
 * Create or edit an entry: every text in both languages side by side, the kind's attributes and
 * lists, tags and the source. The server validates; its problems are shown at their fields.
 */
export function EntityEditor({ entity, onClose, onSaved }: { entity?: Entity; onClose(): void; onSaved(entity: Entity): void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const toast = useToast();
  const [content, setContent] = useState<EntityContent>(() =>
    entity
      ? { kind: entity.kind, title: entity.title, summary: entity.summary, attrs: entity.attrs, texts: entity.texts, lists: entity.lists, tags: entity.tags, source: entity.source }
      : blank('case'),
  );
  const [tagText, setTagText] = useState(content.tags.join(', '));
  const [problems, setProblems] = useState<Problem[]>([]);
  const [saving, setSaving] = useState(false);
  const sections = useApiQuery('kb.sections', {});
  const def = KINDS[content.kind];
  const set = (patch: Partial<EntityContent>) => setContent((c) => ({ ...c, ...patch }));

  async function save() {
    setSaving(true);
    const tags = tagText
      .split(/[,，;；]/)
      .map((s) => s.trim())
      .filter(Boolean);
    const payload = { ...content, tags: [...new Set(tags)] };
    try {
      const saved = entity
        ? await client.call('kb.update', { id: entity.id, revision: entity.revision, content: payload })
        : await client.call('kb.create', { content: payload });
      invalidateScope('kb');
      toast({ message: t(entity ? 'library.saved' : 'library.created', { title: pick(saved.title, lang) }) });
      onSaved(saved);
    } catch (error) {
      // The server reports paths from the call's arguments ({content: …}); the form's fields start below it.
      setProblems(problemsOf(error).map((p) => (p.path[0] === 'content' ? { ...p, path: p.path.slice(1) } : p)));
      toast({ tone: 'error', message: errorMessage(error) });
    } finally {
      setSaving(false);
    }
  }

  return (
    <Dialog
      title={entity ? t('library.editTitle', { title: pick(entity.title, lang) }) : t('library.newTitle')}
      onClose={onClose}
      width={860}
      footer={<DialogActions onCancel={onClose} label={t('common.save')} disabled={saving} onConfirm={() => void save()} />}
    >
      <form
        className="editor"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div className="editor-row two">
          <label>
            <span className="field-label">{t('library.kind')}</span>
            <select
              value={content.kind}
              disabled={!!entity}
              onChange={(e) => {
                const kind = e.target.value as EntityKind;
                set({ kind, attrs: {}, texts: {}, lists: {} });
              }}
            >
              {ENTITY_KINDS.map((k) => (
                <option key={k} value={k}>
                  {pick(KINDS[k].label, lang)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span className="field-label">{t('library.source')}</span>
            <input
              className="input"
              list="section-ids"
              value={content.source}
              aria-invalid={!!fieldError(problems, 'source')}
              placeholder={t('library.sourcePlaceholder')}
              onChange={(e) => set({ source: e.target.value })}
            />
            <datalist id="section-ids">
              {sections.data?.map((s) => (
                <option key={s.id} value={s.id}>
                  {pick(s.title, lang)}
                </option>
              ))}
            </datalist>
            <FieldError message={fieldError(problems, 'source')} />
          </label>
        </div>

        <BilingualInput label={t('library.titleField')} value={content.title} onChange={(title) => set({ title })} error={fieldError(problems, 'title')} name="title" />
        <BilingualInput label={t('library.summary')} value={content.summary} onChange={(summary) => set({ summary })} multiline name="summary" />

        {def.attributes.map((a) => (
          <label key={a.key} className="editor-row">
            <span className="field-label">{pick(a.label, lang)}</span>
            <select
              value={content.attrs[a.key] ?? ''}
              aria-invalid={!!fieldError(problems, 'attrs', a.key)}
              onChange={(e) => {
                const { [a.key]: _old, ...rest } = content.attrs;
                set({ attrs: e.target.value ? { ...rest, [a.key]: e.target.value } : rest });
              }}
            >
              <option value="">—</option>
              {a.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {pick(o.label, lang)}
                </option>
              ))}
            </select>
            <FieldError message={fieldError(problems, 'attrs', a.key)} />
          </label>
        ))}

        {def.texts.map((f) => (
          <BilingualInput
            key={f.key}
            label={pick(f.label, lang)}
            name={f.key}
            value={content.texts[f.key] ?? emptyText()}
            onChange={(value) => set({ texts: { ...content.texts, [f.key]: value } })}
          />
        ))}

        {def.lists.map((f) => (
          <ListInput
            key={f.key}
            label={pick(f.label, lang)}
            items={content.lists[f.key] ?? []}
            onChange={(items) => {
              const { [f.key]: _old, ...rest } = content.lists;
              set({ lists: items.length ? { ...rest, [f.key]: items } : rest });
            }}
          />
        ))}

        <label className="editor-row">
          <span className="field-label">{t('library.tags')}</span>
          <input className="input" value={tagText} placeholder={t('library.tagsPlaceholder')} onChange={(e) => setTagText(e.target.value)} />
          <FieldError message={fieldError(problems, 'tags')} />
        </label>
        <button type="submit" hidden />
      </form>
    </Dialog>
  );
}

function FieldError({ message }: { message: string | undefined }) {
  return message ? <div className="field-error">{message}</div> : null;
}

function BilingualInput({
  label,
  value,
  onChange,
  multiline,
  error,
  name,
}: {
  label: string;
  value: Bilingual;
  onChange(value: Bilingual): void;
  multiline?: boolean;
  error?: string;
  name: string;
}) {
  const Field = multiline ? 'textarea' : 'input';
  return (
    <fieldset className="editor-row bilingual">
      <legend className="field-label">{label}</legend>
      <div className="two">
        <Field
          className="input"
          lang="zh-CN"
          name={`${name}.zh`}
          aria-label={`${label} · 中文`}
          placeholder="中文"
          value={value.zh}
          aria-invalid={!!error}
          onChange={(e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => onChange({ ...value, zh: e.target.value })}
        />
        <Field
          className="input"
          lang="en"
          name={`${name}.en`}
          aria-label={`${label} · English`}
          placeholder="English"
          value={value.en}
          aria-invalid={!!error}
          onChange={(e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => onChange({ ...value, en: e.target.value })}
        />
      </div>
      <FieldError message={error} />
    </fieldset>
  );
}

function ListInput({ label, items, onChange }: { label: string; items: Bilingual[]; onChange(items: Bilingual[]): void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="editor-row bilingual">
      <legend className="field-label">{label}</legend>
      {items.map((item, i) => (
        <div key={i} className="list-item-row">
          <div className="two">
            <input className="input" lang="zh-CN" aria-label={`${label} ${i + 1} · 中文`} value={item.zh} onChange={(e) => onChange(items.map((it, j) => (j === i ? { ...it, zh: e.target.value } : it)))} />
            <input className="input" lang="en" aria-label={`${label} ${i + 1} · English`} value={item.en} onChange={(e) => onChange(items.map((it, j) => (j === i ? { ...it, en: e.target.value } : it)))} />
          </div>
          <button type="button" className="icon-button" aria-label={t('library.removeItem')} onClick={() => onChange(items.filter((_, j) => j !== i))}>
            <Minus size={15} />
          </button>
        </div>
      ))}
      <button type="button" className="button ghost" onClick={() => onChange([...items, emptyText()])}>
        <Plus size={14} /> {t('library.addItem')}
      </button>
    </fieldset>
  );
}
