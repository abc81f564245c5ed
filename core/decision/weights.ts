/**
 * Criteria weights from direct values, rank-order centroids or swing scores. Pure functions over
 * plain arrays; the caller has already checked lengths and signs.
 */

/** Divides by the sum, so weights are shares of 1; all-zero input stays all zero. */
export function normalizeToSum(weights: readonly number[]): number[] {
  const total = weights.reduce((sum, w) => sum + w, 0);
  return total > 0 ? weights.map((w) => w / total) : weights.map(() => 0);
}

/**
 * Rank-order centroid weights (Barron & Barrett 1996): the criterion at position k of n gets
 * (1/n)·Σ_{i=k..n} 1/i. `ranks[j]` is criterion j's rank, 1 = most important. Tied criteria share
 * the mean of the centroid weights of the positions they occupy, so the total stays 1.
 */
export function rocWeights(ranks: readonly number[]): number[] {
  const n = ranks.length;
  const centroid = (position: number): number => {
    let sum = 0;
    for (let i = position; i <= n; i++) sum += 1 / i;
    return sum / n;
  };
  const order = ranks.map((rank, j) => ({ rank, j })).sort((a, b) => a.rank - b.rank || a.j - b.j);
  const weights = new Array<number>(n).fill(0);
  for (let start = 0; start < n; ) {
    let end = start;
    while (end + 1 < n && order[end + 1]?.rank === order[start]?.rank) end++;
    let shared = 0;
    for (let position = start + 1; position <= end + 1; position++) shared += centroid(position);
    shared /= end - start + 1;
    for (let k = start; k <= end; k++) weights[order[k]?.j ?? 0] = shared;
    start = end + 1;
  }
  return weights;
}

/**
 * Swing weights (von Winterfeldt & Edwards 1986): each criterion's points say how much swinging
 * it from worst to best is worth, the most valuable swing usually scored 100; weights are the
 * points as shares of their total.
 */
export function swingWeights(points: readonly number[]): number[] {
  return normalizeToSum(points);
}
