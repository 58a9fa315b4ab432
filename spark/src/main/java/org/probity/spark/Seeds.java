package org.probity.spark;

import java.nio.charset.StandardCharsets;
import org.probity.random.Rngs;

/**
 * Seed arithmetic that lets a piece of a run reproduce its place in the whole run: {@link #offset}
 * gives the seed whose child j is child k + j of another seed, so a one-chain run seeded with
 * {@code offset(seed, c)} is chain c of the n-chain run seeded with {@code seed}, bit for bit.
 */
public final class Seeds {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  private static final long K = 0x5DEECE66DL;
  private static final long M1 = 0xBF58476D1CE4E5B9L;
  private static final long M2 = 0x94D049BB133111EBL;
  private static final long M1_INV = inverse(M1);
  private static final long M2_INV = inverse(M2);

  private Seeds() {
  }

  /**
   * The seed s' with {@code Rngs.childSeed(s', j) == Rngs.childSeed(seed, k + j)} for every j
   * (Rngs.childSeed(s, i) = mix64(mix64(s ^ K) + (i + 1) * golden), and mix64 is a bijection).
   */
  public static long offset(long seed, long k) {
    return unmix64(Rngs.mix64(seed ^ K) + k * GOLDEN) ^ K;
  }

  /** The inverse of {@link Rngs#mix64}. */
  static long unmix64(long z) {
    z = unxorshift(z, 31);
    z *= M2_INV;
    z = unxorshift(z, 27);
    z *= M1_INV;
    return unxorshift(z, 30);
  }

  /**
   * A 64-bit index for a group key (FNV-1a of its UTF-8 bytes, then mix64): a group's stream is
   * {@code Rngs.split(seed, keyIndex(key))}, the same whichever other groups there are and
   * wherever the group runs.
   */
  public static long keyIndex(String key) {
    long h = 0xCBF29CE484222325L;
    for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xFF;
      h *= 0x100000001B3L;
    }
    return Rngs.mix64(h);
  }

  private static long unxorshift(long z, int s) {
    long x = z;
    for (int i = 0; i < 64 / s + 1; i++) {
      x = z ^ (x >>> s);
    }
    return x;
  }

  /** The multiplicative inverse of an odd long modulo 2^64 (Newton's iteration). */
  private static long inverse(long a) {
    long x = a;
    for (int i = 0; i < 6; i++) {
      x *= 2 - a * x;
    }
    return x;
  }
}
