package org.probity.random;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * The xoroshiro128++ generator (Blackman and Vigna, "Scrambled linear pseudorandom number
 * generators", ACM TOMS 2021), the same algorithm and output as Commons RNG's
 * {@code XoRoShiRo128PlusPlus}, with one addition: {@link #reseed} re-initialises it in place
 * from a (split) seed. Hot loops that give each of many particles its own stream (derived from
 * (seed, index)) reuse one generator per worker instead of allocating one per particle; the
 * streams are the same as those of fresh generators. Not thread-safe: one per thread.
 */
public final class Xoroshiro128PlusPlus implements UniformRandomProvider {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  private long s0;
  private long s1;

  /** A generator seeded from {@code seed} as {@link Rngs#of} seeds it. */
  public Xoroshiro128PlusPlus(long seed) {
    reseed(seed);
  }

  /** Re-initialises the state from {@code seed}; the stream is that of {@code new Xoroshiro128PlusPlus(seed)}. */
  public void reseed(long seed) {
    long a = Rngs.mix64(seed + GOLDEN);
    long b = Rngs.mix64(seed + 2 * GOLDEN);
    if (a == 0 && b == 0) {
      b = GOLDEN;
    }
    s0 = a;
    s1 = b;
  }

  /** Sets the raw state (for comparison with the reference implementation). */
  void setState(long a, long b) {
    s0 = a;
    s1 = b;
  }

  @Override
  public long nextLong() {
    long a = s0;
    long b = s1;
    long result = Long.rotateLeft(a + b, 17) + a;
    b ^= a;
    s0 = Long.rotateLeft(a, 49) ^ b ^ (b << 21);
    s1 = Long.rotateLeft(b, 28);
    return result;
  }

  @Override
  public String toString() {
    return "Xoroshiro128PlusPlus";
  }
}
