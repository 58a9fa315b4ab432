package org.probity.dist;

import org.apache.commons.rng.UniformRandomProvider;
import org.probity.ad.Real;

/**
 * A vector of conditionally independent coordinates as a plain {@code double[]}: the likelihood
 * of an observed data vector (the plate of graphical-model notation), and auxiliary noise that
 * carries no gradient (a random-walk proposal's increments). It is the one distribution over
 * {@code double[]}: data carry no gradient, so observing n values costs no Real per entry. A
 * model's own vector-valued random choices use {@link Iid} or {@link Product} (values
 * {@code Real[]}), whose data path this delegates to.
 */
public record Plate(IndependentVector components) implements Distribution<double[]> {
  /** Validates the components. */
  public Plate {
    if (components == null) {
      throw new DistributionException("Plate: components must not be null");
    }
  }

  /** {@code n} independent draws from {@code base} as a data vector. */
  public static Plate iid(Continuous base, int n) {
    return new Plate(new Iid(base, n));
  }

  @Override
  public double[] sample(UniformRandomProvider rng) {
    return components.sampleDoubles(rng);
  }

  @Override
  public Real logProb(double[] data) {
    return components.logProb(data);
  }

  @Override
  public double logDensity(double[] data) {
    return components.logDensity(data);
  }

  /** The components' support. */
  @Override
  public Constraint support() {
    return components.support();
  }

  @Override
  public String name() {
    return "Plate(" + components.name() + ")";
  }
}
