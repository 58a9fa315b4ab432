package org.probity.dist;

import org.apache.commons.rng.UniformRandomProvider;
import org.probity.ad.Real;

/**
 * A distribution's density raised to a power, p(x)^beta, for observations only: the likelihood
 * tempering of annealed importance sampling and SMC samplers (Neal 2001; Del Moral, Doucet and
 * Jasra 2006) and the rescaling of a minibatch's likelihood. It is not normalised, so it cannot be
 * sampled. Where p(x) = 0 the tempered density is 0 too, for every power.
 */
public final class Tempered<X> implements Distribution<X> {
  private final Distribution<X> base;
  private final double power;

  private Tempered(Distribution<X> base, double power) {
    this.base = base;
    this.power = power;
  }

  /**
   * p^power for the base distribution p.
   *
   * @throws DistributionException if the power is negative or not finite
   */
  public static <X> Tempered<X> of(Distribution<X> base, double power) {
    if (!(power >= 0) || !Double.isFinite(power)) {
      throw new DistributionException("Tempered: the power must be finite and non-negative, got " + power);
    }
    return new Tempered<>(base, power);
  }

  /** The distribution whose density is raised to the power. */
  public Distribution<X> base() {
    return base;
  }

  /** The power. */
  public double power() {
    return power;
  }

  @Override
  public X sample(UniformRandomProvider rng) {
    throw new UnsupportedOperationException(name() + " is a tempered density for observations; it cannot be sampled");
  }

  @Override
  public Real logProb(X x) {
    Real l = base.logProb(x);
    return l.value() == Double.NEGATIVE_INFINITY ? l : l.times(power);
  }

  @Override
  public double logDensity(X x) {
    double l = base.logDensity(x);
    return l == Double.NEGATIVE_INFINITY ? l : l * power;
  }

  @Override
  public Constraint support() {
    return base.support();
  }

  @Override
  public String name() {
    return base.name() + "^" + power;
  }

  @Override
  public String toString() {
    return name();
  }
}
