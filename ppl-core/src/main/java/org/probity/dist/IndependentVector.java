package org.probity.dist;

import org.apache.commons.rng.UniformRandomProvider;
import org.probity.ad.Real;

/**
 * A vector of independent continuous coordinates, as one site with a {@code Real[]} value
 * ({@link Iid}: identically distributed; {@link Product}: one distribution per coordinate), with a
 * plain-double path for data: {@link #logProb(double[])} scores a {@code double[]} without
 * wrapping its entries, which is what {@link Plate} observes.
 */
public sealed interface IndependentVector extends Distribution<Real[]> permits Iid, Product {
  /** The number of coordinates. */
  int size();

  /** The distribution of coordinate i. */
  Continuous component(int i);

  /** One draw as plain doubles (the same stream as {@link #sample}). */
  double[] sampleDoubles(UniformRandomProvider rng);

  /** The log density of a data vector, differentiable in the parameters (one tape node where the base allows). */
  Real logProb(double[] data);

  /** The log density of a data vector as a double. */
  double logDensity(double[] data);

  /** Draws one vector; its entries are constants. */
  @Override
  default Real[] sample(UniformRandomProvider rng) {
    return Real.of(sampleDoubles(rng));
  }

  /** Checks the length of a value or data vector. */
  default void checkLength(int length) {
    if (length != size()) {
      throw new DistributionException(name() + ": expected " + size() + " values, got " + length);
    }
  }
}
