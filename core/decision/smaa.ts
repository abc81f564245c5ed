import type { MethodModel } from './methods/model.ts';
import { mulberry32, sampleSimplex } from './random.ts';
import { tied } from './rank.ts';
import type { Smaa } from './schema.ts';

/**
 * SMAA-2 without weight information (Lahdelma & Salminen 2001): weights drawn uniformly from the
 * simplex; for each sample the alternatives are ranked with the chosen method. The rank
 * acceptability bᵢʳ is the share of samples giving alternative i rank r; the central weight
 * vector is the mean of the samples in which it ranks first. The problem's own weights are not
 * used: SMAA asks which alternatives win under any weighting.
 */
export function runSmaa(model: MethodModel, criteria: number, samples: number, seed: number): Smaa {
  const random = mulberry32(seed);
  const weights = new Float64Array(criteria);
  let merit = model.merit(sampleSimplex(random, weights));
  const m = merit.length;
  const counts = new Float64Array(m * m);
  const central = new Float64Array(m * criteria);
  const firsts = new Float64Array(m);
  const order = Int32Array.from(merit.keys());

  for (let sample = 0; sample < samples; sample++) {
    if (sample > 0) merit = model.merit(sampleSimplex(random, weights));
    sortByMerit(order, merit);
    let rank = 0;
    for (let position = 0; position < m; position++) {
      const i = order[position] as number;
      // Tied alternatives share the better rank, as in the main ranking.
      if (position > 0 && !tied(merit[order[position - 1] as number] as number, merit[i] as number)) rank = position;
      counts[i * m + rank] = (counts[i * m + rank] as number) + 1;
      if (rank === 0) {
        firsts[i] = (firsts[i] as number) + 1;
        for (let j = 0; j < criteria; j++) central[i * criteria + j] = (central[i * criteria + j] as number) + (weights[j] as number);
      }
    }
  }

  const acceptability: number[][] = [];
  const centralWeights: (number[] | null)[] = [];
  for (let i = 0; i < m; i++) {
    acceptability.push(Array.from(counts.subarray(i * m, (i + 1) * m), (c) => c / samples));
    const wins = firsts[i] as number;
    centralWeights.push(wins === 0 ? null : Array.from(central.subarray(i * criteria, (i + 1) * criteria), (w) => w / wins));
  }
  return { samples, seed, acceptability, centralWeights };
}

/** Up to this many alternatives, insertion sort from the previous sample's order wins. */
const INSERTION_SORT_LIMIT = 64;

/**
 * Sorts `order` by merit, best first (ties by index). Consecutive samples often rank alike, and
 * starting from the previous order an insertion sort beats a comparator sort of a fresh array
 * several times over for the tens of alternatives SMAA is typically run on.
 */
function sortByMerit(order: Int32Array, merit: Float64Array): void {
  if (order.length > INSERTION_SORT_LIMIT) {
    order.sort((a, b) => (merit[b] as number) - (merit[a] as number) || a - b);
    return;
  }
  for (let k = 1; k < order.length; k++) {
    const item = order[k] as number;
    const value = merit[item] as number;
    let position = k - 1;
    while (position >= 0) {
      const other = order[position] as number;
      const otherValue = merit[other] as number;
      if (otherValue > value || (otherValue === value && other < item)) break;
      order[position + 1] = other;
      position--;
    }
    order[position + 1] = item;
  }
}
