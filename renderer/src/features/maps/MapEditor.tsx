import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Download, Focus, Maximize, Minus, Plus, Presentation, Search } from 'lucide-react';
import {
  applyLayout,
  copySelection,
  deleteNodes,
  groupConcepts,
  paste,
  renameNode,
  setPinned,
  type Clipboard,
} from '../../../../core/graph/actions.ts';
import { AppError } from '../../../../core/api.ts';
import { mapGeometry } from '../../../../core/graph/geometry.ts';
import type { LayoutOptions } from '../../../../core/graph/layout/index.ts';
import type { Direction, MapDocument } from '../../../../core/graph/model.ts';
import { neighbourhood } from '../../../../core/graph/neighbourhood.ts';
import { normalise } from '../../../../core/search/cjk.ts';
import { client } from '../../api.ts';
import { downloadFile } from '../../ui/download.ts';
import { errorMessage } from '../../ui/errors.ts';
import { ErrorView, Loading } from '../../ui/StateViews.tsx';
import { Menu } from '../../ui/Menu.tsx';
import { useToast } from '../../ui/toasts.tsx';
import { useResolvedTheme } from '../../ui/theme.ts';
import type { StepView } from '../../../../core/present/view.ts';
import { PresentationPanel } from '../present/PresentationPanel.tsx';
import { prunedMessage } from '../present/pruned.ts';
import { Inspector } from './Inspector.tsx';
import { layoutMap } from './layoutClient.ts';
import { MapCanvas, type MapCanvasHandle } from './MapCanvas.tsx';
import { nearestInDirection } from './keyboard.ts';
import type { SceneState } from './scene.ts';
import { useMapDocument } from './useMapDocument.ts';
import { UndoRedo } from '../../ui/UndoRedo.tsx';

type LayoutChoice = 'layered-TB' | 'layered-LR' | 'force' | 'radial';
const LAYOUTS: LayoutChoice[] = ['layered-TB', 'layered-LR', 'force', 'radial'];
const ANIMATION_MS = 450;

