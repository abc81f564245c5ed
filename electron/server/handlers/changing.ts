import type { EventPayload } from '../../../core/api.ts';
import type { ServerContext } from '../context.ts';

type Scope = EventPayload<'data.changed'>['scope'];

/** Runs a change and then tells every open view which data it touched (they refetch it). */
export function changing<T>(ctx: ServerContext, scopes: Scope | readonly Scope[], change: () => T): T {
  const result = change();
  for (const scope of typeof scopes === 'string' ? [scopes] : scopes) ctx.emit('data.changed', { scope });
  return result;
}
