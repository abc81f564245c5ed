import type { Handlers } from '../router.ts';
import { appHandlers } from './app.ts';
import { decisionHandlers } from './decisions.ts';
import { jobHandlers } from './jobs.ts';
import { kbHandlers } from './kb.ts';
import { mapHandlers } from './maps.ts';
import { presentationHandlers } from './presentations.ts';

/** Every method of the contract has exactly one handler; the type fails if one is missing. */
export const handlers: Handlers = {
  ...appHandlers,
  ...kbHandlers,
  ...mapHandlers,
  ...presentationHandlers,
  ...decisionHandlers,
  ...jobHandlers,
};
