import { QueryClient, useMutation, useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { MethodInput, MethodName, MethodOutput } from '../../../core/api.ts';
import { client } from '../api.ts';

/**
 * Reads go through react-query keyed by method and arguments, so screens share results and a
 * `data.changed` event refreshes every view of the changed data at once.
 */
export const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: 30_000, retry: false, refetchOnWindowFocus: false } },
});

export function useApiQuery<M extends MethodName>(
  method: M,
  args: MethodInput<M>,
  options: { enabled?: boolean } = {},
): UseQueryResult<MethodOutput<M>> {
  return useQuery({
    queryKey: [method, args],
    queryFn: () => client.call(method, args),
    enabled: options.enabled ?? true,
  });
}

/** Drops cached reads of a scope (`kb.` methods for scope kb) after the server says it changed. */
export function invalidateScope(scope: string): void {
  void queryClient.invalidateQueries({
    predicate: (query) => typeof query.queryKey[0] === 'string' && query.queryKey[0].startsWith(`${scope}.`),
  });
}

/**
 * A write through the API. Views refresh from the server's `data.changed` event; the scope is
 * also invalidated here so the writer's own view is fresh even before the event arrives.
 */
export function useApiMutation<M extends MethodName>(method: M, scope = method.split('.')[0] ?? '') {
  return useMutation({
    mutationFn: (args: MethodInput<M>) => client.call(method, args),
    onSuccess: () => invalidateScope(scope),
  });
}
