import { useCallback, useEffect, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { MapGeometry } from '../../../../core/graph/geometry.ts';
import type { MapDocument } from '../../../../core/graph/model.ts';
import { insertStep } from '../../../../core/present/edit.ts';
import type { Position, PresentationDocument } from '../../../../core/present/model.ts';
import { stepAt } from '../../../../core/present/navigate.ts';
import { regionOf, viewOf, type StepView } from '../../../../core/present/view.ts';
import { client } from '../../api.ts';
import { Menu } from '../../ui/Menu.tsx';
import { useApiQuery } from '../../ui/query.ts';
import { useToast } from '../../ui/toasts.tsx';
import type { MapCanvasHandle } from '../maps/MapCanvas.tsx';
import { audienceHref, openAudienceWindow, presenterHref } from './launch.ts';
import { prunedMessage } from './pruned.ts';
import { StepEditor } from './StepEditor.tsx';
import { StepList } from './StepList.tsx';
import { currentRegion, frameStep, highlightOf, revealAlso } from './stepViews.ts';
import { useCall } from './useCall.ts';
import { usePresentationDocument } from './usePresentationDocument.ts';
import './present.css';

interface Props {
  mapId: string;
  map: MapDocument;
  geometry: MapGeometry;
  selection: ReadonlySet<string>;
  canvas: RefObject<MapCanvasHandle | null>;
  /** What the selected step shows, for the editor to draw (null: the whole map as usual). */
  onPreview(view: StepView | null): void;
}

/** Authoring presentations of the open map, beside the canvas. */
export function PresentationPanel(props: Props) {
  const { t } = useTranslation();
  const call = useCall();
  const list = useApiQuery('presentations.list', { mapId: props.mapId });
  const [chosen, setChosen] = useState<string | null>(null);
  const presentations = list.data ?? [];
  const id = presentations.some((p) => p.id === chosen) ? chosen : (presentations[0]?.id ?? null);
  const { onPreview } = props;
  useEffect(() => () => onPreview(null), [onPreview]);

  const create = (from: 'empty' | 'reveal') =>
    void call(
      client.call('presentations.create', {
        mapId: props.mapId,
        title: from === 'reveal' ? t('present.generatedTitle', { map: props.map.title }) : t('present.newTitle', { map: props.map.title }),
        from,
      }),
      (created) => setChosen(created.id),
    );

  return (
    <aside className="presentation-panel" aria-label={t('present.panelHint')}>
      <div className="panel-head">
        {presentations.length > 0 && (
          <select aria-label={t('present.choose')} value={id ?? ''} onChange={(e) => setChosen(e.target.value)}>
            {presentations.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </select>
        )}
        <button type="button" className="button small" onClick={() => create('empty')}>
          {t('present.new')}
        </button>
        <button type="button" className="button small" onClick={() => create('reveal')}>
          {t('present.generate')}
        </button>
      </div>
      {id ? <PresentationAuthor key={id} id={id} {...props} onDeleted={() => setChosen(null)} /> : <p className="muted">{t('present.none')}</p>}
    </aside>
  );
}

function PresentationAuthor({ id, map, geometry, selection, canvas, onPreview, onDeleted }: Props & { id: string; onDeleted(): void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const call = useCall();
  const onError = useCallback((message: string) => toast({ tone: 'error', message }), [toast]);
  const onPruned = useCallback((pruned: Parameters<typeof prunedMessage>[0]) => toast({ message: prunedMessage(pruned, t) }), [toast, t]);
  const presentation = usePresentationDocument(id, onError, onPruned);
  const sessions = useApiQuery('sessions.list', { presentationId: id });
  const displays = useApiQuery('app.displays', {});
  const [at, setAt] = useState<Position | null>(null);
  const doc = presentation.history?.present;
  const step = doc && at ? stepAt(doc, at) : null;

  // The editor draws the selected step as the room will see it (what it hides stays faint).
  useEffect(() => onPreview(step ? viewOf(step) : null), [step, onPreview]);

  if (!doc) return null;
  const current: PresentationDocument = doc;

  function select(pos: Position | null) {
    setAt(pos);
    const target = pos && stepAt(current, pos);
    if (target) frameStep(canvas.current, regionOf(target, geometry, viewOf(target)), current.settings);
  }

  function change(next: PresentationDocument, pos?: Position | null) {
    presentation.change(next);
    if (pos !== undefined) setAt(pos);
  }

  function addStep() {
    const base = step;
    const highlight = selection.size ? highlightOf(map, selection) : [];
    const title = map.concepts.filter((c) => selection.has(c.id)).slice(0, 2).map((c) => c.label.replace(/\s+/g, ' ')).join(', ');
    const added = insertStep(current, at, {
      title,
      camera: currentRegion(canvas.current),
      reveal: base ? revealAlso(map, base.reveal, selection) : null,
      highlight,
      notes: '',
    });
    change(added.doc, added.at);
  }

  async function present(choice: 'window' | 'here', display: number | null = null) {
    await presentation.flush();
    await call(client.call('sessions.start', { presentationId: id }), ({ id: sessionId }) => {
      if (choice === 'here') {
        window.location.hash = audienceHref(id, sessionId, null);
        void document.documentElement.requestFullscreen?.().catch(() => undefined);
        return;
      }
      openAudienceWindow(audienceHref(id, sessionId, display));
      window.location.hash = presenterHref(id, sessionId);
    });
  }

  const screens = (displays.data ?? []).filter((d) => !d.primary);
  const settings = current.settings;
  const setSettings = (patch: Partial<typeof settings>) => change({ ...current, settings: { ...settings, ...patch } });

  return (
    <div className="presentation-author">
      <label className="form-field">
        <span>{t('present.title')}</span>
        <input className="input" value={current.title} onChange={(e) => e.target.value.trim() && change({ ...current, title: e.target.value })} />
      </label>

      <div className="button-row">
        <button type="button" className="button small" disabled={!current.steps.length} title={t('present.previewHint')} onClick={() => void presentation.flush().then(() => (window.location.hash = audienceHref(id, null, null)))}>
          {t('present.preview')}
        </button>
        {current.steps.length > 0 && (
          <Menu
            label={<>▶ {t('present.present')}</>}
            items={[
              ...screens.map((d) => ({ key: `d${d.id}`, label: t('present.presentOn', { screen: `${d.label} (${d.width}×${d.height})` }), run: () => void present('window', d.id) })),
              { key: 'window', label: t('present.newWindow'), run: () => void present('window') },
              { key: 'here', label: t('present.here'), run: () => void present('here') },
            ]}
          />
        )}
        <span className="spacer" />
        <button
          type="button"
          className="button small danger"
          onClick={() => {
            if (window.confirm(t('present.confirmDelete', { title: current.title }))) void call(client.call('presentations.delete', { id }), onDeleted);
          }}
        >
          {t('present.deletePresentation')}
        </button>
      </div>

      <h3 className="section-title">
        {t('present.steps')}
        <button type="button" className="button small primary" title={t('present.addStepHint')} onClick={addStep}>
          + {t('present.addStep')}
        </button>
      </h3>
      <StepList doc={current} at={at} geometry={geometry} onSelect={select} onChange={change} />

      {at && step && <StepEditor doc={current} at={at} map={map} geometry={geometry} selection={selection} currentView={() => currentRegion(canvas.current)} onChange={change} />}

      <details className="projector-settings">
        <summary>{t('present.projector')}</summary>
        <label className="form-field">
          <span>{t('present.theme')}</span>
          <select value={settings.theme} onChange={(e) => setSettings({ theme: e.target.value === 'light' ? 'light' : 'dark' })}>
            <option value="dark">{t('present.themeDark')}</option>
            <option value="light">{t('present.themeLight')}</option>
          </select>
        </label>
        <label className="form-field">
          <span>{t('present.minLabel')}</span>
          <input className="input" type="number" min={8} max={64} value={settings.minLabelPx} onChange={(e) => setSettings({ minLabelPx: Math.min(64, Math.max(8, Number(e.target.value) || 18)) })} />
        </label>
        <label className="form-field">
          <span>{t('present.transition')}</span>
          <input className="input" type="number" min={0} max={5000} step={100} value={settings.transitionMs} onChange={(e) => setSettings({ transitionMs: Math.min(5000, Math.max(0, Number(e.target.value) || 0)) })} />
        </label>
      </details>

      <details className="sessions" open={(sessions.data?.length ?? 0) > 0}>
        <summary>{t('present.sessions')}</summary>
        {sessions.data?.length ? (
          <ul>
            {sessions.data.map((s) => (
              <li key={s.id}>
                <span>{t('present.sessionLine', { date: new Date(s.startedAt).toLocaleString(), votes: s.votes, parked: s.parked })}</span>
                {s.endedAt ? (
                  <a href={`#/present/${id}?session=${encodeURIComponent(s.id)}&view=report`}>{t('present.openReport')}</a>
                ) : (
                  <a href={presenterHref(id, s.id)}>{t('present.resume')}</a>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('present.noSessions')}</p>
        )}
      </details>
    </div>
  );
}
