import type { MapDocument } from '../../../../core/graph/model.ts';
import { client } from '../../api.ts';
import { useDocument, type DocumentState } from '../../ui/useDocument.ts';

export type MapState = DocumentState<MapDocument>;

/** The open map, with undo/redo and saving (see ui/useDocument.ts). */
export function useMapDocument(id: string, onSaveError: (message: string) => void): MapState {
  return useDocument<MapDocument>(
    {
      scope: 'maps',
      load: async () => {
        const map = await client.call('maps.get', { id });
        return { revision: map.revision, doc: map.document };
      },
      save: async (revision, document) => (await client.call('maps.save', { id, revision, document })).revision,
    },
    onSaveError,
  );
}
