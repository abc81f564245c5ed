import { Redo2, Undo2 } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { DocumentState } from './useDocument.ts';

/** The toolbar's Undo and Redo for an open document (a map, a decision). */
export function UndoRedo({ doc }: { doc: Pick<DocumentState<unknown>, 'history' | 'undo' | 'redo'> }) {
  const { t } = useTranslation();
  return (
    <>
      <button type="button" className="icon-button" aria-label={t('maps.undo')} title={t('maps.undo')} disabled={!doc.history?.past.length} onClick={doc.undo}>
        <Undo2 size={16} />
      </button>
      <button type="button" className="icon-button" aria-label={t('maps.redo')} title={t('maps.redo')} disabled={!doc.history?.future.length} onClick={doc.redo}>
        <Redo2 size={16} />
      </button>
    </>
  );
}
