import { client } from '../../api.ts';
import { useDocument, type DocumentState } from '../../ui/useDocument.ts';
import type { Problem } from './model.ts';

/** The open decision, with undo/redo and saving (see ui/useDocument.ts). */
export function useDecision(id: string, onSaveError: (message: string) => void): DocumentState<Problem> {
  return useDocument<Problem>(
    {
      scope: 'decisions',
      load: async () => {
        const d = await client.call('decisions.get', { id });
        return { revision: d.revision, doc: d.problem as unknown as Problem };
      },
      save: async (revision, problem) => (await client.call('decisions.save', { id, revision, problem: problem as unknown as Record<string, unknown> })).revision,
    },
    onSaveError,
  );
}
