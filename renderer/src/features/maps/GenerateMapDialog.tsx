import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ENTITY_KINDS, KINDS, RELATIONS, RELATION_KINDS, type EntityKind, type RelationKind } from '../../../../core/model/kinds.ts';
import { pick } from '../../../../core/model/text.ts';
import { client } from '../../api.ts';
import { Dialog, DialogActions } from '../../ui/Dialog.tsx';
import { errorMessage } from '../../ui/errors.ts';
import { useLanguage } from '../../ui/i18n.ts';
import { invalidateScope, useApiQuery } from '../../ui/query.ts';
import { navigate } from '../../ui/route.ts';
import { useToast } from '../../ui/toasts.tsx';

/** Draw a map from the knowledge base: around one entry, or a whole kind with what relates to it. */
export function GenerateMapDialog({ onClose, entity }: { onClose(): void; entity?: { id: string; title: string } }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const toast = useToast();
  const [mode, setMode] = useState<'entity' | 'kind'>('entity');
  const [query, setQuery] = useState('');
  const [picked, setPicked] = useState<{ id: string; title: string } | null>(entity ?? null);
  const [depth, setDepth] = useState(2);
  const [kind, setKind] = useState<EntityKind>('model');
  const [relationKinds, setRelationKinds] = useState<Set<RelationKind>>(new Set());
  const [entityKinds, setEntityKinds] = useState<Set<EntityKind>>(new Set());
  const [groupByKind, setGroupByKind] = useState(false);
  const results = useApiQuery('kb.search', { query: query.trim() || ' ', lang, limit: 8 }, { enabled: query.trim() !== '' && !picked });
  const toggle = <T,>(set: Set<T>, value: T) => {
    const next = new Set(set);
    if (next.has(value)) next.delete(value);
    else next.add(value);
    return next;
  };

  async function generate() {
    try {
      const source =
        mode === 'entity'
          ? { from: 'entity' as const, entity: picked?.id ?? '', depth, relationKinds: [...relationKinds], entityKinds: [...entityKinds] }
          : { from: 'kind' as const, kind, relationKinds: [...relationKinds] };
      const { id } = await client.call('maps.generate', { source, lang, groupByKind });
      invalidateScope('maps');
      onClose();
      navigate('maps', id);
    } catch (error) {
      toast({ tone: 'error', message: errorMessage(error) });
    }
  }

  return (
    <Dialog
      title={t('maps.generateTitle')}
      onClose={onClose}
      width={680}
      footer={<DialogActions onCancel={onClose} label={t('maps.generateStart')} disabled={mode === 'entity' && !picked} onConfirm={() => void generate()} />}
    >
      <div className="editor">
        <div className="segmented" role="group" aria-label={t('maps.generateFrom')}>
          <button type="button" aria-pressed={mode === 'entity'} onClick={() => setMode('entity')}>
            {t('maps.fromEntity')}
          </button>
          <button type="button" aria-pressed={mode === 'kind'} onClick={() => setMode('kind')}>
            {t('maps.fromKind')}
          </button>
        </div>
        {mode === 'entity' ? (
          <>
            <div className="editor-row">
              <label className="field-label" htmlFor="generate-entity">
                {t('maps.startEntity')}
              </label>
              <input
                id="generate-entity"
                className="input"
                type="search"
                value={picked ? picked.title : query}
                placeholder={t('maps.startEntityPlaceholder')}
                onChange={(e) => {
                  setPicked(null);
                  setQuery(e.target.value);
                }}
              />
              {!picked && query.trim() !== '' && (
                <ul className="picker" role="listbox" aria-label={t('maps.startEntity')}>
                  {results.data?.hits.map((hit) => (
                    <li key={hit.id} role="option" aria-selected={false} tabIndex={0} onClick={() => setPicked(hit)} onKeyDown={(e) => e.key === 'Enter' && setPicked(hit)}>
                      <strong>{hit.title}</strong> <span className="badge">{pick(KINDS[hit.kind].label, lang)}</span>
                    </li>
                  ))}
                </ul>
              )}
            </div>
            <label className="editor-row">
              <span className="field-label">{t('maps.depth')}</span>
              <select value={depth} onChange={(e) => setDepth(Number(e.target.value))}>
                {[1, 2, 3, 4].map((d) => (
                  <option key={d} value={d}>
                    {t('maps.depthN', { count: d })}
                  </option>
                ))}
              </select>
            </label>
            <fieldset className="editor-row checks">
              <legend className="field-label">{t('maps.onlyKinds')}</legend>
              {ENTITY_KINDS.map((k) => (
                <label key={k}>
                  <input type="checkbox" checked={entityKinds.has(k)} onChange={() => setEntityKinds(toggle(entityKinds, k))} /> {pick(KINDS[k].plural, lang)}
                </label>
              ))}
            </fieldset>
          </>
        ) : (
          <label className="editor-row">
            <span className="field-label">{t('maps.kind')}</span>
            <select value={kind} onChange={(e) => setKind(e.target.value as EntityKind)}>
              {ENTITY_KINDS.map((k) => (
                <option key={k} value={k}>
                  {pick(KINDS[k].plural, lang)}
                </option>
              ))}
            </select>
          </label>
        )}
        <fieldset className="editor-row checks">
          <legend className="field-label">{mode === 'entity' ? t('maps.onlyRelations') : t('maps.withRelations')}</legend>
          {RELATION_KINDS.map((r) => (
            <label key={r}>
              <input type="checkbox" checked={relationKinds.has(r)} onChange={() => setRelationKinds(toggle(relationKinds, r))} /> {pick(RELATIONS[r].forward, lang)}
            </label>
          ))}
        </fieldset>
        <label className="editor-row inline">
          <input type="checkbox" checked={groupByKind} onChange={(e) => setGroupByKind(e.target.checked)} /> {t('maps.groupByKind')}
        </label>
      </div>
    </Dialog>
  );
}
