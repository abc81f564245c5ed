import { useCallback, useEffect, useRef, useState } from 'react';
import { record, redo, startHistory, undo, type History } from '../../../core/graph/history.ts';
import { client } from '../api.ts';
import { errorMessage } from './errors.ts';
import { invalidateScope } from './query.ts';

const SAVE_DELAY = 400;

export interface DocumentState<T> {
  history: History<T> | null;
  error: string | null;
  saving: boolean;
  /** Apply an edit: pushes the current document on the undo stack and saves soon. */
  change(next: T | ((doc: T) => T)): void;
  /** Show a document without a new undo step (a drag in progress, an animation). */
  preview(doc: T | null): void;
  undo(): void;
  redo(): void;
  flush(): Promise<void>;
}

export interface DocumentStore<T> {
  load(): Promise<{ revision: number; doc: T }>;
  save(revision: number, doc: T): Promise<number>;
  /** The API scope whose cached reads go stale when this document is saved ('maps', 'decisions'). */
  scope: string;
}

/**
 * One open document (a map, a decision): loaded once, edited locally with undo and redo, saved
 * shortly after each change with the revision it was loaded at, so a change made elsewhere
 * meanwhile is reported rather than overwritten. Editors are keyed by document id.
 */
export function useDocument<T>(store: DocumentStore<T>, onSaveError: (message: string) => void): DocumentState<T> {
  const [history, setHistoryState] = useState<History<T> | null>(null);
  const [previewDoc, setPreviewDoc] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const historyRef = useRef<History<T> | null>(null);
  const revision = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saved = useRef<T | null>(null);
  const inFlight = useRef(false);
  const storeRef = useRef(store);

  const setHistory = useCallback((next: History<T>) => {
    historyRef.current = next;
    setHistoryState(next);
  }, []);

  useEffect(() => {
    let live = true;
    storeRef.current
      .load()
      .then(({ revision: loaded, doc }) => {
        if (!live) return;
        revision.current = loaded;
        saved.current = doc;
        setHistory(startHistory(doc));
      })
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [setHistory]);

  const save = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const doc = historyRef.current?.present;
    if (doc === undefined || doc === saved.current) return;
    setSaving(true);
    inFlight.current = true;
    try {
      revision.current = await storeRef.current.save(revision.current, doc);
      saved.current = doc;
      invalidateScope(storeRef.current.scope);
    } catch (e) {
      onSaveError(errorMessage(e));
    } finally {
      inFlight.current = false;
      setSaving(false);
    }
  }, [onSaveError]);

  // A change made elsewhere (another window, a live session, the server updating presentation
  // steps after a map edit) is loaded when this editor has nothing unsaved; otherwise the next
  // save reports the conflict.
  useEffect(() => {
    const unsaved = () => timer.current !== null || inFlight.current || historyRef.current?.present !== saved.current;
    return client.on('data.changed', ({ scope }) => {
      if (scope !== storeRef.current.scope || unsaved()) return;
      void storeRef.current
        .load()
        .then(({ revision: loaded, doc }) => {
          if (loaded === revision.current || unsaved()) return;
          revision.current = loaded;
          saved.current = doc;
          setHistory(startHistory(doc));
        })
        .catch(() => undefined);
    });
  }, [setHistory]);

  const commit = useCallback(
    (next: History<T>) => {
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
    history: history && present !== undefined ? { ...history, present } : history,
    error,
    saving,
    change(next) {
      const h = historyRef.current;
      if (!h) return;
      commit(record(h, typeof next === 'function' ? (next as (doc: T) => T)(h.present) : next));
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
