import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { keyAction, type PresentAction } from '../../../../core/present/keys.ts';
import { enterDetour, first, jump, last, leaveDetour, next, previous } from '../../../../core/present/navigate.ts';
import type { LiveShow } from './useSession.ts';

/** Moves a show by a navigation action; answers false for actions it leaves to the view (Escape on the main path, the spotlight). */
export function applyAction(show: LiveShow, action: PresentAction): boolean {
  const { presentation: doc, position } = show;
  const moves: Partial<Record<PresentAction['kind'], () => void>> = {
    next: () => show.go(next(doc, position)),
    previous: () => show.go(previous(doc, position)),
    first: () => show.go(first()),
    last: () => show.go(last(doc)),
    jump: () => action.kind === 'jump' && show.go(jump(doc, position, action.number)),
    detour: () => action.kind === 'detour' && show.go(enterDetour(doc, position, action.number)),
    ...(position.detour ? { leave: () => show.go(leaveDetour(position)) } : {}),
    black: () => show.setBlack(!show.black),
    parked: () => show.setShowParked(!show.showParked),
  };
  const move = moves[action.kind];
  move?.();
  return move !== undefined;
}

/**
 * Presentation keys on the whole window (clickers send keys to whatever has focus), except while
 * typing in a field. Answers the digits typed so far, for "go to step …" feedback.
 */
export function usePresentKeys(show: LiveShow | null, other?: (action: PresentAction) => void): string {
  const [pending, setPending] = useState('');
  const state = useRef({ show, other, pending });
  useLayoutEffect(() => {
    state.current = { show, other, pending };
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const { show: current, other: handler, pending: digits } = state.current;
      if (!current) return;
      const result = keyAction(event.key, digits);
      if (result.pending !== digits) setPending(result.pending);
      if (!result.action && result.pending === digits) return;
      event.preventDefault();
      if (result.action && !applyAction(current, result.action)) handler?.(result.action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return pending;
}
