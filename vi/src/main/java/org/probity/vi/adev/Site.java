package org.probity.vi.adev;

import org.probity.ad.Real;
import org.probity.core.Address;
import org.probity.core.Weights;
import org.probity.dist.Distribution;

/**
 * A random choice of an objective program as an estimator sees it: its address (the model's or
 * guide's own address where it has one) and its distribution, whose {@link Real} parameters may
 * be nodes of the tape the gradient is taken on.
 *
 * @param address the choice's address
 * @param dist its distribution (without estimator tag)
 */
public record Site(Address address, Distribution<?> dist) {
  /** The log density of {@code x}, differentiable in the distribution's parameters. */
  public Real logProb(Object x) {
    return Weights.choiceReal(dist, x, address);
  }

  /** The log density of {@code x} as a double. */
  public double logDensity(Object x) {
    return Weights.choice(dist, x, address);
  }

  /** The error for an estimator that cannot handle this site, naming it, the address and the distribution. */
  public UnsupportedEstimatorException unsupported(String estimator, String why) {
    return new UnsupportedEstimatorException(estimator + " cannot estimate the gradient at " + address + " from "
        + Weights.briefly(dist) + ": " + why);
  }

  @Override
  public String toString() {
    return address + " ~ " + Weights.briefly(dist);
  }
}
