/*
 * Seeded randomness for the simulations in bench/: the same seed gives the same month of
 * parcels, so two policies (or a model and its baselines) see the very same traffic.
 */

/** Mulberry32: a small seeded PRNG. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal (Box–Muller) and a Poisson draw (Knuth for small means, normal approximation for large ones) from `random`. */
export function samplers(random: () => number): { gaussian: () => number; poisson: (mean: number) => number } {
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const poisson = (mean: number) => {
    if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian()));
    let k = 0;
    let p = 1;
    const limit = Math.exp(-mean);
    do {
      k++;
      p *= random();
    } while (p > limit);
    return k - 1;
  };
  return { gaussian, poisson };
}
