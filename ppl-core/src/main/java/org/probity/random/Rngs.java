package org.probity.random;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Seeded, splittable random generators. Every chain's, particle's and plate member's stream is
 * derived from a (seed, index) pair through the SplitMix64 finaliser (Steele, Lea and Flood,
 * "Fast splittable pseudorandom number generators", OOPSLA 2014), never from thread order, so
 * parallel runs are bit-identical whatever the number of threads.
 */
public final class Rngs {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private Rngs() {
  }

  /** A generator (xoroshiro128++) seeded from one long. */
  public static UniformRandomProvider of(long seed) {
    return new Xoroshiro128PlusPlus(seed);
  }

  /** The generator of child {@code index} of {@code seed}. */
  public static UniformRandomProvider split(long seed, long index) {
    return of(childSeed(seed, index));
  }

  /** The seed of child {@code index} of {@code seed}. */
  public static long childSeed(long seed, long index) {
    return mix64(mix64(seed ^ 0x5DEECE66DL) + (index + 1) * GOLDEN);
  }

  /** The SplitMix64 finaliser (a bijection on longs with good avalanche). */
  public static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
