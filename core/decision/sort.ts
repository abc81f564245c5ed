/**
 * Indices that sort finite doubles ascending, by an LSD radix sort on their bit patterns. Mapped
 * the usual way (negative numbers: all bits flipped; others: the sign bit flipped), the IEEE-754
 * pattern read as an unsigned 64-bit integer orders like the value, so eight stable byte passes
 * sort exactly, equal values keeping their index order. It replaces a comparator sort of indices,
 * several times slower in V8, in the engine's hottest loops (PROMETHEE's per-criterion sweep,
 * ranking 1,000 alternatives).
 */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

export function argsortDoubles(values: Float64Array): Int32Array {
  const m = values.length;
  // x + 0 turns −0 into +0, so the two zeros tie (and keep index order) as they compare equal.
  const copy = new Float64Array(m);
  for (let i = 0; i < m; i++) copy[i] = (values[i] as number) + 0;
  const raw = new Uint32Array(copy.buffer);
  const lowWord = LITTLE_ENDIAN ? 0 : 1;
  // keys[2i] is the low 32 bits, keys[2i + 1] the high 32 bits of the order-preserving key.
  const keys = new Uint32Array(m * 2);
  for (let i = 0; i < m; i++) {
    const low = raw[2 * i + lowWord] as number;
    const high = raw[2 * i + 1 - lowWord] as number;
    const negative = high >>> 31 === 1;
    keys[2 * i] = negative ? ~low : low;
    keys[2 * i + 1] = negative ? ~high : high ^ 0x80000000;
  }
  let order = new Int32Array(m);
  for (let i = 0; i < m; i++) order[i] = i;
  let next = new Int32Array(m);
  const counts = new Int32Array(256);
  for (let pass = 0; pass < 8; pass++) {
    const word = pass < 4 ? 0 : 1;
    const shift = (pass % 4) * 8;
    counts.fill(0);
    for (let i = 0; i < m; i++) {
      const bucket = ((keys[(order[i] as number) * 2 + word] as number) >>> shift) & 255;
      counts[bucket] = (counts[bucket] as number) + 1;
    }
    let start = 0;
    for (let b = 0; b < 256; b++) {
      const count = counts[b] as number;
      counts[b] = start;
      start += count;
    }
    for (let i = 0; i < m; i++) {
      const index = order[i] as number;
      const bucket = ((keys[index * 2 + word] as number) >>> shift) & 255;
      next[counts[bucket] as number] = index;
      counts[bucket] = (counts[bucket] as number) + 1;
    }
    [order, next] = [next, order];
  }
  return order;
}
