/// <reference lib="webworker" />
import { evaluate } from '../../../../core/decision/index.ts';

/** SMAA runs here: 10,000 weight samples must not freeze the page. */
self.onmessage = (event: MessageEvent<{ id: number; problem: unknown }>) => {
  try {
    const result = evaluate(event.data.problem);
    self.postMessage({ id: event.data.id, smaa: result.smaa });
  } catch (error) {
    self.postMessage({ id: event.data.id, error: error instanceof Error ? error.message : String(error) });
  }
};
