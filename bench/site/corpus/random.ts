/** A seeded random source: the same seed gives the same sequence on every platform (32-bit integer arithmetic only). */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  between(min: number, max: number): number;
  one<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
  /** `count` distinct items, in a random order. */
  some<T>(items: readonly T[], count: number): T[];
}

/** SplitMix32: a small, well-mixed generator, plenty for synthetic text. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return ((z ^ (z >>> 16)) >>> 0) / 0x1_0000_0000;
  };
  const between = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    between,
    one: (items) => items[Math.floor(next() * items.length)]!,
    chance: (probability) => next() < probability,
    some(items, count) {
      const pool = [...items];
      const picked = [];
      while (picked.length < count && pool.length > 0) picked.push(pool.splice(Math.floor(next() * pool.length), 1)[0]!);
      return picked;
    },
  };
}

/**
 * A long tail of made-up terms (tool names, identifiers, hosts) drawn with Zipf-like frequencies: real
 * documentation has tens of thousands of rare terms, and a corpus without them would index unrealistically small.
 */
export function longTail(seed: number, size = 30_000, exponent = 1.07): (random: Random) => string {
  const random = seededRandom(seed ^ 0x2545f491);
  const syllables = ['ar', 'bel', 'cyn', 'dor', 'el', 'fam', 'gor', 'hex', 'im', 'jor', 'kal', 'lun', 'mer', 'nov', 'ost',
    'pra', 'qel', 'rin', 'sun', 'tal', 'ur', 'vek', 'wyn', 'xar', 'yor', 'zel', 'ba', 'ce', 'di', 'fo', 'gu', 'ha', 'ki', 'lo', 'mu', 'ne'];
  const words = new Set<string>();
  while (words.size < size) {
    let word = '';
    for (let parts = random.between(2, 4); parts > 0; parts--) word += random.one(syllables);
    words.add(word);
  }
  const lexicon = [...words];
  const cumulative = new Float64Array(size);
  let total = 0;
  for (let rank = 0; rank < size; rank++) cumulative[rank] = total += 1 / (rank + 1) ** exponent;
  return (draw) => {
    const target = draw.next() * total;
    let low = 0;
    let high = size - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (cumulative[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return lexicon[low]!;
  };
}
