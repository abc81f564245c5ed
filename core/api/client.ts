import type { ApiResult, EventName, EventPayload, MethodInput, MethodName, MethodOutput } from '../api.ts';
import { AppError } from './result.ts';

/**
 * What a transport must offer the UI: `invoke` a method by name, and subscribe to events. The
 * Electron preload and the harness client both implement it, so features never know which
 * one they run on.
 */
export interface Transport {
  invoke(method: string, args: unknown): Promise<ApiResult<unknown>>;
  on(event: EventName, listener: (payload: unknown) => void): () => void;
}

/** A typed client over a transport: `call` resolves with the value or throws an AppError. */
export function createClient(transport: Transport) {
  return {
    async call<M extends MethodName>(method: M, args: MethodInput<M>): Promise<MethodOutput<M>> {
      const result = await transport.invoke(method, args);
      if (!result.ok) throw new AppError(result.error.code, result.error.message, result.error.details);
      return result.value as MethodOutput<M>;
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
      return transport.on(event, listener as (payload: unknown) => void);
    },
  };
}
export type Client = ReturnType<typeof createClient>;
