import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Entity } from '../../../../core/model/entity.ts';
import { KINDS, RELATIONS, RELATION_KINDS, type RelationKind } from '../../../../core/model/kinds.ts';
import { emptyText, pick, type Bilingual } from '../../../../core/model/text.ts';
import type { RelationView } from '../../../../core/api.ts';
import { client } from '../../api.ts';
import { Dialog, DialogActions } from '../../ui/Dialog.tsx';
import { errorMessage } from '../../ui/errors.ts';
import { useLanguage } from '../../ui/i18n.ts';
import { invalidateScope, useApiQuery } from '../../ui/query.ts';
import { useToast } from '../../ui/toasts.tsx';

/** Change the note and source of an existing relation (its ends and kind define it). */
export function RelationNoteEditor({ relation, onClose }: { relation: RelationView; onClose(): void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const toast = useToast();
  const [note, setNote] = useState(relation.note);
  const [source, setSource] = useState(relation.source);
  async function save() {
    try {
      await client.call('kb.relations.update', { id: relation.id, note, source });
      invalidateScope('kb');
      onClose();
    } catch (error) {
      toast({ tone: 'error', message: errorMessage(error) });
    }
  }
  return (
    <Dialog
      title={t('library.editRelationTitle', { title: pick(relation.other.title, lang) })}
      onClose={onClose}
      width={620}
      footer={<DialogActions onCancel={onClose} label={t('common.save')} onConfirm={() => void save()} />}
    >
      <div className="editor">
        <NoteFields note={note} onNote={setNote} source={source} onSource={setSource} />
      </div>
    </Dialog>
  );
}

function NoteFields({ note, onNote, source, onSource }: { note: Bilingual; onNote(note: Bilingual): void; source: string; onSource(source: string): void }) {
  const { t } = useTranslation();
  return (
    <>
      <fieldset className="editor-row bilingual">
        <legend className="field-label">{t('library.note')}</legend>
        <div className="two">
          <input className="input" lang="zh-CN" placeholder="中文" aria-label={`${t('library.note')} · 中文`} value={note.zh} onChange={(e) => onNote({ ...note, zh: e.target.value })} />
          <input className="input" lang="en" placeholder="English" aria-label={`${t('library.note')} · English`} value={note.en} onChange={(e) => onNote({ ...note, en: e.target.value })} />
        </div>
      </fieldset>
      <label className="editor-row">
        <span className="field-label">{t('library.source')}</span>
        <input className="input" value={source} onChange={(e) => onSource(e.target.value)} />
      </label>
    </>
  );
}

/** Relate this entry to another: the relation kinds this kind may start, and a searchable target. */
export function RelationEditor({ from, onClose }: { from: Entity; onClose(): void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const toast = useToast();
  const kinds = RELATION_KINDS.filter((k) => RELATIONS[k].from.length === 0 || RELATIONS[k].from.includes(from.kind));
  const [kind, setKind] = useState<RelationKind>(kinds[0] ?? 'related-to');
  const [query, setQuery] = useState('');
  const [target, setTarget] = useState<{ id: string; title: string } | null>(null);
  const [note, setNote] = useState(emptyText());
  const [source, setSource] = useState(from.source);
  const allowed = RELATIONS[kind].to;
  const results = useApiQuery(
    'kb.search',
    { query: query.trim() || ' ', kinds: allowed.length ? [...allowed] : undefined, lang, limit: 8 },
    { enabled: query.trim() !== '' },
  );

  async function save() {
    if (!target) return;
    try {
      await client.call('kb.relations.create', { relation: { kind, from: from.id, to: target.id, note, source } });
      invalidateScope('kb');
      onClose();
    } catch (error) {
      toast({ tone: 'error', message: errorMessage(error) });
    }
  }

  return (
    <Dialog
      title={t('library.addRelationTitle', { title: pick(from.title, lang) })}
      onClose={onClose}
      width={620}
      footer={<DialogActions onCancel={onClose} label={t('library.addRelation')} disabled={!target} onConfirm={() => void save()} />}
    >
      <div className="editor">
        <label className="editor-row">
          <span className="field-label">{t('library.relationKind')}</span>
          <select
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as RelationKind);
              setTarget(null);
            }}
          >
            {kinds.map((k) => (
              <option key={k} value={k}>
                {pick(RELATIONS[k].forward, lang)}
              </option>
            ))}
          </select>
        </label>
        <div className="editor-row">
          <label className="field-label" htmlFor="relation-target">
            {t('library.relationTarget')}
          </label>
          <input
            id="relation-target"
            className="input"
            type="search"
            value={target ? target.title : query}
            placeholder={t('library.relationTargetPlaceholder', {
              kinds: allowed.length ? allowed.map((k) => pick(KINDS[k].label, lang)).join(' / ') : t('library.anyKind'),
            })}
            onChange={(e) => {
              setTarget(null);
              setQuery(e.target.value);
            }}
          />
          {!target && query.trim() !== '' && (
            <ul className="picker" role="listbox" aria-label={t('library.relationTarget')}>
              {(results.data?.hits ?? [])
                .filter((h) => h.id !== from.id)
                .map((hit) => (
                  <li key={hit.id} role="option" aria-selected={false} tabIndex={0} onClick={() => setTarget(hit)} onKeyDown={(e) => e.key === 'Enter' && setTarget(hit)}>
                    <strong>{hit.title}</strong> <span className="badge">{pick(KINDS[hit.kind].label, lang)}</span>
                    <div className="muted">{hit.snippet}</div>
                  </li>
                ))}
              {results.data && results.data.hits.length === 0 && <li className="muted">{t('library.noMatches', { text: query })}</li>}
            </ul>
          )}
        </div>
        <NoteFields note={note} onNote={setNote} source={source} onSource={setSource} />
      </div>
    </Dialog>
  );
}
