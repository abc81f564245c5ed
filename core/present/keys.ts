/**
 * Presenting from the keyboard and from presentation clickers, which send arrow keys, Page Up/Down
 * and "b" or "." for a black screen. Numbers are typed before a key: "3 Enter" jumps to step 3,
 * "2 D" takes the step's second detour ("D" alone takes the first). S toggles the spotlight, L the
 * parking lot, F fullscreen.
 */
export type PresentAction =
  | { kind: 'next' }
  | { kind: 'previous' }
  | { kind: 'first' }
  | { kind: 'last' }
  | { kind: 'jump'; number: number }
  | { kind: 'detour'; number: number }
  | { kind: 'leave' }
  | { kind: 'black' }
  | { kind: 'spotlight' }
  | { kind: 'parked' }
  | { kind: 'fullscreen' };

const NEXT = new Set(['ArrowRight', 'ArrowDown', 'PageDown', ' ', 'Spacebar']);
const PREVIOUS = new Set(['ArrowLeft', 'ArrowUp', 'PageUp']);

/** What a key does, given the digits typed so far; answers the digits still pending after it. */
export function keyAction(key: string, pending: string): { action: PresentAction | null; pending: string } {
  if (/^[0-9]$/.test(key)) return { action: null, pending: `${pending}${key}`.slice(-3) };
  const number = pending ? Number(pending) : null;
  if (key === 'Backspace' && pending) return { action: null, pending: pending.slice(0, -1) };
  if (key === 'Enter') return { action: number !== null ? { kind: 'jump', number } : { kind: 'next' }, pending: '' };
  if (key === 'd' || key === 'D') return { action: { kind: 'detour', number: number ?? 1 }, pending: '' };
  if (key === 'Escape') return { action: pending ? null : { kind: 'leave' }, pending: '' };
  if (NEXT.has(key)) return { action: { kind: 'next' }, pending: '' };
  if (PREVIOUS.has(key) || key === 'Backspace') return { action: { kind: 'previous' }, pending: '' };
  if (key === 'Home') return { action: { kind: 'first' }, pending: '' };
  if (key === 'End') return { action: { kind: 'last' }, pending: '' };
  if (key === 'b' || key === 'B' || key === '.') return { action: { kind: 'black' }, pending: '' };
  if (key === 's' || key === 'S') return { action: { kind: 'spotlight' }, pending: '' };
  if (key === 'l' || key === 'L') return { action: { kind: 'parked' }, pending: '' };
  if (key === 'f' || key === 'F') return { action: { kind: 'fullscreen' }, pending: '' };
  return { action: null, pending };
}
