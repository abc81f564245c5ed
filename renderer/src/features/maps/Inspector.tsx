import { useTranslation } from 'react-i18next';
import { Pin, PinOff, Trash2 } from 'lucide-react';
import { deleteNodes, groupConcepts, restyleConcepts, restylePhrases, setCollapsed, setPinned } from '../../../../core/graph/actions.ts';
import { SHAPES, type MapDocument, type Shape } from '../../../../core/graph/model.ts';
import { routeHref } from '../../ui/route.ts';

/** Colour-blind-safe fills (Okabe–Ito hues, lightened) to restyle concepts with. */
const FILLS = ['#ffffff', '#e3f0fb', '#fdf0d9', '#e2f4ee', '#fbe8df', '#f7e6f0', '#fbf8d9', '#eef0f3'];

/** The side panel: what is selected and what can be done to it; the map's settings otherwise. */
export function Inspector({
  doc,
  selection,
  onChange,
  onEdit,
  onSelect,
}: {
  doc: MapDocument;
  selection: ReadonlySet<string>;
  onChange(next: MapDocument): void;
  onEdit(id: string): void;
  onSelect(ids: Set<string>): void;
}) {
  const { t } = useTranslation();
  const ids = [...selection];
  const concepts = doc.concepts.filter((c) => selection.has(c.id));
  const phrases = doc.phrases.filter((p) => selection.has(p.id));
  const pinned = ids.length > 0 && ids.every((id) => doc.layout[id]?.pinned);
  const single = concepts.length === 1 && ids.length === 1 ? concepts[0] : undefined;

  if (ids.length === 0)
    return (
      <aside className="map-inspector" aria-label={t('maps.inspector')}>
        <h3>{t('maps.mapSettings')}</h3>
        <label className="editor-row">
          <span className="field-label">{t('maps.titleField')}</span>
          <input className="input" value={doc.title} onChange={(e) => onChange({ ...doc, title: e.target.value })} />
        </label>
        <p className="muted small">{t('maps.counts', { concepts: doc.concepts.length, phrases: doc.phrases.length, groups: doc.groups.length })}</p>
        {doc.groups.length > 0 && (
          <>
            <h4>{t('maps.groups')}</h4>
            <ul className="group-list">
              {doc.groups.map((g) => (
                <li key={g.id}>
                  <button type="button" className="link-button" onClick={() => onSelect(new Set(g.members))}>
                    {g.title || g.id}
                  </button>
                  <button type="button" className="button ghost small" onClick={() => onChange(setCollapsed(doc, g.id, !g.collapsed))}>
                    {g.collapsed ? t('maps.expand') : t('maps.collapse')}
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
        <h4>{t('maps.shortcuts')}</h4>
        <ul className="shortcuts muted small">
          {(['add', 'link', 'edit', 'move', 'select', 'remove', 'undo', 'zoom', 'keys'] as const).map((k) => (
            <li key={k}>{t(`maps.help.${k}`)}</li>
          ))}
        </ul>
      </aside>
    );

  return (
    <aside className="map-inspector" aria-label={t('maps.inspector')}>
      <h3>{single ? single.label || t('maps.untitled') : t('maps.selected', { count: ids.length })}</h3>
      {single?.entity && (
        <p>
          <a href={routeHref('library', single.entity)}>{t('maps.openEntity')}</a> <span className="source-chip">{single.entity}</span>
        </p>
      )}
      {ids.length === 1 && (
        <button type="button" className="button" onClick={() => onEdit(ids[0] ?? '')}>
          {t('maps.rename')}
        </button>
      )}
      {concepts.length > 0 && (
        <>
          <label className="editor-row">
            <span className="field-label">{t('maps.shape')}</span>
            <select
              value={concepts[0]?.style.shape ?? 'round'}
              onChange={(e) => onChange(restyleConcepts(doc, concepts.map((c) => c.id), { shape: e.target.value as Shape }))}
            >
              {SHAPES.map((s) => (
                <option key={s} value={s}>
                  {t(`maps.shapes.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <div className="editor-row">
            <span className="field-label">{t('maps.colour')}</span>
            <div className="swatches" role="group" aria-label={t('maps.colour')}>
              {FILLS.map((fill) => (
                <button
                  key={fill}
                  type="button"
                  className="swatch"
                  style={{ background: fill }}
                  aria-label={fill}
                  aria-pressed={concepts.every((c) => c.style.fill === fill)}
                  onClick={() => onChange(restyleConcepts(doc, concepts.map((c) => c.id), { fill }))}
                />
              ))}
              <button type="button" className="button ghost small" onClick={() => onChange(restyleConcepts(doc, concepts.map((c) => c.id), { fill: undefined, stroke: undefined, text: undefined }))}>
                {t('maps.resetColour')}
              </button>
            </div>
          </div>
          <label className="editor-row">
            <span className="field-label">{t('maps.size')}</span>
            <select value={concepts[0]?.style.size ?? 1} onChange={(e) => onChange(restyleConcepts(doc, concepts.map((c) => c.id), { size: Number(e.target.value) }))}>
              {[0.8, 1, 1.25, 1.5, 2].map((s) => (
                <option key={s} value={s}>
                  {Math.round(s * 100)}%
                </option>
              ))}
            </select>
          </label>
        </>
      )}
      {phrases.length > 0 && (
        <label className="editor-row">
          <span className="field-label">{t('maps.line')}</span>
          <select value={phrases[0]?.style.line ?? 'solid'} onChange={(e) => onChange(restylePhrases(doc, phrases.map((p) => p.id), { line: e.target.value as 'solid' }))}>
            {(['solid', 'dotted', 'thick', 'invisible'] as const).map((l) => (
              <option key={l} value={l}>
                {t(`maps.lines.${l}`)}
              </option>
            ))}
          </select>
        </label>
      )}
      <div className="inspector-actions">
        <button type="button" className="button" onClick={() => onChange(setPinned(doc, ids, !pinned))}>
          {pinned ? <PinOff size={14} /> : <Pin size={14} />} {pinned ? t('maps.unpin') : t('maps.pin')}
        </button>
        {concepts.length > 1 && (
          <button
            type="button"
            className="button"
            onClick={() => {
              const grouped = groupConcepts(doc, concepts.map((c) => c.id), t('maps.newGroup'));
              onChange(grouped.map);
              onEdit(grouped.id);
            }}
          >
            {t('maps.group')}
          </button>
        )}
        <button
          type="button"
          className="button danger"
          onClick={() => {
            onChange(deleteNodes(doc, ids));
            onSelect(new Set());
          }}
        >
          <Trash2 size={14} /> {t('maps.delete')}
        </button>
      </div>
    </aside>
  );
}
