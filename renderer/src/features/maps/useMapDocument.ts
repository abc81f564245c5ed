import { useCallback, useEffect, useRef, useState } from 'react';
import type { MapDocument } from '../../../../core/graph/model.ts';
import { record, redo, startHistory, undo, type History } from '../../../../core/graph/history.ts';
import { client } from '../../api.ts';
import { errorMessage } from '../../ui/errors.ts';
import { invalidateScope } from '../../ui/query.ts';

const SAVE_DELAY = 400;

export interface MapState {
  history: History<MapDocument> | null;
  error: string | null;
  saving: boolean;
  /** Apply an edit: pushes the current document on the undo stack and saves soon. */
  change(next: MapDocument | ((doc: MapDocument) => MapDocument)): void;
  /** Show a document without a new undo step (a drag in progress, a layout animating). */
  preview(doc: MapDocument): void;
  undo(): void;
  redo(): void;
  flush(): Promise<void>;
}

/**
 * One open map (the editor is keyed by map id): loaded once, edited locally with undo and redo,
 * saved shortly after each change with the revision it was loaded at, so a change made elsewhere
 * meanwhile is reported rather than overwritten.
 */
export function useMapDocument(id: string, onSaveError: (message: string) => void): MapState {
  const [history, setHistoryState] = useState<History<MapDocument> | null>(null);
  const [previewDoc, setPreviewDoc] = useState<MapDocument | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const historyRef = useRef<History<MapDocument> | null>(null);
  const revision = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saved = useRef<MapDocument | null>(null);

  const setHistory = useCallback((next: History<MapDocument>) => {
    historyRef.current = next;
    setHistoryState(next);
  }, []);

  useEffect(() => {
    let live = true;
    client
      .call('maps.get', { id })
      .then((map) => {
        if (!live) return;
        revision.current = map.revision;
        saved.current = map.document;
        setHistory(startHistory(map.document));
      })
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [id, setHistory]);

  const save = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const doc = historyRef.current?.present;
    if (!doc || doc === saved.current) return;
    setSaving(true);
    try {
      const result = await client.call('maps.save', { id, revision: revision.current, document: doc });
      revision.current = result.revision;
      saved.current = doc;
      invalidateScope('maps');
    } catch (e) {
      onSaveError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }, [id, onSaveError]);

  const commit = useCallback(
    (next: History<MapDocument>) => {
      setPreviewDoc(null);
      setHistory(next);
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(), SAVE_DELAY);
    },
    [save, setHistory],
  );

  // Whatever is pending is saved when the editor closes.
  useEffect(() => () => void save(), [save]);

  const present = previewDoc ?? history?.present;
  return {
    history: history && present ? { ...history, present } : history,
    error,
    saving,
    change(next) {
      const h = historyRef.current;
      if (!h) return;
      commit(record(h, typeof next === 'function' ? next(h.present) : next));
    },
    preview: setPreviewDoc,
    undo() {
      if (historyRef.current) commit(undo(historyRef.current));
    },
    redo() {
      if (historyRef.current) commit(redo(historyRef.current));
    },
    flush: save,
  };
}
