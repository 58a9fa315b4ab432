package org.probity.dist;

import org.apache.commons.rng.UniformRandomProvider;
import org.probity.ad.Real;

/**
 * {@code n} independent draws from one continuous distribution, as a distribution over
 * {@code double[]}: the vectorised observation behind {@code plate}. Its log density is the
 * base distribution's {@link Continuous#logProbSum}, a single tape node.
 */
public record Iid(Continuous base, int n) implements Distribution<double[]> {
  /** Validates the size. */
  public Iid {
    if (n < 0) {
      throw new DistributionException("Iid: size n must be non-negative, got " + n);
    }
  }

  @Override
  public double[] sample(UniformRandomProvider rng) {
    if (base instanceof Normal normal) {
      return normal.sampleDoubles(rng, n); // one ziggurat sampler for all n draws (random-walk proposals)
    }
    double[] xs = new double[n];
    for (int i = 0; i < n; i++) {
      xs[i] = base.sampleDouble(rng);
    }
    return xs;
  }

  @Override
  public Real logProb(double[] xs) {
    if (xs.length != n) {
      throw new DistributionException("Iid(" + base.name() + ", " + n + "): expected " + n + " values, got " + xs.length);
    }
    return base.logProbSum(xs);
  }

  @Override
  public String name() {
    return "Iid(" + base.name() + ", " + n + ")";
  }
}
