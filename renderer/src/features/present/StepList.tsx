import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MapGeometry } from '../../../../core/graph/geometry.ts';
import { moveStep } from '../../../../core/present/edit.ts';
import type { Position, PresentationDocument } from '../../../../core/present/model.ts';
import { samePosition, type AnyStep } from '../../../../core/present/navigate.ts';
import { crowding } from '../../../../core/present/crowding.ts';

interface Props {
  doc: PresentationDocument;
  at: Position | null;
  geometry: MapGeometry;
  onSelect(at: Position): void;
  onChange(doc: PresentationDocument, at: Position): void;
}

/**
 * The steps in order, detours under the step that offers them. Drag a step onto another in the
 * same list to put it there (the step editor has Move up/down for the keyboard).
 */
export function StepList({ doc, at, geometry, onSelect, onChange }: Props) {
  const { t } = useTranslation();
  const [dragged, setDragged] = useState<Position | null>(null);
  const [over, setOver] = useState<Position | null>(null);
  const sameList = (a: Position, b: Position) => (a.detour ? a.step === b.step && a.detour.id === b.detour?.id : !b.detour);

  const item = (step: AnyStep, pos: Position, number: string) => {
    const crowded = crowding(step, geometry, doc.settings);
    const droppable = dragged !== null && sameList(dragged, pos) && !samePosition(dragged, pos);
    return (
      <div
        className={`step-item ${at && samePosition(at, pos) ? 'selected' : ''} ${over && droppable && samePosition(over, pos) ? 'drop-target' : ''}`}
        draggable
        title={t('present.dragHint')}
        onDragStart={(e) => {
          e.dataTransfer.effectAllowed = 'move';
          e.dataTransfer.setData('text/plain', step.id);
          setDragged(pos);
        }}
        onDragEnd={() => {
          setDragged(null);
          setOver(null);
        }}
        onDragOver={(e) => {
          if (!droppable) return;
          e.preventDefault();
          setOver(pos);
        }}
        onDrop={(e) => {
          e.preventDefault();
          if (!dragged || !droppable) return;
          const result = moveStep(doc, dragged, pos.detour ? pos.detour.step : pos.step);
          onChange(result.doc, result.at);
          setDragged(null);
          setOver(null);
        }}
      >
        <button type="button" className="step-select" aria-current={at && samePosition(at, pos) ? 'step' : undefined} onClick={() => onSelect(pos)}>
          <span className="grip" aria-hidden>
            ⋮⋮
          </span>
          <span className="number">{number}</span>
          <span className="step-title">{step.title || t('present.untitledStep', { n: number })}</span>
          <span className="meta">
            {step.reveal ? t('present.shownCount', { count: step.reveal.length }) : t('present.allShown')}
            {step.highlight.length > 0 && ` · ${t('present.highlightedCount', { count: step.highlight.length })}`}
          </span>
          {crowded && (
            <span className="badge warning" title={t('present.crowded', { px: crowded, min: doc.settings.minLabelPx })}>
              {crowded} px
            </span>
          )}
        </button>
      </div>
    );
  };

  if (doc.steps.length === 0) return <p className="muted">{t('present.noSteps')}</p>;
  return (
    <ol className="step-list" aria-label={t('present.steps')}>
      {doc.steps.map((step, i) => (
        <li key={step.id}>
          {item(step, { step: i, detour: null }, String(i + 1))}
          {step.detours.map((detour) => (
            <div key={detour.id} className="detour-block">
              <div className="detour-label">↳ {detour.label}</div>
              <ol>
                {detour.steps.map((s, j) => (
                  <li key={s.id}>{item(s, { step: i, detour: { id: detour.id, step: j } }, `${i + 1}${String.fromCharCode(97 + j)}`)}</li>
                ))}
              </ol>
            </div>
          ))}
        </li>
      ))}
    </ol>
  );
}
