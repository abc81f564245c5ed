import type { PrunedSteps } from '../../../../core/api.ts';
import type { PresentationDocument } from '../../../../core/present/model.ts';
import { client } from '../../api.ts';
import { useDocument, type DocumentState } from '../../ui/useDocument.ts';

export type PresentationState = DocumentState<PresentationDocument>;

/** The presentation being authored, with undo/redo and saving (see ui/useDocument.ts). */
export function usePresentationDocument(id: string, onSaveError: (message: string) => void, onPruned: (pruned: PrunedSteps) => void): PresentationState {
  return useDocument<PresentationDocument>(
    {
      scope: 'presentations',
      load: async () => {
        const presentation = await client.call('presentations.get', { id });
        return { revision: presentation.revision, doc: presentation.document };
      },
      save: async (revision, document) => {
        const result = await client.call('presentations.save', { id, revision, document });
        if (result.pruned.length) onPruned(result.pruned);
        return result.revision;
      },
    },
    onSaveError,
  );
}
