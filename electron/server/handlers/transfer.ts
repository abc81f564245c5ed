import type { Handlers } from '../router.ts';
import { exportTransfer, importTransfer, previewTransfer } from '../transfer.ts';

type TransferMethod = Extract<keyof Handlers, `transfer.${string}`>;

export const transferHandlers: Pick<Handlers, TransferMethod> = {
  'transfer.export': (selection, { workspace }) => exportTransfer(workspace.db, workspace.info().name, selection),
  'transfer.preview': (input, { workspace }) => previewTransfer(workspace.db, input),
  'transfer.import': (input, ctx) => importTransfer(ctx, input),
};
