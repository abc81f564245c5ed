import { argsortDoubles } from './sort.ts';

/**
 * Scores that differ only by rounding noise (22 vs 22.000000000000004) are ties, not a ranking:
 * merits within this relative distance count as equal.
 */
const TIE_TOLERANCE = 1e-9;

export function tied(a: number, b: number): boolean {
  return Math.abs(a - b) <= TIE_TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));
}

export interface Ranking {
  /** 1 = best; tied alternatives share the better rank (1, 2, 2, 4). */
  ranks: number[];
  /** Alternative indices, best first; ties in input order. */
  order: number[];
  /** Groups of two or more tied alternatives, each in input order. */
  ties: number[][];
}

/** Ranks by merit, higher first. */
export function rankByMerit(merit: Float64Array): Ranking {
  // Radix-sorted ascending, then read best first.
  const sorted = Array.from(argsortDoubles(merit)).reverse();
  const ranks = new Array<number>(merit.length).fill(0);
  const order: number[] = [];
  const ties: number[][] = [];
  for (let start = 0; start < sorted.length; ) {
    const head = sorted[start] ?? 0;
    let end = start + 1;
    while (end < sorted.length && tied(merit[head] as number, merit[sorted[end] ?? 0] as number)) end++;
    const group = sorted.slice(start, end).sort((a, b) => a - b);
    for (const i of group) ranks[i] = start + 1;
    order.push(...group);
    if (group.length > 1) ties.push(group);
    start = end;
  }
  return { ranks, order, ties };
}