/** One map open for editing: toolbar, canvas and inspector. */
export function MapEditor({ id }: { id: string }) {
  const { t } = useTranslation();
  const toast = useToast();
  const theme = useResolvedTheme();
  const onConflict = useCallback((message: string) => toast({ tone: 'error', message }), [toast]);
  const onPruned = useCallback((pruned: Parameters<typeof prunedMessage>[0]) => toast({ message: prunedMessage(pruned, t) }), [toast, t]);
  const map = useMapDocument(id, onConflict, onPruned);
  const [presenting, setPresenting] = useState(false);
  const [stepView, setStepView] = useState<StepView | null>(null);
  const canvas = useRef<MapCanvasHandle>(null);
  const [selection, setSelection] = useState<Set<string>>(new Set());
  const [editing, setEditing] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [matchIndex, setMatchIndex] = useState(0);
  const [focusSteps, setFocusSteps] = useState(0);
  const [focusOn, setFocusOn] = useState<string | null>(null);
  const clipboard = useRef<Clipboard | null>(null);
  const doc = map.history?.present;
  const geometry = useMemo(() => (doc ? mapGeometry(doc) : null), [doc]);

  const hits = useMemo(() => {
    const q = normalise(query.trim());
    if (!doc || !q) return [] as string[];
    return doc.concepts.filter((c) => normalise(c.label).includes(q)).map((c) => c.id);
  }, [doc, query]);
  useEffect(() => {
    if (hits.length) canvas.current?.centerOn([hits[Math.min(matchIndex, hits.length - 1)] ?? '']);
  }, [hits, matchIndex]);

  const focusSet = useMemo(() => (doc && focusOn && focusSteps > 0 ? neighbourhood(doc, focusOn, focusSteps) : null), [doc, focusOn, focusSteps]);
  const sceneState: SceneState = useMemo(
    () => ({ selection, hits: new Set(hits), focus: focusSet, theme, ...(stepView ? { revealed: stepView.revealed, highlighted: stepView.highlighted, ghost: true } : {}) }),
    [selection, hits, focusSet, theme, stepView],
  );

  /** A layout in a worker: how far it has got (0–1), and how to stop it. */
  const [laying, setLaying] = useState<{ share: number; stop: AbortController } | null>(null);
  const relayout = useCallback(
    async (choice: LayoutChoice) => {
      if (!doc) return;
      const [kind, direction] = choice.split('-') as [LayoutOptions['kind'], Direction | undefined];
      const focus = kind === 'radial' ? ([...selection][0] ?? undefined) : undefined;
      const stop = new AbortController();
      setLaying({ share: 0, stop });
      try {
        const positions = await layoutMap(doc, { kind, direction, focus }, { signal: stop.signal, onProgress: (done, total) => setLaying((l) => (l?.stop === stop ? { share: done / total, stop } : l)) });
        const target = applyLayout(
          { ...doc, settings: { direction: direction ?? doc.settings.direction, layout: kind } },
          positions,
        );
        animate(doc, target, map.preview, () => map.change(target));
      } catch (error) {
        if (!(error instanceof AppError && error.code === 'cancelled')) toast({ tone: 'error', message: errorMessage(error) });
      } finally {
        // A layout asked for since then keeps its own status.
        setLaying((l) => (l?.stop === stop ? null : l));
      }
    },
    [doc, selection, map, toast],
  );

  if (map.error) return <ErrorView error={map.error} />;
  if (!doc || !geometry) return <Loading />;
  const current: MapDocument = doc;
  const selected = [...selection];

  function commit(next: MapDocument, edit?: { id: string }) {
    map.change(next);
    if (edit) {
      setSelection(new Set([edit.id]));
      setEditing(edit.id);
    }
  }

  function onKey(e: React.KeyboardEvent): boolean {
    const mod = e.ctrlKey || e.metaKey;
    if (mod && e.key.toLowerCase() === 'z') {
      if (e.shiftKey) map.redo();
      else map.undo();
      return true;
    }
    if (mod && e.key.toLowerCase() === 'y') return map.redo(), true;
    if (mod && e.key.toLowerCase() === 'c') {
      clipboard.current = copySelection(current, selected);
      return true;
    }
    if (mod && e.key.toLowerCase() === 'v' && clipboard.current) {
      const pasted = paste(current, clipboard.current);
      map.change(pasted.map);
      setSelection(new Set(pasted.ids));
      return true;
    }
    if (mod && e.key.toLowerCase() === 'a') {
      setSelection(new Set(current.concepts.map((c) => c.id)));
      return true;
    }
    if (e.key === 'Delete' || e.key === 'Backspace') {
      if (!selected.length) return false;
      map.change(deleteNodes(current, selected));
      setSelection(new Set());
      return true;
    }
    if (e.key === 'Enter' && selected.length === 1) return setEditing(selected[0] ?? null), true;
    if (e.key.startsWith('Arrow')) {
      const next = nearestInDirection(geometry as NonNullable<typeof geometry>, selected[selected.length - 1], e.key);
      if (next) {
        setSelection(new Set([next.id]));
        canvas.current?.centerOn([next.id]);
      }
      return true;
    }
    if (e.key === '+' || e.key === '=') return canvas.current?.zoomBy(1.25), true;
    if (e.key === '-') return canvas.current?.zoomBy(0.8), true;
    if (e.key === '0') return canvas.current?.fit(), true;
    if (e.key === 'Escape') {
      setSelection(new Set());
      setFocusOn(null);
      return true;
    }
    if (e.key.toLowerCase() === 'p' && selected.length) {
      const pinned = selected.every((s) => current.layout[s]?.pinned);
      map.change(setPinned(current, selected, !pinned));
      return true;
    }
    if (e.key.toLowerCase() === 'g' && selected.length) {
      const grouped = groupConcepts(current, selected, t('maps.newGroup'));
      map.change(grouped.map);
      setEditing(grouped.id);
      return true;
    }
    if (e.key.toLowerCase() === 'f' && selected.length === 1) {
      setFocusOn(selected[0] ?? null);
      setFocusSteps((s) => s || 1);
      return true;
    }
    return false;
  }

  async function exportAs(format: 'mermaid' | 'cxl' | 'svg' | 'png' | 'json', scale = 1) {
    try {
      await map.flush();
      downloadFile(await client.call('maps.export', { id, format, scale, theme: 'light' }));
    } catch (error) {
      toast({ tone: 'error', message: errorMessage(error) });
    }
  }

  const editingLabel = editing
    ? (current.concepts.find((c) => c.id === editing)?.label ?? current.phrases.find((p) => p.id === editing)?.label ?? current.groups.find((g) => g.id === editing)?.title ?? '')
    : '';
  const layoutChoice: LayoutChoice = current.settings.layout === 'layered' ? (current.settings.direction === 'LR' ? 'layered-LR' : 'layered-TB') : current.settings.layout === 'force' || current.settings.layout === 'radial' ? current.settings.layout : 'layered-TB';

  return (
    <div className="map-editor">
      <div className="map-toolbar" role="toolbar" aria-label={t('maps.toolbar')}>
        <label className="map-layout">
          <span>{t('maps.layout')}</span>
          <select value={layoutChoice} onChange={(e) => void relayout(e.target.value as LayoutChoice)}>
            {LAYOUTS.map((l) => (
              <option key={l} value={l}>
                {t(`maps.layouts.${l}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="icon-button" title={t('maps.relayout')} aria-label={t('maps.relayout')} onClick={() => void relayout(layoutChoice)}>
          ↻
        </button>
        {laying && (
          <span className="map-laying" role="status">
            {t('maps.layingOut', { percent: Math.round(laying.share * 100) })}
            <button type="button" className="button small" onClick={() => laying.stop.abort()}>
              {t('common.cancel')}
            </button>
          </span>
        )}
        <span className="divider" />
        <button type="button" className="icon-button" aria-label={t('maps.zoomOut')} title={t('maps.zoomOut')} onClick={() => canvas.current?.zoomBy(0.8)}>
          <Minus size={16} />
        </button>
        <button type="button" className="icon-button" aria-label={t('maps.zoomIn')} title={t('maps.zoomIn')} onClick={() => canvas.current?.zoomBy(1.25)}>
          <Plus size={16} />
        </button>
        <button type="button" className="icon-button" aria-label={t('maps.fit')} title={t('maps.fit')} onClick={() => canvas.current?.fit()}>
          <Maximize size={16} />
        </button>
        <span className="divider" />
        <UndoRedo doc={map} />
        <span className="divider" />
        <div className="map-search">
          <Search size={14} aria-hidden />
          <input
            type="search"
            className="input"
            placeholder={t('maps.search')}
            aria-label={t('maps.search')}
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setMatchIndex(0);
            }}
            onKeyDown={(e) => e.key === 'Enter' && hits.length && setMatchIndex((i) => (i + 1) % hits.length)}
          />
          {query && <span className="muted">{hits.length ? `${Math.min(matchIndex, hits.length - 1) + 1}/${hits.length}` : '0'}</span>}
        </div>
        <label className="map-focus" title={t('maps.focusHint')}>
          <Focus size={14} aria-hidden />
          <select
            aria-label={t('maps.focus')}
            value={focusOn ? focusSteps : 0}
            onChange={(e) => {
              const steps = Number(e.target.value);
              setFocusSteps(steps);
              setFocusOn(steps ? (selected[0] ?? focusOn) : null);
            }}
          >
            <option value={0}>{t('maps.focusOff')}</option>
            {[1, 2, 3].map((n) => (
              <option key={n} value={n} disabled={!selected.length && !focusOn}>
                {t('maps.focusSteps', { count: n })}
              </option>
            ))}
          </select>
        </label>
        <span className="spacer" />
        <button type="button" className="button" aria-pressed={presenting} title={t('present.panelHint')} onClick={() => setPresenting(!presenting)}>
          <Presentation size={15} /> {t('present.panel')}
        </button>
        <span className="muted save-state" aria-live="polite">
          {map.saving ? t('maps.saving') : t('maps.saved')}
        </span>
        <Menu
          label={
            <>
              <Download size={15} /> {t('maps.export')}
            </>
          }
          items={[
            ...(['mermaid', 'cxl', 'svg', 'json'] as const).map((f) => ({ key: f, label: t(`maps.exportAs.${f}`), run: () => void exportAs(f) })),
            ...[1, 2, 3].map((scale) => ({ key: `png${scale}`, label: t('maps.exportPng', { scale }), run: () => void exportAs('png', scale) })),
          ]}
        />
      </div>
      <div className="map-body">
        <MapCanvas
          ref={canvas}
          doc={current}
          geometry={geometry}
          state={sceneState}
          editable
          className={stepView ? 'authoring' : ''}
          ariaLabel={current.title}
          onSelect={setSelection}
          onPreview={map.preview}
          onCommit={commit}
          onKey={onKey}
          onEditRequest={setEditing}
          editing={editing}
          editLabel={editingLabel}
          onEditDone={(nodeId, text) => {
            setEditing(null);
            if (text !== null && text !== editingLabel) map.change(renameNode(current, nodeId, text));
            canvas.current?.element()?.focus();
          }}
        />
        {presenting ? (
          <PresentationPanel mapId={id} map={current} geometry={geometry} selection={selection} canvas={canvas} onPreview={setStepView} />
        ) : (
          <Inspector doc={current} selection={selection} onChange={map.change} onEdit={setEditing} onSelect={setSelection} />
        )}
      </div>
    </div>
  );
}

/** Moves nodes from one layout to the next over a short animation; pinned nodes stay put. */
function animate(from: MapDocument, to: MapDocument, preview: (doc: MapDocument) => void, done: () => void): void {
  const start = performance.now();
  const step = (now: number) => {
    const t = Math.min(1, (now - start) / ANIMATION_MS);
    const ease = t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2;
    const layout: MapDocument['layout'] = {};
    for (const [id, target] of Object.entries(to.layout)) {
      const origin = from.layout[id] ?? target;
      layout[id] = { x: origin.x + (target.x - origin.x) * ease, y: origin.y + (target.y - origin.y) * ease, pinned: target.pinned };
    }
    if (t < 1) {
      preview({ ...to, layout });
      requestAnimationFrame(step);
    } else done();
  };
  requestAnimationFrame(step);
}
