import type { Handlers } from '../router.ts';
import { appHandlers } from './app.ts';
import { decisionHandlers } from './decisions.ts';
import { jobHandlers } from './jobs.ts';
import { kbHandlers } from './kb.ts';
import { mapHandlers } from './maps.ts';
import { presentationHandlers } from './presentations.ts';
import { transferHandlers } from './transfer.ts';
import { workspaceHandlers } from './workspace.ts';

/** Every method of the contract has exactly one handler; the type fails if one is missing. */
export const handlers: Handlers = {
  ...appHandlers,
  ...workspaceHandlers,
  ...kbHandlers,
  ...mapHandlers,
  ...presentationHandlers,
  ...decisionHandlers,
  ...transferHandlers,
  ...jobHandlers,
};
