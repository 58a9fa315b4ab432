package org.probity.inference.tempered;

import org.apache.commons.rng.UniformRandomProvider;
import org.probity.ad.Real;
import org.probity.dist.Distribution;

/**
 * The uniform distribution on the 2^64 values of a {@code long}, drawn as the seed of a generator:
 * how a move that runs on a generator (the HMC engine) becomes a program whose randomness is one
 * sample node. Under the Sampler the seed comes from the part's own split generator, so the move
 * is reproducible for a seed whatever the number of threads. Its support is not finite, so the
 * Enumerator refuses it with a clear error.
 */
final class GeneratorSeed implements Distribution<Long> {
  /** The one instance. */
  static final GeneratorSeed INSTANCE = new GeneratorSeed();

  private static final double LOG_MASS = -64 * Math.log(2);

  private GeneratorSeed() {
  }

  @Override
  public Long sample(UniformRandomProvider rng) {
    return rng.nextLong();
  }

  @Override
  public Real logProb(Long x) {
    return Real.of(x == null ? Double.NEGATIVE_INFINITY : LOG_MASS);
  }

  @Override
  public String name() {
    return "GeneratorSeed";
  }

  @Override
  public String toString() {
    return name();
  }
}
