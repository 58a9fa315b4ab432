package org.probity.dist;

import org.probity.ad.Real;

/**
 * A continuous distribution with a cumulative distribution function F and its inverse, which is
 * what {@link Truncated} needs to renormalise and to sample by inversion.
 *
 * <p>{@link #cdf(Real)} is differentiable: with respect to its argument (the density) and to the
 * distribution's parameters (closed form where one exists, otherwise a differentiated series or
 * continued fraction, or a finite difference of the special function, as documented on each
 * distribution).
 */
public interface ContinuousCdf extends Continuous {
  /** F(x) = P(X &lt;= x), differentiable. */
  Real cdf(Real x);

  /** F(x) as a double. */
  default double cdf(double x) {
    return cdf(Real.of(x)).value();
  }

  /** 1 - F(x), differentiable; overridden where a direct form is accurate in the upper tail. */
  default Real survival(Real x) {
    return cdf(x).rminus(1.0);
  }

  /** 1 - F(x) as a double. */
  default double survival(double x) {
    return survival(Real.of(x)).value();
  }

  /**
   * The quantile F^-1(p) for p in [0, 1]. The default inverts the CDF numerically (bracketing
   * then safeguarded Newton–bisection); distributions with a closed form override it.
   */
  default double inverseCdf(double p) {
    return Special.invert(this, p);
  }

  /**
   * The upper quantile: x with 1 - F(x) = q. The default is {@code inverseCdf(1 - q)}, which
   * loses precision for tiny q; distributions with a closed form override it.
   */
  default double inverseSurvival(double q) {
    Special.checkProbability(this, q);
    return inverseCdf(1 - q);
  }
}
