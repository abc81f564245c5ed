/**
 * mulberry32 (Tommy Ettinger, public domain): a 32-bit seeded generator, small and fast, with a
 * full 2³² period — plenty for Monte Carlo weights, and identical on every platform, so a seed
 * reproduces a SMAA run exactly.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A point uniform on the simplex {w ≥ 0, Σw = 1}: normalised independent exponential variates
 * (the exponential-spacings method; Rubinstein 1982, Devroye 1986 §V.2), i.e. Dirichlet(1, …, 1).
 */
export function sampleSimplex(random: () => number, out: Float64Array): Float64Array {
  let total = 0;
  for (let j = 0; j < out.length; j++) {
    // 1 − u lies in (0, 1], so the logarithm is finite.
    const e = -Math.log(1 - random());
    out[j] = e;
    total += e;
  }
  for (let j = 0; j < out.length; j++) out[j] = (out[j] as number) / total;
  return out;
}
