import { useCallback } from 'react';
import { errorMessage } from '../../ui/errors.ts';
import { useToast } from '../../ui/toasts.tsx';

/** Runs a server call for a button, telling the user in a toast if it fails. Answers success. */
export function useCall(): <T>(call: Promise<T>, done?: (value: T) => void) => Promise<boolean> {
  const toast = useToast();
  return useCallback(
    async (call, done) => {
      try {
        done?.(await call);
        return true;
      } catch (error) {
        toast({ tone: 'error', message: errorMessage(error) });
        return false;
      }
    },
    [toast],
  );
}
