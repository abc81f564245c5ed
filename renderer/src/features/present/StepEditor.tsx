import { useTranslation } from 'react-i18next';
import type { MapGeometry } from '../../../../core/graph/geometry.ts';
import type { MapDocument } from '../../../../core/graph/model.ts';
import { addDetour, contentOf, moveStep, removeDetour, removeStep, renameDetour, updateStep } from '../../../../core/present/edit.ts';
import type { Position, PresentationDocument } from '../../../../core/present/model.ts';
import { stepAt } from '../../../../core/present/navigate.ts';
import { crowding } from '../../../../core/present/crowding.ts';
import { hide, highlightOf, revealAlso, revealOnly } from './stepViews.ts';

interface Props {
  doc: PresentationDocument;
  at: Position;
  map: MapDocument;
  geometry: MapGeometry;
  selection: ReadonlySet<string>;
  /** The region shown in the editor now. */
  currentView(): PresentationDocument['steps'][number]['camera'];
  onChange(doc: PresentationDocument, at?: Position | null): void;
}

/** The selected step: its title and notes, what it shows and highlights, its view, its detours. */
export function StepEditor({ doc, at, map, geometry, selection, currentView, onChange }: Props) {
  const { t } = useTranslation();
  const step = stepAt(doc, at);
  if (!step) return null;
  const update = (patch: Parameters<typeof updateStep>[2]) => onChange(updateStep(doc, at, patch));
  const hasSelection = selection.size > 0;
  const listLength = at.detour ? (doc.steps[at.step]?.detours.find((d) => d.id === at.detour?.id)?.steps.length ?? 1) : doc.steps.length;
  const index = at.detour ? at.detour.step : at.step;
  const crowded = crowding(step, geometry, doc.settings);
  const main = !at.detour ? doc.steps[at.step] : undefined;
  const selectionHint = hasSelection ? undefined : t('present.selectFirst');

  return (
    <div className="step-editor">
      <label className="form-field">
        <span>{t('present.title')}</span>
        <input className="input" value={step.title} onChange={(e) => update({ title: e.target.value })} />
      </label>

      <fieldset>
        <legend>
          {t('present.reveal')}: {step.reveal ? t('present.shownCount', { count: step.reveal.length }) : t('present.allShown')}
        </legend>
        <div className="button-row">
          <button type="button" className="button small" disabled={!hasSelection} title={selectionHint} onClick={() => update({ reveal: revealOnly(map, selection) })}>
            {t('present.revealOnly')}
          </button>
          <button type="button" className="button small" disabled={!hasSelection || !step.reveal} title={selectionHint} onClick={() => update({ reveal: revealAlso(map, step.reveal, selection) })}>
            {t('present.revealAlso')}
          </button>
          <button type="button" className="button small" disabled={!hasSelection} title={selectionHint} onClick={() => update({ reveal: hide(map, step.reveal, selection) })}>
            {t('present.hide')}
          </button>
          <button type="button" className="button small" disabled={!step.reveal} onClick={() => update({ reveal: null })}>
            {t('present.revealAll')}
          </button>
        </div>
      </fieldset>

      <fieldset>
        <legend>
          {t('present.highlight')}: {t('present.highlightedCount', { count: step.highlight.length })}
        </legend>
        <div className="button-row">
          <button type="button" className="button small" disabled={!hasSelection} title={selectionHint} onClick={() => update({ highlight: highlightOf(map, selection) })}>
            {t('present.highlightSelection')}
          </button>
          <button type="button" className="button small" disabled={!step.highlight.length} onClick={() => update({ highlight: [] })}>
            {t('present.clearHighlight')}
          </button>
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('present.view')}</legend>
        <div className="button-row">
          <button type="button" className="button small" onClick={() => update({ camera: currentView() })}>
            {t('present.useView')}
          </button>
          <button type="button" className="button small" disabled={!step.camera} onClick={() => update({ camera: null })}>
            {t('present.fitShown')}
          </button>
        </div>
        {crowded && (
          <p className="warning" role="note">
            {t('present.crowded', { px: crowded, min: doc.settings.minLabelPx })}
          </p>
        )}
      </fieldset>

      <label className="form-field">
        <span>{t('present.notes')}</span>
        <textarea className="input" rows={4} placeholder={t('present.notesPlaceholder')} value={step.notes} onChange={(e) => update({ notes: e.target.value })} />
      </label>

      {main && (
        <fieldset>
          <legend>{t('present.detours')}</legend>
          {main.detours.map((d) => (
            <div key={d.id} className="detour-row">
              <input className="input" aria-label={t('present.detourName')} value={d.label} onChange={(e) => onChange(renameDetour(doc, at.step, d.id, e.target.value))} />
              <button type="button" className="icon-button small" aria-label={`${t('present.deleteStep')}: ${d.label}`} onClick={() => onChange(removeDetour(doc, at.step, d.id))}>
                ×
              </button>
            </div>
          ))}
          <button
            type="button"
            className="button small"
            disabled={main.detours.length >= 9}
            onClick={() => {
              const added = addDetour(doc, at.step, t('present.newDetour'), { ...contentOf(main), title: '', notes: '' });
              onChange(added.doc, added.at);
            }}
          >
            {t('present.addDetour')}
          </button>
        </fieldset>
      )}

      <div className="button-row">
        <button type="button" className="button small" disabled={index === 0} onClick={() => onChange(...moved(moveStep(doc, at, index - 1)))}>
          ↑ {t('present.moveUp')}
        </button>
        <button type="button" className="button small" disabled={index >= listLength - 1} onClick={() => onChange(...moved(moveStep(doc, at, index + 1)))}>
          ↓ {t('present.moveDown')}
        </button>
        <span className="spacer" />
        <button type="button" className="button small danger" onClick={() => onChange(...moved(removeStep(doc, at)))}>
          {t('present.deleteStep')}
        </button>
      </div>
    </div>
  );
}

const moved = (result: { doc: PresentationDocument; at: Position | null }): [PresentationDocument, Position | null] => [result.doc, result.at];
