import type { PrunedSteps } from '../../../../core/api.ts';
import type { MapDocument } from '../../../../core/graph/model.ts';
import { client } from '../../api.ts';
import { useDocument, type DocumentState } from '../../ui/useDocument.ts';

export type MapState = DocumentState<MapDocument>;

/** The open map, with undo/redo and saving (see ui/useDocument.ts). */
export function useMapDocument(id: string, onSaveError: (message: string) => void, onPruned?: (pruned: PrunedSteps) => void): MapState {
  return useDocument<MapDocument>(
    {
      scope: 'maps',
      load: async () => {
        const map = await client.call('maps.get', { id });
        return { revision: map.revision, doc: map.document };
      },
      save: async (revision, document) => {
        // Deleting a concept a presentation shows updates its steps; the author is told which.
        const result = await client.call('maps.save', { id, revision, document });
        if (result.pruned.length) onPruned?.(result.pruned);
        return result.revision;
      },
    },
    onSaveError,
  );
}
